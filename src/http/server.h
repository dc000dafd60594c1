// Server: HTTP/1.1 over TCP with one event-loop thread for all connections
// and a small pool of workers for the handlers.
//
//   http::Server server(options, [&router](http::Request& request, http::Response& response) {
//     router.Dispatch(request, response);
//   });
//   auto port = server.Bind();  // options.port 0 picks a free port
//   server.Run();               // blocks until Stop()
//
// The loop thread reads, parses (ParseRequest) and writes; a complete request
// goes to a queue that the workers take in arrival order, so a connection
// never holds a thread while it is idle and requests are answered first come,
// first served however many connections are open. Reads (GET, HEAD) and
// writes have a pool each, so that slow writes never hold up the reads. Keep-alive, pipelining
// (one request of a connection at a time, in order), chunked request bodies,
// "Expect: 100-continue" and HEAD are handled here; so are the limits:
// malformed requests get 400, oversized ones 413/414/431 (then the connection
// closes), a request not complete within the read timeout 408, and idle or
// stalled connections are closed.
//
// Thread-safe: Stop() may be called from any thread, also before Run().
#ifndef NEWSLOOM_HTTP_SERVER_H_
#define NEWSLOOM_HTTP_SERVER_H_

#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "http/message.h"
#include "http/request_parser.h"
#include "newsloom/status.h"

namespace newsloom::http {

struct ServerOptions {
  std::string host = "127.0.0.1";  // a name or an IPv4/IPv6 address
  int port = 0;                    // 0 picks a free port
  Limits limits;
  int workers = 8;  // threads running the handlers of GET and HEAD requests
  // Threads running the handlers of every other method. Writes mostly wait
  // (on a lock, on the disk, on a group commit that takes all the writers
  // waiting), so many of them keep the CPU busy and the commits large.
  int write_workers = 64;
  size_t max_connections = 10000;  // beyond it new connections are closed at once
  int idle_timeout_seconds = 5;    // a kept-alive connection with no request
  int read_timeout_seconds = 10;   // from a request's first byte to its last
  int write_timeout_seconds = 10;  // a client that takes no bytes of its response
  // Sent with every response that does not set them itself.
  std::vector<std::pair<std::string, std::string>> default_headers;
};

class Server {
 public:
  // Answers every parsed request, on a worker thread. An exception it throws
  // becomes a 500.
  using Handler = std::function<void(Request&, Response&)>;
  // Sees every response just before it is sent: the handler's (with its request)
  // and the server's own to requests it could not take (request nullptr),
  // e.g. to count them. Runs on a worker or on the loop thread. Either way an
  // error (4xx, 5xx) has a body by then: the server's own are
  // {"error": "<what was wrong>"}, and a handler's error left without a body
  // gets {"error": "not found"}, "method not allowed", "internal error" (500),
  // "request failed" (other 5xx) or "bad request".
  using Finish = std::function<void(const Request*, const Response&)>;

  Server(ServerOptions options, Handler handler, Finish finish = {});
  ~Server();  // REQUIRES: Run() has returned (or was never called)
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Listens on options.host:options.port; returns the port. IOError when it cannot.
  Result<int> Bind();
  // Serves until Stop(). REQUIRES: Bind() succeeded.
  void Run();
  void Stop();

 private:
  struct Loop;
  std::unique_ptr<Loop> loop_;
};

}  // namespace newsloom::http

#endif  // NEWSLOOM_HTTP_SERVER_H_
