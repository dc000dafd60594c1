// Features of a token in its sentence, each named by a 32-bit hash: the word
// and its forms, shape, affixes, neighbours up to two tokens away, position
// and capitalisation patterns, gazetteer matches, word classes learned from
// unlabelled text, and what earlier sentences of the same document said
// about the same word. Const methods are thread-safe.
#ifndef NEWSLOOM_NER_FEATURES_H_
#define NEWSLOOM_NER_FEATURES_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ner/gazetteer.h"
#include "ner/word_classes.h"

namespace newsloom::ner {

// The features of every token of one sentence, flattened:
// token i owns hashes[starts[i] .. starts[i + 1]).
struct SentenceFeatures {
  std::vector<uint32_t> hashes;
  std::vector<uint32_t> starts;
  int size() const { return int(starts.size()) - 1; }
};

// What earlier sentences of one document were tagged, per word. Not
// thread-safe; one per document being tagged.
class DocumentMemory {
 public:
  // Records the labels (BILOU) given to `words`.
  void Remember(const std::vector<std::string_view>& words, const std::vector<int>& labels);
  // Counts of entity types earlier given to `word` (lowercased), or null.
  const std::array<uint16_t, 5>* Find(std::string_view word) const;
  void Clear() { counts_.clear(); }

 private:
  std::unordered_map<std::string, std::array<uint16_t, 5>> counts_;  // [type] and [4] = O
};

class FeatureExtractor {
 public:
  // Both must outlive the extractor.
  FeatureExtractor(const Gazetteer& gazetteer, const WordClasses& classes)
      : gazetteer_(gazetteer), classes_(classes) {}

  // Features of each of `words`; `memory` may be null.
  void Extract(const std::vector<std::string_view>& words, const DocumentMemory* memory,
               SentenceFeatures* out) const;

 private:
  const Gazetteer& gazetteer_;
  const WordClasses& classes_;
};

// "Xxxx" -> "Xx", "U.S." -> "X.X.", "1996-08-22" -> "d-d-d" when `collapse`,
// else each character's class ("Xxxx", "dddd-dd-dd"), capped in length.
std::string WordShape(std::string_view word, bool collapse);

}  // namespace newsloom::ner

#endif  // NEWSLOOM_NER_FEATURES_H_
