// Router: which handler answers a request, by method and path pattern.
//
//   http::Router router;
//   router.Get("/api/stories/:id", [](const http::Request& request, http::Response& response) {
//     std::string id = request.matches[1];
//   });
//   router.Dispatch(request, response);
//
// A pattern is a path whose segments are literal, or ":name" (captures one
// non-empty segment), or a last "*" (captures the rest of the path, slashes
// and all, possibly empty). Captures go to request.matches[1...] in order;
// matches[0] is the whole path. Patterns match the percent-decoded path.
#ifndef NEWSLOOM_HTTP_ROUTER_H_
#define NEWSLOOM_HTTP_ROUTER_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "http/message.h"

namespace newsloom::http {

class Router {
 public:
  using Handler = std::function<void(const Request&, Response&)>;

  void Get(std::string_view pattern, Handler handler) { Add("GET", pattern, std::move(handler)); }
  void Post(std::string_view pattern, Handler handler) { Add("POST", pattern, std::move(handler)); }
  void Put(std::string_view pattern, Handler handler) { Add("PUT", pattern, std::move(handler)); }
  void Delete(std::string_view pattern, Handler handler) {
    Add("DELETE", pattern, std::move(handler));
  }

  // Runs the first route (in the order added) whose method and pattern match,
  // after filling request.matches; HEAD runs GET's route. No route for the
  // path: 404; routes for the path under other methods only: 405 with Allow.
  // Either way the response body is left empty for the caller to fill.
  void Dispatch(Request& request, Response& response) const;

 private:
  struct Route {
    std::string method;
    std::vector<std::string> segments;  // "/a/:b/*" -> {"a", ":b", "*"}
    Handler handler;
  };
  void Add(std::string method, std::string_view pattern, Handler handler);
  static bool Match(const Route& route, std::string_view path, std::vector<std::string>& captures);

  std::vector<Route> routes_;
};

}  // namespace newsloom::http

#endif  // NEWSLOOM_HTTP_ROUTER_H_
