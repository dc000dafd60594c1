#include "timex/sentences.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace newsloom::timex {
namespace {

std::vector<std::string> Split(const std::string& text) {
  std::vector<std::string> out;
  for (const SentenceSpan& span : SplitSentences(text)) {
    out.push_back(text.substr(span.begin, span.end - span.begin));
  }
  return out;
}

struct Row {
  const char* text;
  std::vector<std::string> expected;
};

TEST(SentencesTest, Table) {
  const Row rows[] = {
      {"One. Two! Three? Four", {"One.", "Two!", "Three?", "Four"}},
      {"Mr. Ishiba met Dr. Smith. They talked.", {"Mr. Ishiba met Dr. Smith.", "They talked."}},
      {"The U.S. President spoke. He left.", {"The U.S. President spoke.", "He left."}},
      {"It rose in the U.S. The rest fell.", {"It rose in the U.S.", "The rest fell."}},
      {"Gathered on Feb. 24 in Tokyo. Then left.", {"Gathered on Feb. 24 in Tokyo.", "Then left."}},
      {"J. R. R. Tolkien wrote it. Yes.", {"J. R. R. Tolkien wrote it.", "Yes."}},
      {"Growth was 3.5 percent. Good.", {"Growth was 3.5 percent.", "Good."}},
      {"\"We will help,\" he said. \"But not now.\" Then he left.",
       {"\"We will help,\" he said.", "\"But not now.\"", "Then he left."}},
      {"He said \xe2\x80\x9cno.\xe2\x80\x9d Then left.",
       {"He said \xe2\x80\x9cno.\xe2\x80\x9d", "Then left."}},
      {"Speaking on Thursday ... a hub for forces.",
       {"Speaking on Thursday ... a hub for forces."}},
      {"It was item No. 5 on the list. Next.", {"It was item No. 5 on the list.", "Next."}},
      {"Line one\nLine two. Three", {"Line one", "Line two.", "Three"}},
      {"[1] BBC News, \"Agree,\" 28 August 2025, https://a.b/c [2] Reuters, \"Talks,\" 3 "
       "September 2025",
       {"[1] BBC News, \"Agree,\" 28 August 2025, https://a.b/c",
        "[2] Reuters, \"Talks,\" 3 September 2025"}},
      {"  ", {}},
      {"", {}},
      {"the end.  and lower case goes on.", {"the end.  and lower case goes on."}},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.text);
    EXPECT_EQ(Split(row.text), row.expected);
  }
}

TEST(SentencesTest, HostileInput) {
  std::string invalid = "\xff\xfe. \x80. . .. ?! [1] [ [99999] x.";
  for (const SentenceSpan& span : SplitSentences(invalid)) {
    EXPECT_LT(span.begin, span.end);
    EXPECT_LE(span.end, invalid.size());
  }
  std::string huge(1 << 20, 'a');
  ASSERT_EQ(SplitSentences(huge).size(), 1u);
  std::string dots(100000, '.');
  EXPECT_EQ(SplitSentences(dots).size(), 1u);
}

}  // namespace
}  // namespace newsloom::timex
