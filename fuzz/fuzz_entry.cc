#include "fuzz/fuzz_entry.h"

#include <cstdio>
#include <cstdlib>
#include <utility>

#include "common/utf8.h"
#include "extract/extract.h"
#include "ingest/ingest.h"

namespace newsloom::fuzz {

namespace {

// libFuzzer inputs are at most -max_len bytes (64 KiB in run_fuzz.sh); a
// limit well above that only bites on what gunzip makes of them.
constexpr size_t kMaxBytes = size_t(4) << 20;

// 2024-06-01T12:00:00Z: a fixed "now", so a crash replays the same way later.
constexpr int64_t kFetchedUtcSeconds = 1717243200;

std::string CheckString(std::string_view field, std::string_view value, size_t article) {
  if (IsValidUtf8(value)) return {};
  return "article " + std::to_string(article) + ": " + std::string(field) + " is not valid UTF-8";
}

}  // namespace

PipelineOutput RunPipeline(std::string_view name, std::string_view bytes) {
  ingest::ReadOptions options;
  options.max_file_bytes = kMaxBytes;
  options.max_page_bytes = kMaxBytes;
  Timestamp fetched;
  fetched.utc_seconds = kFetchedUtcSeconds;
  fetched.has_offset = true;

  PipelineOutput output;
  auto records = ingest::ReadBuffer(name, bytes, options);
  if (!records.ok()) return output;
  output.file_ok = true;
  for (const ingest::ReadRecord& record : *records) {
    ++output.records;
    if (!record.status.ok()) {
      ++output.failed;
      continue;
    }
    auto articles = extract::ExtractPage(record.page, fetched);
    if (!articles.ok()) {
      ++output.failed;
      continue;
    }
    for (Article& article : *articles) output.articles.push_back(std::move(article));
  }
  return output;
}

std::string CheckArticles(const std::vector<Article>& articles) {
  for (size_t i = 0; i < articles.size(); ++i) {
    const Article& article = articles[i];
    const std::pair<std::string_view, const std::string*> fields[] = {
        {"id", &article.id},
        {"url", &article.url},
        {"canonical_url", &article.canonical_url},
        {"source", &article.source},
        {"site_name", &article.site_name},
        {"title", &article.title},
        {"language", &article.language},
        {"description", &article.description},
    };
    for (const auto& [field, value] : fields) {
      if (std::string problem = CheckString(field, *value, i); !problem.empty()) return problem;
    }
    for (const std::string& author : article.authors) {
      if (std::string problem = CheckString("author", author, i); !problem.empty()) return problem;
    }
    for (size_t p = 0; p < article.paragraphs.size(); ++p) {
      const std::string& text = article.paragraphs[p].text;
      if (text.empty()) {
        return "article " + std::to_string(i) + ": paragraph " + std::to_string(p) + " is empty";
      }
      if (std::string problem = CheckString("paragraph " + std::to_string(p), text, i);
          !problem.empty()) {
        return problem;
      }
    }
  }
  return {};
}

int FuzzOneInput(std::string_view name, const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  PipelineOutput output = RunPipeline(name, bytes);
  if (std::string problem = CheckArticles(output.articles); !problem.empty()) {
    std::fprintf(stderr, "newsloom invariant broken (%.*s): %s\n", int(name.size()), name.data(),
                 problem.c_str());
    std::abort();
  }
  return 0;
}

}  // namespace newsloom::fuzz
