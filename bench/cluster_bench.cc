// cluster_bench: online story assignment on one thread with a large state.
//
// The stream is synthetic but built from real text: each event takes a real
// article from the shared Giveme5W1H set (synthetic sentences when absent),
// keeps its function words and shape but swaps its content words for words
// drawn from the whole set's vocabulary, gets invented names and a number, and
// is reported by several articles that each drop a tenth of the words. Events are spread over time
// (NEWSLOOM_CLUSTER_BENCH_DAYS, default 120 days), so older stories go
// dormant as they would in a real feed.
//
// BM_AssignWithState/N first adds N articles (default 1,000,000; set
// NEWSLOOM_CLUSTER_BENCH_STATE to change it), then times Clusterer::Add on the
// articles that follow. Counters: items_per_second (articles/s), state_mib
// (Clusterer::MemoryBytes), rss_mib (process peak), stories.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "bench/bench_data.h"
#include "cluster/clusterer.h"

namespace newsloom {
namespace {

constexpr int kArticlesPerEvent = 5;
constexpr int64_t kStart = 1600000000;

struct BaseText {
  std::string title;
  std::vector<std::string> words;
};

std::vector<BaseText> LoadBaseTexts() {
  std::vector<BaseText> texts;
  std::ifstream file(bench::SharedDataDir() + "/cluster/giveme5w1h.jsonl");
  std::string line;
  while (std::getline(file, line)) {
    auto record = nlohmann::json::parse(line, nullptr, false);
    if (!record.is_object()) continue;
    BaseText base;
    base.title = record.value("title", "");
    std::string text = record.value("text", "");
    size_t at = 0;
    while (at < text.size() && base.words.size() < 400) {
      size_t end = text.find(' ', at);
      if (end == std::string::npos) end = text.size();
      if (end > at) base.words.push_back(text.substr(at, end - at));
      at = end + 1;
    }
    if (!base.words.empty()) texts.push_back(std::move(base));
  }
  if (texts.empty()) {
    std::fprintf(stderr, "cluster_bench: no shared data, using synthetic sentences\n");
    std::mt19937 random(7);
    for (int i = 0; i < 200; ++i) {
      BaseText base;
      base.title = "Synthetic report number " + std::to_string(i);
      for (int w = 0; w < 300; ++w) base.words.push_back("word" + std::to_string(random() % 5000));
      texts.push_back(std::move(base));
    }
  }
  return texts;
}

// An invented name from syllables: "Kaverolin".
std::string InventName(std::mt19937& random) {
  static const char* kSyllables[] = {"ka",  "ve", "ro", "lin", "tu",  "mar", "os",  "el",
                                     "dri", "na", "bo", "sen", "qui", "za",  "fer", "ul"};
  std::string name;
  const int parts = 3 + static_cast<int>(random() % 3);
  for (int i = 0; i < parts; ++i) name += kSyllables[random() % 16];
  name[0] = static_cast<char>(name[0] - 'a' + 'A');
  return name;
}

class Stream {
 public:
  explicit Stream(size_t total) : total_(total), base_(LoadBaseTexts()), random_(42) {
    for (const BaseText& base : base_) {
      for (const std::string& word : base.words) {
        if (word.size() > 3) vocabulary_.push_back(word);
      }
    }
    std::sort(vocabulary_.begin(), vocabulary_.end());
    vocabulary_.erase(std::unique(vocabulary_.begin(), vocabulary_.end()), vocabulary_.end());
    const char* days = std::getenv("NEWSLOOM_CLUSTER_BENCH_DAYS");
    span_seconds_ = (days != nullptr ? std::atof(days) : 120.0) * 86400;
  }

  Article Next() {
    if (index_ % kArticlesPerEvent == 0) NewEvent();
    const BaseText& base = base_[event_base_];
    Article article;
    article.id = "synthetic-" + std::to_string(index_);
    article.source = "source" + std::to_string(random_() % 500) + ".com";
    article.title = event_names_[0] + " " + base.title + " " + event_names_[1];
    std::string text;
    for (size_t w = 0; w < event_text_.size(); ++w) {
      if (random_() % 10 == 0) continue;  // each report drops a tenth of the words
      text += event_text_[w];
      text.push_back(w % 17 == 16 ? '\n' : ' ');
      if (w % 40 == 5) text += event_names_[(w / 40) % event_names_.size()] + " ";
      if (w % 60 == 30) text += event_number_ + " ";
    }
    article.paragraphs.push_back({Paragraph::Kind::kText, std::move(text)});
    Timestamp stamp;
    stamp.utc_seconds = kStart +
                        static_cast<int64_t>(span_seconds_ * static_cast<double>(index_) /
                                             static_cast<double>(total_)) +
                        static_cast<int64_t>(random_() % 3600);
    article.published = stamp;
    article.language = "en";
    ++index_;
    return article;
  }

 private:
  void NewEvent() {
    event_base_ = random_() % base_.size();
    event_names_.clear();
    for (int i = 0; i < 4; ++i) event_names_.push_back(InventName(random_));
    event_number_ = std::to_string(random_() % 100000);
    // The base article's shape and function words, its content words
    // swapped for words drawn from the whole corpus' vocabulary.
    event_text_ = base_[event_base_].words;
    for (std::string& word : event_text_) {
      if (word.size() > 3 && !vocabulary_.empty())
        word = vocabulary_[random_() % vocabulary_.size()];
    }
  }

  size_t total_;
  std::vector<BaseText> base_;
  std::mt19937 random_;
  double span_seconds_ = 0;
  size_t index_ = 0;
  size_t event_base_ = 0;
  std::vector<std::string> event_names_;
  std::string event_number_;
  std::vector<std::string> vocabulary_;
  std::vector<std::string> event_text_;
};

size_t StateSize(int64_t argument) {
  const char* size = std::getenv("NEWSLOOM_CLUSTER_BENCH_STATE");
  return size != nullptr ? std::strtoull(size, nullptr, 10) : static_cast<size_t>(argument);
}

void BM_AssignWithState(benchmark::State& state) {
  const size_t prefill = StateSize(state.range(0));
  constexpr size_t kTimed = 200000;
  Stream stream(prefill + kTimed);
  cluster::Clusterer clusterer;
  for (size_t i = 0; i < prefill; ++i) clusterer.Add(stream.Next());
  // Articles are made before timing so the figure is assignment alone.
  std::vector<Article> pending;
  size_t next = 0;
  for (auto _ : state) {
    state.PauseTiming();
    if (next == pending.size()) {
      pending.clear();
      for (int i = 0; i < 1000; ++i) pending.push_back(stream.Next());
      next = 0;
    }
    state.ResumeTiming();
    for (int i = 0; i < 100; ++i) benchmark::DoNotOptimize(clusterer.Add(pending[next++]));
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * 100);
  state.counters["state_articles"] = static_cast<double>(clusterer.article_count());
  state.counters["stories"] = static_cast<double>(clusterer.story_count());
  state.counters["state_mib"] = static_cast<double>(clusterer.MemoryBytes()) / (1 << 20);
  state.counters["rss_mib"] = bench::PeakRssMebibytes();
}
BENCHMARK(BM_AssignWithState)->Arg(1000000)->Unit(benchmark::kMicrosecond)->Iterations(500);

}  // namespace
}  // namespace newsloom
BENCHMARK_MAIN();
