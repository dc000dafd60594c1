// Parsing the publication dates that pages state, in the forms they state them.
// Pure functions, thread-safe.
#ifndef NEWSLOOM_EXTRACT_DATES_H_
#define NEWSLOOM_EXTRACT_DATES_H_

#include <optional>
#include <string_view>

#include "newsloom/article.h"

namespace newsloom::extract {

// Parses one date or date-time as found in metadata and bylines:
//   ISO 8601 / RFC 3339 ("2024-09-23", "2024-09-23T10:05:00+09:00", "2024-09-23 10:05",
//   "20240923T100500Z"), RFC 822 / 2822 ("Mon, 23 Sep 2024 10:05:00 GMT"),
//   English and common European month names ("September 23, 2024", "23 Sept. 2024",
//   "Sep 23, 2024 10:05 AM EDT", "23. September 2024", "23 septembre 2024"),
//   numeric day-first forms with dots ("23.09.2024"), and Unix epoch seconds/millis
//   in plausible ranges. Text around the date is allowed ("Published: ... | Updated").
// Precision is kDay when no time of day is given. Zone abbreviations of the
// US and Europe (GMT, UTC, EST/EDT, CST/CDT, MST/MDT, PST/PDT, BST, CET/CEST) map to
// offsets; an unknown zone leaves has_offset false. Returns nothing when no
// complete date (year, month and day) is there or it is not a valid calendar date.
std::optional<Timestamp> ParseDateTime(std::string_view text);

// A date embedded in a URL path: /2024/09/23/, /2024-09-23/, /20240923/ ,
// and the day-first /23-09-2024 and /23092024 that European sites use.
// Year must be 1990..2100. Month-only paths (/2024/09/) give nothing.
std::optional<Timestamp> DateFromUrl(std::string_view url);

}  // namespace newsloom::extract

#endif  // NEWSLOOM_EXTRACT_DATES_H_
