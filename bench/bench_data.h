// Shared by the benchmark programs: where the shared data lives, loading a
// page set into memory, and the process's peak memory. Not thread-safe;
// benchmarks call these from their own thread only.
#ifndef NEWSLOOM_BENCH_BENCH_DATA_H_
#define NEWSLOOM_BENCH_BENCH_DATA_H_

#include <cstddef>
#include <string>
#include <vector>

#include "newsloom/status.h"

namespace newsloom::bench {

// One page held in memory: its file name without the ".gz" (so "x.html"
// still names the format for ingest::ReadBuffer) and its bytes after gunzip,
// still in the page's own charset.
struct LoadedPage {
  std::string name;
  std::string bytes;
};

struct PageSet {
  std::vector<LoadedPage> pages;
  size_t total_bytes = 0;  // sum of the pages' sizes after gunzip
};

// $NEWSLOOM_SHARED_DATA when set, else the shared/ directory beside the
// source tree (compiled in as NEWSLOOM_SHARED_DATA_DIR).
std::string SharedDataDir();

// Every *.gz file directly under `directory`, sorted by name and gunzipped
// with zlib. NotFound when the directory is missing or holds no such file.
Result<PageSet> LoadGzipPages(const std::string& directory);

// The process's peak resident set (getrusage ru_maxrss), in MiB.
double PeakRssMebibytes();

// Lowers the kernel's peak-RSS mark to the current RSS (Linux: writes "5" to
// /proc/self/clear_refs), so the next PeakRssMebibytes() covers only what ran
// since. Returns false where the kernel does not allow it; the peak is then
// the process's since it started.
bool ResetPeakRss();

}  // namespace newsloom::bench

#endif  // NEWSLOOM_BENCH_BENCH_DATA_H_
