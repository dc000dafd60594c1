// The story stage: date finding (dates/s), sentence splitting, and BuildStory
// on a 50-article story. Reads the GiveMe5W1H articles from the shared data
// (news-please JSON Lines); skips with a message when they are absent.
//
//   build/release/bench/story_bench
#include <benchmark/benchmark.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "bench/bench_data.h"
#include "common/time.h"
#include "story/story.h"
#include "timex/sentences.h"
#include "timex/timex.h"

namespace newsloom::bench {
namespace {

// The articles of giveme5w1h.jsonl, paragraphs split at line breaks.
const std::vector<Article>& Articles() {
  static const std::vector<Article> articles = [] {
    std::vector<Article> out;
    std::ifstream in(SharedDataDir() + "/cluster/giveme5w1h.jsonl");
    std::string line;
    while (std::getline(in, line)) {
      nlohmann::json record = nlohmann::json::parse(line, nullptr, false);
      if (record.is_discarded() || !record["text"].is_string()) continue;
      Article article;
      article.id = std::to_string(out.size());
      if (record["title"].is_string()) article.title = record["title"];
      std::string text = record["text"];
      size_t start = 0;
      while (start <= text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        if (end > start)
          article.paragraphs.push_back({Paragraph::Kind::kText, text.substr(start, end - start)});
        start = end + 1;
      }
      if (record["date_publish"].is_string()) {
        std::string date = record["date_publish"];
        if (date.size() >= 10) {
          CivilDate day{std::atoi(date.substr(0, 4).c_str()), std::atoi(date.substr(5, 2).c_str()),
                        std::atoi(date.substr(8, 2).c_str())};
          article.published = MakeTimestamp(day, 0, 0, 0, 0, Timestamp::Precision::kDay);
        }
      }
      out.push_back(std::move(article));
    }
    return out;
  }();
  return articles;
}

void BM_FindDates(benchmark::State& state) {
  const std::vector<Article>& articles = Articles();
  if (articles.empty()) return state.SkipWithError("no shared data (giveme5w1h.jsonl)");
  std::vector<timex::Anchor> anchors;
  for (const Article& article : articles) anchors.push_back(timex::AnchorFor(article));
  size_t dates = 0, bytes = 0;
  for (auto _ : state) {
    for (size_t a = 0; a < articles.size(); ++a) {
      for (const Paragraph& paragraph : articles[a].paragraphs) {
        auto found = timex::FindTimeExpressions(paragraph.text, anchors[a]);
        dates += found.size();
        bytes += paragraph.text.size();
        benchmark::DoNotOptimize(found);
      }
    }
  }
  state.counters["dates/s"] = benchmark::Counter(double(dates), benchmark::Counter::kIsRate);
  state.SetBytesProcessed(int64_t(bytes));
}
BENCHMARK(BM_FindDates)->Unit(benchmark::kMillisecond);

void BM_SplitSentences(benchmark::State& state) {
  const std::vector<Article>& articles = Articles();
  if (articles.empty()) return state.SkipWithError("no shared data (giveme5w1h.jsonl)");
  size_t sentences = 0, bytes = 0;
  for (auto _ : state) {
    for (const Article& article : articles) {
      for (const Paragraph& paragraph : article.paragraphs) {
        sentences += timex::SplitSentences(paragraph.text).size();
        bytes += paragraph.text.size();
      }
    }
  }
  state.counters["sentences/s"] =
      benchmark::Counter(double(sentences), benchmark::Counter::kIsRate);
  state.SetBytesProcessed(int64_t(bytes));
}
BENCHMARK(BM_SplitSentences)->Unit(benchmark::kMillisecond);

// One story of the first N articles of the file (several real events mixed:
// more distinct dates and figures than a single event would give).
void BM_BuildStory(benchmark::State& state) {
  const std::vector<Article>& articles = Articles();
  size_t size = static_cast<size_t>(state.range(0));
  if (articles.size() < size) return state.SkipWithError("no shared data (giveme5w1h.jsonl)");
  std::vector<const Article*> members;
  for (size_t a = 0; a < size; ++a) members.push_back(&articles[a]);
  story::StoryOptions options;
  for (auto _ : state) {
    Story built = story::BuildStory(members, options);
    benchmark::DoNotOptimize(built);
  }
  state.counters["stories/s"] =
      benchmark::Counter(1, benchmark::Counter::kIsIterationInvariantRate);
  state.counters["articles/s"] =
      benchmark::Counter(double(size), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_BuildStory)->Arg(5)->Arg(50)->Unit(benchmark::kMillisecond);

void BM_SummarizeArticle(benchmark::State& state) {
  const std::vector<Article>& articles = Articles();
  if (articles.empty()) return state.SkipWithError("no shared data (giveme5w1h.jsonl)");
  size_t done = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(story::SummarizeArticle(articles[done % articles.size()], 3));
    ++done;
  }
  state.counters["articles/s"] = benchmark::Counter(double(done), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_SummarizeArticle);

}  // namespace
}  // namespace newsloom::bench

BENCHMARK_MAIN();
