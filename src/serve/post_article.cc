#include "serve/post_article.h"

#include <cstdio>
#include <nlohmann/json.hpp>

#include "common/strings.h"
#include "common/time.h"
#include "extract/extract.h"
#include "ingest/ingest.h"

namespace newsloom::serve {

namespace {

std::string BodyId(std::string_view body) {
  uint64_t hash = 0xcbf29ce484222325ULL;
  for (char c : body) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  char id[32];
  std::snprintf(id, sizeof id, "post-%016llx", static_cast<unsigned long long>(hash));
  return id;
}

// An id becomes a file name for ingest: keep it to safe characters.
bool IsSafeId(std::string_view id) {
  if (id.empty() || id.size() > 200) return false;
  for (char c : id) {
    if (!IsAsciiAlnum(c) && c != '-' && c != '_' && c != '.') return false;
  }
  return id.front() != '.';
}

}  // namespace

Result<std::vector<Article>> ArticlesFromBody(std::string_view body, std::string_view content_type,
                                              std::string id, size_t max_bytes) {
  std::string type = AsciiLower(TrimView(content_type.substr(0, content_type.find(';'))));
  if (!id.empty() && !IsSafeId(id)) {
    return Status::InvalidArgument("id may hold only letters, digits, '-', '_' and '.'");
  }
  std::string name;
  std::string record;  // a JSON body rewritten as one JSON Lines line
  std::string_view bytes = body;
  if (type == "text/html" || type == "application/xhtml+xml") {
    name = ".html";
  } else if (type == "text/plain") {
    name = ".txt";
  } else if (type == "application/json") {
    nlohmann::json json = nlohmann::json::parse(body, nullptr, false);
    if (json.is_discarded() || !json.is_object()) {
      return Status::InvalidArgument("the body is not a JSON object");
    }
    if (!id.empty()) {
      json["id"] = id;
    } else if (auto found = json.find("id"); found != json.end() && found->is_string()) {
      id = found->get<std::string>();
    } else {
      id = BodyId(body);
      json["id"] = id;
    }
    record = json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    bytes = record;
    name = ".jsonl";
  } else {
    return Status::InvalidArgument(
        "Content-Type must be text/html, text/plain or application/json");
  }
  if (id.empty()) id = BodyId(body);
  if (name != ".jsonl") name = id + name;

  ingest::ReadOptions options;
  options.max_file_bytes = max_bytes;
  options.max_page_bytes = max_bytes;
  auto records = ingest::ReadBuffer(name, bytes, options);
  if (!records.ok()) return records.status();
  Timestamp now = Now();
  std::vector<Article> articles;
  for (const ingest::ReadRecord& read : *records) {
    if (!read.status.ok()) return read.status;
    auto extracted = extract::ExtractPage(read.page, now);
    if (!extracted.ok()) return extracted.status();
    for (Article& article : *extracted) {
      if (article.id.empty()) article.id = id;
      articles.push_back(std::move(article));
    }
  }
  if (articles.empty()) return Status::InvalidArgument("no article found in the body");
  return articles;
}

}  // namespace newsloom::serve
