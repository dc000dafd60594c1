#include "cluster/terms.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "cluster/tokens.h"

namespace newsloom::cluster {
namespace {

bool Has(const std::vector<WeightedTerm>& terms, TermKind kind, std::string_view text) {
  const uint64_t hash = TermHash(kind, text);
  return std::any_of(terms.begin(), terms.end(),
                     [&](const WeightedTerm& term) { return term.hash == hash; });
}

TEST(TokensTest, Table) {
  struct Row {
    std::string_view text;
    std::vector<std::string> lower;
  };
  const Row rows[] = {
      {"Hello, World!", {"hello", "world"}},
      {"1,200 people; 6.1 magnitude", {"1200", "people", "6.1", "magnitude"}},
      {"“Quoted” — dash\u00a0space", {"quoted", "dash", "space"}},
      {"Zürich café", {"zürich", "café"}},
      {"\xff\xfe broken \xe2\x82", {"broken"}},
      {"abc123def Don't", {"abc", "123", "def", "don", "t"}},
      {"naïve ab\xff"
       "cd\tEnd.",
       {"naïve", "ab", "cd", "end"}},
      {"", {}},
  };
  for (const Row& row : rows) {
    std::vector<std::string> lower;
    for (const Token& token : Tokenize(row.text, 100)) lower.push_back(token.lower);
    EXPECT_EQ(lower, row.lower) << row.text;
  }
}

TEST(TokensTest, SentenceStartsAndCapitals) {
  const std::vector<Token> tokens = Tokenize("The mayor met Angela Merkel. Then left", 100);
  ASSERT_EQ(tokens.size(), 7u);
  EXPECT_TRUE(tokens[0].sentence_start);
  EXPECT_FALSE(tokens[3].sentence_start);
  EXPECT_TRUE(tokens[3].capitalised);
  EXPECT_TRUE(tokens[5].sentence_start);
}

TEST(TermExtractorTest, NamesNumbersDatesAndStems) {
  Article article;
  article.title = "Floods hit Bavaria";
  article.paragraphs.push_back(
      {Paragraph::Kind::kText,
       "Heavy rain flooded towns in southern Germany on June 3, and Markus Soeder visited "
       "Passau, where 1,200 residents were evacuated."});
  TermExtractor extractor;
  const std::vector<WeightedTerm> terms = extractor.Extract(article);
  EXPECT_TRUE(Has(terms, TermKind::kName, "markus soeder"));
  EXPECT_TRUE(Has(terms, TermKind::kName, "passau"));
  EXPECT_TRUE(Has(terms, TermKind::kName, "germany"));
  EXPECT_FALSE(Has(terms, TermKind::kName, "heavy"));  // opens a sentence
  EXPECT_TRUE(Has(terms, TermKind::kNumber, "1200"));
  EXPECT_TRUE(Has(terms, TermKind::kDate, "6-3"));
  EXPECT_TRUE(Has(terms, TermKind::kWord, "flood"));  // "floods", "flooded"
  EXPECT_FALSE(Has(terms, TermKind::kWord, "the"));
  EXPECT_TRUE(
      std::is_sorted(terms.begin(), terms.end(),
                     [](const WeightedTerm& a, const WeightedTerm& b) { return a.hash < b.hash; }));
}

TEST(TermExtractorTest, TitleWordsWeighMoreThanBodyWords) {
  Article article;
  article.title = "Volcano erupts";
  article.paragraphs.push_back({Paragraph::Kind::kText, std::string(400, 'x') + " lava"});
  TermExtractor extractor;
  float title_weight = 0, body_weight = 0;
  for (const WeightedTerm& term : extractor.Extract(article)) {
    if (term.hash == TermHash(TermKind::kWord, "volcano")) title_weight = term.weight;
    if (term.hash == TermHash(TermKind::kWord, "lava")) body_weight = term.weight;
  }
  EXPECT_GT(title_weight, body_weight);
  EXPECT_GT(body_weight, 0);
}

TEST(TermExtractorTest, UsesAnalyzeEntitiesAndDatesWhenPresent) {
  Article article;
  article.paragraphs.push_back(
      {Paragraph::Kind::kText, "The prime minister said on Monday that Tokyo would help."});
  article.entities.push_back({Entity::Type::kPerson, "prime minister", "Shigeru Ishiba", 0, 0});
  article.entities.push_back({Entity::Type::kLocation, "Tokyo", "Tokyo", 0, 50});
  article.dates.push_back({DateMention::Granularity::kDay, "Monday", "2024-09-23", 0, 20});
  TermExtractor extractor;
  const std::vector<WeightedTerm> terms = extractor.Extract(article);
  EXPECT_TRUE(Has(terms, TermKind::kName, "shigeru ishiba"));
  EXPECT_TRUE(Has(terms, TermKind::kName, "tokyo"));
  EXPECT_TRUE(Has(terms, TermKind::kDate, "2024-09-23"));
}

// A page's own timestamp and clock times are not figures of its event; a
// score, a toll and a sum are, and only those of the title and lead count.
TEST(TermExtractorTest, NumbersAreTheEventsFiguresNotTimestamps) {
  Article article;
  article.title = "Colts beat Chiefs 20-13 to reach the playoffs";
  std::string lead = "2019-11-01T07:07:43+00:00 Posted 12/23/2012 at 4:08 pm. ";
  lead += "The Colts won 20-13 before 71,000 fans.";
  std::string rest;
  for (int word = 0; word < 80; ++word) rest += "filler ";
  rest += "In 1984 the team moved to Indianapolis.";
  article.paragraphs.push_back({Paragraph::Kind::kText, lead});
  article.paragraphs.push_back({Paragraph::Kind::kText, rest});
  TermExtractor extractor;
  const std::vector<WeightedTerm> terms = extractor.Extract(article);
  EXPECT_TRUE(Has(terms, TermKind::kNumber, "20"));
  EXPECT_TRUE(Has(terms, TermKind::kNumber, "13"));
  EXPECT_TRUE(Has(terms, TermKind::kNumber, "71000"));
  for (const char* stamp : {"2019", "11", "01", "07", "43", "00", "2012", "4", "08"}) {
    EXPECT_FALSE(Has(terms, TermKind::kNumber, stamp)) << stamp;
  }
  EXPECT_FALSE(Has(terms, TermKind::kNumber, "1984"));  // past the lead
}

// A date that is the day of publication (or either side) tells when the
// article was written, not which event it reports; other dates stay.
TEST(TermExtractorTest, DatesOfThePublicationDayAreLeftOut) {
  Article article;
  article.title = "Storm hits the coast";
  article.paragraphs.push_back(
      {Paragraph::Kind::kText, "The storm of December 13 was worse than the one of June 2."});
  Timestamp published;
  published.utc_seconds = 1229169600;  // 2008-12-13T12:00:00Z
  article.published = published;
  DateMention same_day;
  same_day.granularity = DateMention::Granularity::kDay;
  same_day.date = "2008-12-14";
  DateMention other_day = same_day;
  other_day.date = "2008-06-02";
  article.dates = {same_day, other_day};
  TermExtractor extractor;
  const std::vector<WeightedTerm> terms = extractor.Extract(article);
  EXPECT_FALSE(Has(terms, TermKind::kDate, "12-13"));
  EXPECT_TRUE(Has(terms, TermKind::kDate, "6-2"));
  EXPECT_FALSE(Has(terms, TermKind::kDate, "2008-12-14"));
  EXPECT_TRUE(Has(terms, TermKind::kDate, "2008-06-02"));
}

TEST(TermExtractorTest, WordCacheGrowsAndClearsWithoutChangingStems) {
  TermExtractor extractor;
  const std::vector<std::string> expected = {"run", "elect"};
  EXPECT_EQ(extractor.Words("Running elections", "en"), expected);
  // Enough distinct words to grow the cache's table several times and clear
  // it once it is full; known words keep their stems throughout.
  for (int batch = 0; batch < 5000; ++batch) {
    std::string text;
    for (int word = 0; word < 60; ++word) {
      // Letters only ("qbfcxba"): digits would make numbers.
      for (int value : {batch, word}) {
        text.push_back('q');
        for (int rest = value; rest > 0; rest /= 26)
          text.push_back(static_cast<char>('a' + rest % 26));
      }
      text.push_back(' ');
    }
    ASSERT_EQ(extractor.Words(text, "en").size(), 60u);
    if (batch % 1000 == 0) {
      EXPECT_EQ(extractor.Words("running elections", "en"), expected);
    }
  }
  EXPECT_EQ(extractor.Words("Running elections", "en"), expected);
}

}  // namespace
}  // namespace newsloom::cluster
