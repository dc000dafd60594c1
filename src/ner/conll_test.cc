#include "ner/conll.h"

#include <gtest/gtest.h>

namespace newsloom::ner {
namespace {

TEST(ConllTest, DocumentsSentencesAndLines) {
  const char* text =
      "-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\n\n"
      "Peter NNP I-NP I-PER\n\n-DOCSTART- -X- O O\n\nBonn NNP I-NP I-LOC\n";
  Result<ConllCorpus> corpus = ParseConll(text, true);
  ASSERT_TRUE(corpus.ok()) << corpus.status().ToString();
  ASSERT_EQ(corpus->documents.size(), 2u);
  ASSERT_EQ(corpus->documents[0].sentences.size(), 2u);
  EXPECT_EQ(corpus->documents[0].sentences[0].words, (std::vector<std::string>{"EU", "rejects"}));
  EXPECT_EQ(corpus->documents[0].sentences[0].tags, (std::vector<std::string>{"I-ORG", "O"}));
  EXPECT_EQ(corpus->lines[corpus->documents[1].sentences[0].lines[0]], "Bonn NNP I-NP I-LOC");
}

TEST(ConllTest, BadInputIsRefusedWithAReason) {
  EXPECT_FALSE(ParseConll(std::string("a\0b", 3), false).ok());
  EXPECT_FALSE(ParseConll("\xFF\xFE junk", false).ok());
  Result<ConllCorpus> missing = ParseConll("EU I-ORG\nrejects\n", true);
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("line 2"), std::string::npos);
  EXPECT_TRUE(ParseConll("", true).ok());
}

}  // namespace
}  // namespace newsloom::ner
