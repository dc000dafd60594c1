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
#include "http/router.h"
#include "http/server.h"
#include "newsloom/status.h"
#include "tgnews/page_log.h"
#include "tgnews/thread_index.h"

namespace newsloom::tgnews {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 0;  // 0: any free port
  std::string db_dir = "tgnews-db";
  size_t max_body_bytes = size_t(16) << 20;  // larger PUTs get 413
  // Threads answering requests (the page analysis of a PUT runs on one);
  // connections do not hold one while idle.
  int threads = 8;
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
  http::Router router_;
  std::unique_ptr<http::Server> http_;
  std::atomic<bool> loaded_{false};
  std::thread loader_;
  Status load_status_;

  std::mutex mutex_;  // guards index_ and log_
  ThreadIndex index_;
  std::unique_ptr<PageLog> log_;
};

}  // namespace newsloom::tgnews

#endif  // NEWSLOOM_TGNEWS_SERVER_H_
