// Word classes by k-means: each word is the square root of its left and
// right neighbour distributions over the most frequent words, normalised to
// unit length; classes are the k-means clusters of those vectors under the
// dot product.
#include "ner/word_classes.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "common/strings.h"

namespace newsloom::ner {

uint32_t WordClasses::Key(std::string_view word) { return Hasher(3).Add(word).Finish(); }

uint16_t WordClasses::ClassOf(std::string_view word) const {
  if (classes_.empty()) return kUnknown;
  const uint16_t* found = classes_.Find(Key(word));
  return found == nullptr ? kUnknown : *found;
}

void WordClasses::Set(std::string_view word, uint16_t word_class) {
  classes_[Key(word)] = word_class;
}

void WordClasses::Write(ByteWriter& writer) const {
  std::vector<std::pair<uint32_t, uint16_t>> sorted = classes_.Entries();
  std::sort(sorted.begin(), sorted.end());
  writer.U32(uint32_t(sorted.size()));
  for (const auto& [key, word_class] : sorted) {
    writer.U32(key);
    writer.U16(word_class);
  }
}

Status WordClasses::Read(ByteReader& reader) {
  classes_.clear();
  uint32_t count = 0;
  if (!reader.U32(&count) || count > reader.remaining() / 6) {
    return Status::Corruption("word class table truncated");
  }
  for (uint32_t i = 0; i < count; ++i) {
    uint32_t key = 0;
    uint16_t word_class = 0;
    if (!reader.U32(&key) || !reader.U16(&word_class)) {
      return Status::Corruption("word class table truncated");
    }
    classes_[key] = word_class;
  }
  return Status::Ok();
}

namespace {

using SparseVector = std::vector<std::pair<int, float>>;

constexpr int kContextWords = 400;

}  // namespace

WordClasses LearnWordClasses(const std::vector<std::vector<std::string>>& sentences,
                             int class_count, int min_count, int iterations) {
  // Vocabulary, by count then spelling (deterministic).
  std::map<std::string, int> counts;
  std::map<std::string, int> lower_counts;
  for (const auto& sentence : sentences) {
    for (const std::string& word : sentence) {
      ++counts[word];
      ++lower_counts[AsciiLower(word)];
    }
  }
  auto by_count = [](const std::map<std::string, int>& table) {
    std::vector<std::pair<std::string, int>> sorted(table.begin(), table.end());
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    return sorted;
  };
  std::map<std::string, int> context_index;
  for (const auto& [word, count] : by_count(lower_counts)) {
    if (int(context_index.size()) == kContextWords) break;
    context_index.emplace(word, int(context_index.size()));
  }
  std::vector<std::string> vocabulary;
  std::map<std::string, int> word_index;
  for (const auto& [word, count] : by_count(counts)) {
    if (count < min_count) break;
    word_index.emplace(word, int(vocabulary.size()));
    vocabulary.push_back(word);
  }
  const int dimensions = 2 * (kContextWords + 1);
  std::vector<std::map<int, float>> contexts(vocabulary.size());
  for (const auto& sentence : sentences) {
    for (size_t i = 0; i < sentence.size(); ++i) {
      auto word = word_index.find(sentence[i]);
      if (word == word_index.end()) continue;
      auto context_of = [&](int j) {
        if (j < 0 || j >= int(sentence.size())) return kContextWords;
        auto found = context_index.find(AsciiLower(sentence[j]));
        return found == context_index.end() ? kContextWords : found->second;
      };
      contexts[word->second][context_of(int(i) - 1)] += 1;
      contexts[word->second][kContextWords + 1 + context_of(int(i) + 1)] += 1;
    }
  }
  std::vector<SparseVector> vectors(vocabulary.size());
  for (size_t w = 0; w < vocabulary.size(); ++w) {
    double norm = 0;
    for (const auto& [dimension, count] : contexts[w]) norm += count;
    for (const auto& [dimension, count] : contexts[w]) {
      vectors[w].push_back({dimension, float(std::sqrt(count / norm))});
    }
  }
  WordClasses classes;
  const int k = std::min<int>(class_count, int(vocabulary.size()));
  if (k == 0) return classes;
  // Seeds spread over the frequency ranking.
  std::vector<float> centroids(size_t(k) * dimensions, 0.0f);
  for (int c = 0; c < k; ++c) {
    size_t seed = size_t(c) * vocabulary.size() / k;
    for (const auto& [dimension, value] : vectors[seed]) {
      centroids[size_t(dimension) * k + c] = value;
    }
  }
  std::vector<int> assignment(vocabulary.size(), 0);
  std::vector<float> scores(k);
  for (int iteration = 0; iteration < iterations; ++iteration) {
    for (size_t w = 0; w < vocabulary.size(); ++w) {
      std::fill(scores.begin(), scores.end(), 0.0f);
      for (const auto& [dimension, value] : vectors[w]) {
        for (int c = 0; c < k; ++c) scores[c] += value * centroids[size_t(dimension) * k + c];
      }
      assignment[w] = int(std::max_element(scores.begin(), scores.end()) - scores.begin());
    }
    std::fill(centroids.begin(), centroids.end(), 0.0f);
    for (size_t w = 0; w < vocabulary.size(); ++w) {
      for (const auto& [dimension, value] : vectors[w]) {
        centroids[size_t(dimension) * k + assignment[w]] += value;
      }
    }
    for (int c = 0; c < k; ++c) {
      double norm = 0;
      for (int d = 0; d < dimensions; ++d) {
        float v = centroids[size_t(d) * k + c];
        norm += double(v) * v;
      }
      if (norm <= 0) continue;
      float scale = float(1.0 / std::sqrt(norm));
      for (int d = 0; d < dimensions; ++d) centroids[size_t(d) * k + c] *= scale;
    }
  }
  for (size_t w = 0; w < vocabulary.size(); ++w)
    classes.Set(vocabulary[w], uint16_t(assignment[w]));
  return classes;
}

}  // namespace newsloom::ner
