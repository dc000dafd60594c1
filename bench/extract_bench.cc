// extract_bench: one-thread extraction throughput, from raw page bytes in
// memory to Articles, and the same work cut into its steps so we know where
// the time goes.
//
// Pages are loaded and gunzipped before timing starts; gunzip and file reads
// are not measured here (engine_bench measures the whole engine on files).
// One iteration is every page of a set. Counters:
//   items_per_second  pages per second
//   bytes_per_second  page bytes (after gunzip) per second
//   peak_rss_MiB      peak resident set while the benchmark ran, input included
//   input_MiB         the page set held in memory
//
// Data: $NEWSLOOM_SHARED_DATA/extract/{scrapinghub,wcxb}/html/*.html.gz
// (default: ../shared/data beside the source tree).
#include <benchmark/benchmark.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "bench/bench_data.h"
#include "common/time.h"
#include "extract/content.h"
#include "extract/extract.h"
#include "extract/html_document.h"
#include "extract/metadata.h"
#include "ingest/ingest.h"

namespace newsloom::bench {
namespace {

// Page sets are loaded on first use and kept for the rest of the run, so the
// benchmarks of a set share one copy and a set nobody asked for costs nothing.
const Result<PageSet>& Pages(const std::string& set_name) {
  static std::map<std::string, Result<PageSet>>* loaded =
      new std::map<std::string, Result<PageSet>>;
  auto found = loaded->find(set_name);
  if (found == loaded->end()) {
    found =
        loaded->emplace(set_name, LoadGzipPages(SharedDataDir() + "/extract/" + set_name + "/html"))
            .first;
  }
  return found->second;
}

// The set's pages, or null after telling `state` to skip.
const PageSet* PagesOrSkip(benchmark::State& state, const std::string& set_name) {
  const Result<PageSet>& pages = Pages(set_name);
  if (!pages.ok()) {
    state.SkipWithError(pages.status().ToString().c_str());
    return nullptr;
  }
  return &*pages;
}

void ReportCounters(benchmark::State& state, const PageSet& set) {
  state.SetItemsProcessed(int64_t(state.iterations()) * int64_t(set.pages.size()));
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(set.total_bytes));
  state.counters["peak_rss_MiB"] = PeakRssMebibytes();
  state.counters["input_MiB"] = double(set.total_bytes) / (1 << 20);
}

// The pages of a set decoded to UTF-8 by ingest, for the steps after it.
std::vector<ingest::RawPage> ReadAll(const PageSet& set) {
  std::vector<ingest::RawPage> raw_pages;
  for (const LoadedPage& page : set.pages) {
    auto records = ingest::ReadBuffer(page.name, page.bytes, ingest::ReadOptions());
    if (!records.ok()) continue;
    for (ingest::ReadRecord& record : *records) {
      if (record.status.ok()) raw_pages.push_back(std::move(record.page));
    }
  }
  return raw_pages;
}

// The whole per-page path of the engine: ingest::ReadBuffer, then
// extract::ExtractPage for every record read.
void BM_ExtractPages(benchmark::State& state, const std::string& set_name) {
  const PageSet* set = PagesOrSkip(state, set_name);
  if (set == nullptr) return;
  const Timestamp fetched = Now();
  const ingest::ReadOptions read_options;
  ResetPeakRss();
  size_t articles = 0;
  size_t failed = 0;
  for (auto _ : state) {
    for (const LoadedPage& page : set->pages) {
      auto records = ingest::ReadBuffer(page.name, page.bytes, read_options);
      if (!records.ok()) {
        ++failed;
        continue;
      }
      for (const ingest::ReadRecord& record : *records) {
        if (!record.status.ok()) {
          ++failed;
          continue;
        }
        auto extracted = extract::ExtractPage(record.page, fetched);
        if (!extracted.ok()) {
          ++failed;
          continue;
        }
        articles += extracted->size();
        benchmark::DoNotOptimize(extracted->data());
      }
    }
  }
  ReportCounters(state, *set);
  state.counters["failed_pages"] = double(failed) / double(state.iterations());
  state.counters["articles"] = double(articles) / double(state.iterations());
}

// Step: charset detection and conversion to UTF-8, on the raw bytes.
void BM_DecodeToUtf8(benchmark::State& state, const std::string& set_name) {
  const PageSet* set = PagesOrSkip(state, set_name);
  if (set == nullptr) return;
  ResetPeakRss();
  for (auto _ : state) {
    for (const LoadedPage& page : set->pages) {
      std::string utf8 = ingest::DecodeToUtf8(page.bytes);
      benchmark::DoNotOptimize(utf8.data());
    }
  }
  ReportCounters(state, *set);
}

// Step: all of ingest (format sniffing and DecodeToUtf8), as ReadBuffer does it.
void BM_ReadBuffer(benchmark::State& state, const std::string& set_name) {
  const PageSet* set = PagesOrSkip(state, set_name);
  if (set == nullptr) return;
  const ingest::ReadOptions read_options;
  ResetPeakRss();
  for (auto _ : state) {
    for (const LoadedPage& page : set->pages) {
      auto records = ingest::ReadBuffer(page.name, page.bytes, read_options);
      benchmark::DoNotOptimize(records.ok());
    }
  }
  ReportCounters(state, *set);
}

// Step: libxml2's HTML parser on the UTF-8 bodies, tree freed included.
void BM_ParseHtml(benchmark::State& state, const std::string& set_name) {
  const PageSet* set = PagesOrSkip(state, set_name);
  if (set == nullptr) return;
  const std::vector<ingest::RawPage> raw_pages = ReadAll(*set);
  ResetPeakRss();
  for (auto _ : state) {
    for (const ingest::RawPage& page : raw_pages) {
      auto document = extract::HtmlDocument::Parse(page.body);
      benchmark::DoNotOptimize(document.ok());
    }
  }
  ReportCounters(state, *set);
}

// Parsed documents of a set, for the steps that read a tree.
struct ParsedPage {
  ingest::RawPage page;
  std::unique_ptr<extract::HtmlDocument> document;
  std::string title;  // as ExtractMetadata finds it, for ExtractMainContent
};

std::vector<ParsedPage> ParseAll(const PageSet& set, const Timestamp& fetched) {
  std::vector<ParsedPage> parsed;
  for (ingest::RawPage& page : ReadAll(set)) {
    if (page.format != ingest::RawPage::Format::kHtml) continue;
    auto document = extract::HtmlDocument::Parse(page.body);
    if (!document.ok()) continue;
    std::string title = extract::ExtractMetadata(**document, page.url, fetched).title;
    parsed.push_back({std::move(page), std::move(document).value(), std::move(title)});
  }
  return parsed;
}

// Step: metadata (title, dates, authors, JSON-LD...) from a parsed tree.
void BM_ExtractMetadata(benchmark::State& state, const std::string& set_name) {
  const PageSet* set = PagesOrSkip(state, set_name);
  if (set == nullptr) return;
  const Timestamp fetched = Now();
  const std::vector<ParsedPage> parsed = ParseAll(*set, fetched);
  ResetPeakRss();
  for (auto _ : state) {
    for (const ParsedPage& page : parsed) {
      extract::PageMetadata metadata =
          extract::ExtractMetadata(*page.document, page.page.url, fetched);
      benchmark::DoNotOptimize(metadata.title.data());
    }
  }
  ReportCounters(state, *set);
}

// Step: main-content extraction (block scoring and filtering) from a parsed tree.
void BM_ExtractMainContent(benchmark::State& state, const std::string& set_name) {
  const PageSet* set = PagesOrSkip(state, set_name);
  if (set == nullptr) return;
  const std::vector<ParsedPage> parsed = ParseAll(*set, Now());
  ResetPeakRss();
  for (auto _ : state) {
    for (const ParsedPage& page : parsed) {
      extract::MainContent content = extract::ExtractMainContent(*page.document, page.title);
      benchmark::DoNotOptimize(content.paragraphs.data());
    }
  }
  ReportCounters(state, *set);
}

// scrapinghub first: the wcxb set is large (about 400 MB once gunzipped) and
// would otherwise sit in every later benchmark's peak RSS.
BENCHMARK_CAPTURE(BM_ExtractPages, scrapinghub, std::string("scrapinghub"))
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_DecodeToUtf8, scrapinghub, std::string("scrapinghub"))
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_ReadBuffer, scrapinghub, std::string("scrapinghub"))
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_ParseHtml, scrapinghub, std::string("scrapinghub"))
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_ExtractMetadata, scrapinghub, std::string("scrapinghub"))
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_ExtractMainContent, scrapinghub, std::string("scrapinghub"))
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_ExtractPages, wcxb, std::string("wcxb"))->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace newsloom::bench

BENCHMARK_MAIN();
