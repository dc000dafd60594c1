#include "common/strings.h"

#include <algorithm>

namespace newsloom {

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::string_view TrimView(std::string_view text) {
  size_t begin = 0;
  while (begin < text.size() && IsAsciiSpace(text[begin])) ++begin;
  size_t end = text.size();
  while (end > begin && IsAsciiSpace(text[end - 1])) --end;
  return text.substr(begin, end - begin);
}

std::string AsciiLower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = LowerAscii(c);
  return out;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (LowerAscii(a[i]) != LowerAscii(b[i])) return false;
  }
  return true;
}

bool ContainsIgnoreCase(std::string_view haystack, std::string_view needle) {
  if (needle.empty()) return true;
  auto it = std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(),
                        [](char x, char y) { return LowerAscii(x) == LowerAscii(y); });
  return it != haystack.end();
}

bool StartsWithIgnoreCase(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && EqualsIgnoreCase(text.substr(0, prefix.size()), prefix);
}

bool EndsWithIgnoreCase(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() &&
         EqualsIgnoreCase(text.substr(text.size() - suffix.size()), suffix);
}

// Length of the whitespace character starting at text[i], or 0.
static size_t WhitespaceLength(std::string_view text, size_t i) {
  unsigned char c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) return IsAsciiSpace(char(c)) ? 1 : 0;
  auto byte = [&](size_t k) -> unsigned char {
    return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0;
  };
  if (c == 0xC2 && (byte(1) == 0xA0 || byte(1) == 0x85)) return 2;  // NBSP, NEL
  if (c == 0xE1 && byte(1) == 0x9A && byte(2) == 0x80) return 3;    // U+1680
  if (c == 0xE2 && byte(1) == 0x80) {
    unsigned char b = byte(2);
    if ((b >= 0x80 && b <= 0x8B) || b == 0xA8 || b == 0xA9 || b == 0xAF)
      return 3;  // U+2000..200B, 2028/9, 202F
  }
  if (c == 0xE2 && byte(1) == 0x81 && (byte(2) == 0x9F || byte(2) == 0xA0))
    return 3;                                                     // U+205F, U+2060
  if (c == 0xE3 && byte(1) == 0x80 && byte(2) == 0x80) return 3;  // U+3000
  if (c == 0xEF && byte(1) == 0xBB && byte(2) == 0xBF) return 3;  // BOM / ZWNBSP
  return 0;
}

std::string CollapseWhitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (size_t i = 0; i < text.size();) {
    size_t width = WhitespaceLength(text, i);
    if (width > 0) {
      pending_space = !out.empty();
      i += width;
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(text[i]);
    ++i;
  }
  return out;
}

std::vector<std::string_view> Split(std::string_view text, char separator) {
  std::vector<std::string_view> pieces;
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == separator) {
      pieces.push_back(text.substr(start, i - start));
      start = i + 1;
    }
  }
  return pieces;
}

int CountWords(std::string_view text) {
  int words = 0;
  bool in_word = false;
  for (char ch : text) {
    unsigned char c = static_cast<unsigned char>(ch);
    // Bytes >= 0x80 belong to letters in almost all news text; punctuation
    // outside ASCII is rare enough not to matter for counting.
    bool word_byte =
        (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
    if (word_byte && !in_word) ++words;
    in_word = word_byte;
  }
  return words;
}

}  // namespace newsloom
