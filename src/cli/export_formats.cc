#include "cli/export_formats.h"

#include <cstdio>
#include <optional>

namespace newsloom {

namespace {

std::string Join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string joined;
  for (const std::string& part : parts) {
    if (!joined.empty()) joined += separator;
    joined += part;
  }
  return joined;
}

// "2024-09-23 10:05:00" on the page's own clock, as news-please writes dates.
nlohmann::json NewsPleaseDate(const std::optional<Timestamp>& time) {
  if (!time) return nullptr;
  std::string iso = time->ToIso8601();  // "2024-09-23" or "2024-09-23T10:05:00+09:00"
  if (iso.size() == 10) return iso + " 00:00:00";
  return iso.substr(0, 10) + " " + iso.substr(11, 8);
}

// ISO 8601 UTC of a story's first or last article, "" when unknown (0).
std::string UtcIso(int64_t utc_seconds) {
  if (utc_seconds == 0) return "";
  Timestamp time;
  time.utc_seconds = utc_seconds;
  time.has_offset = true;
  time.precision = Timestamp::Precision::kSecond;
  return time.ToIso8601();
}

}  // namespace

std::optional<OutputFormat> ParseOutputFormat(std::string_view name) {
  if (name == "json") return OutputFormat::kJson;
  if (name == "news-please") return OutputFormat::kNewsPlease;
  if (name == "trafilatura") return OutputFormat::kTrafilatura;
  if (name == "csv") return OutputFormat::kCsv;
  return std::nullopt;
}

nlohmann::json ArticleToNewsPleaseJson(const Article& article) {
  nlohmann::json json;
  json["id"] = article.id;
  json["title"] = article.title;
  json["maintext"] = article.Text();
  json["url"] = article.url;
  json["source_domain"] = article.source;
  json["authors"] = article.authors;
  json["date_publish"] = NewsPleaseDate(article.published);
  json["date_download"] = NewsPleaseDate(article.fetched);
  json["language"] = article.language;
  json["description"] = article.description;
  return json;
}

nlohmann::json ArticleToTrafilaturaJson(const Article& article) {
  nlohmann::json json;
  json["id"] = article.id;
  json["title"] = article.title;
  json["text"] = article.Text();
  json["source"] = article.url;
  json["hostname"] = article.source;
  json["source-hostname"] = article.site_name;
  json["author"] = Join(article.authors, "; ");
  json["date"] = article.published ? nlohmann::json(article.published->ToIso8601().substr(0, 10))
                                   : nlohmann::json(nullptr);
  json["language"] = article.language;
  json["excerpt"] = article.description;
  return json;
}

std::string CsvRecord(const std::vector<std::string>& fields) {
  std::string record;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) record.push_back(',');
    const std::string& field = fields[i];
    if (field.find_first_of(",\"\r\n") == std::string::npos) {
      record += field;
      continue;
    }
    record.push_back('"');
    for (char c : field) {
      if (c == '"') record.push_back('"');
      record.push_back(c);
    }
    record.push_back('"');
  }
  record += "\r\n";
  return record;
}

std::vector<std::string> ArticleCsvHeader() {
  return {"id",     "url",      "title",   "authors",  "published",   "site",
          "source", "language", "is_news", "category", "description", "text"};
}

std::vector<std::string> ArticleCsvFields(const Article& article) {
  return {article.id,
          article.url,
          article.title,
          Join(article.authors, "; "),
          article.published ? article.published->ToIso8601() : "",
          article.site_name,
          article.source,
          article.language,
          article.is_news ? "true" : "false",
          article.category,
          article.description,
          article.Text()};
}

std::vector<std::string> StoryCsvHeader() {
  return {"id",           "title",         "category", "language", "rank",   "first_seen",
          "last_updated", "article_count", "articles", "sources",  "summary"};
}

std::vector<std::string> StoryCsvFields(const Story& story) {
  char rank[32];
  std::snprintf(rank, sizeof rank, "%.4f", story.rank);
  std::string summary;
  for (const CitedSentence& sentence : story.summary) {
    if (!summary.empty()) summary += ' ';
    summary += sentence.text + " [" + sentence.article + "]";
  }
  return {story.id,
          story.title,
          story.category,
          story.language,
          rank,
          UtcIso(story.first_seen),
          UtcIso(story.last_updated),
          std::to_string(story.articles.size()),
          Join(story.articles, " "),
          Join(story.sources, "; "),
          summary};
}

}  // namespace newsloom
