// Article: one news page after extraction.
//
// Created by the extract stage and enriched by analyze; immutable after that.
// A plain value type: copy it, move it, share it read-only between threads.
#ifndef NEWSLOOM_ARTICLE_H_
#define NEWSLOOM_ARTICLE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace newsloom {

// A point in time as a page states it: the UTC instant plus what the page
// said about precision and zone, so "2024-09-23" is not printed as midnight UTC.
struct Timestamp {
  enum class Precision { kDay, kMinute, kSecond };

  int64_t utc_seconds = 0;  // seconds since the Unix epoch, UTC
  int offset_minutes = 0;   // the zone offset the page gave, when has_offset
  bool has_offset = false;  // the page named a zone (or "Z")
  Precision precision = Precision::kSecond;

  // ISO 8601: "2024-09-23", "2024-09-23T10:05:00" or "2024-09-23T10:05:00+09:00",
  // written in the page's own zone.
  std::string ToIso8601() const;
};

// One block of the main text.
struct Paragraph {
  enum class Kind { kText, kHeading, kListItem, kQuote, kPreformatted, kTableRow };
  Kind kind = Kind::kText;
  std::string text;  // UTF-8, whitespace collapsed, never empty
};

struct Article {
  std::string id;             // record "id", else the file name without its suffixes
  std::string url;            // as given by the input or found in the page
  std::string canonical_url;  // <link rel=canonical> / og:url, else url
  std::string source;         // host of the canonical url, without "www."
  std::string site_name;      // og:site_name / JSON-LD publisher / the outlet a line names
  std::string title;          // without the " | Site Name" suffix
  std::vector<std::string> authors;
  std::optional<Timestamp> published;  // never later than fetched
  std::optional<Timestamp> fetched;
  std::string language;  // BCP 47 primary tag as declared ("en"), or "" when unknown
  std::string description;
  std::vector<Paragraph> paragraphs;
  bool is_news = false;    // an article page, not a listing, product, forum, docs or service page
  bool truncated = false;  // the page holds only a teaser of the article

  // The paragraphs joined by "\n".
  std::string Text() const;
};

}  // namespace newsloom

#endif  // NEWSLOOM_ARTICLE_H_
