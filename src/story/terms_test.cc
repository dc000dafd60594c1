#include "story/terms.h"

#include <gtest/gtest.h>

#include "story/corpus.h"

namespace newsloom::story {
namespace {

TEST(TermsTest, Stem) {
  const std::pair<const char*, const char*> rows[] = {
      {"Talks", "talk"},          {"visited", "visit"},
      {"Japan's", "japan"},       {"Japan\xe2\x80\x99s", "japan"},
      {"agreed", "agre"},         {"agree", "agre"},
      {"casualties", "casualty"}, {"press", "press"},
      {"status", "status"}};
  for (const auto& [word, stem] : rows) EXPECT_EQ(Stem(word), stem) << word;
}

TEST(TermsTest, SplitWords) {
  std::vector<std::string> words;
  for (const Word& word :
       SplitWords("The U.S.-brokered deal, then-Japanese PM\xe2\x80\x94Kishida\xe2\x80\x99s "
                  "\xe2\x80\x9cvisit\xe2\x80\x9d.")) {
    words.emplace_back(word.text);
  }
  EXPECT_EQ(words, (std::vector<std::string>{"The", "U.S.", "brokered", "deal", "then-Japanese",
                                             "PM", "Kishida\xe2\x80\x99s", "visit"}));
  EXPECT_TRUE(SplitWords("").empty());
  for (const Word& word : SplitWords("\xff\xe2\x80 \xc2")) EXPECT_FALSE(word.text.empty());
}

TEST(TermsTest, Cosine) {
  Vocabulary vocabulary;
  auto a = vocabulary.Intern(ContentStems("Japan joins security guarantees for Ukraine"));
  auto b = vocabulary.Intern(ContentStems("Ukraine welcomes Japan's security guarantees"));
  vocabulary.AddDocument(a);
  vocabulary.AddDocument(b);
  float same = Cosine(vocabulary.Vectorize(a), vocabulary.Vectorize(a));
  EXPECT_NEAR(same, 1.0f, 1e-5);
  float similar = Cosine(vocabulary.Vectorize(a), vocabulary.Vectorize(b));
  EXPECT_GT(similar, 0.3f);
  EXPECT_LT(similar, 0.9f);
  EXPECT_EQ(Cosine({}, vocabulary.Vectorize(a)), 0.0f);
}

TEST(CorpusTest, Boilerplate) {
  const std::pair<const char*, bool> rows[] = {
      {"Japan is prepared to join Western security guarantees for Ukraine.", false},
      {"Subscribe to our newsletter for the latest news every day.", true},
      {"Why does this matter to readers in Asia so much today?", true},
      {"A peace treaty between the two countries was never signed,", true},
      {"Key variables in strengthening relations", true},
      {"Sikorski was speaking on Thursday ... a logistical hub for forces.", true},
      {"CLOSE WHAT YOU NEED TO KNOW about the rocket launch today.", true},
      {"and the talks went on late into the night in Geneva.", true},
      {"Read more about the summit in New York and its results.", true}};
  for (const auto& [text, expected] : rows)
    EXPECT_EQ(IsBoilerplateSentence(text), expected) << text;
}

}  // namespace
}  // namespace newsloom::story
