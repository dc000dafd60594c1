// Word classes learned from unlabelled text at training time: words that
// occur in similar contexts share a class, so the tagger generalises from a
// name it saw in training to one it did not. Stored in the model as
// (word hash, class) pairs. Immutable after building; thread-safe to read.
#ifndef NEWSLOOM_NER_WORD_CLASSES_H_
#define NEWSLOOM_NER_WORD_CLASSES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ner/bytes.h"
#include "ner/u32_table.h"
#include "newsloom/status.h"

namespace newsloom::ner {

class WordClasses {
 public:
  static constexpr uint16_t kUnknown = 0xFFFF;

  // The class of a word (case kept), or kUnknown.
  uint16_t ClassOf(std::string_view word) const;
  void Set(std::string_view word, uint16_t word_class);
  size_t size() const { return classes_.size(); }

  void Write(ByteWriter& writer) const;
  Status Read(ByteReader& reader);

 private:
  static uint32_t Key(std::string_view word);
  U32Table<uint16_t> classes_;
};

// Learns `class_count` classes for the words seen at least `min_count` times
// in `sentences` (tokenized unlabelled text), by k-means over each word's
// left and right neighbour distributions. Deterministic.
WordClasses LearnWordClasses(const std::vector<std::vector<std::string>>& sentences,
                             int class_count, int min_count, int iterations);

}  // namespace newsloom::ner

#endif  // NEWSLOOM_NER_WORD_CLASSES_H_
