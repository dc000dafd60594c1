#include "http/router.h"

namespace newsloom::http {

namespace {

std::vector<std::string_view> Segments(std::string_view path) {
  std::vector<std::string_view> segments;
  if (!path.empty() && path[0] == '/') path.remove_prefix(1);
  while (true) {
    size_t slash = path.find('/');
    segments.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) return segments;
    path.remove_prefix(slash + 1);
  }
}

}  // namespace

void Router::Add(std::string method, std::string_view pattern, Handler handler) {
  Route route{std::move(method), {}, std::move(handler)};
  for (std::string_view segment : Segments(pattern)) route.segments.emplace_back(segment);
  routes_.push_back(std::move(route));
}

bool Router::Match(const Route& route, std::string_view path, std::vector<std::string>& captures) {
  captures.assign(1, std::string(path));
  if (path.empty() || path[0] != '/') return false;
  std::string_view rest = path.substr(1);
  for (size_t i = 0; i < route.segments.size(); ++i) {
    const std::string& pattern = route.segments[i];
    if (pattern == "*" && i + 1 == route.segments.size()) {
      captures.emplace_back(rest);
      return true;
    }
    size_t slash = rest.find('/');
    std::string_view segment = rest.substr(0, slash);
    bool last = i + 1 == route.segments.size();
    if (last != (slash == std::string_view::npos)) return false;
    if (!pattern.empty() && pattern[0] == ':') {
      if (segment.empty()) return false;
      captures.emplace_back(segment);
    } else if (segment != pattern) {
      return false;
    }
    rest = last ? std::string_view() : rest.substr(slash + 1);
  }
  return true;
}

void Router::Dispatch(Request& request, Response& response) const {
  std::string_view method = request.method;
  if (method == "HEAD") method = "GET";
  std::string allowed;
  std::vector<std::string> captures;
  for (const Route& route : routes_) {
    if (!Match(route, request.path, captures)) continue;
    if (route.method == method) {
      request.matches = std::move(captures);
      route.handler(request, response);
      return;
    }
    if (allowed.find(route.method) == std::string::npos) {
      allowed += (allowed.empty() ? "" : ", ") + route.method;
      if (route.method == "GET") allowed += ", HEAD";
    }
  }
  response.body.clear();
  if (allowed.empty()) {
    response.status = 404;
  } else {
    response.status = 405;
    response.SetHeader("Allow", allowed);
  }
}

}  // namespace newsloom::http
