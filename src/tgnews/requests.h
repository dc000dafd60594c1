// Checks of the contest server's requests: the page name in the path, the
// max-age in Cache-Control, and GET /threads parameters. Each failure is an
// InvalidArgument whose message the server returns with 400.
#ifndef NEWSLOOM_TGNEWS_REQUESTS_H_
#define NEWSLOOM_TGNEWS_REQUESTS_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "newsloom/status.h"

namespace newsloom::tgnews {

// Longest max-age and period accepted: ten years in seconds.
inline constexpr int64_t kMaxSeconds = int64_t(10) * 366 * 86400;

// "/1234.html" -> "1234.html": one path segment of letters, digits, '-', '_'
// and '.', not starting with '.', at most 255 bytes.
Result<std::string> PageNameFromPath(std::string_view path);

// The seconds of "max-age=N" among the Cache-Control directives.
Result<int64_t> MaxAgeFromCacheControl(std::string_view header);

// "text/html" with optional parameters ("; charset=utf-8").
bool IsHtmlContentType(std::string_view content_type);

struct ThreadsQuery {
  int64_t period = 0;
  std::string lang_code;  // "en" or "ru"
  std::string category;   // "any" or one of kCategories
};

// From the query parameters (as http::Request gives them): all three required,
// each once.
Result<ThreadsQuery> ParseThreadsQuery(const std::multimap<std::string, std::string>& params);

}  // namespace newsloom::tgnews

#endif  // NEWSLOOM_TGNEWS_REQUESTS_H_
