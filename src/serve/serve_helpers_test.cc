#include <gtest/gtest.h>

#include "serve/api_json.h"
#include "serve/feeds.h"
#include "serve/post_article.h"
#include "serve/query_params.h"

namespace newsloom::serve {
namespace {

// A story of 150 articles "a0".."a149" (oldest first) naming 30 entities.
Story BigStory() {
  Story story;
  story.id = "big";
  for (int i = 0; i < 150; ++i)
    story.articles.push_back(std::string("a").append(std::to_string(i)));
  for (int i = 0; i < 30; ++i)
    story.entities.push_back({std::string("N").append(std::to_string(i))});
  story.summary = {{"Quoted.", "a3"}};
  story.timeline = {{"2024", "Dated.", {"a7", "a140", "a8", "a9"}}};
  story.disagreements = {{"about", {{"One.", "a1"}, {"Two.", "a2"}}}};
  return story;
}

TEST(ApiJsonTest, ListItemsCarryTheNewestArticlesAndTheMostFrequentNames) {
  nlohmann::json item = StoryListItemJson(BigStory());
  EXPECT_EQ(item["article_count"], 150);
  ASSERT_EQ(item["articles"].size(), 20u);
  EXPECT_EQ(item["articles"][0], "a130");
  EXPECT_EQ(item["articles"][19], "a149");
  EXPECT_EQ(item["entities"].size(), 20u);
  EXPECT_EQ(item["id"], "big");
  EXPECT_EQ(item["timeline"].size(), 1u);
  EXPECT_EQ(item["timeline_count"], 1);
  EXPECT_EQ(item["disagreement_count"], 1);
}

TEST(ApiJsonTest, ListItemsCarryTheLatestEventsAndTheFirstDisagreements) {
  Story story = BigStory();
  for (int day = 10; day < 20; ++day)
    story.timeline.push_back({"2024-01-" + std::to_string(day), "Event.", {"a9"}});
  for (int i = 0; i < 4; ++i) story.disagreements.push_back({"topic " + std::to_string(i), {}});
  nlohmann::json item = StoryListItemJson(story);
  EXPECT_EQ(item["timeline_count"], 11);
  ASSERT_EQ(item["timeline"].size(), 5u);
  EXPECT_EQ(item["timeline"][0]["date"], "2024-01-15");
  EXPECT_EQ(item["timeline"][4]["date"], "2024-01-19");
  EXPECT_EQ(item["disagreement_count"], 5);
  ASSERT_EQ(item["disagreements"].size(), 3u);
  EXPECT_EQ(item["disagreements"][0]["about"], "about");
  EXPECT_EQ(StoryPageJson(story)["timeline"].size(), 11u);  // the page has them all
}

TEST(ApiJsonTest, TimelineEventsCarryTheirFirstThreeArticlesAndTheirCount) {
  for (const nlohmann::json& story : {StoryListItemJson(BigStory()), StoryPageJson(BigStory())}) {
    const nlohmann::json& event = story["timeline"][0];
    EXPECT_EQ(event["article_count"], 4);
    EXPECT_EQ(event["articles"], nlohmann::json({"a7", "a140", "a8"}));
  }
}

TEST(ApiJsonTest, PagesCarryTheMostFrequentNamesAndTheirCount) {
  Story story = BigStory();
  for (int i = 30; i < 250; ++i)
    story.entities.push_back({std::string("N").append(std::to_string(i))});
  nlohmann::json page = StoryPageJson(story);
  EXPECT_EQ(page["entity_count"], 250);
  ASSERT_EQ(page["entities"].size(), 200u);
  EXPECT_EQ(page["entities"][0]["name"], "N0");
  EXPECT_FALSE(page.contains("articles"));  // the page lists its members itself
  EXPECT_EQ(StoryPageJson(BigStory())["entities"].size(), 30u);
}

TEST(ApiJsonTest, PagesShowCitedAndNewestArticles) {
  std::vector<std::string> ids = PageArticleIds(BigStory(), false);
  // a1, a2, a3 (disagreement and summary), a7 and a8 (with a140, the event's
  // first three citations; a9 is its fourth) and a100..a149.
  ASSERT_EQ(ids.size(), 55u);
  EXPECT_EQ(ids[0], "a1");
  EXPECT_EQ(ids[3], "a7");
  EXPECT_EQ(ids[4], "a8");
  EXPECT_EQ(ids[5], "a100");
  EXPECT_EQ(ids.back(), "a149");
  EXPECT_EQ(PageArticleIds(BigStory(), true).size(), 150u);
  Story small;
  small.articles = {"x", "y"};
  EXPECT_EQ(PageArticleIds(small, false), small.articles);
}

TEST(QueryParamsTest, ParsesTimes) {
  struct Case {
    const char* text;
    int64_t expected;
  };
  const Case kCases[] = {
      {"1727049600", 1727049600},
      {"2024-09-23", 1727049600},
      {"2024-09-23T10:05", 1727049600 + 36300},
      {"2024-09-23T10:05:30Z", 1727049600 + 36330},
      {"2024-09-23T10:05:00+09:00", 1727049600 + 36300 - 9 * 3600},
      {"1970-01-01", 0},
  };
  for (const Case& c : kCases) {
    auto time = ParseTimeParameter(c.text);
    ASSERT_TRUE(time.ok()) << c.text;
    EXPECT_EQ(*time, c.expected) << c.text;
  }
  for (const char* bad : {"", "yesterday", "2024-13-01", "2024-09-23T25:00", "2024-09-23X",
                          "99999999999999999999", "2024-09-23T10:05+9", "-5"}) {
    EXPECT_FALSE(ParseTimeParameter(bad).ok()) << bad;
  }
  EXPECT_EQ(*ParseLimit("20", 100), 20);
  EXPECT_FALSE(ParseLimit("0", 100).ok());
  EXPECT_FALSE(ParseLimit("101", 100).ok());
  EXPECT_FALSE(ParseLimit("1e3", 100).ok());
}

TEST(FeedsTest, EscapesEverythingAndStaysWellFormed) {
  Feed feed;
  feed.title = "A & B <script>";
  feed.link = "http://h/?a=1&b=2";
  feed.self_link = "http://h/feeds/x\"y";
  feed.items.push_back({"id<1>", "Title </title><evil/>", "http://h/#/story/1",
                        std::string("bell\x07 and ]]> end"), 0});
  for (const std::string& xml : {RenderRss(feed), RenderAtom(feed)}) {
    EXPECT_EQ(xml.find("<script>"), std::string::npos);
    EXPECT_EQ(xml.find("<evil/>"), std::string::npos);
    EXPECT_EQ(xml.find('\x07'), std::string::npos);
    EXPECT_NE(xml.find("A &amp; B &lt;script&gt;"), std::string::npos);
    EXPECT_NE(xml.find("]]&gt; end"), std::string::npos);
  }
  EXPECT_NE(RenderRss(feed).find("<pubDate>Thu, 01 Jan 1970 00:00:00 +0000</pubDate>"),
            std::string::npos);
  EXPECT_NE(RenderAtom(feed).find("<updated>1970-01-01T00:00:00Z</updated>"), std::string::npos);
}

TEST(PostArticleTest, ReadsEachContentType) {
  auto html = ArticlesFromBody(
      "<html><head><title>Dam opens</title></head><body><article><h1>Dam opens</h1>"
      "<p>The new dam opened on Monday after ten years of building work, officials said.</p>"
      "<p>It will power a hundred thousand homes in the valley, the operator said.</p>"
      "</article></body></html>",
      "text/html; charset=utf-8", "dam", 1 << 20);
  ASSERT_TRUE(html.ok()) << html.status().ToString();
  EXPECT_EQ((*html)[0].id, "dam");
  EXPECT_NE((*html)[0].Text().find("new dam opened"), std::string::npos);

  auto json =
      ArticlesFromBody(R"({"title": "Bridge closes", "text": "The bridge closed.\nTraffic waits.",
      "url": "https://x.example/b"})",
                       "application/json", "", 1 << 20);
  ASSERT_TRUE(json.ok()) << json.status().ToString();
  EXPECT_EQ((*json)[0].title, "Bridge closes");
  EXPECT_EQ((*json)[0].id.rfind("post-", 0), 0u);
  auto again =
      ArticlesFromBody(R"({"title": "Bridge closes", "text": "The bridge closed.\nTraffic waits.",
      "url": "https://x.example/b"})",
                       "application/json", "", 1 << 20);
  EXPECT_EQ((*again)[0].id, (*json)[0].id);

  auto text = ArticlesFromBody(
      "Storm warning\n\nA storm is expected to reach the coast tonight, "
      "forecasters said on Sunday evening.\n",
      "text/plain", "storm", 1 << 20);
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  EXPECT_EQ((*text)[0].id, "storm");
}

TEST(PostArticleTest, RefusesBadInput) {
  EXPECT_FALSE(ArticlesFromBody("x", "image/png", "", 1 << 20).ok());
  EXPECT_FALSE(ArticlesFromBody("{not json", "application/json", "", 1 << 20).ok());
  EXPECT_FALSE(ArticlesFromBody("[1,2]", "application/json", "", 1 << 20).ok());
  EXPECT_FALSE(ArticlesFromBody("", "text/html", "", 1 << 20).ok());
  EXPECT_FALSE(ArticlesFromBody("<p>x</p>", "text/html", "../etc/passwd", 1 << 20).ok());
  EXPECT_FALSE(
      ArticlesFromBody(std::string("\x00\x01\x02\xff", 4), "text/plain", "", 1 << 20).ok());
  std::string deep(100000, '[');
  EXPECT_FALSE(ArticlesFromBody(deep, "application/json", "", 1 << 20).ok());
}

}  // namespace
}  // namespace newsloom::serve
