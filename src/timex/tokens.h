// The word/number/punctuation tokens the date patterns are matched on.
#ifndef NEWSLOOM_TIMEX_TOKENS_H_
#define NEWSLOOM_TIMEX_TOKENS_H_

#include <cstddef>
#include <string_view>
#include <vector>

namespace newsloom::timex {

struct Token {
  enum class Kind { kWord, kNumber, kPunct };
  Kind kind = Kind::kPunct;
  size_t begin = 0;  // byte range in the text
  size_t end = 0;
  std::string_view text;
  bool space_before = false;  // whitespace separates it from the previous token

  bool IsWord() const { return kind == Kind::kWord; }
  bool IsNumber() const { return kind == Kind::kNumber; }
  bool Is(char c) const { return kind == Kind::kPunct && text.size() == 1 && text[0] == c; }
  // Case-insensitive comparison for words.
  bool Is(std::string_view word) const;
};

// ASCII letter runs are words, digit runs numbers, every other ASCII byte a
// punctuation token of its own, and every run of non-ASCII bytes one
// punctuation token (so invalid UTF-8 is harmless).
std::vector<Token> Tokenize(std::string_view text);

}  // namespace newsloom::timex

#endif  // NEWSLOOM_TIMEX_TOKENS_H_
