// analyze_bench: one-thread throughput of the analyze stage's language and
// category step (Analyzer::Analyze with the default model: CLD2 language,
// category, news judgement), and of its two parts alone.
//
// Articles are read before timing starts. One iteration is every article of
// the set; items_per_second is articles per second. Each iteration works on
// fresh copies of the articles, made outside the timed region.
//
// Data: $NEWSLOOM_SHARED_DATA/classify/{bbc,ag_news}.jsonl (default:
// ../shared/data beside the source tree); skips with a message when absent.
#include <benchmark/benchmark.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "analyze/analyzer.h"
#include "analyze/language.h"
#include "bench/bench_data.h"
#include "common/strings.h"

namespace newsloom::bench {
namespace {

// The articles of one labelled set, as extraction would give them.
const std::vector<Article>& Articles(const std::string& set_name) {
  static auto* loaded = new std::map<std::string, std::vector<Article>>;
  auto found = loaded->find(set_name);
  if (found != loaded->end()) return found->second;
  std::vector<Article>& articles = (*loaded)[set_name];
  std::ifstream file(SharedDataDir() + "/classify/" + set_name + ".jsonl");
  std::string line;
  while (std::getline(file, line)) {
    auto record = nlohmann::json::parse(line, nullptr, false);
    if (!record.is_object()) continue;
    Article article;
    article.id = record.value("id", "");
    article.title = record.value("title", "");
    // A named string: Split's views must not outlive it (a temporary in the
    // range expression would be destroyed before the loop body runs).
    const std::string text = record.value("text", "");
    for (std::string_view paragraph : Split(text, '\n')) {
      std::string text = CollapseWhitespace(paragraph);
      if (!text.empty()) article.paragraphs.push_back({Paragraph::Kind::kText, std::move(text)});
    }
    article.is_news = true;
    articles.push_back(std::move(article));
  }
  return articles;
}

const analyze::Analyzer& DefaultAnalyzer() {
  static auto* analyzer = analyze::Analyzer::Open("").value().release();
  return *analyzer;
}

void BM_Analyze(benchmark::State& state, const std::string& set_name) {
  const std::vector<Article>& articles = Articles(set_name);
  if (articles.empty()) {
    state.SkipWithError(("no articles in " + SharedDataDir() + "/classify/" + set_name).c_str());
    return;
  }
  const analyze::Analyzer& analyzer = DefaultAnalyzer();
  std::vector<Article> work;
  for (auto _ : state) {
    state.PauseTiming();
    work = articles;  // frees the last round's copies too, untimed
    state.ResumeTiming();
    for (Article& article : work) analyzer.Analyze(article);
    benchmark::DoNotOptimize(work.data());
  }
  state.SetItemsProcessed(int64_t(state.iterations()) * int64_t(articles.size()));
}

void BM_Language(benchmark::State& state, const std::string& set_name) {
  const std::vector<Article>& articles = Articles(set_name);
  if (articles.empty()) {
    state.SkipWithError("no articles");
    return;
  }
  for (auto _ : state) {
    for (const Article& article : articles) {
      benchmark::DoNotOptimize(analyze::DetectArticleLanguage(article));
    }
  }
  state.SetItemsProcessed(int64_t(state.iterations()) * int64_t(articles.size()));
}

void BM_Category(benchmark::State& state, const std::string& set_name) {
  const std::vector<Article>& articles = Articles(set_name);
  if (articles.empty()) {
    state.SkipWithError("no articles");
    return;
  }
  const analyze::CategoryModel& model = DefaultAnalyzer().model();
  std::vector<std::string> bodies;
  for (const Article& article : articles) bodies.push_back(article.Text());
  for (auto _ : state) {
    for (size_t i = 0; i < articles.size(); ++i) {
      benchmark::DoNotOptimize(model.Predict(articles[i].title, bodies[i]));
    }
  }
  state.SetItemsProcessed(int64_t(state.iterations()) * int64_t(articles.size()));
}

BENCHMARK_CAPTURE(BM_Analyze, bbc, std::string("bbc"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Analyze, ag_news, std::string("ag_news"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Language, bbc, std::string("bbc"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Category, bbc, std::string("bbc"))->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace newsloom::bench

BENCHMARK_MAIN();
