// Which articles a large story is told from, and the prepared-article cache.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "story/corpus.h"
#include "story/prepared_cache.h"
#include "story/story.h"
#include "story/story_test_util.h"

namespace newsloom::story {
namespace {

using testing::FirstUnfaithfulQuote;
using testing::MakeArticle;
using testing::Pointers;

// "a<i>" (built so as not to trip GCC 12's -Wrestrict false positive).
std::string Id(int i) {
  std::string id = std::to_string(i);
  id.insert(id.begin(), 'a');
  return id;
}

// `count` reports of one event, published a day apart (oldest first), given
// newest first so that the order given is not publication order.
std::vector<Article> Reports(int count) {
  std::vector<Article> articles;
  for (int i = count - 1; i >= 0; --i) {
    articles.push_back(MakeArticle(
        Id(i), "Harbour crane collapses in storm, report " + std::to_string(i),
        {"A harbour crane collapsed in a storm on Monday, the port authority said in report " +
             std::to_string(i) + ".",
         "Workers were evacuated from the docks before the crane fell into the water."},
        "2024-09-02"));
    articles.back().published->utc_seconds += int64_t{i} * 3600;  // an hour apart, in order
  }
  return articles;
}

TEST(ArticlesToTellTest, EveryArticleOfASmallStory) {
  std::vector<Article> articles = Reports(12);
  StoryOptions options;
  options.max_told_articles = 12;
  EXPECT_EQ(ArticlesToTell(Pointers(articles), options).size(), 12u);
  options.max_told_articles = 0;
  EXPECT_EQ(ArticlesToTell(Pointers(articles), options).size(), 12u);
}

TEST(ArticlesToTellTest, TheEarliestQuarterAndTheLatestOfALargeStory) {
  std::vector<Article> articles = Reports(100);
  StoryOptions options;
  options.max_told_articles = 40;
  std::vector<size_t> told = ArticlesToTell(Pointers(articles), options);
  ASSERT_EQ(told.size(), 40u);
  EXPECT_TRUE(std::is_sorted(told.begin(), told.end()));
  std::set<std::string> ids;
  for (size_t i : told) ids.insert(articles[i].id);
  for (int i = 0; i < 10; ++i) EXPECT_TRUE(ids.count(Id(i))) << i;
  for (int i = 70; i < 100; ++i) EXPECT_TRUE(ids.count(Id(i))) << i;
  EXPECT_FALSE(ids.count("a10"));
  EXPECT_FALSE(ids.count("a69"));
}

TEST(ArticlesToTellTest, NearDuplicatesLeftOutWhileThereAreEnoughOthers) {
  std::vector<Article> articles = Reports(60);
  for (Article& article : articles) {
    if (article.id.back() == '5') article.duplicate_of = "a0";  // 6 copies
  }
  StoryOptions options;
  options.max_told_articles = 40;
  for (size_t i : ArticlesToTell(Pointers(articles), options)) {
    EXPECT_TRUE(articles[i].duplicate_of.empty()) << articles[i].id;
  }
}

TEST(ArticlesToTellTest, ALargeStoryIsToldFaithfullyFromItsToldArticles) {
  std::vector<Article> articles = Reports(200);
  std::vector<const Article*> members = Pointers(articles);
  Story story = BuildStory(members, StoryOptions{});
  ASSERT_FALSE(story.summary.empty());
  EXPECT_EQ(FirstUnfaithfulQuote(story, members), "");
  std::set<std::string> told;
  for (size_t i : ArticlesToTell(members, StoryOptions{})) told.insert(articles[i].id);
  for (const CitedSentence& sentence : story.summary) EXPECT_TRUE(told.count(sentence.article));
}

TEST(PreparedCacheTest, ReusesUntilForgottenAndKeepsItsCapacity) {
  std::vector<Article> articles = Reports(3);
  PreparedCache cache(2);
  auto first = cache.Get(articles[0]);
  EXPECT_EQ(cache.Get(articles[0]), first);
  EXPECT_EQ(first->article, &articles[0]);
  cache.Forget(articles[0].id);
  EXPECT_NE(cache.Get(articles[0]), first);
  cache.Get(articles[1]);
  cache.Get(articles[2]);
  EXPECT_EQ(cache.size(), 2u);
}

TEST(PreparedCacheTest, AStoryToldFromTheCacheIsTheSameStory) {
  std::vector<Article> articles = Reports(30);
  std::vector<const Article*> members = Pointers(articles);
  PreparedCache cache(100);
  for (int round = 0; round < 2; ++round) {  // the second round is all hits
    std::vector<std::shared_ptr<const PreparedArticle>> told;
    for (const Article* article : members) told.push_back(cache.Get(*article));
    Story cached;
    BuildStory(std::move(told), StoryOptions{}, &cached);
    Story fresh = BuildStory(members, StoryOptions{});
    ASSERT_EQ(cached.summary.size(), fresh.summary.size());
    for (size_t i = 0; i < fresh.summary.size(); ++i) {
      EXPECT_EQ(cached.summary[i].text, fresh.summary[i].text);
      EXPECT_EQ(cached.summary[i].article, fresh.summary[i].article);
    }
    ASSERT_EQ(cached.timeline.size(), fresh.timeline.size());
    for (size_t i = 0; i < fresh.timeline.size(); ++i) {
      EXPECT_EQ(cached.timeline[i].date, fresh.timeline[i].date);
      EXPECT_EQ(cached.timeline[i].text, fresh.timeline[i].text);
    }
  }
}

}  // namespace
}  // namespace newsloom::story
