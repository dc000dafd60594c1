#include "common/strings.h"

#include <gtest/gtest.h>

namespace newsloom {
namespace {

struct CollapseCase {
  const char* input;
  const char* expected;
};

TEST(StringsTest, CollapseWhitespace) {
  const CollapseCase kCases[] = {
      {"", ""},
      {"   ", ""},
      {"a  b", "a b"},
      {"\n\ta\r\nb \t", "a b"},
      {"a\xC2\xA0\xC2\xA0"
       "b",
       "a b"},  // no-break spaces
      {"a\xE2\x80\x8B"
       "b",
       "a b"},                         // zero-width space
      {"\xEF\xBB\xBFtitle", "title"},  // BOM
      {"caf\xC3\xA9  au lait", "caf\xC3\xA9 au lait"},
  };
  for (const auto& c : kCases) EXPECT_EQ(CollapseWhitespace(c.input), c.expected) << c.input;
}

TEST(StringsTest, CaseInsensitiveHelpers) {
  EXPECT_TRUE(ContainsIgnoreCase("Read Entire Article", "entire"));
  EXPECT_FALSE(ContainsIgnoreCase("abc", "abd"));
  EXPECT_TRUE(StartsWithIgnoreCase("Copyright 2024", "copyright"));
  EXPECT_TRUE(EndsWithIgnoreCase("story.HTML", ".html"));
  EXPECT_FALSE(EndsWithIgnoreCase("a", ".html"));
}

TEST(StringsTest, CountWords) {
  EXPECT_EQ(CountWords(""), 0);
  EXPECT_EQ(CountWords("one, two; three."), 3);
  EXPECT_EQ(CountWords("caf\xC3\xA9 2024"), 2);
}

TEST(StringsTest, SplitKeepsEmptyPieces) {
  auto pieces = Split("a,,b", ',');
  ASSERT_EQ(pieces.size(), 3u);
  EXPECT_EQ(pieces[1], "");
}

}  // namespace
}  // namespace newsloom
