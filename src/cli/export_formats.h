// The other shapes `newsloom extract` and `newsloom stories` print with
// --format: news-please's and trafilatura's JSON field names (so their users'
// tools read newsloom's output, and newsloom reads theirs back), and CSV with
// a header row (RFC 4180: fields with commas, quotes or line breaks quoted,
// quotes doubled, CRLF line ends).
#ifndef NEWSLOOM_CLI_EXPORT_FORMATS_H_
#define NEWSLOOM_CLI_EXPORT_FORMATS_H_

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "newsloom/article.h"
#include "newsloom/story.h"

namespace newsloom {

enum class OutputFormat { kJson, kNewsPlease, kTrafilatura, kCsv };

// "json", "news-please", "trafilatura" or "csv"; nullopt for anything else.
std::optional<OutputFormat> ParseOutputFormat(std::string_view name);

// news-please's names: id, title, maintext, url, source_domain, authors,
// date_publish and date_download ("YYYY-MM-DD HH:MM:SS", the page's own
// clock), language, description.
nlohmann::json ArticleToNewsPleaseJson(const Article& article);

// trafilatura's names: id, title, text, source (the URL), hostname,
// source-hostname (the site's name), author ("A; B"), date (YYYY-MM-DD),
// language, excerpt.
nlohmann::json ArticleToTrafilaturaJson(const Article& article);

// One CSV record, CRLF-terminated.
std::string CsvRecord(const std::vector<std::string>& fields);

// Articles: id, url, title, authors ("; "-joined), published, site, source,
// language, is_news, category, description, text (paragraphs joined by "\n").
std::vector<std::string> ArticleCsvHeader();
std::vector<std::string> ArticleCsvFields(const Article& article);

// Stories: id, title, category, language, rank, first_seen, last_updated (ISO
// 8601 UTC, "" when unknown), article_count, articles and sources (" "- and
// "; "-joined), summary (its sentences, each followed by " [article id]").
std::vector<std::string> StoryCsvHeader();
std::vector<std::string> StoryCsvFields(const Story& story);

}  // namespace newsloom

#endif  // NEWSLOOM_CLI_EXPORT_FORMATS_H_
