#include "newsloom/story_index.h"

#include <gtest/gtest.h>

namespace newsloom {
namespace {

Article Page(std::string id, std::string title, std::string text) {
  Article article;
  article.id = std::move(id);
  article.title = std::move(title);
  article.language = "en";
  article.is_news = true;
  article.paragraphs.push_back({Paragraph::Kind::kText, std::move(text)});
  return article;
}

TEST(StoryIndexTest, AnUntitledStoryWithoutSummaryIsNamedByItsOpeningLine) {
  auto index = StoryIndex::Create();
  // A digest item cut short: the elision keeps it out of the summary.
  std::string story_id = index->Add(
      Page("digest#6", "",
           "Radoslaw Sikorski was speaking in an interview with NHK in Tokyo on Thursday ... a "
           "logistical hub for those who want to send forces through airfields and railways."));
  std::optional<Story> story = index->GetStory(story_id);
  ASSERT_TRUE(story.has_value());
  EXPECT_TRUE(story->summary.empty());
  EXPECT_EQ(story->title,
            "Radoslaw Sikorski was speaking in an interview with NHK in Tokyo on Thursday\u2026");
}

TEST(StoryIndexTest, SourcesFallBackToTheOutletALineNames) {
  auto index = StoryIndex::Create();
  Article named = Page("digest#9", "Moscow bars Japanese diplomat Iwaya from entering Russia",
                       "Moscow permanently bars Japanese top diplomat Takeshi Iwaya from Russia.");
  named.site_name = "Anadolu Agency";
  Article hosted = Page("web", "Moscow bars Japanese diplomat Iwaya from entering Russia",
                        "Moscow permanently bars the Japanese diplomat Takeshi Iwaya from Russia, "
                        "the foreign ministry said.");
  hosted.source = "example.com";
  hosted.site_name = "Example News";
  std::string first = index->Add(named);
  std::string second = index->Add(hosted);
  ASSERT_EQ(first, second);
  std::optional<Story> story = index->GetStory(first);
  ASSERT_TRUE(story.has_value());
  EXPECT_EQ(story->sources, (std::vector<std::string>{"Anadolu Agency", "example.com"}));
}

}  // namespace
}  // namespace newsloom
