#include "cli/article_json.h"

#include <gtest/gtest.h>

#include "common/time.h"

namespace newsloom {
namespace {

TEST(ArticleJsonTest, PrintsTheDesignFields) {
  Article article;
  article.id = "a1";
  article.url = "https://example.com/x";
  article.title = "Headline";
  article.authors = {"Jane Roe", "John Doe"};
  article.published = MakeTimestamp({2024, 9, 23}, 10, 5, 0, 540, Timestamp::Precision::kSecond);
  article.paragraphs = {{Paragraph::Kind::kHeading, "Sub"}, {Paragraph::Kind::kText, "Body."}};
  article.is_news = true;

  nlohmann::json json = ArticleToJson(article);
  EXPECT_EQ(json["id"], "a1");
  EXPECT_EQ(json["published"], "2024-09-23T10:05:00+09:00");
  EXPECT_EQ(json["text"], "Sub\nBody.");
  EXPECT_EQ(json["author"].size(), 2u);
  EXPECT_TRUE(json["is_news"].get<bool>());
  for (const char* field : {"url", "title", "site", "language", "description"}) {
    EXPECT_TRUE(json.contains(field)) << field;
  }
}

TEST(ArticleJsonTest, UnknownPublicationIsNull) {
  Article article;
  EXPECT_TRUE(ArticleToJson(article)["published"].is_null());
}

TEST(ArticleJsonTest, InvalidUtf8NeverReachesTheOutput) {
  // Extraction guarantees valid UTF-8; dump() would throw otherwise, so this
  // pins the contract at the last point before output.
  Article article;
  article.title = "caf\xC3\xA9";
  EXPECT_NO_THROW(ArticleToJson(article).dump());
}

}  // namespace
}  // namespace newsloom
