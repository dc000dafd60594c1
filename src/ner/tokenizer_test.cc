#include "ner/tokenizer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace newsloom::ner {
namespace {

// Tokens joined by " ", sentences by " | ".
std::string Render(std::string_view text) {
  std::string out;
  for (const Sentence& sentence : TokenizeParagraph(text)) {
    if (!out.empty()) out += " | ";
    for (size_t i = 0; i < sentence.size(); ++i) {
      if (i > 0) out += ' ';
      out += sentence[i].text;
    }
  }
  return out;
}

struct Case {
  const char* input;
  const char* expected;
};

constexpr Case kCases[] = {
    {"", ""},
    {"Hello, world!", "Hello , world !"},
    {"The U.S. economy grew.", "The U.S. economy grew ."},
    {"Japan's prime minister", "Japan 's prime minister"},
    {"Kishida\u2019s visit", "Kishida \u2019s visit"},
    {"They don't know.", "They do n't know ."},
    {"Mr. Smith met Dr. Jones.", "Mr. Smith met Dr. Jones ."},
    {"It rose 3.5 percent to 1,000.", "It rose 3.5 percent to 1,000 ."},
    {"Anglo-Dutch group AT&T said", "Anglo-Dutch group AT&T said"},
    {"He left. She stayed.", "He left . | She stayed ."},
    {"\"Go,\" he said. \"Now.\" Then", "\" Go , \" he said . | \" Now . \" | Then"},
    {"on Feb. 24 in Tokyo", "on Feb. 24 in Tokyo"},
    {"O'Neill and \u201CZelensky\u201D", "O'Neill and \u201C Zelensky \u201D"},
    {"Kyiv \u2014 Ukraine", "Kyiv \u2014 Ukraine"},
    {"the UK- Japan deal", "the UK - Japan deal"},
    {"Z\u00fcrich and S\u00e3o Paulo", "Z\u00fcrich and S\u00e3o Paulo"},
    {"(Reuters) - Oil fell...", "( Reuters ) - Oil fell ..."},
    {"1996-08-22", "1996-08-22"},
};

TEST(TokenizerTest, Table) {
  for (const Case& c : kCases) {
    EXPECT_EQ(Render(c.input), c.expected) << "input: " << c.input;
  }
}

TEST(TokenizerTest, OffsetsPointIntoTheParagraph) {
  std::string text = "Prime Minister Shigeru Ishiba's visit to the U.S. ended.";
  for (const Sentence& sentence : TokenizeParagraph(text)) {
    for (const Token& token : sentence) {
      ASSERT_LE(token.offset + token.text.size(), text.size());
      EXPECT_EQ(text.substr(token.offset, token.text.size()), token.text);
    }
  }
}

TEST(TokenizerTest, HostileBytesNeverCrash) {
  std::string junk;
  for (int i = 0; i < 4096; ++i) junk.push_back(char((i * 131 + 7) % 256));
  junk += "\xF0\x9F";  // truncated sequence at the end
  size_t tokens = 0;
  for (const Sentence& sentence : TokenizeParagraph(junk)) {
    EXPECT_FALSE(sentence.empty());
    for (const Token& token : sentence) {
      EXPECT_LE(token.offset + token.text.size(), junk.size());
      ++tokens;
    }
  }
  EXPECT_GT(tokens, 0u);
  std::string dots(100000, '.');
  EXPECT_EQ(TokenizeParagraph(dots).size(), 1u);
}

}  // namespace
}  // namespace newsloom::ner
