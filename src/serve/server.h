// Server: the HTTP API, the feeds and the web page over a Store.
//
//   serve::Server server(store, newsroom, options);
//   auto port = server.Bind();   // port 0 picks a free port
//   server.Run();                // blocks until Stop()
//
// Endpoints (JSON unless said otherwise; errors are {"error": "..."}):
//   GET    /api/health                 {"status":"ok","articles":N,"stories":M, counters}
//   GET    /api/facets                 {"categories":[{"value","stories"}],"languages":[...]}
//   GET    /api/stories                ?category&language&source&entity&since&until&q
//                                      &limit&cursor -> {"stories":[...],"next":CURSOR|null}
//                                      (each story with its 20 most frequent entities)
//   GET    /api/stories/{id}           the story (DESIGN.md shape) + "article_details"
//   GET    /api/articles/{id}          the article with text, entities, dates, "summary"
//   GET    /api/search?q=              &type=all|articles|stories, filters, limit
//                                      -> {"results":[...]} best first
//   POST   /api/articles               body text/html, text/plain or application/json;
//                                      ?id= optional -> 201 {"id","status","ids"}
//   DELETE /api/articles/{id}          204, or 404
//   GET    /feeds/stories/rss|atom, /feeds/category/{c}/rss|atom, /feeds/story/{id}/rss|atom
//   GET    /, /app.js, /app.css        the web page
//
// The story list (without q, source or entity) and the story pages are
// answered from a StoryCatalog kept in step with the store by the Newsroom's
// commit listener: no store access and no lock per request. A commit by
// another process is noticed within a quarter second and the catalog is then
// reloaded; until then those answers do not show it.
//
// Thread-safe: requests run on a pool of threads (http::Server); Stop() may
// be called from any thread (a signal handler thread, a test).
#ifndef NEWSLOOM_SERVE_SERVER_H_
#define NEWSLOOM_SERVE_SERVER_H_

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "http/message.h"
#include "http/router.h"
#include "http/server.h"
#include "newsloom/status.h"
#include "serve/newsroom.h"
#include "serve/response_cache.h"
#include "serve/story_catalog.h"
#include "store/store.h"

namespace newsloom::serve {

struct ServerOptions {
  // Address to listen on. The default serves this machine only; "0.0.0.0"
  // exposes the server (then set a token).
  std::string host = "127.0.0.1";
  int port = 8080;  // 0 picks a free port
  // When set, POST and DELETE need "Authorization: Bearer <token>"; reads are open.
  std::string token;
  // Requests with a larger body get 413.
  size_t max_body_bytes = size_t(8) << 20;
  // A connection that sends nothing (or cannot take the response) for this long is closed.
  int read_timeout_seconds = 10;
  int write_timeout_seconds = 10;
  // Threads answering requests. Connections do not hold one while idle: one
  // event-loop thread reads and writes them all and queues whole requests.
  int threads = 8;
  // Threads answering POST and DELETE: a write waits for its group commit,
  // which takes every writer waiting, so more writers make larger commits.
  int write_threads = 64;
};

class Server {
 public:
  // `store` and `newsroom` must outlive the Server. Loads the story catalog
  // from `store` (a few seconds for 100,000 articles).
  Server(store::Store& store, Newsroom& newsroom, ServerOptions options);
  ~Server();

  // Binds the listening socket; returns the port. IOError when it cannot.
  Result<int> Bind();
  // Serves until Stop(). REQUIRES: Bind() succeeded.
  void Run();
  void Stop();

 private:
  void Routes();
  void ApiRoutes();
  void FeedRoutes();
  void WebRoutes();
  bool Authorized(const http::Request& request, http::Response& response) const;
  std::string BaseUrl(const http::Request& request) const;
  // Serves GET `request` from the cache when the store is unchanged, else
  // runs `handler` and caches a 200 answer.
  void Cached(const http::Request& request, http::Response& response,
              const std::function<void(http::Response&)>& handler);
  // Reloads the catalog whenever another process commits, until stopped.
  void WatchForeignCommits();
  void LoadCatalog();

  store::Store& store_;
  Newsroom& newsroom_;
  ServerOptions options_;
  int port_ = 0;
  http::Router router_;
  std::unique_ptr<http::Server> http_;
  ResponseCache cache_{4096};
  StoryCatalog catalog_;
  std::atomic<bool> catalog_ready_{false};  // false: the catalog could not be loaded
  uint64_t foreign_version_ = 0;            // only the watcher thread uses it
  std::mutex watcher_mutex_;
  std::condition_variable watcher_wake_;
  bool watcher_stop_ = false;  // GUARDED_BY(watcher_mutex_)
  std::thread watcher_;
  std::atomic<int64_t> requests_{0};
  std::atomic<int64_t> client_errors_{0};
  std::atomic<int64_t> server_errors_{0};
  std::atomic<int64_t> articles_posted_{0};
};

}  // namespace newsloom::serve

#endif  // NEWSLOOM_SERVE_SERVER_H_
