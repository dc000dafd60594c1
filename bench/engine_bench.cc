// engine_bench: end-to-end throughput of Engine::Extract on real files with
// real worker threads, at jobs=1 and jobs=2, to show how extraction scales.
//
// One iteration extracts every page of the scrapinghub html directory
// (reading, gunzip, decoding and extraction included; after the first
// iteration the files come from the page cache). Times are wall-clock.
// Counters: items_per_second (pages per second), articles, failed, peak_rss_MiB.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <string>

#include "bench/bench_data.h"
#include "newsloom/engine.h"

namespace newsloom::bench {
namespace {

void BM_EngineExtract(benchmark::State& state) {
  const std::string directory = SharedDataDir() + "/extract/scrapinghub/html";
  std::error_code error;
  if (!std::filesystem::is_directory(directory, error)) {
    state.SkipWithError((directory + " is not a directory (set NEWSLOOM_SHARED_DATA)").c_str());
    return;
  }
  Options options;
  options.jobs = int(state.range(0));
  auto engine = Engine::Open(options);
  if (!engine.ok()) {
    state.SkipWithError(engine.status().ToString().c_str());
    return;
  }
  ResetPeakRss();
  ExtractSummary summary;
  for (auto _ : state) {
    summary = (*engine)->Extract({directory}, ExtractCallbacks());
  }
  state.SetItemsProcessed(int64_t(state.iterations()) * int64_t(summary.inputs));
  state.counters["articles"] = double(summary.articles);
  state.counters["failed"] = double(summary.failed);
  state.counters["peak_rss_MiB"] = PeakRssMebibytes();
}

BENCHMARK(BM_EngineExtract)
    ->ArgName("jobs")
    ->Arg(1)
    ->Arg(2)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace newsloom::bench

BENCHMARK_MAIN();
