// Words as the story stage compares them: lower-cased, lightly stemmed content
// words, and sparse TF-IDF vectors over them. Pure functions, thread-safe.
#ifndef NEWSLOOM_STORY_TERMS_H_
#define NEWSLOOM_STORY_TERMS_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace newsloom::story {

// A word of running text as written: letters and digits, with inner
// apostrophes, periods and hyphens ("Japan's", "U.S.", "then-Japanese").
struct Word {
  std::string_view text;
  size_t begin = 0;  // byte offset in the text
};
std::vector<Word> SplitWords(std::string_view text);

// Whether only spaces stand between two words of `text` (no comma, no
// line break): "Prime Minister", not "minister, Kishida".
bool OnlySpacesBetween(std::string_view text, const Word& left, const Word& right);

// Does the word start with an ASCII capital letter?
bool IsCapitalized(std::string_view word);

// A stop word ("the", "said", "has") in lower case.
bool IsStopWord(std::string_view lower_word);

// Lower case, possessive and plural/-ed/-ing endings cut: "Talks" -> "talk",
// "visited" -> "visit", "Japan's" -> "japan". Non-ASCII bytes are kept as they are.
std::string Stem(std::string_view word);

// The stems of the content words of `text`, in order (stop words, numbers and
// one-letter words dropped).
std::vector<std::string> ContentStems(std::string_view text);

// A sparse vector: (term id, weight) sorted by term id, unit length (or empty).
using SparseVector = std::vector<std::pair<uint32_t, float>>;

float Cosine(const SparseVector& a, const SparseVector& b);

// Term ids and document frequencies for one set of documents. Not thread-safe.
class Vocabulary {
 public:
  // Ids of `stems`, adding new ones.
  std::vector<uint32_t> Intern(std::span<const std::string> stems);
  // Counts each distinct id once for a new document.
  void AddDocument(const std::vector<uint32_t>& ids);
  // Unit-length TF-IDF vector: tf * (log((1 + documents) / (1 + df)) + 1).
  SparseVector Vectorize(const std::vector<uint32_t>& ids) const;
  size_t documents() const { return documents_; }

 private:
  std::unordered_map<std::string, uint32_t> ids_;
  std::vector<uint32_t> document_frequency_;
  size_t documents_ = 0;
};

// Unit-length sum of vectors, each weighted by `weights` (1 when empty).
SparseVector Centroid(const std::vector<const SparseVector*>& vectors,
                      const std::vector<float>& weights = {});

}  // namespace newsloom::story

#endif  // NEWSLOOM_STORY_TERMS_H_
