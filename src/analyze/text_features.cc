#include "analyze/text_features.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <utility>

#include "common/strings.h"
#include "common/utf8.h"

namespace newsloom::analyze {

namespace {

constexpr uint64_t kFnvOffset = 14695981039346656037ull;
constexpr uint64_t kFnvPrime = 1099511628211ull;
// Namespaces keep title words, body words and length buckets apart.
constexpr uint64_t kBodySeed = 0x9e3779b97f4a7c15ull;
constexpr uint64_t kTitleSeed = 0xc2b2ae3d27d4eb4full;
constexpr uint64_t kLengthSeed = 0x165667b19e3779f9ull;
constexpr uint64_t kPrefixSalt = 0x5bd1e995ull;
constexpr size_t kPrefixBytes = 5;

// FNV-1a of the word and, in the same pass, of its first kPrefixBytes bytes.
uint64_t HashWordAndPrefix(std::string_view word, uint64_t* prefix_hash) {
  uint64_t hash = kFnvOffset;
  for (size_t i = 0; i < word.size(); ++i) {
    if (i == kPrefixBytes) *prefix_hash = hash;
    hash ^= static_cast<unsigned char>(word[i]);
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

// Counts equal buckets with a small open-addressing table (cheaper than
// sorting); features come out in order of first occurrence.
void AddCounts(const std::vector<uint32_t>& buckets, std::vector<FeatureCount>* counts) {
  counts->clear();
  size_t size = 64;
  while (size < 2 * buckets.size()) size *= 2;
  thread_local std::vector<int32_t> slots;  // index into *counts, or -1; reused
  slots.assign(size, -1);
  const size_t mask = size - 1;
  for (uint32_t bucket : buckets) {
    size_t slot = (bucket * 0x9E3779B1u) & mask;
    for (;;) {
      int32_t& entry = slots[slot];
      if (entry < 0) {
        entry = static_cast<int32_t>(counts->size());
        counts->push_back({bucket, 1});
        break;
      }
      if ((*counts)[size_t(entry)].bucket == bucket) {
        ++(*counts)[size_t(entry)].count;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
}

// Calls on_word(std::string_view) for each word of `text` (see Tokenize), at
// most max_tokens times; returns the number of words.
template <typename OnWord>
size_t ForEachWord(std::string_view text, size_t max_tokens, OnWord on_word) {
  // ASCII bytes, the common case, are classified and lowered by table.
  static const auto* ascii = [] {
    auto* table = new std::array<char, 128>;  // 0: separator, else the byte to append
    for (int c = 0; c < 128; ++c) {
      char lowered = LowerAscii(static_cast<char>(c));
      (*table)[c] = IsAsciiDigit(char(c)) ? '0' : (IsAsciiAlnum(char(c)) ? lowered : '\0');
    }
    return table;
  }();
  constexpr size_t kMaxWordBytes = 64;  // a run-on "word" is noise; cap its cost
  char word[kMaxWordBytes + 4];
  size_t length = 0;
  size_t count = 0;
  auto flush = [&] {
    if (length == 0) return;
    on_word(std::string_view(word, length));
    ++count;
    length = 0;
  };
  size_t position = 0;
  while (position < text.size() && count < max_tokens) {
    unsigned char byte = static_cast<unsigned char>(text[position]);
    if (byte < 0x80) {
      ++position;
      char mapped = (*ascii)[byte];
      if (mapped != '\0') {
        if (length < kMaxWordBytes) word[length++] = mapped;
      } else if (byte == '\'' && length > 0 && position < text.size() &&
                 static_cast<unsigned char>(text[position]) < 0x80 &&
                 (*ascii)[static_cast<unsigned char>(text[position])] != '\0') {
        // "don't" -> "dont", "Obama's" -> "obamas"
      } else {
        flush();
      }
      continue;
    }
    uint32_t cp = DecodeUtf8(text, &position);
    if (IsApostrophe(cp) && length > 0 && position < text.size() &&
        !IsSeparator(static_cast<unsigned char>(text[position]))) {
      continue;
    }
    if (IsSeparator(cp)) {
      flush();
      continue;
    }
    if (length >= kMaxWordBytes) continue;
    std::string encoded;
    AppendUtf8(LowerCodePoint(cp), &encoded);
    std::memcpy(word + length, encoded.data(), encoded.size());
    length += encoded.size();
  }
  if (count < max_tokens) flush();
  return count;
}

// Appends the unigram and bigram buckets of the words of `text`, in `seed`'s
// namespace, and the length bucket unless `length_bucket` is false.
void BlockBuckets(std::string_view text, size_t max_tokens, uint64_t seed, uint32_t bits,
                  PrefetchTable prefetch, std::vector<uint32_t>* buckets,
                  bool length_bucket = true) {
  const auto* rows = static_cast<const char*>(prefetch.rows);
  auto add = [&](uint32_t bucket) {
    if (rows != nullptr) __builtin_prefetch(rows + size_t(bucket) * prefetch.stride);
    buckets->push_back(bucket);
  };
  uint64_t previous = 0;
  bool first = true;
  size_t words = ForEachWord(text, max_tokens, [&](std::string_view word) {
    uint64_t prefix_hash = 0;
    uint64_t hash = HashWordAndPrefix(word, &prefix_hash);
    add(Bucket(hash ^ seed, bits));
    // The first five letters as well: a crude stem that lets "elect",
    // "elected" and "elections" share evidence.
    if (word.size() > kPrefixBytes) {
      add(Bucket(prefix_hash ^ seed ^ kPrefixSalt, bits));
    }
    if (!std::exchange(first, false)) {
      add(Bucket((previous * 0x100000001b3ull + hash) ^ (seed >> 1), bits));
    }
    previous = hash;
  });
  if (!length_bucket) return;
  // log2 of the word count: tells teasers, listings and long reads apart.
  uint64_t length_class = 0;
  for (size_t n = words; n > 0; n >>= 1) ++length_class;
  add(Bucket((length_class + 1) * kLengthSeed ^ seed, bits));
}

}  // namespace

float SublinearTf(uint32_t count) {
  static const auto* table = [] {
    auto* values = new std::array<float, 64>;
    for (size_t n = 1; n < values->size(); ++n) (*values)[n] = 1.0f + std::log(float(n));
    return values;
  }();
  if (count == 0) return 0;
  return count < table->size() ? (*table)[count] : 1.0f + std::log(static_cast<float>(count));
}

std::vector<std::string> Tokenize(std::string_view text, size_t max_tokens) {
  std::vector<std::string> words;
  ForEachWord(text, max_tokens, [&](std::string_view word) { words.emplace_back(word); });
  return words;
}

void CountFeatures(std::string_view title, std::string_view body, const FeatureSettings& settings,
                   std::vector<FeatureCount>* title_counts, std::vector<FeatureCount>* body_counts,
                   PrefetchTable prefetch) {
  // Bounds the bytes read, so a run-on "word" of megabytes costs no more than a long article.
  title = title.substr(0, std::min<size_t>(title.size(), 2048));
  body = body.substr(0, std::min<size_t>(body.size(), size_t(settings.max_tokens) * 32));
  // A text with no body (a feed entry, a wire flash, a headline alone) is
  // read from its title: the model judges its words, not the missing text,
  // which in training only pages that are not news ever lacked.
  if (body.find_first_not_of(" \t\r\n") == std::string_view::npos) body = title;
  thread_local std::vector<uint32_t> buckets;  // reused: no allocation per text
  constexpr size_t kTitleTokens = 64;
  buckets.reserve(3 * (size_t(settings.max_tokens) + kTitleTokens) + 2);
  buckets.clear();
  BlockBuckets(title, kTitleTokens, kTitleSeed, settings.hash_bits, prefetch, &buckets);
  AddCounts(buckets, title_counts);
  buckets.clear();
  if (settings.title_in_body) {
    BlockBuckets(title, kTitleTokens, kBodySeed, settings.hash_bits, prefetch, &buckets,
                 /*length_bucket=*/false);
  }
  BlockBuckets(body, settings.max_tokens, kBodySeed, settings.hash_bits, prefetch, &buckets);
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
      float value = SublinearTf(feature.count) * idf_value;
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
