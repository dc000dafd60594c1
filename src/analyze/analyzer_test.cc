#include "analyze/analyzer.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "analyze/category_trainer.h"

namespace newsloom::analyze {
namespace {

Article MakeArticle(std::string title, std::vector<std::string> paragraphs) {
  Article article;
  article.title = std::move(title);
  for (std::string& text : paragraphs) article.paragraphs.push_back({Paragraph::Kind::kText, text});
  article.is_news = true;
  return article;
}

CategoryModel SmallModel() {
  std::vector<TrainingExample> examples;
  for (int round = 0; round < 6; ++round) {
    examples.push_back({"Cup final", "The team won the match and the fans cheered", "sports"});
    examples.push_back({"League", "The striker scored a goal in the second half", "sports"});
    examples.push_back({"Markets", "Shares fell as the bank raised interest rates", "economy"});
    examples.push_back({"Profits", "The company reported higher sales and profits", "economy"});
    examples.push_back({"Buy now", "Add to cart free shipping price in stock reviews", "not_news"});
    examples.push_back({"Forum", "Reply quote posted by member login register thread", "not_news"});
  }
  TrainOptions options;
  options.features.hash_bits = 12;
  auto model = TrainCategoryModel(examples, options);
  EXPECT_TRUE(model.ok());
  return std::move(model).value();
}

TEST(AnalyzerTest, SetsLanguageCategoryAndNews) {
  Analyzer analyzer(SmallModel());
  Article article = MakeArticle(
      "Late goal wins the cup final",
      {"The team won the match after the striker scored a goal in the second half, and the "
       "fans cheered for an hour after the final whistle in the city centre."});
  analyzer.Analyze(article);
  EXPECT_EQ(article.language, "en");
  EXPECT_GT(article.language_confidence, 0.5f);
  EXPECT_TRUE(article.is_news);
  EXPECT_EQ(article.category, "sports");
  EXPECT_GT(article.category_confidence, 0.5f);
  EXPECT_LE(article.category_confidence, 1.0f);
}

TEST(AnalyzerTest, NotNewsGetsNoCategory) {
  Analyzer analyzer(SmallModel());
  Article article =
      MakeArticle("Buy now", {"Add to cart. Free shipping. Price in stock. Read the reviews."});
  analyzer.Analyze(article);
  EXPECT_FALSE(article.is_news);
  EXPECT_EQ(article.category, "");
  EXPECT_GT(article.category_confidence, 0.5f);
}

TEST(AnalyzerTest, ExtractionsNotNewsIsKept) {
  Analyzer analyzer(SmallModel());
  Article article = MakeArticle("Cup final", {"The team won the match"});
  article.is_news = false;  // page kind said listing
  analyzer.Analyze(article);
  EXPECT_FALSE(article.is_news);
  EXPECT_EQ(article.category, "");
}

TEST(AnalyzerTest, DeclaredLanguageKeptOnlyWhenDetectionIsUnsure) {
  Analyzer analyzer(SmallModel());
  Article short_text = MakeArticle("Gol", {"1:0"});
  short_text.language = "es-ES";
  analyzer.Analyze(short_text);
  EXPECT_EQ(short_text.language, "es");
  EXPECT_FLOAT_EQ(short_text.language_confidence, kDeclaredLanguageConfidence);

  Article wrong_declaration = MakeArticle(
      "Markets fall", {"Shares fell sharply on Monday as investors worried that the central bank "
                       "would raise interest rates again to fight stubborn inflation."});
  wrong_declaration.language = "fr";
  analyzer.Analyze(wrong_declaration);
  EXPECT_EQ(wrong_declaration.language, "en");
}

TEST(AnalyzerTest, HostileArticles) {
  Analyzer analyzer(SmallModel());
  Article empty;
  empty.is_news = true;
  analyzer.Analyze(empty);
  EXPECT_EQ(empty.language, "und");
  EXPECT_FALSE(empty.is_news);
  EXPECT_EQ(empty.category, "");

  Article invalid = MakeArticle("\xff\xfe\xfd", {"\xc3\x28 \xa0\xa1 \xf0\x28\x8c\xbc", ""});
  analyzer.Analyze(invalid);
  EXPECT_EQ(invalid.language, "und");

  Article huge = MakeArticle(std::string(100000, 'a'), {std::string(size_t(4) << 20, 'b')});
  analyzer.Analyze(huge);
}

TEST(AnalyzerTest, OpenReportsBadModelFiles) {
  auto missing = Analyzer::Open("/nonexistent/newsloom/category.model");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), Status::Code::kIOError);

  std::string path = ::testing::TempDir() + "/analyzer_test_corrupt.model";
  std::string bytes = SmallModel().Serialize();
  {
    std::ofstream out(path, std::ios::binary);
    out << bytes.substr(0, bytes.size() / 3);
  }
  auto truncated = Analyzer::Open(path);
  ASSERT_FALSE(truncated.ok());
  EXPECT_EQ(truncated.status().code(), Status::Code::kCorruption);
  EXPECT_NE(truncated.status().message().find(path), std::string::npos);
  std::remove(path.c_str());
}

TEST(AnalyzerTest, DefaultModelHasTheContestTaxonomy) {
  auto analyzer = Analyzer::Open("");
  ASSERT_TRUE(analyzer.ok()) << analyzer.status().ToString();
  const std::vector<std::string>& classes = (*analyzer)->model().classes();
  for (const char* name : {"society", "economy", "technology", "sports", "entertainment", "science",
                           "other", "not_news"}) {
    EXPECT_NE(std::find(classes.begin(), classes.end(), name), classes.end()) << name;
  }
  Article article = MakeArticle(
      "Arsenal beat Chelsea to go top of the Premier League",
      {"Arsenal moved to the top of the Premier League table after a 2-1 win over Chelsea at "
       "the Emirates Stadium on Sunday, with the striker scoring the winner in stoppage time."});
  (*analyzer)->Analyze(article);
  EXPECT_EQ(article.category, "sports");
  EXPECT_TRUE(article.is_news);
}

// A headline with no text (a feed entry, a wire flash) is judged by its words:
// the shipped model was once trained with only not-news pages lacking a body,
// and called every such headline not news.
TEST(AnalyzerTest, DefaultModelReadsAHeadlineAlone) {
  auto analyzer = Analyzer::Open("");
  ASSERT_TRUE(analyzer.ok()) << analyzer.status().ToString();
  for (const auto& [headline, category] : std::vector<std::pair<std::string, std::string>>{
           {"A bomb exploded at a bank branch in Oregon, killing two police officers", "society"},
           {"Arsenal beat Chelsea to go top of the Premier League", "sports"},
           {"Shares fall as the central bank raises interest rates", "economy"}}) {
    Article article = MakeArticle(headline, {});
    (*analyzer)->Analyze(article);
    EXPECT_TRUE(article.is_news) << headline;
    EXPECT_EQ(article.category, category) << headline;
  }
}

}  // namespace
}  // namespace newsloom::analyze
