// ner_bench: one-thread named-entity tagging throughput.
//   BM_TagConll     the tagger on CoNLL-2003 eng.testa sentences (words given)
//   BM_TagArticles  Tagger::Tag on articles built from the BBC texts
//                   (tokenizing, tagging, canonical names)
//   BM_Tokenize     the tokenizer alone on the same texts
// Counter items_per_second is tokens per second. Data: $NEWSLOOM_SHARED_DATA
// (default ../shared/data); a benchmark skips with a message without it.
#include <benchmark/benchmark.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "bench/bench_data.h"
#include "ner/conll.h"
#include "ner/tagger.h"
#include "ner/tokenizer.h"

namespace newsloom::bench {
namespace {

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

const ner::Tagger& SharedTagger() {
  static const ner::Tagger* tagger = ner::Tagger::FromEmbeddedModel().value().release();
  return *tagger;
}

// The first 300 BBC articles, one paragraph per line of text.
const std::vector<Article>& BbcArticles() {
  static const std::vector<Article>* articles = [] {
    auto* loaded = new std::vector<Article>;
    std::istringstream lines(ReadAll(SharedDataDir() + "/classify/bbc.jsonl"));
    for (std::string line; std::getline(lines, line) && loaded->size() < 300;) {
      nlohmann::json record = nlohmann::json::parse(line, nullptr, false);
      if (!record.is_object() || !record.contains("text") || !record["text"].is_string()) continue;
      Article article;
      std::istringstream paragraphs(record["text"].get<std::string>());
      for (std::string paragraph; std::getline(paragraphs, paragraph);) {
        if (!paragraph.empty()) article.paragraphs.push_back({Paragraph::Kind::kText, paragraph});
      }
      loaded->push_back(std::move(article));
    }
    return loaded;
  }();
  return *articles;
}

int64_t CountTokens(const std::vector<Article>& articles) {
  int64_t tokens = 0;
  for (const Article& article : articles) {
    for (const Paragraph& paragraph : article.paragraphs) {
      for (const ner::Sentence& sentence : ner::TokenizeParagraph(paragraph.text)) {
        tokens += int64_t(sentence.size());
      }
    }
  }
  return tokens;
}

void BM_TagConll(benchmark::State& state) {
  Result<ner::ConllCorpus> corpus =
      ner::ParseConll(ReadAll(SharedDataDir() + "/ner/eng.testa"), false);
  if (!corpus.ok() || corpus->documents.empty()) {
    state.SkipWithError("no eng.testa in the shared data");
    return;
  }
  std::vector<std::vector<std::vector<std::string_view>>> documents;
  int64_t tokens = 0;
  for (const ner::ConllDocument& document : corpus->documents) {
    documents.emplace_back();
    for (const ner::ConllSentence& sentence : document.sentences) {
      documents.back().emplace_back(sentence.words.begin(), sentence.words.end());
      tokens += int64_t(sentence.words.size());
    }
  }
  const ner::Tagger& tagger = SharedTagger();
  for (auto _ : state) {
    for (const auto& document : documents) benchmark::DoNotOptimize(tagger.TagDocument(document));
  }
  state.SetItemsProcessed(state.iterations() * tokens);
}

void BM_TagArticles(benchmark::State& state) {
  std::vector<Article> articles = BbcArticles();
  if (articles.empty()) {
    state.SkipWithError("no classify/bbc.jsonl in the shared data");
    return;
  }
  const int64_t tokens = CountTokens(articles);
  const ner::Tagger& tagger = SharedTagger();
  for (auto _ : state) {
    for (Article& article : articles) tagger.Tag(article);
  }
  state.SetItemsProcessed(state.iterations() * tokens);
}

void BM_Tokenize(benchmark::State& state) {
  const std::vector<Article>& articles = BbcArticles();
  if (articles.empty()) {
    state.SkipWithError("no classify/bbc.jsonl in the shared data");
    return;
  }
  const int64_t tokens = CountTokens(articles);
  for (auto _ : state) {
    for (const Article& article : articles) {
      for (const Paragraph& paragraph : article.paragraphs) {
        benchmark::DoNotOptimize(ner::TokenizeParagraph(paragraph.text));
      }
    }
  }
  state.SetItemsProcessed(state.iterations() * tokens);
}

BENCHMARK(BM_TagConll)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TagArticles)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Tokenize)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace newsloom::bench

BENCHMARK_MAIN();
