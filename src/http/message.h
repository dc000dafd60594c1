// Request and Response: one HTTP/1.1 exchange as the server's handlers see it.
//
//   void Handle(const http::Request& request, http::Response& response) {
//     std::string id = request.matches[1];           // from the route's pattern
//     int limit = request.HasParam("limit") ? ... ;   // from the query string
//     response.SetContent(body, "application/json; charset=utf-8");
//   }
#ifndef NEWSLOOM_HTTP_MESSAGE_H_
#define NEWSLOOM_HTTP_MESSAGE_H_

#include <ctime>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace newsloom::http {

struct Request {
  std::string method;     // as sent, case-sensitive ("GET")
  std::string target;     // as sent: path and query
  std::string path;       // the target's path, percent-decoded
  int minor_version = 1;  // HTTP/1.<minor_version>
  // Header names lower-cased, values without surrounding whitespace, in order.
  std::vector<std::pair<std::string, std::string>> headers;
  // The query string's parameters, decoded ('+' is a space).
  std::multimap<std::string, std::string> params;
  // What the route's pattern captured: [0] the whole path, then its groups.
  std::vector<std::string> matches;
  std::string body;  // de-chunked when it came chunked

  // The first header named `name` (lower-case), or "".
  std::string Header(std::string_view name) const;
  bool HasParam(std::string_view name) const;
  // The first value of parameter `name`, or "".
  std::string Param(std::string_view name) const;
  // Whether the client wants the connection kept open after the response.
  bool KeepAlive() const;
};

struct Response {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;  // besides Content-Length
  std::string body;

  // Replaces any header of that name (any case). CR and LF in `value` are
  // dropped, so no value can start a header of its own.
  void SetHeader(std::string_view name, std::string_view value);
  bool HasHeader(std::string_view name) const;
  void SetContent(std::string content, std::string_view content_type);
};

// "Not Found" for 404; "Unknown" for codes the server does not send.
std::string_view StatusReason(int status);

// `time` as the Date header writes it (RFC 9110's IMF-fixdate, always UTC):
// "Sun, 06 Nov 1994 08:49:37 GMT".
std::string HttpDate(std::time_t time);

// %XX decoded (and '+' as a space when `plus_is_space`). Malformed escapes
// are kept as they are.
std::string PercentDecode(std::string_view text, bool plus_is_space);

// "a=1&b=x+y" -> {a: 1, b: "x y"}; a name without '=' gets "".
std::multimap<std::string, std::string> ParseQuery(std::string_view query);

}  // namespace newsloom::http

#endif  // NEWSLOOM_HTTP_MESSAGE_H_
