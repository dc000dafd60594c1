#include "cluster/tokens.h"

#include <algorithm>
#include <cstdint>

#include "common/strings.h"

namespace newsloom::cluster {

namespace {

// Length of the UTF-8 sequence at `text[at]` and whether it is a word
// character; 1 and false for an invalid byte.
struct CodePoint {
  size_t length = 1;
  bool word = false;
};

CodePoint ReadCodePoint(std::string_view text, size_t at) {
  const auto byte = static_cast<unsigned char>(text[at]);
  if (byte < 0x80) return {1, IsAsciiAlnum(static_cast<char>(byte))};
  size_t length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC2 ? 2 : 0;
  if (length == 0 || byte > 0xF4 || at + length > text.size()) return {1, false};
  uint32_t code = byte & (0x7F >> length);
  for (size_t i = 1; i < length; ++i) {
    const auto next = static_cast<unsigned char>(text[at + i]);
    if ((next & 0xC0) != 0x80) return {1, false};
    code = (code << 6) | (next & 0x3F);
  }
  // Latin-1 punctuation and symbols, general punctuation, CJK punctuation,
  // full-width forms' punctuation and specials are separators.
  const bool separator = (code >= 0x80 && code <= 0xBF) || code == 0xD7 || code == 0xF7 ||
                         (code >= 0x2000 && code <= 0x2BFF) || (code >= 0x3000 && code <= 0x303F) ||
                         (code >= 0xFE30 && code <= 0xFE4F) || (code >= 0xFF00 && code <= 0xFF0F) ||
                         code >= 0xFFF0;
  return {length, !separator};
}

bool EndsSentence(char c) { return c == '.' || c == '!' || c == '?' || c == ':' || c == '\n'; }

}  // namespace

std::vector<Token> Tokenize(std::string_view text, size_t max_tokens) {
  std::vector<Token> tokens;
  // A word takes two bytes at least (one and a separator): no reallocation.
  tokens.reserve(std::min(max_tokens, text.size() / 2 + 1));
  bool sentence_start = true;
  size_t at = 0;
  while (at < text.size() && tokens.size() < max_tokens) {
    const char c = text[at];
    if (IsAsciiDigit(c)) {
      // A number: digits with inner '.' or ',' ("1,200", "6.1").
      size_t end = at;
      Token token;
      while (end < text.size()) {
        if (IsAsciiDigit(text[end])) {
          token.lower.push_back(text[end]);
          ++end;
        } else if ((text[end] == '.' || text[end] == ',') && end + 1 < text.size() &&
                   IsAsciiDigit(text[end + 1])) {
          if (text[end] == '.') token.lower.push_back('.');
          ++end;
        } else {
          break;
        }
      }
      token.text = text.substr(at, end - at);
      token.number = true;
      token.sentence_start = sentence_start;
      sentence_start = false;
      tokens.push_back(std::move(token));
      at = end;
      continue;
    }
    if (static_cast<unsigned char>(c) < 0x80 && !IsAsciiLetter(c)) {
      if (EndsSentence(c)) sentence_start = true;
      ++at;
      continue;
    }
    CodePoint point = ReadCodePoint(text, at);
    if (!point.word) {
      at += point.length;
      continue;
    }
    size_t end = at;
    while (end < text.size()) {
      // ASCII letters, the most of any text, without decoding.
      if (IsAsciiLetter(text[end])) {
        ++end;
        continue;
      }
      if (static_cast<unsigned char>(text[end]) < 0x80) break;
      CodePoint next = ReadCodePoint(text, end);
      if (!next.word) break;
      end += next.length;
    }
    Token token;
    token.text = text.substr(at, end - at);
    token.lower.assign(token.text);
    for (char& letter : token.lower) letter = LowerAscii(letter);
    token.capitalised = IsAsciiUpper(c);
    token.sentence_start = sentence_start;
    sentence_start = false;
    tokens.push_back(std::move(token));
    at = end;
  }
  return tokens;
}

}  // namespace newsloom::cluster
