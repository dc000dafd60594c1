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

// A name found in the text by the analyze stage's tagger.
struct Entity {
  enum class Type { kPerson, kOrganization, kLocation, kMisc };
  Type type = Type::kMisc;
  std::string text;        // as written: "Prime Minister Shigeru Ishiba"
  std::string canonical;   // normalised: "Shigeru Ishiba"; "Japanese" -> "Japan"
  uint32_t paragraph = 0;  // index into Article::paragraphs
  uint32_t offset = 0;     // byte offset of `text` inside that paragraph
};

// A date expression found in the text, resolved against the publication date.
struct DateMention {
  enum class Granularity { kUnresolved, kDay, kMonth, kYear };
  Granularity granularity = Granularity::kUnresolved;
  std::string text;  // as written: "last month", "September 23, 2024"
  std::string date;  // ISO 8601 at its granularity ("2024-09-23", "2024-09", "2024"), or ""
  uint32_t paragraph = 0;
  uint32_t offset = 0;
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

  // Set by the analyze stage (empty or zero before it runs).
  float language_confidence = 0;  // of `language` when analyze detected it, 0..1
  std::string category;           // "society", "economy", ...; "" for non-news
  float category_confidence = 0;  // 0..1
  std::vector<Entity> entities;
  std::vector<DateMention> dates;
  uint64_t signature = 0;    // SimHash of the text's word shingles
  std::string duplicate_of;  // id of the canonical article this one duplicates, or ""

  // The paragraphs joined by "\n".
  std::string Text() const;
};

}  // namespace newsloom

#endif  // NEWSLOOM_ARTICLE_H_
