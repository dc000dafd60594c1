// metadata_eval: runs ExtractMetadata over the WCXB or trafilatura evaluation
// pages and writes JSON Lines predictions for ../shared/tools/score_extract.py:
//
//   build/release/tools/metadata_eval wcxb ../shared/data/extract/wcxb OUT.jsonl
//   build/release/tools/metadata_eval trafilatura ../shared/data/extract/trafilatura OUT.jsonl
//   python3 ../shared/tools/score_extract.py --dataset wcxb
//       --data ../shared/data/extract/wcxb --pred OUT.jsonl
//
// A fourth argument (a page id) runs one page only. Pages are decoded with
// ingest::DecodeToUtf8 and given the ground truth's url as page_url.
// It prints the metadata time per page (parsing excluded) to stderr;
// METADATA_EVAL_REPEAT=N extracts every page N more times, for profiling.
#include <zlib.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "common/time.h"
#include "common/utf8.h"
#include "extract/html_document.h"
#include "extract/metadata.h"
#include "ingest/ingest.h"

namespace {

bool ReadGzip(const std::string& path, std::string* out) {
  gzFile file = gzopen(path.c_str(), "rb");
  if (file == nullptr) return false;
  char buffer[1 << 16];
  int read = 0;
  while ((read = gzread(file, buffer, sizeof buffer)) > 0) out->append(buffer, size_t(read));
  gzclose(file);
  return read >= 0;
}

struct Page {
  std::string id;
  std::string url;
  std::string path;
};

std::vector<Page> WcxbPages(const std::string& dir) {
  std::vector<Page> pages;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir + "/ground-truth")) {
    files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    std::ifstream in(file);
    nlohmann::json truth = nlohmann::json::parse(in, nullptr, false);
    if (truth.is_discarded()) continue;
    Page page;
    page.id = file.stem().string();
    if (truth.contains("url") && truth["url"].is_string()) page.url = truth["url"];
    page.path = dir + "/html/" + page.id + ".html.gz";
    pages.push_back(page);
  }
  return pages;
}

std::vector<Page> TrafilaturaPages(const std::string& dir) {
  std::vector<Page> pages;
  std::ifstream in(dir + "/evaldata.json");
  nlohmann::json data = nlohmann::json::parse(in, nullptr, false);
  if (data.is_discarded()) return pages;
  for (auto it = data.begin(); it != data.end(); ++it) {
    Page page;
    std::string file = it.value().value("file", "");
    page.id = file;
    if (it.key().rfind("http", 0) == 0) page.url = it.key();
    page.path = dir + "/html/" + file + ".gz";
    pages.push_back(page);
  }
  return pages;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4 && argc != 5) {
    std::cerr << "usage: metadata_eval wcxb|trafilatura DATA_DIR OUT.jsonl [ID]\n";
    return 2;
  }
  std::string dataset = argv[1];
  std::vector<Page> pages = dataset == "wcxb" ? WcxbPages(argv[2]) : TrafilaturaPages(argv[2]);
  std::ofstream out(argv[3]);
  newsloom::Timestamp now = newsloom::Now();
  double seconds = 0;
  const char* repeat_text = std::getenv("METADATA_EVAL_REPEAT");
  int repeat = repeat_text ? std::atoi(repeat_text) : 0;
  size_t done = 0;
  for (const Page& page : pages) {
    if (argc == 5 && page.id != argv[4]) continue;
    std::string bytes;
    if (!ReadGzip(page.path, &bytes)) {
      std::cerr << "cannot read " << page.path << "\n";
      continue;
    }
    bytes = newsloom::ingest::DecodeToUtf8(bytes);
    auto parsed = newsloom::extract::HtmlDocument::Parse(bytes);
    if (!parsed.ok()) continue;
    auto parse_end = std::chrono::steady_clock::now();
    newsloom::extract::PageMetadata metadata =
        newsloom::extract::ExtractMetadata(*parsed.value(), page.url, now);
    // METADATA_EVAL_REPEAT=N runs the extraction N more times (for profiling).
    for (int k = 0; k < repeat; ++k) {
      metadata = newsloom::extract::ExtractMetadata(*parsed.value(), page.url, now);
    }
    auto end = std::chrono::steady_clock::now();
    seconds += std::chrono::duration<double>(end - parse_end).count();
    ++done;
    std::string authors;
    for (const std::string& author : metadata.authors) {
      if (!authors.empty()) authors += "; ";
      authors += author;
    }
    nlohmann::json record = {
        {"id", page.id},
        {"title", metadata.title},
        {"author", authors},
        {"published", metadata.published ? metadata.published->ToIso8601() : ""},
        {"site_name", metadata.site_name},
        {"language", metadata.language},
        {"canonical_url", metadata.canonical_url},
        {"og_type", metadata.og_type},
        {"json_ld_types", metadata.json_ld_types},
    };
    out << record.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  }
  std::cerr << done << " pages, metadata "
            << seconds * 1000 / double(done ? done : 1) / (repeat + 1) << " ms/page\n";
  return 0;
}
