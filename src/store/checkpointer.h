// Checkpointer: copies the write-ahead log into the database file on a
// thread of its own. SQLite's automatic checkpoint runs inside the COMMIT
// that takes the log past its threshold, so that writer (and every write
// queued behind it) would wait for the copy and its fsyncs; here the commit
// only wakes this thread. Checkpoints are PASSIVE: they never block writers
// or readers, and copy what no reader still needs.
//
//   auto checkpointer = Checkpointer::Start(path, *writer);
//   ...  // commits on `writer`; the Checkpointer is destroyed before it
#ifndef NEWSLOOM_STORE_CHECKPOINTER_H_
#define NEWSLOOM_STORE_CHECKPOINTER_H_

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "newsloom/status.h"
#include "store/sqlite_db.h"

namespace newsloom::store {

class Checkpointer {
 public:
  // Takes over the checkpoints of `writer`, a connection to the database at
  // `path`: one starts once a commit leaves at least `pages` pages in the
  // log (SQLite's own default threshold is 1000). `writer` must outlive it.
  static Result<std::unique_ptr<Checkpointer>> Start(const std::string& path, Connection& writer,
                                                     int pages = 1000);
  // Stops the thread and gives `writer` back its automatic checkpoints.
  ~Checkpointer();

  Checkpointer(const Checkpointer&) = delete;
  Checkpointer& operator=(const Checkpointer&) = delete;

 private:
  Checkpointer(Connection& writer, std::unique_ptr<Connection> own, int pages);
  static int OnCommit(void* self, sqlite3* db, const char* database, int pages);
  void Run();

  Connection& writer_;
  std::unique_ptr<Connection> own_;  // used by the thread only
  const int pages_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool due_ = false;   // GUARDED_BY(mutex_)
  bool stop_ = false;  // GUARDED_BY(mutex_)
  std::thread thread_;
};

}  // namespace newsloom::store

#endif  // NEWSLOOM_STORE_CHECKPOINTER_H_
