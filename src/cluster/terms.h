// Terms: the words, names, numbers and dates that describe an article,
// as hashed features with weights. Title and lead count more than the body;
// names come from Article::entities when the analyze stage filled them, else
// from runs of capitalised words; numbers from the title, description and
// lead; dates from Article::dates or a small reader of its own; the headline
// from the words of the URL's slug.
//
// Not thread-safe: a TermExtractor caches one Snowball stemmer per language.
#ifndef NEWSLOOM_CLUSTER_TERMS_H_
#define NEWSLOOM_CLUSTER_TERMS_H_

#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "cluster/hash_index.h"
#include "cluster/tokens.h"
#include "newsloom/article.h"

struct sb_stemmer;

namespace newsloom::cluster {

// What a feature stands for; the kind is part of its hash.
enum class TermKind : uint8_t { kWord, kName, kNumber, kDate, kHeadline };

struct WeightedTerm {
  uint64_t hash = 0;  // kind and normalised text, hashed
  float weight = 0;   // sublinear, field-weighted frequency (before IDF)
  TermKind kind = TermKind::kWord;
};

// A name written in the title: who or what the article is about. Kept apart
// so that two reports of one actor with different counterparts (a boxer's two
// fights, a team's two signings) can be told apart (see Options::
// conflict_weight in clusterer.h). `word_hash` is the name's word as a kWord
// term, so that a name counts as present on the other side when that side
// writes it in lower case.
struct TitleName {
  uint64_t name_hash = 0;  // TermHash(kName, lowercase word)
  uint64_t word_hash = 0;
};

// Hash of a term of `kind` with normalised text `text`.
uint64_t TermHash(TermKind kind, std::string_view text);

// A word of the headline the URL spells (url_slug.h) also counts in a
// channel of its own under this hash, derived from its word hash so that it
// can share the word's background frequency (see HeadlineWordHash).
inline constexpr uint64_t kHeadlineSalt = 0x5bd1e9955bd1e995ULL;
inline uint64_t HeadlineHash(uint64_t word_hash) { return word_hash ^ kHeadlineSalt; }
inline uint64_t HeadlineWordHash(uint64_t headline_hash) { return headline_hash ^ kHeadlineSalt; }

struct TermOptions {
  float title_weight = 5.0f;  // a title word counts this many body words
  float lead_weight = 2.0f;   // description and the first paragraphs
  float name_weight = 1.5f;   // extra for names (on top of their words)
  float number_weight = 1.0f;
  float date_weight = 1.5f;
  float url_weight = 3.0f;      // a word of the URL's slug (see url_slug.h)
  size_t lead_words = 60;       // words of the body read as lead
  size_t max_body_words = 300;  // words of the body read at all
};

// What the extractor knows of a lowercase word.
struct WordInfo {
  std::string word;  // the lowercase word itself
  std::string stem;
  uint64_t word_hash = 0;  // TermHash(kWord, stem)
  bool stop = false;
  int month = 0;  // 1..12 for a month name
};

// What Extract reads of a word token, copied out of the word cache.
struct WordFacts {
  uint64_t word_hash = 0;  // TermHash(kWord, stem)
  int month = 0;
  bool stop = false;
};

class TermExtractor {
 public:
  explicit TermExtractor(TermOptions options = {});
  ~TermExtractor();
  TermExtractor(const TermExtractor&) = delete;
  TermExtractor& operator=(const TermExtractor&) = delete;

  // The article's terms, one entry per distinct hash, sorted by hash; with
  // `title_names`, also the distinct names of the title, in title order.
  std::vector<WeightedTerm> Extract(const Article& article,
                                    std::vector<TitleName>* title_names = nullptr);

  // Stemmed, lowercased content words of `text` (stop words dropped), for
  // comparing headlines.
  std::vector<std::string> Words(std::string_view text, std::string_view language);

 private:
  // A Snowball stemmer and the words it has already looked up (cleared when
  // the cache grows too large), found by word hash; `words` keeps references
  // stable as it grows.
  struct Stemmer {
    sb_stemmer* snowball = nullptr;
    std::deque<WordInfo> words;
    HashIndex index;  // std::hash of the word -> its place in `words`
  };
  Stemmer& StemmerFor(std::string_view language);
  // `hash` is std::hash of `lower_word`.
  static const WordInfo& Lookup(Stemmer& stemmer, std::string_view lower_word, uint64_t hash);
  static const WordInfo& Lookup(Stemmer& stemmer, std::string_view lower_word);
  // The facts of every word token (numbers get none), each word looked up
  // once, with the cache's memory requested a few tokens ahead.
  static std::vector<WordFacts> LookUpAll(Stemmer& stemmer, const std::vector<Token>& tokens);

  TermOptions options_;
  std::map<std::string, Stemmer, std::less<>> stemmers_;  // by Snowball algorithm name
};

}  // namespace newsloom::cluster

#endif  // NEWSLOOM_CLUSTER_TERMS_H_
