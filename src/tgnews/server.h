// The contest server: PUT /<name> indexes a page, DELETE /<name> forgets it,
// GET /threads answers the contest's query; 503 until the pages stored by an
// earlier run are read back. State lives in a ThreadIndex behind one mutex;
// extraction and analysis of a page run on the HTTP thread, outside it.
//
//   tgnews::Server server(options);
//   auto port = server.Bind();   // then Run() blocks; Stop() from any thread
#ifndef NEWSLOOM_TGNEWS_SERVER_H_
#define NEWSLOOM_TGNEWS_SERVER_H_

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "engine/article_analysis.h"
#include "newsloom/status.h"
#include "tgnews/page_log.h"
#include "tgnews/thread_index.h"

namespace httplib {
class Server;
}

namespace newsloom::tgnews {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 0;  // 0: any free port
  std::string db_dir = "tgnews-db";
  size_t max_body_bytes = size_t(16) << 20;  // larger PUTs get 413
  // HTTP worker threads. Each keep-alive connection holds one for its whole
  // life, so a client with as many connections as threads would leave a GET
  // on a further connection waiting until one closes: keep it well above the
  // connections a client opens. The analysis is CPU-bound whatever the count.
  int threads = 64;
  int load_threads = 2;  // pages analyzed at once while loading
};

class Server {
 public:
  // Loads the analysis models; fails when one cannot be loaded.
  static Result<std::unique_ptr<Server>> Create(const ServerOptions& options);
  ~Server();

  // Binds the listening socket; returns the port. IOError when it cannot.
  Result<int> Bind();
  // Reads the stored pages back (answering 503 meanwhile) and serves until
  // Stop. Returns the error that stopped loading, if any.
  Status Run();
  void Stop();
  bool loaded() const { return loaded_; }

 private:
  Server(const ServerOptions& options, std::unique_ptr<const ArticleAnalysis> analysis);
  void Routes();
  void Load();
  IndexedPage Prepare(std::string name, int64_t max_age, std::string_view body) const;

  ServerOptions options_;
  std::unique_ptr<const ArticleAnalysis> analysis_;
  std::unique_ptr<httplib::Server> http_;
  std::atomic<bool> loaded_{false};
  std::thread loader_;
  Status load_status_;

  std::mutex mutex_;  // guards index_ and log_
  ThreadIndex index_;
  std::unique_ptr<PageLog> log_;
};

}  // namespace newsloom::tgnews

#endif  // NEWSLOOM_TGNEWS_SERVER_H_
