#include "timex/tokens.h"

#include "common/strings.h"

namespace newsloom::timex {

bool Token::Is(std::string_view word) const {
  return kind == Kind::kWord && EqualsIgnoreCase(text, word);
}

std::vector<Token> Tokenize(std::string_view text) {
  std::vector<Token> tokens;
  size_t i = 0;
  bool space = false;
  while (i < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (IsAsciiSpace(text[i])) {
      space = true;
      ++i;
      continue;
    }
    Token token;
    token.begin = i;
    token.space_before = space || tokens.empty();
    if (IsAsciiLetter(text[i])) {
      token.kind = Token::Kind::kWord;
      while (i < text.size() && IsAsciiLetter(text[i])) ++i;
    } else if (IsAsciiDigit(text[i])) {
      token.kind = Token::Kind::kNumber;
      while (i < text.size() && IsAsciiDigit(text[i])) ++i;
    } else if (c >= 0x80) {
      while (i < text.size() && static_cast<unsigned char>(text[i]) >= 0x80) ++i;
    } else {
      ++i;
    }
    token.end = i;
    token.text = text.substr(token.begin, token.end - token.begin);
    tokens.push_back(token);
    space = false;
  }
  return tokens;
}

}  // namespace newsloom::timex
