#include "story/terms.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <unordered_set>

#include "common/strings.h"

namespace newsloom::story {
namespace {

constexpr std::array<std::string_view, 118> kStopWords = {
    "a",      "about",   "above", "after",   "again", "against", "all",   "also",    "am",
    "an",     "and",     "any",   "are",     "as",    "at",      "be",    "because", "been",
    "before", "being",   "below", "between", "both",  "but",     "by",    "can",     "could",
    "did",    "do",      "does",  "doing",   "down",  "during",  "each",  "few",     "for",
    "from",   "further", "had",   "has",     "have",  "having",  "he",    "her",     "here",
    "hers",   "him",     "his",   "how",     "i",     "if",      "in",    "into",    "is",
    "it",     "its",     "just",  "me",      "more",  "most",    "my",    "no",      "nor",
    "not",    "now",     "of",    "off",     "on",    "once",    "only",  "or",      "other",
    "our",    "out",     "over",  "own",     "said",  "same",    "says",  "she",     "should",
    "so",     "some",    "such",  "than",    "that",  "the",     "their", "them",    "then",
    "there",  "these",   "they",  "this",    "those", "through", "to",    "too",     "under",
    "until",  "up",      "very",  "was",     "we",    "were",    "what",  "when",    "where",
    "which",  "while",   "who",   "will",    "with",  "would",   "you",   "your",    "told",
    "say"};

bool IsWordByte(char c) { return IsAsciiAlnum(c) || static_cast<unsigned char>(c) >= 0x80; }

}  // namespace

namespace {

// Length of the non-word character at `at`: UTF-8 general punctuation
// (U+2000..U+206F: dashes, curly quotes), Latin-1 punctuation and spaces; 0 otherwise.
size_t PunctuationLength(std::string_view text, size_t at) {
  unsigned char c = static_cast<unsigned char>(text[at]);
  if (c < 0x80) return IsAsciiAlnum(text[at]) ? 0 : 1;
  unsigned char next = at + 1 < text.size() ? static_cast<unsigned char>(text[at + 1]) : 0;
  if (c == 0xE2 && (next == 0x80 || next == 0x81)) return std::min<size_t>(3, text.size() - at);
  if (c == 0xC2 && next >= 0x80 && next <= 0xBF) return 2;
  return 0;
}

bool TypographicApostropheAt(std::string_view text, size_t at) {
  return at + 3 < text.size() && static_cast<unsigned char>(text[at]) == 0xE2 &&
         static_cast<unsigned char>(text[at + 1]) == 0x80 &&
         static_cast<unsigned char>(text[at + 2]) == 0x99 && IsAsciiLetter(text[at + 3]);
}

}  // namespace

std::vector<Word> SplitWords(std::string_view text) {
  std::vector<Word> words;
  size_t i = 0;
  while (i < text.size()) {
    if (size_t skip = PunctuationLength(text, i)) {
      i += skip;
      continue;
    }
    size_t begin = i;
    while (i < text.size()) {
      if (PunctuationLength(text, i) == 0) {
        ++i;
      } else if ((text[i] == '\'' || text[i] == '.' || text[i] == '-') && i + 1 < text.size() &&
                 PunctuationLength(text, i + 1) == 0) {
        i += 1;  // "Japan's", "U.S", "then-Japanese"
      } else if (TypographicApostropheAt(text, i)) {
        i += 3;  // "Japan’s"
      } else {
        break;
      }
    }
    // A final period belongs to an initialism ("U.S.").
    if (i < text.size() && text[i] == '.' && i >= begin + 2 && text[i - 2] == '.') ++i;
    words.push_back({text.substr(begin, i - begin), begin});
  }
  return words;
}

bool OnlySpacesBetween(std::string_view text, const Word& left, const Word& right) {
  for (size_t i = left.begin + left.text.size(); i < right.begin; ++i) {
    if (!IsAsciiSpace(text[i])) return false;
  }
  return true;
}

bool IsCapitalized(std::string_view word) { return !word.empty() && IsAsciiUpper(word[0]); }

bool IsStopWord(std::string_view lower_word) {
  static const std::unordered_set<std::string_view> kSet(kStopWords.begin(), kStopWords.end());
  return kSet.count(lower_word) > 0;
}

std::string Stem(std::string_view word) {
  std::string stem = AsciiLower(word);
  auto ends = [&](std::string_view suffix) {
    return stem.size() >= suffix.size() &&
           std::string_view(stem).substr(stem.size() - suffix.size()) == suffix;
  };
  auto cut = [&](size_t n) { stem.resize(stem.size() - n); };
  if (ends("'s")) cut(2);
  if (ends("\xe2\x80\x99s")) cut(4);
  if (stem.size() > 4 && ends("ies")) {
    cut(3);
    stem += 'y';
  } else if (stem.size() > 4 && (ends("sses") || ends("shes") || ends("ches"))) {
    cut(2);
  } else if (stem.size() > 3 && ends("s") && !ends("ss") && !ends("us") && !ends("is")) {
    cut(1);
  }
  if (stem.size() > 5 && ends("ing")) {
    cut(3);
  } else if (stem.size() > 4 && ends("ed")) {
    cut(2);
  }
  if (stem.size() > 4 && ends("e")) cut(1);  // "agree"/"agreed" and "invade"/"invaded" meet
  return stem;
}

std::vector<std::string> ContentStems(std::string_view text) {
  std::vector<std::string> stems;
  size_t i = 0;
  while (i < text.size()) {
    if (!IsWordByte(text[i])) {
      ++i;
      continue;
    }
    size_t begin = i;
    while (i < text.size() && (IsWordByte(text[i]) || (text[i] == '\'' && i + 1 < text.size() &&
                                                       IsAsciiLetter(text[i + 1])))) {
      ++i;
    }
    std::string_view word = text.substr(begin, i - begin);
    if (word.size() < 2 || IsAsciiDigit(word[0])) continue;
    std::string lower = AsciiLower(word);
    if (IsStopWord(lower)) continue;
    stems.push_back(Stem(word));
  }
  return stems;
}

float Cosine(const SparseVector& a, const SparseVector& b) {
  float dot = 0;
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i].first == b[j].first) {
      dot += a[i++].second * b[j++].second;
    } else if (a[i].first < b[j].first) {
      ++i;
    } else {
      ++j;
    }
  }
  return dot;
}

