#include "analyze/text_features.h"

#include <algorithm>
#include <cmath>

#include "common/utf8.h"

namespace newsloom::analyze {

namespace {

constexpr uint64_t kFnvOffset = 14695981039346656037ull;
constexpr uint64_t kFnvPrime = 1099511628211ull;
// Namespaces keep title words, body words and length buckets apart.
constexpr uint64_t kBodySeed = 0x9e3779b97f4a7c15ull;
constexpr uint64_t kTitleSeed = 0xc2b2ae3d27d4eb4full;
constexpr uint64_t kLengthSeed = 0x165667b19e3779f9ull;

uint64_t HashWord(std::string_view word) {
  uint64_t hash = kFnvOffset;
  for (char c : word) {
    hash ^= static_cast<unsigned char>(c);
    hash *= kFnvPrime;
  }
  return hash;
}

// A 64-bit finaliser (from MurmurHash3's fmix64) so the top bits are well mixed.
uint64_t Mix(uint64_t value) {
  value ^= value >> 33;
  value *= 0xff51afd7ed558ccdull;
  value ^= value >> 33;
  value *= 0xc4ceb9fe1a85ec53ull;
  value ^= value >> 33;
  return value;
}

uint32_t Bucket(uint64_t hash, uint32_t bits) {
  return static_cast<uint32_t>(Mix(hash) >> (64 - bits));
}

// Lower-case form of a code point for the scripts news mostly comes in
// (ASCII, Latin-1, Latin Extended-A, Greek, Cyrillic); others unchanged.
uint32_t LowerCodePoint(uint32_t cp) {
  if (cp >= 'A' && cp <= 'Z') return cp + 32;
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 32;
  if (cp >= 0x100 && cp <= 0x17F && cp % 2 == 0 && cp != 0x130 && cp != 0x138) return cp + 1;
  if (cp >= 0x391 && cp <= 0x3AB) return cp + 32;
  if (cp >= 0x410 && cp <= 0x42F) return cp + 32;
  if (cp >= 0x400 && cp <= 0x40F) return cp + 80;
  return cp;
}

// True for code points that end a word: ASCII non-alphanumerics, Latin-1
// punctuation and symbols, general punctuation, CJK punctuation, U+FFFD.
bool IsSeparator(uint32_t cp) {
  if (cp < 0x80)
    return !((cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'));
  if (cp <= 0xBF) return cp != 0xAA && cp != 0xB5 && cp != 0xBA;
  if (cp == 0xD7 || cp == 0xF7) return true;
  if (cp >= 0x2000 && cp <= 0x2BFF) return true;
  if (cp >= 0x3000 && cp <= 0x303F) return true;
  if (cp >= 0xFF00 && cp <= 0xFF0F) return true;
  return cp == 0xFFFD || cp == 0xFEFF;
}

bool IsApostrophe(uint32_t cp) { return cp == '\'' || cp == 0x2019; }

void AddCounts(std::vector<uint32_t>& buckets, std::vector<FeatureCount>* counts) {
  std::sort(buckets.begin(), buckets.end());
  counts->clear();
  for (size_t i = 0; i < buckets.size();) {
    size_t j = i;
    while (j < buckets.size() && buckets[j] == buckets[i]) ++j;
    counts->push_back({buckets[i], static_cast<uint32_t>(j - i)});
    i = j;
  }
}

// Unigram and bigram buckets of `words`, plus the length bucket, in `seed`'s namespace.
void BlockBuckets(const std::vector<std::string>& words, uint64_t seed, uint32_t bits,
                  std::vector<uint32_t>* buckets) {
  buckets->clear();
  uint64_t previous = 0;
  for (size_t i = 0; i < words.size(); ++i) {
    uint64_t hash = HashWord(words[i]);
    buckets->push_back(Bucket(hash ^ seed, bits));
    if (i > 0) buckets->push_back(Bucket((previous * 0x100000001b3ull + hash) ^ (seed >> 1), bits));
    previous = hash;
  }
  // log2 of the word count: tells teasers, listings and long reads apart.
  uint64_t length_class = 0;
  for (size_t n = words.size(); n > 0; n >>= 1) ++length_class;
  buckets->push_back(Bucket((length_class + 1) * kLengthSeed ^ seed, bits));
}

}  // namespace

std::vector<std::string> Tokenize(std::string_view text, size_t max_tokens) {
  std::vector<std::string> words;
  std::string word;
  size_t position = 0;
  while (position < text.size() && words.size() < max_tokens) {
    uint32_t cp = DecodeUtf8(text, &position);
    if (IsApostrophe(cp) && !word.empty() && position < text.size() &&
        !IsSeparator(static_cast<unsigned char>(text[position]))) {
      continue;  // "don't" -> "dont", "Obama's" -> "obamas"
    }
    if (IsSeparator(cp)) {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
      continue;
    }
    if (cp >= '0' && cp <= '9') cp = '0';
    AppendUtf8(LowerCodePoint(cp), &word);
    if (word.size() > 64) word.resize(64);  // a run-on "word" is noise; cap its cost
  }
  if (!word.empty() && words.size() < max_tokens) words.push_back(std::move(word));
  return words;
}

void CountFeatures(std::string_view title, std::string_view body, const FeatureSettings& settings,
                   std::vector<FeatureCount>* title_counts,
                   std::vector<FeatureCount>* body_counts) {
  // Bounds the bytes read, so a run-on "word" of megabytes costs no more than a long article.
  title = title.substr(0, std::min<size_t>(title.size(), 2048));
  body = body.substr(0, std::min<size_t>(body.size(), size_t(settings.max_tokens) * 32));
  std::vector<uint32_t> buckets;
  std::vector<std::string> title_words = Tokenize(title, 64);
  BlockBuckets(title_words, kTitleSeed, settings.hash_bits, &buckets);
  AddCounts(buckets, title_counts);

  std::vector<std::string> body_words = Tokenize(body, settings.max_tokens);
  BlockBuckets(body_words, kBodySeed, settings.hash_bits, &buckets);
  AddCounts(buckets, body_counts);
}

void WeighFeatures(std::span<const FeatureCount> title_counts,
                   std::span<const FeatureCount> body_counts, std::span<const float> idf,
                   const FeatureSettings& settings, std::vector<WeightedFeature>* features) {
  features->clear();
  auto add_block = [&](std::span<const FeatureCount> counts, float norm_target) {
    size_t start = features->size();
    double sum_squares = 0;
    for (const FeatureCount& feature : counts) {
      float idf_value = feature.bucket < idf.size() ? idf[feature.bucket] : 0.0f;
      float value = (1.0f + std::log(static_cast<float>(feature.count))) * idf_value;
      if (value == 0) continue;
      features->push_back({feature.bucket, value});
      sum_squares += double(value) * value;
    }
    if (sum_squares <= 0) return;
    float scale = norm_target / static_cast<float>(std::sqrt(sum_squares));
    for (size_t i = start; i < features->size(); ++i) (*features)[i].value *= scale;
  };
  add_block(body_counts, 1.0f);
  add_block(title_counts, settings.title_weight);
}

}  // namespace newsloom::analyze
