// page_kind_features: prints the page-kind features of HTML pages, one JSON
// object per line ({"id": ..., "features": [...]}), for tools/train_page_kind.py.
//
//   page_kind_features DIR_OR_FILE... > features.jsonl
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "common/time.h"
#include "extract/content.h"
#include "extract/html_document.h"
#include "extract/metadata.h"
#include "extract/page_kind.h"
#include "ingest/ingest.h"

int main(int argc, char** argv) {
  using namespace newsloom;
  if (argc < 2) {
    std::fprintf(stderr, "usage: page_kind_features PATH...\n");
    return 2;
  }
  std::vector<std::string> paths(argv + 1, argv + argc);
  const Timestamp now = Now();
  int failed = 0;
  for (const ingest::InputFile& file : ingest::ListInputs(paths)) {
    auto records = ingest::ReadFile(file.path, ingest::ReadOptions{});
    if (!file.status.ok() || !records.ok()) {
      ++failed;
      continue;
    }
    for (const ingest::ReadRecord& record : *records) {
      if (!record.status.ok() || record.page.format != ingest::RawPage::Format::kHtml) continue;
      auto document = extract::HtmlDocument::Parse(record.page.body);
      if (!document.ok()) continue;
      extract::PageMetadata metadata = extract::ExtractMetadata(**document, record.page.url, now);
      extract::MainContent content = extract::ExtractMainContent(**document, metadata.title);
      extract::PageKindFeatures features =
          extract::ComputePageKindFeatures(metadata, content, metadata.canonical_url);
      nlohmann::json line;
      line["id"] = record.page.id;
      line["features"] = std::vector<double>(features.begin(), features.end());
      std::printf("%s\n", line.dump().c_str());
    }
  }
  return failed > 0 ? 1 : 0;
}