std::vector<uint32_t> Vocabulary::Intern(std::span<const std::string> stems) {
  std::vector<uint32_t> ids;
  ids.reserve(stems.size());
  for (const std::string& stem : stems) {
    auto [it, added] = ids_.emplace(stem, static_cast<uint32_t>(ids_.size()));
    if (added) document_frequency_.push_back(0);
    ids.push_back(it->second);
  }
  return ids;
}

void Vocabulary::AddDocument(const std::vector<uint32_t>& ids) {
  std::vector<uint32_t> distinct = ids;
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  for (uint32_t id : distinct) ++document_frequency_[id];
  ++documents_;
}

SparseVector Vocabulary::Vectorize(const std::vector<uint32_t>& ids) const {
  std::vector<uint32_t> sorted = ids;
  std::sort(sorted.begin(), sorted.end());
  SparseVector vector;
  double norm = 0;
  for (size_t i = 0; i < sorted.size();) {
    size_t j = i;
    while (j < sorted.size() && sorted[j] == sorted[i]) ++j;
    double df = sorted[i] < document_frequency_.size() ? document_frequency_[sorted[i]] : 0;
    double weight = double(j - i) * (std::log((1.0 + documents_) / (1.0 + df)) + 1.0);
    vector.emplace_back(sorted[i], static_cast<float>(weight));
    norm += weight * weight;
    i = j;
  }
  if (norm > 0) {
    float scale = static_cast<float>(1.0 / std::sqrt(norm));
    for (auto& entry : vector) entry.second *= scale;
  }
  return vector;
}

SparseVector Centroid(const std::vector<const SparseVector*>& vectors,
                      const std::vector<float>& weights) {
  std::map<uint32_t, double> sum;
  for (size_t v = 0; v < vectors.size(); ++v) {
    double weight = v < weights.size() ? weights[v] : 1.0;
    for (const auto& [id, value] : *vectors[v]) sum[id] += weight * value;
  }
  double norm = 0;
  for (const auto& entry : sum) norm += entry.second * entry.second;
  SparseVector centroid;
  if (norm <= 0) return centroid;
  double scale = 1.0 / std::sqrt(norm);
  for (const auto& [id, value] : sum) centroid.emplace_back(id, static_cast<float>(value * scale));
  return centroid;
}

}  // namespace newsloom::story
