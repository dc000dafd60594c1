// The one entry point the fuzz targets and their replay test share: bytes in,
// through ingest::ReadBuffer and extract::ExtractPage as the engine runs
// them, Articles out, then the invariants every Article must keep.
// Thread-safe: no shared state.
#ifndef NEWSLOOM_FUZZ_FUZZ_ENTRY_H_
#define NEWSLOOM_FUZZ_FUZZ_ENTRY_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "newsloom/article.h"

namespace newsloom::fuzz {

// The file names the targets pass to ReadBuffer; the name picks the
// format when the content does not (and ".gz" only names, content decides).
inline constexpr std::string_view kHtmlName = "page.html";        // fuzz_extract_html
inline constexpr std::string_view kTextName = "page.txt";         // fuzz_extract_text
inline constexpr std::string_view kJsonLinesName = "feed.jsonl";  // fuzz_read_jsonl
inline constexpr std::string_view kGzipName = "page.html.gz";     // fuzz_read_gzip
inline constexpr std::string_view kWarcName = "crawl.warc";       // fuzz_read_warc
inline constexpr std::string_view kFeedName = "news.rss";         // fuzz_read_feed
inline constexpr std::string_view kAllNames[] = {kHtmlName, kTextName, kJsonLinesName,
                                                 kGzipName, kWarcName, kFeedName};

// What one input gave.
struct PipelineOutput {
  bool file_ok = false;  // ReadBuffer accepted the input as a whole
  size_t records = 0;    // records read (pages, JSON Lines lines)
  size_t failed = 0;     // records that gave an error instead of articles
  std::vector<Article> articles;
};

// ReadBuffer(name, bytes) with limits small enough for fuzzing (4 MiB after
// gunzip, so a gzip bomb costs milliseconds, not the engine's 1 GiB), then
// ExtractPage on every record read, with a fixed fetch time so that runs are
// reproducible.
PipelineOutput RunPipeline(std::string_view name, std::string_view bytes);

// The first broken invariant among `articles`, or "" when there is none:
// every string is valid UTF-8 (id, urls, source, site name, title, authors,
// language, description, paragraphs), and no paragraph is empty.
std::string CheckArticles(const std::vector<Article>& articles);

// The body of every LLVMFuzzerTestOneInput: RunPipeline, then abort() with
// the message when CheckArticles finds a broken invariant, so that libFuzzer
// keeps the input as a crash. Always returns 0.
int FuzzOneInput(std::string_view name, const uint8_t* data, size_t size);

}  // namespace newsloom::fuzz

#endif  // NEWSLOOM_FUZZ_FUZZ_ENTRY_H_
