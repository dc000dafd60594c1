#include "cluster/rank.h"

#include <gtest/gtest.h>

namespace newsloom::cluster {
namespace {

constexpr int64_t kStart = 1700000000;

Article MakeArticle(std::string id, std::string title, std::string source, int64_t published,
                    std::string category = "economy") {
  Article article;
  article.id = std::move(id);
  article.title = title;
  article.paragraphs.push_back(
      {Paragraph::Kind::kText,
       "Bayer agreed to buy Monsanto for 66 billion dollars in cash, the German drugmaker said "
       "in Leverkusen. Monsanto shareholders get 128 dollars a share. " +
           title});
  article.source = std::move(source);
  article.category = std::move(category);
  article.language = "en";
  Timestamp stamp;
  stamp.utc_seconds = published;
  article.published = stamp;
  return article;
}

TEST(RankTest, ClickbaitScoreTable) {
  struct Row {
    std::string_view headline;
    bool bait;
  };
  const Row rows[] = {
      {"Bayer agrees to buy Monsanto for $66 billion", false},
      {"You won't believe what Bayer paid for Monsanto!", true},
      {"10 things you need to know about the Monsanto deal", true},
      {"BAYER BUYS MONSANTO IN RECORD DEAL", true},
      {"Deal?", true},
      {"", true},
  };
  for (const Row& row : rows) {
    EXPECT_EQ(ClickbaitScore(row.headline) >= 0.5, row.bait) << row.headline;
  }
}

TEST(RankTest, StoryFieldsTitleAndRank) {
  Clusterer clusterer;
  clusterer.Add(
      MakeArticle("a", "Bayer agrees to buy Monsanto for $66 billion", "reuters.com", kStart));
  clusterer.Add(MakeArticle("b", "You won't believe what Bayer paid for Monsanto!", "bait.com",
                            kStart + 60, "society"));
  clusterer.Add(
      MakeArticle("c", "Bayer to buy Monsanto in $66 billion deal", "bbc.co.uk", kStart + 120));
  Article copy =
      MakeArticle("d", "Bayer agrees to buy Monsanto for $66 billion", "copy.com", kStart + 180);
  copy.duplicate_of = "a";
  clusterer.Add(copy);
  const std::vector<Story> stories = RankStories(clusterer);
  ASSERT_EQ(stories.size(), 1u);
  const Story& story = stories[0];
  EXPECT_EQ(story.articles, (std::vector<std::string>{"a", "b", "c", "d"}));
  EXPECT_NE(story.title.find("Monsanto"), std::string::npos);
  EXPECT_EQ(story.title.find("believe"), std::string::npos);
  // The copy's source does not count.
  EXPECT_EQ(story.sources, (std::vector<std::string>{"bait.com", "bbc.co.uk", "reuters.com"}));
  EXPECT_EQ(story.category, "economy");
  EXPECT_EQ(story.language, "en");
  EXPECT_EQ(story.first_seen, kStart);
  EXPECT_EQ(story.last_updated, kStart + 180);
  EXPECT_GT(story.rank, 0);
  EXPECT_LT(story.rank, 1);
}

TEST(RankTest, ADatelineIsNoHeadline) {
  // Datelines scraped as titles share their month and year, which makes
  // them look central; a headline still wins.
  EXPECT_EQ(PickTitleAmong({"November 27, 2005", "27 NOVEMBER, 2005",
                            "November 28th, 2005, 09:11 GMT", "Quake hits island off south Iran",
                            "Tuesday, Nov 29, 2005 Last updated at 13:59 GMT"}),
            "Quake hits island off south Iran");
  EXPECT_EQ(PickTitleAmong({"APR 28", "Obama reverses Bush on species rule", "April 28, 2009"}),
            "Obama reverses Bush on species rule");
  // Words beside the date make a headline; with datelines alone, one is taken.
  EXPECT_EQ(PickTitleAmong({"May 24, 2005", "Quake of May 24, 2005"}), "Quake of May 24, 2005");
  EXPECT_EQ(PickTitleAmong({"Saturday, August 24, 2013"}), "Saturday, August 24, 2013");
}

TEST(RankTest, MoreSourcesAndRecencyRankHigher) {
  Clusterer clusterer;
  clusterer.Add(MakeArticle("a1", "Bayer agrees to buy Monsanto", "one.com", kStart));
  clusterer.Add(MakeArticle("a2", "Bayer buys Monsanto", "two.com", kStart + 60));
  clusterer.Add(MakeArticle("a3", "Monsanto sold to Bayer", "three.com", kStart + 120));
  Article other;
  other.id = "z";
  other.title = "Heavy snow closes Alpine passes in Switzerland";
  other.paragraphs.push_back({Paragraph::Kind::kText,
                              "Snowfall closed the Gotthard and Simplon passes, police in Uri "
                              "said, stranding hundreds of drivers."});
  other.source = "one.com";
  other.category = "society";
  Timestamp stamp;
  stamp.utc_seconds = kStart + 120;
  other.published = stamp;
  clusterer.Add(other);
  const std::vector<Story> stories = RankStories(clusterer);
  ASSERT_EQ(stories.size(), 2u);
  EXPECT_EQ(stories[0].articles.size(), 3u);
  EXPECT_GT(stories[0].rank, stories[1].rank);
  EXPECT_EQ(InCategory(stories, "society").size(), 1u);
  EXPECT_EQ(InCategory(stories, "").size(), 2u);

  RankOptions later;
  later.now = kStart + 7 * 86400;
  const std::vector<Story> decayed = RankStories(clusterer, later);
  EXPECT_LT(decayed[0].rank, stories[0].rank);
}

}  // namespace
}  // namespace newsloom::cluster

namespace newsloom::cluster {
namespace {

// The service keeps only an article's opening line in memory (engine's
// StoryIndex) and reads it with OpeningLine again: the line must come back.
TEST(RankTest, AnOpeningLineIsItsOwnOpeningLine) {
  const std::string long_words(200, 'w');
  for (std::string text :
       {std::string("Mr. Smith said the vote was close. Counting goes on."),
        std::string("The bridge closed... and reopened later. More follows."),
        std::string("Rain \u2026 and wind. Then sun."), std::string("One sentence without an end"),
        std::string(30, 'a') + " " + std::string(60, 'b') + " " + std::string(60, 'c') + " end.",
        long_words + " after", std::string("   spaced out.  Next.  ")}) {
    Article whole;
    whole.paragraphs = {{Paragraph::Kind::kText, text}};
    std::string line = OpeningLine(whole);
    Article slim;
    if (!line.empty()) slim.paragraphs = {{Paragraph::Kind::kText, line}};
    EXPECT_EQ(OpeningLine(slim), line) << text;
  }
}

}  // namespace
}  // namespace newsloom::cluster
