// dedup_bench: Deduplicator::Add with a million articles already stored, and
// the index's memory.
//
// The stored articles are synthetic but read like news: each is 12 to 20
// sentences drawn at random from the BBC set's sentences
// ($NEWSLOOM_SHARED_DATA/classify/bbc.jsonl), so unrelated articles share
// phrases as real ones do; without the data set, made-up word streams
// (dedup/testing.h) stand in. Articles are generated before timing starts.
// Counters:
//   stored           articles in the index when the benchmark ran
//   index_bytes_per_article  Deduplicator::MemoryBytes() / stored
//   index_MiB        Deduplicator::MemoryBytes()
//   peak_rss_MiB     the process's peak resident set (the texts of the
//                    articles waiting to be added included)
//   found            share of Adds that returned a duplicate
#include <benchmark/benchmark.h>

#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "bench/bench_data.h"
#include "dedup/dedup.h"
#include "dedup/testing.h"

namespace newsloom::bench {
namespace {

constexpr size_t kStored = 1'000'000;
constexpr size_t kBatch = 20'000;  // articles per benchmark, generated beforehand

// Sentences of the BBC set, or empty when it is absent.
std::vector<std::string> LoadSentences() {
  std::vector<std::string> sentences;
  std::ifstream input(SharedDataDir() + "/classify/bbc.jsonl");
  std::string line;
  while (std::getline(input, line)) {
    const nlohmann::json record = nlohmann::json::parse(line, nullptr, false);
    if (!record.is_object() || !record["text"].is_string()) continue;
    const std::string text = record["text"].get<std::string>();
    size_t start = 0;
    for (size_t i = 0; i < text.size(); ++i) {
      const bool end =
          (text[i] == '.' && i + 1 < text.size() && text[i + 1] == ' ') || text[i] == '\n';
      if (!end) continue;
      if (i > start + 20) sentences.push_back(text.substr(start, i + 1 - start));
      start = i + 1;
    }
  }
  return sentences;
}

class Generator {
 public:
  Generator() : sentences_(LoadSentences()), random_(42) {}

  Article Next() {
    std::string id = "article-";
    id += std::to_string(count_++);
    if (sentences_.empty()) {
      return dedup::testing::MakeArticle(std::move(id), dedup::testing::RandomStory(random_, 6));
    }
    std::uniform_int_distribution<size_t> pick(0, sentences_.size() - 1);
    std::uniform_int_distribution<int> length(12, 20);
    std::string text;
    const int count = length(random_);
    for (int s = 0; s < count; ++s) {
      text += sentences_[pick(random_)];
      text += (s % 3 == 2) ? '\n' : ' ';
    }
    return dedup::testing::MakeArticle(std::move(id), text);
  }

  std::mt19937_64& random() { return random_; }
  bool real_text() const { return !sentences_.empty(); }

 private:
  std::vector<std::string> sentences_;
  std::mt19937_64 random_;
  size_t count_ = 0;
};

struct Fixture {
  Generator generator;
  dedup::Deduplicator deduplicator;
  std::vector<Article> kept;  // every 50th stored article, to copy later
};

// The index with kStored articles, built once for every benchmark.
Fixture& Stored() {
  static Fixture* fixture = [] {
    auto* built = new Fixture;
    for (size_t i = 0; i < kStored; ++i) {
      Article article = built->generator.Next();
      built->deduplicator.Add(article);
      if (i % 50 == 0) built->kept.push_back(std::move(article));
    }
    return built;
  }();
  return *fixture;
}

void Report(benchmark::State& state, const Fixture& fixture, int found, size_t added) {
  const double bytes = double(fixture.deduplicator.MemoryBytes());
  state.SetItemsProcessed(int64_t(added));
  state.counters["stored"] = double(fixture.deduplicator.size());
  state.counters["index_bytes_per_article"] = bytes / double(fixture.deduplicator.size());
  state.counters["index_MiB"] = bytes / (1 << 20);
  state.counters["peak_rss_MiB"] = PeakRssMebibytes();
  state.counters["found"] = added == 0 ? 0 : double(found) / double(added);
  state.SetLabel(fixture.generator.real_text() ? "BBC sentences" : "synthetic words");
}

// New, unrelated articles: the common case, every band table probed and
// nothing found.
void BM_AddNew(benchmark::State& state) {
  Fixture& fixture = Stored();
  std::vector<Article> batch;
  for (size_t i = 0; i < kBatch; ++i) batch.push_back(fixture.generator.Next());
  size_t next = 0;
  int found = 0;
  for (auto _ : state) {
    if (next == batch.size()) {
      state.PauseTiming();
      for (Article& article : batch) article = fixture.generator.Next();
      next = 0;
      state.ResumeTiming();
    }
    found += fixture.deduplicator.Add(batch[next++]).has_value();
  }
  Report(state, fixture, found, state.iterations());
}
BENCHMARK(BM_AddNew)->Iterations(kBatch)->Unit(benchmark::kMicrosecond);

// Lightly edited copies of stored articles (a paragraph cut, boilerplate, a
// few words changed): candidates found and verified.
void BM_AddEditedCopy(benchmark::State& state) {
  Fixture& fixture = Stored();
  std::vector<Article> batch;
  for (size_t i = 0; i < kBatch; ++i) {
    const Article& original = fixture.kept[i % fixture.kept.size()];
    batch.push_back(
        dedup::testing::EditCopy(original, original.id + "-copy",
                                 {.cut_paragraph = true, .boilerplate_lines = 2, .word_edits = 4},
                                 fixture.generator.random()));
  }
  size_t next = 0;
  int found = 0;
  for (auto _ : state) found += fixture.deduplicator.Add(batch[next++ % batch.size()]).has_value();
  Report(state, fixture, found, state.iterations());
}
BENCHMARK(BM_AddEditedCopy)->Iterations(kBatch)->Unit(benchmark::kMicrosecond);

// Signature (SimHash) of an article, for Article::signature.
void BM_Signature(benchmark::State& state) {
  Fixture& fixture = Stored();
  size_t next = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(dedup::Signature(fixture.kept[next++ % fixture.kept.size()]));
  }
  state.SetItemsProcessed(int64_t(state.iterations()));
}
BENCHMARK(BM_Signature)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace newsloom::bench

BENCHMARK_MAIN();
