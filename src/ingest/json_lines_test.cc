#include "ingest/json_lines.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "common/utf8.h"
#include "ingest/ingest.h"

namespace newsloom::ingest {
namespace {

using Format = RawPage::Format;
using Strings = std::vector<std::string>;

std::vector<ReadRecord> ReadLines(std::string_view name, std::string_view text) {
  return ReadJsonRecords(name, text, ReadOptions());
}

TEST(IngestJsonLinesTest, BadMiddleLineDoesNotStopTheOthers) {
  Result<std::vector<ReadRecord>> result =
      ReadBuffer("dir/feed.jsonl",
                 "{\"id\": \"a\", \"title\": \"First\", \"text\": \"One.\"}\n"
                 "{\"id\": \"b\", \"title\": \"Broken\", \n"
                 "\n"
                 "{\"id\": \"c\", \"title\": \"Third\", \"text\": \"Three.\"}\n",
                 ReadOptions());
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  const std::vector<ReadRecord>& records = *result;
  ASSERT_EQ(records.size(), 3u);

  EXPECT_TRUE(records[0].status.ok());
  EXPECT_EQ(records[0].page.id, "a");
  EXPECT_EQ(records[0].page.origin, "dir/feed.jsonl:1");
  EXPECT_EQ(records[0].page.body, "One.");

  EXPECT_EQ(records[1].status.code(), Status::Code::kCorruption);
  EXPECT_TRUE(records[1].status.message().starts_with("line 2: invalid JSON: "))
      << records[1].status.message();
  EXPECT_EQ(records[1].page.origin, "dir/feed.jsonl:2");

  EXPECT_TRUE(records[2].status.ok());
  EXPECT_EQ(records[2].page.id, "c");
  EXPECT_EQ(records[2].page.origin, "dir/feed.jsonl:4");  // blank line 3 skipped
  EXPECT_EQ(records[2].page.title, "Third");
}

struct RecordCase {
  const char* description;
  std::string line;
  Status::Code code;
  std::string message;  // when not ok
  RawPage expected;     // origin is always "feed.jsonl:1"
};

RawPage Page(std::string id, Format format, std::string body) {
  RawPage page;
  page.id = std::move(id);
  page.format = format;
  page.body = std::move(body);
  return page;
}

RawPage WithFields(RawPage page, std::string url, std::string title, std::string published,
                   std::string source_domain, std::string language, std::string description,
                   Strings authors) {
  page.url = std::move(url);
  page.title = std::move(title);
  page.published = std::move(published);
  page.source_domain = std::move(source_domain);
  page.language = std::move(language);
  page.description = std::move(description);
  page.authors = std::move(authors);
  return page;
}

TEST(IngestJsonLinesTest, FieldMapping) {
  const RecordCase kCases[] = {
      {"news-please names",
       R"({"maintext": "Body.", "title": "T", "url": "https://e.com/a", )"
       R"("date_publish": "2017-09-15 00:00:00", "source_domain": "e.com", "language": "en", )"
       R"("description": "D", "authors": ["Ann Lee", "", "Bo Kim"], "text": null})",
       Status::Code::kOk, "",
       WithFields(Page("feed-1", Format::kRecord, "Body."), "https://e.com/a", "T",
                  "2017-09-15 00:00:00", "e.com", "en", "D", {"Ann Lee", "Bo Kim"})},
      {"canonical names",
       R"({"id": "x1", "text": "Body.", "published": "2025-08-01", "source": "e.com", )"
       R"("author": "Ann Lee"})",
       Status::Code::kOk, "",
       WithFields(Page("x1", Format::kRecord, "Body."), "", "", "2025-08-01", "e.com", "", "",
                  {"Ann Lee"})},
      {"trafilatura names",
       R"({"id": "t1", "text": "Body.", "title": "T", "source": "https://e.com/t", )"
       R"("hostname": "e.com", "date": "2024-09-23", "excerpt": "D", "author": "Ann Lee"})",
       Status::Code::kOk, "",
       WithFields(Page("t1", Format::kRecord, "Body."), "https://e.com/t", "T", "2024-09-23",
                  "e.com", "", "D", {"Ann Lee"})},
      {"url field wins over a URL in source",
       R"({"text": "Body.", "url": "https://e.com/a", "source": "https://e.com/b"})",
       Status::Code::kOk, "",
       WithFields(Page("feed-1", Format::kRecord, "Body."), "https://e.com/a", "", "", "", "", "",
                  {})},
      {"numeric id and date", R"({"id": 42, "body": "Body.", "date": 1700000000})",
       Status::Code::kOk, "",
       WithFields(Page("42", Format::kRecord, "Body."), "", "", "1700000000", "", "", "", {})},
      {"published_at", R"({"title": "T", "published_at": "2024-09-23T10:00:00Z"})",
       Status::Code::kOk, "",
       WithFields(Page("feed-1", Format::kRecord, ""), "", "T", "2024-09-23T10:00:00Z", "", "", "",
                  {})},
      {"text preferred to maintext and body", R"({"text": "A", "maintext": "B", "body": "C"})",
       Status::Code::kOk, "", Page("feed-1", Format::kRecord, "A")},
      {"empty text falls through to maintext", R"({"text": "", "maintext": "B"})",
       Status::Code::kOk, "", Page("feed-1", Format::kRecord, "B")},
      {"html record", R"({"id": "h", "html": "<p>Hi</p>", "url": "https://e.com/h"})",
       Status::Code::kOk, "",
       WithFields(Page("h", Format::kHtml, "<p>Hi</p>"), "https://e.com/h", "", "", "", "", "",
                  {})},
      {"raw_html record", R"({"raw_html": "<p>Hi</p>"})", Status::Code::kOk, "",
       Page("feed-1", Format::kHtml, "<p>Hi</p>")},
      {"text wins over html", R"({"text": "Hi", "html": "<p>Hi</p>"})", Status::Code::kOk, "",
       Page("feed-1", Format::kRecord, "Hi")},
      {"short fields trimmed", R"({"title": "  T \n", "text": " body kept "})", Status::Code::kOk,
       "", WithFields(Page("feed-1", Format::kRecord, " body kept "), "", "T", "", "", "", "", {})},
      {"nul escape dropped", R"({"text": "a\u0000b"})", Status::Code::kOk, "",
       Page("feed-1", Format::kRecord, "ab")},
      {"invalid utf-8 repaired", "{\"text\": \"caf\xE9\"}", Status::Code::kOk, "",
       Page("feed-1", Format::kRecord, "caf\uFFFD")},
      {"no content", R"({"id": "e", "url": "https://e.com/e"})", Status::Code::kInvalidArgument,
       "line 1: no text, html or title",
       WithFields(Page("e", Format::kRecord, ""), "https://e.com/e", "", "", "", "", "", {})},
      {"null content", R"({"text": null, "title": null})", Status::Code::kInvalidArgument,
       "line 1: no text, html or title", Page("feed-1", Format::kRecord, "")},
      {"not an object", R"(["a", "b"])", Status::Code::kCorruption,
       "line 1: invalid JSON: expected an object, found array", Page("feed-1", Format::kHtml, "")},
      {"not json", R"({"text": "unterminated)", Status::Code::kCorruption,
       "line 1: invalid JSON: ", Page("feed-1", Format::kHtml, "")},
  };
  for (const RecordCase& test : kCases) {
    SCOPED_TRACE(test.description);
    std::vector<ReadRecord> records = ReadLines("data/feed.jsonl", test.line);
    ASSERT_EQ(records.size(), 1u);
    const ReadRecord& record = records.front();
    EXPECT_EQ(record.status.code(), test.code) << record.status.ToString();
    if (!record.status.ok()) {
      EXPECT_TRUE(record.status.message().starts_with(test.message)) << record.status.message();
    }
    const RawPage& page = record.page;
    EXPECT_EQ(page.origin, "data/feed.jsonl:1");
    EXPECT_EQ(page.id, test.expected.id);
    EXPECT_EQ(page.format, test.expected.format);
    EXPECT_EQ(page.body, test.expected.body);
    EXPECT_EQ(page.url, test.expected.url);
    EXPECT_EQ(page.title, test.expected.title);
    EXPECT_EQ(page.published, test.expected.published);
    EXPECT_EQ(page.source_domain, test.expected.source_domain);
    EXPECT_EQ(page.language, test.expected.language);
    EXPECT_EQ(page.description, test.expected.description);
    EXPECT_EQ(page.authors, test.expected.authors);
    EXPECT_TRUE(IsValidUtf8(page.body));
  }
}

TEST(IngestJsonLinesTest, WholeFileJson) {
  // news-please writes one pretty-printed object per file.
  std::vector<ReadRecord> records =
      ReadLines("out/article.json", "{\n  \"title\": \"T\",\n  \"maintext\": \"Body.\"\n}\n");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_TRUE(records[0].status.ok());
  EXPECT_EQ(records[0].page.id, "article");
  EXPECT_EQ(records[0].page.origin, "out/article.json");
  EXPECT_EQ(records[0].page.body, "Body.");

  records =
      ReadLines("list.json", "[\n {\"text\": \"A\"},\n 7,\n {\"id\": \"z\", \"text\": \"C\"}\n]");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].page.id, "list-1");
  EXPECT_EQ(records[0].page.origin, "list.json:1");
  EXPECT_EQ(records[1].status.code(), Status::Code::kCorruption);
  EXPECT_EQ(records[1].status.message(),
            "record 2: invalid JSON: expected an object, found number");
  EXPECT_EQ(records[2].page.id, "z");
}

