#include "store/single_article_stories.h"

#include <gtest/gtest.h>

namespace newsloom::store {
namespace {

struct SentenceCase {
  const char* text;
  std::vector<std::string> expected;
};

TEST(LeadSentencesTest, SplitsAtSentenceEnds) {
  const SentenceCase kCases[] = {
      {"One. Two! Three? Four.", {"One.", "Two!", "Three?"}},
      {"Mr. Smith met Dr. Jones. They talked.", {"Mr. Smith met Dr. Jones.", "They talked."}},
      {"The U.S. Senate voted. It passed.", {"The U.S. Senate voted.", "It passed."}},
      {"He said \"stop.\" Then left.", {"He said \"stop.\"", "Then left."}},
      {"No end", {"No end"}},
      {"Heading\nBody starts here. More.", {"Heading", "Body starts here.", "More."}},
      {"Version 2.5 is out. Good.", {"Version 2.5 is out.", "Good."}},
      {"", {}},
  };
  for (const SentenceCase& c : kCases) {
    EXPECT_EQ(LeadSentences(c.text, 3), c.expected) << c.text;
  }
}

TEST(SingleArticleStoriesTest, EachArticleIsItsOwnStoryCitingIt) {
  Article article;
  article.id = "x1";
  article.title = "Title";
  article.source = "example.com";
  article.published = Timestamp{86400 * 10, 0, true, Timestamp::Precision::kDay};
  article.paragraphs = {{Paragraph::Kind::kText, "First sentence. Second one."},
                        {Paragraph::Kind::kText, "Third. Fourth."}};
  article.entities = {{Entity::Type::kPerson, "Kishida", "Fumio Kishida", 0, 0},
                      {Entity::Type::kPerson, "Mr Kishida", "Fumio Kishida", 1, 0}};
  SingleArticleStories builder;
  std::vector<Story> stories = builder.Add(article);
  ASSERT_EQ(stories.size(), 1u);
  const Story& story = stories[0];
  EXPECT_EQ(story.id, "a-x1");
  EXPECT_EQ(story.articles, std::vector<std::string>{"x1"});
  EXPECT_EQ(story.sources, std::vector<std::string>{"example.com"});
  EXPECT_DOUBLE_EQ(story.rank, 10.0);
  ASSERT_EQ(story.summary.size(), 3u);
  EXPECT_EQ(story.summary[2].text, "Third.");
  EXPECT_EQ(story.summary[2].article, "x1");
  ASSERT_EQ(story.entities.size(), 1u);
  EXPECT_EQ(story.entities[0].count, 2);
  Article untitled = article;
  untitled.title.clear();
  EXPECT_EQ(builder.Add(untitled)[0].title, "First sentence.");
  untitled.paragraphs = {{Paragraph::Kind::kText, std::string(200, 'a') + " tail"}};
  EXPECT_EQ(builder.Add(untitled)[0].title, std::string(120, 'a') + "…");
  std::vector<Story> removed = builder.Remove("x1");
  ASSERT_EQ(removed.size(), 1u);
  EXPECT_TRUE(removed[0].articles.empty());
}

}  // namespace
}  // namespace newsloom::store
