// Text normalisation for duplicate detection: words, their shingles, and the
// hash of the normalised text. Thread-safe: pure functions.
#ifndef NEWSLOOM_DEDUP_SHINGLES_H_
#define NEWSLOOM_DEDUP_SHINGLES_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace newsloom::dedup {

// Words per shingle: three words survive light edits better than longer
// shingles and are still rare enough that unrelated stories share few.
inline constexpr int kShingleWords = 3;

// The 64-bit hash of every word of `text`, in order. A word is a run of ASCII
// letters and digits or of non-ASCII letters; ASCII is lower-cased, and
// punctuation (ASCII, Latin-1 signs, General Punctuation such as curly quotes
// and dashes, CJK punctuation) separates words like whitespace does. So
// "Cousin’s  death!" and "cousin's death" give the same words.
std::vector<uint64_t> WordHashes(std::string_view text);

// One hash per run of kShingleWords consecutive words (one hash for the whole
// text when it has fewer words; none when it has no word).
std::vector<uint64_t> ShingleHashes(const std::vector<uint64_t>& word_hashes);

// The hash of the word sequence: equal for texts that differ only in
// whitespace, ASCII case and punctuation. 0 is returned only for a text
// without words.
uint64_t NormalizedTextHash(const std::vector<uint64_t>& word_hashes);

// A 64-bit finaliser with good avalanche (from SplitMix64), shared by the
// sketches.
inline uint64_t Mix64(uint64_t value) {
  value ^= value >> 30;
  value *= 0xbf58476d1ce4e5b9ULL;
  value ^= value >> 27;
  value *= 0x94d049bb133111ebULL;
  value ^= value >> 31;
  return value;
}

}  // namespace newsloom::dedup

#endif  // NEWSLOOM_DEDUP_SHINGLES_H_
