// Reading filters from query parameters (HTTP) or flags (CLI).
#ifndef NEWSLOOM_SERVE_QUERY_PARAMS_H_
#define NEWSLOOM_SERVE_QUERY_PARAMS_H_

#include <cstdint>
#include <optional>
#include <string_view>

#include "newsloom/status.h"

namespace newsloom::serve {

// A point in time as users write it: UTC seconds ("1727049600"), a date
// ("2024-09-23", midnight UTC), or a date and time ("2024-09-23T10:05",
// "2024-09-23T10:05:00Z", "2024-09-23T10:05:00+09:00").
Result<int64_t> ParseTimeParameter(std::string_view text);

// A positive count no larger than `max` ("20"); InvalidArgument otherwise.
Result<int> ParseLimit(std::string_view text, int max);

}  // namespace newsloom::serve

#endif  // NEWSLOOM_SERVE_QUERY_PARAMS_H_
