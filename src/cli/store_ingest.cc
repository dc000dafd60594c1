#include "cli/store_ingest.h"

#include <chrono>
#include <cstdio>

#include "cli/commands.h"

namespace newsloom::cli {

namespace {

// One transaction per batch: large enough to amortise the commit's fsync.
constexpr size_t kBatchArticles = 500;

}  // namespace

int IngestInto(const InputFlags& flags, serve::Newsroom& newsroom, const std::string& db) {
  size_t counts[3] = {0, 0, 0};  // by AddOutcome
  bool store_failed = false;
  std::vector<Article> batch;
  auto flush = [&] {
    if (batch.empty() || store_failed) return;
    auto outcomes = newsroom.Add(std::move(batch));
    batch.clear();
    if (!outcomes.ok()) {
      std::fprintf(stderr, "newsloom: %s: %s\n", db.c_str(), outcomes.status().ToString().c_str());
      store_failed = true;
      return;
    }
    for (serve::AddOutcome outcome : *outcomes) ++counts[static_cast<int>(outcome)];
  };
  auto start = std::chrono::steady_clock::now();
  // Analysis runs on the engine's worker threads, so `newsroom` needs no Prepare.
  Options options = OptionsFrom(flags);
  options.analyze = true;
  options.entities_and_dates = true;
  int code = ForEachArticle(flags, options, [&](const Article& article) {
    batch.push_back(article);
    if (batch.size() >= kBatchArticles) flush();
  });
  flush();
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!flags.quiet) {
    size_t total = counts[0] + counts[1] + counts[2];
    std::fprintf(stderr,
                 "newsloom: stored %zu new, %zu updated, %zu unchanged articles in %s "
                 "(%.1f s, %.0f articles/s)\n",
                 counts[0], counts[1], counts[2], db.c_str(), seconds,
                 seconds > 0 ? double(total) / seconds : 0.0);
  }
  if (store_failed) return kExitInputFailed;
  return code;
}

}  // namespace newsloom::cli
