#include "serve/newsroom.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "serve/test_util.h"
#include "store/single_article_stories.h"

namespace newsloom::serve {
namespace {

using store::SingleArticleStories;

TEST(NewsroomTest, SamePageChangesNothingAndChangedPageUpdates) {
  TemporaryStore store;
  SingleArticleStories builder;
  Newsroom newsroom(*store, builder);
  auto first = newsroom.Add({TestArticle("a", "Title", "Text one.")});
  ASSERT_TRUE(first.ok());
  EXPECT_EQ((*first)[0], AddOutcome::kInserted);
  Article again = TestArticle("a", "Title", "Text one.");
  again.fetched = Timestamp{1800000000, 0, true, Timestamp::Precision::kSecond};
  EXPECT_EQ((*newsroom.Add({again}))[0], AddOutcome::kUnchanged);
  EXPECT_EQ((*newsroom.Add({TestArticle("a", "Title", "Text two.")}))[0], AddOutcome::kUpdated);
  EXPECT_EQ(store->GetArticle("a")->Text(), "Text two.");
  EXPECT_EQ(store->GetStory("a-a")->summary[0].text, "Text two.");
  auto stats = store->GetStats();
  EXPECT_EQ(stats->articles, 1);
  EXPECT_EQ(stats->stories, 1);
}

TEST(NewsroomTest, RemoveDeletesArticleAndItsStory) {
  TemporaryStore store;
  SingleArticleStories builder;
  Newsroom newsroom(*store, builder);
  ASSERT_TRUE(newsroom.Add({TestArticle("a", "T", "X.")}).ok());
  EXPECT_TRUE(newsroom.Remove("a").ok());
  EXPECT_EQ(newsroom.Remove("a").code(), Status::Code::kNotFound);
  EXPECT_EQ(store->GetStats()->stories, 0);
  EXPECT_EQ(newsroom.Add({TestArticle("", "T", "X.")}).status().code(),
            Status::Code::kInvalidArgument);
}

TEST(NewsroomTest, DuplicateIdsInOneCallKeepTheLast) {
  TemporaryStore store;
  SingleArticleStories builder;
  Newsroom newsroom(*store, builder);
  auto outcomes = newsroom.Add({TestArticle("a", "T", "One."), TestArticle("a", "T", "Two."),
                                TestArticle("a", "T", "Two.")});
  ASSERT_TRUE(outcomes.ok());
  EXPECT_EQ(*outcomes, (std::vector<AddOutcome>{AddOutcome::kInserted, AddOutcome::kUpdated,
                                                AddOutcome::kUnchanged}));
  EXPECT_EQ(store->GetArticle("a")->Text(), "Two.");
}

TEST(NewsroomTest, ConcurrentWritersAllCommit) {
  TemporaryStore store;
  SingleArticleStories builder;
  std::atomic<int> prepared{0};
  Newsroom newsroom(*store, builder, [&](Article& article) {
    ++prepared;  // each caller prepares its own articles, concurrently
    article.category = "prepared";
  });
  constexpr int kThreads = 8, kEach = 40;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        std::string id =
            std::string("t").append(std::to_string(t)).append("-").append(std::to_string(i));
        auto outcome = newsroom.Add({TestArticle(id, "Title", "Body " + id + ".")});
        EXPECT_TRUE(outcome.ok());
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(store->GetStats()->articles, kThreads * kEach);
  EXPECT_EQ(store->GetStats()->stories, kThreads * kEach);
  EXPECT_EQ(prepared, kThreads * kEach);
  EXPECT_EQ(store->GetArticle("t3-7")->category, "prepared");
}

}  // namespace
}  // namespace newsloom::serve
