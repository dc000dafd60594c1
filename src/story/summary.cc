#include "story/summary.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <set>

#include "common/strings.h"

namespace newsloom::story {
namespace {

constexpr float kRelevanceWeight = 0.7f;
constexpr float kTooSimilar = 0.45f;
constexpr std::array<std::string_view, 22> kLeaningOpeners = {
    "He",  "She",     "They", "It",   "This",        "These",    "Those",          "That",
    "But", "However", "Also", "And",  "Furthermore", "Moreover", "Simultaneously", "His",
    "Her", "Their",   "Its",  "Such", "Both",        "Still"};

bool LeansOnEarlierSentence(std::string_view text) {
  std::vector<Word> words = SplitWords(text.substr(0, std::min<size_t>(text.size(), 40)));
  if (words.empty()) return false;
  if (words.size() >= 2 && words[0].text == "In" && words[1].text == "addition") return true;
  return std::find(kLeaningOpeners.begin(), kLeaningOpeners.end(), words[0].text) !=
         kLeaningOpeners.end();
}

// Sort key of an article for reading order: its day, else a large value (last).
int64_t ArticleDay(const StoryCorpus& corpus, size_t a) {
  const timex::Anchor& anchor = corpus.anchors[a];
  if (anchor.publication) return DaysFromCivil(*anchor.publication);
  if (anchor.inferred) return DaysFromCivil(*anchor.inferred);
  return int64_t{1} << 40;
}

// Where an article comes from: its domain, else its URL, else its page (the
// items of one digest page have ids "<page>#<n>").
std::string SourceKey(const Article& article) {
  if (!article.source.empty()) return article.source;
  if (!article.url.empty()) return article.url;
  return article.id.substr(0, article.id.find('#'));
}

}  // namespace

std::vector<CitedSentence> Summarize(const StoryCorpus& corpus, const std::vector<bool>& unreliable,
                                     int length) {
  std::vector<int> sentence_counts(corpus.articles.size(), 0);
  for (const Sentence& sentence : corpus.sentences) {
    if (sentence.paragraph >= 0) ++sentence_counts[sentence.article];
  }
  std::vector<const SparseVector*> vectors;
  std::vector<float> weights;
  for (size_t a = 0; a < corpus.article_vectors.size(); ++a) {
    vectors.push_back(&corpus.article_vectors[a]);
    // A lede or teaser of a sentence or two counts for less than a full report.
    float weight = std::sqrt(std::min(static_cast<float>(sentence_counts[a]), 8.0f) / 8.0f);
    if (a < unreliable.size() && unreliable[a]) weight *= 0.5f;
    weights.push_back(weight);
  }
  SparseVector centroid = Centroid(vectors, weights);
  std::vector<const SparseVector*> titles;
  for (const Sentence& sentence : corpus.sentences) {
    if (sentence.paragraph < 0) titles.push_back(&sentence.vector);
  }
  SparseVector title_centroid = Centroid(titles);

  std::vector<size_t> candidates;
  std::vector<float> relevance;
  for (size_t s = 0; s < corpus.sentences.size(); ++s) {
    const Sentence& sentence = corpus.sentences[s];
    if (sentence.paragraph < 0 || sentence.boilerplate || sentence.vector.empty()) continue;
    float score = Cosine(sentence.vector, centroid) +
                  0.3f * Cosine(sentence.vector, title_centroid) +
                  0.1f / (1.0f + static_cast<float>(sentence.position));
    if (LeansOnEarlierSentence(sentence.text)) score *= 0.8f;
    if (CountWords(sentence.text) > 45) score *= 0.85f;
    if (sentence.article < unreliable.size() && unreliable[sentence.article]) score *= 0.6f;
    candidates.push_back(s);
    relevance.push_back(score);
  }

  std::vector<size_t> chosen;
  std::vector<int> article_uses(corpus.articles.size(), 0);
  std::set<std::string> sources_used;
  std::set<std::string_view> texts_used;
  std::vector<bool> taken(candidates.size(), false);
  std::vector<float> redundancies(candidates.size(), 0.0f);  // cosine to the closest pick
  while (chosen.size() < static_cast<size_t>(std::max(length, 0))) {
    int best = -1;
    float best_score = -1e9f;
    for (size_t c = 0; c < candidates.size(); ++c) {
      if (taken[c]) continue;
      const Sentence& sentence = corpus.sentences[candidates[c]];
      if (texts_used.count(sentence.text)) continue;
      float redundancy = redundancies[c];
      if (redundancy >= kTooSimilar) continue;
      const Article& article = *corpus.articles[sentence.article];
      float score = kRelevanceWeight * relevance[c] - (1 - kRelevanceWeight) * redundancy -
                    0.1f * static_cast<float>(article_uses[sentence.article]) -
                    (sources_used.count(SourceKey(article)) ? 0.08f : 0.0f);
      if (score > best_score) best = static_cast<int>(c), best_score = score;
    }
    if (best < 0) break;
    taken[best] = true;
    const Sentence& sentence = corpus.sentences[candidates[best]];
    for (size_t c = 0; c < candidates.size(); ++c) {
      if (taken[c]) continue;
      float similarity = Cosine(corpus.sentences[candidates[c]].vector, sentence.vector);
      redundancies[c] = std::max(redundancies[c], similarity);
    }
    chosen.push_back(candidates[best]);
    ++article_uses[sentence.article];
    sources_used.insert(SourceKey(*corpus.articles[sentence.article]));
    texts_used.insert(sentence.text);
  }

  std::sort(chosen.begin(), chosen.end(), [&](size_t a, size_t b) {
    const Sentence& left = corpus.sentences[a];
    const Sentence& right = corpus.sentences[b];
    int64_t left_day = ArticleDay(corpus, left.article);
    int64_t right_day = ArticleDay(corpus, right.article);
    if (left_day != right_day) return left_day < right_day;
    if (left.article != right.article) return left.article < right.article;
    return left.position < right.position;
  });
  std::vector<CitedSentence> summary;
  for (size_t s : chosen) {
    const Sentence& sentence = corpus.sentences[s];
    summary.push_back({std::string(sentence.text), corpus.articles[sentence.article]->id});
  }
  return summary;
}

}  // namespace newsloom::story
