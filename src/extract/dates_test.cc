#include "extract/dates.h"

#include <gtest/gtest.h>

#include <string>

namespace newsloom::extract {
namespace {

// Expected values are written as Timestamp::ToIso8601 prints them: the local
// wall-clock time in the page's own zone, "" when nothing should be found.
struct DateRow {
  const char* input;
  const char* expected;
};

constexpr DateRow kDateRows[] = {
    // ISO 8601 / RFC 3339
    {"2024-09-23", "2024-09-23"},
    {"2024-09-23T10:05:00+09:00", "2024-09-23T10:05:00+09:00"},
    {"2024-09-23T10:05:00Z", "2024-09-23T10:05:00Z"},
    {"2024-09-23T10:05:00.123-0400", "2024-09-23T10:05:00-04:00"},
    {"2024-09-23 10:05", "2024-09-23T10:05:00"},
    {"2024-09-23 10:05:30 +0200", "2024-09-23T10:05:30+02:00"},
    {"20240923T100500Z", "2024-09-23T10:05:00Z"},
    {"20240923", "2024-09-23"},
    {"2024/09/23", "2024-09-23"},
    {"2023 Jan 7", "2023-01-07"},
    {"2024-9-3", "2024-09-03"},
    // RFC 822 / 2822
    {"Mon, 23 Sep 2024 10:05:00 GMT", "2024-09-23T10:05:00Z"},
    {"Mon, 23 Sep 2024 10:05:00 +0000", "2024-09-23T10:05:00Z"},
    {"Tue, 1 Oct 2024 08:00:00 -0700", "2024-10-01T08:00:00-07:00"},
    // English month names
    {"September 23, 2024", "2024-09-23"},
    {"Sep 23, 2024 10:05 AM EDT", "2024-09-23T10:05:00-04:00"},
    {"Sept. 23rd, 2024 at 3:15 p.m. PST", "2024-09-23T15:15:00-08:00"},
    {"23 Sept. 2024", "2024-09-23"},
    {"23rd September 2024 12:00 am BST", "2024-09-23T00:00:00+01:00"},
    {"Published: September 23, 2024 | Updated: September 24, 2024", "2024-09-23"},
    {"Posted on Monday, March 3, 2025", "2025-03-03"},
    {"By Jane Doe \xC2\xB7 12 March 2024 \xC2\xB7 4 min read", "2024-03-12"},
    {"Sep\xC2\xA0"
     "23,\xC2\xA0"
     "2024",
     "2024-09-23"},
    {"10 Jan 2024 14:30 GMT+2", "2024-01-10T14:30:00+02:00"},
    {"Jun 5, 2023 11:45 PM CEST", "2023-06-05T23:45:00+02:00"},
    // European month names and forms
    {"23. September 2024", "2024-09-23"},
    {"3. M\xC3\xA4rz 2024 um 10:05 Uhr", "2024-03-03T10:05:00"},
    {"23 septembre 2024", "2024-09-23"},
    {"1er f\xC3\xA9vrier 2023 \xC3\xA0 10h30", "2023-02-01T10:30:00"},
    {"23 de septiembre de 2024", "2024-09-23"},
    {"5 agosto 2022", "2022-08-05"},
    {"12 de mar\xC3\xA7o de 2021", "2021-03-12"},
    {"7 mei 2020", "2020-05-07"},
    {"2024\xE5\xB9\xB4"
     "9\xE6\x9C\x88"
     "23\xE6\x97\xA5",
     "2024-09-23"},
    // Numeric day-first
    {"23.09.2024", "2024-09-23"},
    {"23.09.2024 10:05", "2024-09-23T10:05:00"},
    {"23/09/2024", "2024-09-23"},
    {"09/23/2024", "2024-09-23"},
    {"05/03/2024", ""},  // day-first or month-first: ambiguous
    // Two spans joined without a space: the byline's name follows the year.
    {"Dec 17, 2025Julian K. Arni", "2025-12-17"},
    {"Dec 17, 20251", ""},
    {"Dec 17, 2025abc", ""},
    // Unix epoch
    {"1727085900", "2024-09-23T10:05:00Z"},
    {"1727085900000", "2024-09-23T10:05:00Z"},
    {"12345", ""},
    {"99", ""},
    // Not complete or not valid
    {"", ""},
    {"yesterday", ""},
    {"3 hours ago", ""},
    {"September 2024", ""},
    {"2024-09", ""},
    {"2024-02-30", ""},
    {"February 30, 2024", ""},
    {"0000-01-01", ""},
    {"2023-02-29", ""},
    {"2024-02-29", "2024-02-29"},
    {"2024-13-01", ""},
    {"2024-09-23T25:00:00", "2024-09-23"},
    {"Version 1.2.3", ""},
    {"May the force", ""},
    {"Call 555-1234", ""},
    {"2024-09-23T10:05:00+25:00", "2024-09-23T10:05:00"},
    {"Sep 23, 2024 10:05 XYZ", "2024-09-23T10:05:00"},
};

TEST(ParseDateTimeTest, Table) {
  for (const DateRow& row : kDateRows) {
    std::optional<Timestamp> stamp = ParseDateTime(row.input);
    std::string actual = stamp ? stamp->ToIso8601() : "";
    EXPECT_EQ(actual, row.expected) << "input: " << row.input;
  }
}

TEST(ParseDateTimeTest, PrecisionAndOffset) {
  std::optional<Timestamp> day = ParseDateTime("2024-09-23");
  ASSERT_TRUE(day);
  EXPECT_EQ(day->precision, Timestamp::Precision::kDay);
  EXPECT_FALSE(day->has_offset);

  std::optional<Timestamp> minute = ParseDateTime("Sep 23, 2024 10:05 AM EDT");
  ASSERT_TRUE(minute);
  EXPECT_EQ(minute->precision, Timestamp::Precision::kMinute);
  EXPECT_TRUE(minute->has_offset);
  EXPECT_EQ(minute->offset_minutes, -240);
  EXPECT_EQ(minute->utc_seconds, 1727100300);  // 14:05 UTC

  std::optional<Timestamp> unknown_zone = ParseDateTime("2024-09-23 10:05:00 XYZ");
  ASSERT_TRUE(unknown_zone);
  EXPECT_FALSE(unknown_zone->has_offset);
  EXPECT_EQ(unknown_zone->precision, Timestamp::Precision::kSecond);
}

struct UrlRow {
  const char* url;
  const char* expected;
};

constexpr UrlRow kUrlRows[] = {
    {"https://example.com/2024/09/23/some-story/", "2024-09-23"},
    {"https://example.com/news/2024-09-23-some-story", "2024-09-23"},
    {"https://example.com/articles/35030/20160214/need-know.htm", "2016-02-14"},
    {"https://example.com/2024/09/some-story/", ""},
    {"https://example.com/1985/09/23/too-old/", ""},
    {"https://example.com/2024/02/30/invalid/", ""},
    {"https://example.com/story?date=2024-09-23", ""},
    {"https://2024-09-23.example.com/story", ""},
    {"https://example.com/id/1234567890123/", ""},
    {"/2021/12/01/relative-path", "2021-12-01"},
    {"http://www.he.xinhuanet.com/news/2012-06/04/content_1.htm", "2012-06-04"},
    {"https://weisser-ring.de/media-news/meldungen/29-10-2021", "2021-10-29"},
    {"https://example.de/aktuelles/08112021-online-fachtag", "2021-11-08"},
    {"https://example.com/v/12-34-2021/", ""},
    {"https://example.com/page/10-2021", ""},
    {"https://example.com/", ""},
    {"", ""},
};

TEST(DateFromUrlTest, Table) {
  for (const UrlRow& row : kUrlRows) {
    std::optional<Timestamp> stamp = DateFromUrl(row.url);
    std::string actual = stamp ? stamp->ToIso8601() : "";
    EXPECT_EQ(actual, row.expected) << "url: " << row.url;
  }
}

}  // namespace
}  // namespace newsloom::extract
