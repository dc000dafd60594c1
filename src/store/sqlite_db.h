// Thin RAII wrappers over the SQLite C API: a connection with a cache of
// prepared statements, and a statement that binds, steps and reads columns.
// A Connection is not thread-safe: one thread uses it at a time.
#ifndef NEWSLOOM_STORE_SQLITE_DB_H_
#define NEWSLOOM_STORE_SQLITE_DB_H_

#include <sqlite3.h>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "newsloom/status.h"

namespace newsloom::store {

// A prepared statement borrowed from a Connection's cache; reset (bindings
// cleared) when it goes out of scope.
class Statement {
 public:
  explicit Statement(sqlite3_stmt* statement) : statement_(statement) {}
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Parameters are numbered from 1, as in SQLite.
  Statement& Bind(int index, std::string_view text);
  Statement& Bind(int index, int64_t value);
  Statement& Bind(int index, double value);
  Statement& BindNull(int index);

  // Advances: true when a row is ready, false when done or on error (see status()).
  bool Step();
  // Steps to completion (for writes) and resets, ready to bind again.
  // Returns the first error.
  Status Run();
  const Status& status() const { return status_; }

  // Columns are numbered from 0.
  std::string Text(int column) const;
  int64_t Int(int column) const;
  double Real(int column) const;
  bool IsNull(int column) const;

 private:
  sqlite3_stmt* statement_;
  Status status_;
};

class Connection {
 public:
  // Opens `path` (created when missing) with a busy timeout.
  static Result<std::unique_ptr<Connection>> Open(const std::string& path);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Runs one or more statements without results.
  Status Exec(const std::string& sql);
  // A cached prepared statement for `sql`; the Statement must be destroyed
  // before the same sql is prepared again.
  Result<std::unique_ptr<Statement>> Prepare(const std::string& sql);
  // The first column of the first row of `sql` as an integer.
  Result<int64_t> QueryInt(const std::string& sql);
  int64_t LastInsertRowId() const { return sqlite3_last_insert_rowid(db_); }
  // sqlite3_wal_hook: `hook(arg, db, database, pages in the log)` after each
  // commit, instead of the automatic checkpoint.
  void SetWalHook(int (*hook)(void*, sqlite3*, const char*, int), void* arg) {
    sqlite3_wal_hook(db_, hook, arg);
  }
  // sqlite3_wal_autocheckpoint: SQLite's own checkpoint back, at `pages`.
  void SetAutoCheckpoint(int pages) { sqlite3_wal_autocheckpoint(db_, pages); }
  Status Error(std::string_view what) const;

 private:
  explicit Connection(sqlite3* db) : db_(db) {}
  sqlite3* db_;
  std::map<std::string, sqlite3_stmt*> statements_;
};

}  // namespace newsloom::store

#endif  // NEWSLOOM_STORE_SQLITE_DB_H_
