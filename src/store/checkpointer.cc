#include "store/checkpointer.h"

#include <signal.h>

namespace newsloom::store {

Result<std::unique_ptr<Checkpointer>> Checkpointer::Start(const std::string& path,
                                                          Connection& writer, int pages) {
  auto own = Connection::Open(path);
  if (!own.ok()) return own.status();
  std::unique_ptr<Checkpointer> checkpointer(new Checkpointer(writer, std::move(*own), pages));
  writer.SetWalHook(&Checkpointer::OnCommit, checkpointer.get());
  return checkpointer;
}

Checkpointer::Checkpointer(Connection& writer, std::unique_ptr<Connection> own, int pages)
    : writer_(writer), own_(std::move(own)), pages_(pages), thread_([this] { Run(); }) {}

Checkpointer::~Checkpointer() {
  writer_.SetAutoCheckpoint(pages_);  // replaces this hook with SQLite's own
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stop_ = true;
  }
  wake_.notify_one();
  thread_.join();
}

int Checkpointer::OnCommit(void* self, sqlite3* /*db*/, const char* /*database*/, int pages) {
  auto* checkpointer = static_cast<Checkpointer*>(self);
  if (pages >= checkpointer->pages_) {
    {
      std::lock_guard<std::mutex> lock(checkpointer->mutex_);
      checkpointer->due_ = true;
    }
    checkpointer->wake_.notify_one();
  }
  return SQLITE_OK;
}

void Checkpointer::Run() {
  // Signals are for the program's own threads (serve waits for SIGTERM on
  // one): a store may be opened before the program blocks them.
  sigset_t all;
  sigfillset(&all);
  pthread_sigmask(SIG_BLOCK, &all, nullptr);
  std::unique_lock<std::mutex> lock(mutex_);
  while (true) {
    wake_.wait(lock, [this] { return due_ || stop_; });
    if (stop_) return;
    due_ = false;
    lock.unlock();
    // A checkpoint that fails (busy past the timeout, disk full) leaves the
    // log as it is: the next commit past the threshold asks again, and the
    // data is safe in the log meanwhile.
    (void)own_->Exec("PRAGMA wal_checkpoint(PASSIVE)");
    lock.lock();
  }
}

}  // namespace newsloom::store
