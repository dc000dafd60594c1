#include "cli/export_formats.h"

#include <gtest/gtest.h>

namespace newsloom {
namespace {

Article Sample() {
  Article article;
  article.id = "a1";
  article.url = "https://example.com/a1";
  article.source = "example.com";
  article.site_name = "Example News";
  article.title = "Talks, \"at last\"";
  article.authors = {"Ann Lee", "Bo Kim"};
  Timestamp published;
  published.utc_seconds = 1727085900;  // 2024-09-23T10:05:00Z
  published.offset_minutes = 540;      // shown at +09:00
  published.has_offset = true;
  published.precision = Timestamp::Precision::kSecond;
  article.published = published;
  article.language = "en";
  article.description = "D";
  article.paragraphs = {{Paragraph::Kind::kText, "First, line."},
                        {Paragraph::Kind::kText, "Second."}};
  return article;
}

TEST(ExportFormatsTest, ParsesTheFormatNames) {
  EXPECT_EQ(ParseOutputFormat("news-please"), OutputFormat::kNewsPlease);
  EXPECT_EQ(ParseOutputFormat("csv"), OutputFormat::kCsv);
  EXPECT_EQ(ParseOutputFormat("xml"), std::nullopt);
}

TEST(ExportFormatsTest, NewsPleaseNames) {
  nlohmann::json json = ArticleToNewsPleaseJson(Sample());
  EXPECT_EQ(json["maintext"], "First, line.\nSecond.");
  EXPECT_EQ(json["source_domain"], "example.com");
  EXPECT_EQ(json["date_publish"], "2024-09-23 19:05:00");  // the page's own clock
  EXPECT_EQ(json["authors"], nlohmann::json({"Ann Lee", "Bo Kim"}));
  EXPECT_TRUE(json["date_download"].is_null());
}

TEST(ExportFormatsTest, TrafilaturaNames) {
  nlohmann::json json = ArticleToTrafilaturaJson(Sample());
  EXPECT_EQ(json["source"], "https://example.com/a1");
  EXPECT_EQ(json["hostname"], "example.com");
  EXPECT_EQ(json["source-hostname"], "Example News");
  EXPECT_EQ(json["author"], "Ann Lee; Bo Kim");
  EXPECT_EQ(json["date"], "2024-09-23");
  EXPECT_EQ(json["excerpt"], "D");
}

TEST(ExportFormatsTest, CsvQuotesWhatNeedsIt) {
  EXPECT_EQ(CsvRecord({"plain", "a,b", "say \"hi\"", "two\nlines", ""}),
            "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n");
  std::vector<std::string> fields = ArticleCsvFields(Sample());
  ASSERT_EQ(fields.size(), ArticleCsvHeader().size());
  EXPECT_EQ(fields[2], "Talks, \"at last\"");
  EXPECT_EQ(fields[4], "2024-09-23T19:05:00+09:00");
  EXPECT_EQ(fields[11], "First, line.\nSecond.");
}

TEST(ExportFormatsTest, StoryCsvRow) {
  Story story;
  story.id = "s1";
  story.title = "Talks";
  story.rank = 0.5;
  story.articles = {"a1", "a2"};
  story.sources = {"a.com", "b.org"};
  story.summary = {{"One.", "a1"}, {"Two.", "a2"}};
  std::vector<std::string> fields = StoryCsvFields(story);
  ASSERT_EQ(fields.size(), StoryCsvHeader().size());
  EXPECT_EQ(fields[4], "0.5000");
  EXPECT_EQ(fields[5], "");  // first_seen unknown
  EXPECT_EQ(fields[7], "2");
  EXPECT_EQ(fields[8], "a1 a2");
  EXPECT_EQ(fields[9], "a.com; b.org");
  EXPECT_EQ(fields[10], "One. [a1] Two. [a2]");
}

}  // namespace
}  // namespace newsloom
