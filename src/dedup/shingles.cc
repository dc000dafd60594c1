#include "dedup/shingles.h"

#include "common/strings.h"
#include "common/utf8.h"

namespace newsloom::dedup {
namespace {

constexpr uint64_t kFnvOffset = 0xcbf29ce484222325ULL;
constexpr uint64_t kFnvPrime = 0x100000001b3ULL;

// Non-ASCII code points that separate words: Latin-1 signs and spaces, the
// General Punctuation block (curly quotes, dashes, ellipsis, zero-width and
// other spaces), CJK symbols and punctuation, the BOM and U+FFFD.
bool IsSeparator(uint32_t code_point) {
  return (code_point >= 0x80 && code_point <= 0xBF && code_point != 0xAA && code_point != 0xB5 &&
          code_point != 0xBA) ||
         code_point == 0xD7 || code_point == 0xF7 ||
         (code_point >= 0x2000 && code_point <= 0x206F) ||
         (code_point >= 0x3000 && code_point <= 0x303F) || code_point == 0xFEFF ||
         code_point == 0xFFFD;
}

}  // namespace

std::vector<uint64_t> WordHashes(std::string_view text) {
  std::vector<uint64_t> words;
  uint64_t hash = kFnvOffset;
  bool in_word = false;
  auto end_word = [&] {
    if (in_word) words.push_back(Mix64(hash));
    hash = kFnvOffset;
    in_word = false;
  };
  size_t position = 0;
  while (position < text.size()) {
    const char c = text[position];
    if (static_cast<unsigned char>(c) < 0x80) {
      ++position;
      if (!IsAsciiAlnum(c)) {
        end_word();
        continue;
      }
      hash = (hash ^ static_cast<unsigned char>(LowerAscii(c))) * kFnvPrime;
      in_word = true;
      continue;
    }
    const size_t start = position;
    const uint32_t code_point = DecodeUtf8(text, &position);
    if (position == start) ++position;  // never loop on a byte DecodeUtf8 refused
    if (IsSeparator(code_point)) {
      end_word();
      continue;
    }
    for (size_t i = start; i < position; ++i) {
      hash = (hash ^ static_cast<unsigned char>(text[i])) * kFnvPrime;
    }
    in_word = true;
  }
  end_word();
  return words;
}

std::vector<uint64_t> ShingleHashes(const std::vector<uint64_t>& word_hashes) {
  std::vector<uint64_t> shingles;
  if (word_hashes.empty()) return shingles;
  const size_t width = kShingleWords;
  const size_t count = word_hashes.size() >= width ? word_hashes.size() - width + 1 : 1;
  shingles.reserve(count);
  for (size_t start = 0; start < count; ++start) {
    uint64_t hash = 0x9e3779b97f4a7c15ULL;
    for (size_t i = start; i < start + width && i < word_hashes.size(); ++i) {
      hash = Mix64(hash ^ word_hashes[i]) + i - start;
    }
    shingles.push_back(hash);
  }
  return shingles;
}

uint64_t NormalizedTextHash(const std::vector<uint64_t>& word_hashes) {
  if (word_hashes.empty()) return 0;
  uint64_t hash = word_hashes.size();
  for (uint64_t word : word_hashes) hash = Mix64(hash ^ word) * kFnvPrime;
  return hash == 0 ? 1 : hash;
}

}  // namespace newsloom::dedup
