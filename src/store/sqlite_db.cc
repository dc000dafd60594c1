#include "store/sqlite_db.h"

namespace newsloom::store {

Statement::~Statement() {
  sqlite3_reset(statement_);
  sqlite3_clear_bindings(statement_);
}

Statement& Statement::Bind(int index, std::string_view text) {
  sqlite3_bind_text(statement_, index, text.data(), int(text.size()), SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::Bind(int index, int64_t value) {
  sqlite3_bind_int64(statement_, index, value);
  return *this;
}

Statement& Statement::Bind(int index, double value) {
  sqlite3_bind_double(statement_, index, value);
  return *this;
}

Statement& Statement::BindNull(int index) {
  sqlite3_bind_null(statement_, index);
  return *this;
}

bool Statement::Step() {
  int code = sqlite3_step(statement_);
  if (code == SQLITE_ROW) return true;
  if (code != SQLITE_DONE && status_.ok()) {
    status_ =
        Status::IOError(std::string("sqlite: ") + sqlite3_errmsg(sqlite3_db_handle(statement_)));
  }
  return false;
}

Status Statement::Run() {
  while (Step()) {
  }
  sqlite3_reset(statement_);
  Status status = status_;
  status_ = Status::Ok();
  return status;
}

std::string Statement::Text(int column) const {
  const unsigned char* text = sqlite3_column_text(statement_, column);
  if (text == nullptr) return {};
  return std::string(reinterpret_cast<const char*>(text),
                     size_t(sqlite3_column_bytes(statement_, column)));
}

int64_t Statement::Int(int column) const { return sqlite3_column_int64(statement_, column); }
double Statement::Real(int column) const { return sqlite3_column_double(statement_, column); }
bool Statement::IsNull(int column) const {
  return sqlite3_column_type(statement_, column) == SQLITE_NULL;
}

Result<std::unique_ptr<Connection>> Connection::Open(const std::string& path) {
  sqlite3* db = nullptr;
  int code = sqlite3_open_v2(
      path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (code != SQLITE_OK) {
    std::string message = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(code);
    sqlite3_close(db);
    return Status::IOError("cannot open " + path + ": " + message);
  }
  sqlite3_busy_timeout(db, 10000);
  sqlite3_extended_result_codes(db, 1);
  return std::unique_ptr<Connection>(new Connection(db));
}

Connection::~Connection() {
  for (auto& [sql, statement] : statements_) sqlite3_finalize(statement);
  sqlite3_close(db_);
}

Status Connection::Error(std::string_view what) const {
  return Status::IOError(std::string("sqlite: ") + std::string(what) + ": " + sqlite3_errmsg(db_));
}

Status Connection::Exec(const std::string& sql) {
  char* message = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    Status status = Status::IOError(std::string("sqlite: ") + (message ? message : "error"));
    sqlite3_free(message);
    return status;
  }
  return Status::Ok();
}

Result<std::unique_ptr<Statement>> Connection::Prepare(const std::string& sql) {
  auto found = statements_.find(sql);
  if (found == statements_.end()) {
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v3(db_, sql.c_str(), int(sql.size()), SQLITE_PREPARE_PERSISTENT, &statement,
                           nullptr) != SQLITE_OK) {
      return Error("prepare");
    }
    found = statements_.emplace(sql, statement).first;
  }
  return std::make_unique<Statement>(found->second);
}

Result<int64_t> Connection::QueryInt(const std::string& sql) {
  auto statement = Prepare(sql);
  if (!statement.ok()) return statement.status();
  if (!(*statement)->Step()) {
    if (!(*statement)->status().ok()) return (*statement)->status();
    return int64_t{0};
  }
  return (*statement)->Int(0);
}

}  // namespace newsloom::store