TEST(IngestJsonLinesTest, LinesAndLimits) {
  ReadOptions options;
  options.max_page_bytes = 40;
  std::vector<ReadRecord> records =
      ReadJsonRecords("f.jsonl",
                      "\xEF\xBB\xBF{\"text\": \"short\"}\r\n"
                      "{\"text\": \"a line far longer than the forty byte limit\"}\n"
                      "   \n"
                      "{\"text\": \"last, no newline\"}",
                      options);
  ASSERT_EQ(records.size(), 3u);
  EXPECT_TRUE(records[0].status.ok()) << records[0].status.ToString();
  EXPECT_EQ(records[0].page.body, "short");
  EXPECT_EQ(records[1].status.code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(records[1].status.message(),
            "line 2: record of 55 bytes exceeds the limit of 40 bytes");
  EXPECT_EQ(records[2].page.origin, "f.jsonl:4");
  EXPECT_EQ(records[2].page.body, "last, no newline");
}

TEST(IngestJsonLinesTest, FirstLineIsJsonObject) {
  EXPECT_TRUE(FirstLineIsJsonObject("{\"a\": 1}\nnot json"));
  EXPECT_TRUE(FirstLineIsJsonObject("\n \n{}"));
  EXPECT_FALSE(FirstLineIsJsonObject("{\n\"a\": 1}"));
  EXPECT_FALSE(FirstLineIsJsonObject("[1]"));
  EXPECT_FALSE(FirstLineIsJsonObject(""));
}

}  // namespace
}  // namespace newsloom::ingest
