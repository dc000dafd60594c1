#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "common/utf8.h"
#include "ingest/ingest.h"
#include "ingest/testing.h"

namespace newsloom::ingest {
namespace {

using testing::EncodeFromUtf8;
using testing::GzipCompress;
using Format = RawPage::Format;

const std::string kHtmlPage =
    "<!DOCTYPE html><html><head><title>Peace talks</title></head>"
    "<body><p>Japan and the United Kingdom share an interest.</p></body></html>";
const std::string kTextPage = "Japan could help Ukraine by ramping up economic pressure.\n";

struct PageCase {
  const char* description;
  std::string name;
  std::string bytes;
  Format format;
  std::string body;
  std::string id;
};

TEST(IngestReadTest, ReadsOnePage) {
  const PageCase kCases[] = {
      {"html by suffix", "a/b.html", kHtmlPage, Format::kHtml, kHtmlPage, "b"},
      {"html by content", "page", kHtmlPage, Format::kHtml, kHtmlPage, "page"},
      {"html with bom and blank lines", "a.htm", "\xEF\xBB\xBF\n\n" + kHtmlPage, Format::kHtml,
       "\n\n" + kHtmlPage, "a"},
      {"text by suffix", "seeds/000.txt", kTextPage, Format::kText, kTextPage, "000"},
      {"text by content", "notes", kTextPage, Format::kText, kTextPage, "notes"},
      {"gzip html by suffix", "x/abc.html.gz", GzipCompress(kHtmlPage), Format::kHtml, kHtmlPage,
       "abc"},
      {"gzip told by magic, not suffix", "download", GzipCompress(kHtmlPage), Format::kHtml,
       kHtmlPage, "download"},
      {"gzip text", "page.txt.gz", GzipCompress(kTextPage), Format::kText, kTextPage, "page"},
      {"windows-1252 page", "old.html",
       "<html><head><meta charset=windows-1252></head><body>caf\xE9</body></html>", Format::kHtml,
       "<html><head><meta charset=windows-1252></head><body>café</body></html>", "old"},
      {"utf-16le page with bom", "wide.html",
       "\xFF\xFE" + EncodeFromUtf8("<html><body>Zoë</body></html>", "UTF-16LE"), Format::kHtml,
       "<html><body>Zoë</body></html>", "wide"},
      {"utf-16be page without bom", "wide",
       EncodeFromUtf8("<html><body>Zoë</body></html>", "UTF-16BE"), Format::kHtml,
       "<html><body>Zoë</body></html>", "wide"},
      {"invalid utf-8 repaired", "bad.txt", "Zoë caf\xC3 ok", Format::kText, "Zoë caf\uFFFD ok",
       "bad"},
  };
  for (const PageCase& test : kCases) {
    SCOPED_TRACE(test.description);
    Result<std::vector<ReadRecord>> result = ReadBuffer(test.name, test.bytes, ReadOptions());
    ASSERT_TRUE(result.ok()) << result.status().ToString();
    ASSERT_EQ(result->size(), 1u);
    const ReadRecord& record = result->front();
    EXPECT_TRUE(record.status.ok());
    EXPECT_EQ(record.page.format, test.format);
    EXPECT_EQ(record.page.body, test.body);
    EXPECT_EQ(record.page.id, test.id);
    EXPECT_EQ(record.page.origin, test.name);
    EXPECT_TRUE(IsValidUtf8(record.page.body));
  }
}

struct ErrorCase {
  const char* description;
  std::string name;
  std::string bytes;
  Status::Code code;
  std::string message;  // a prefix of the expected message
};

TEST(IngestReadTest, RefusesWholeFiles) {
  std::string junk;
  for (int i = 0; i < 4096; ++i) junk.push_back(char((i * 7919) % 251));
  std::string truncated = GzipCompress(kHtmlPage);
  truncated.resize(truncated.size() - 12);
  const ErrorCase kCases[] = {
      {"empty file", "a.html", "", Status::Code::kInvalidArgument, "empty file"},
      {"empty gzip member", "a.html.gz", GzipCompress(""), Status::Code::kInvalidArgument,
       "empty file"},
      {"only whitespace", "a.txt", " \n\t\n", Status::Code::kInvalidArgument, "no text in file"},
      {"binary junk", "a.html", junk, Status::Code::kInvalidArgument, "binary data, not a page"},
      {"binary junk in gzip", "a.html.gz", GzipCompress(junk), Status::Code::kInvalidArgument,
       "binary data, not a page"},
      {"pdf", "report.html", "%PDF-1.4\n1 0 obj << /Type /Catalog >>",
       Status::Code::kInvalidArgument, "binary data, not a page"},
      {"nul bytes", "a.txt", std::string("abc\0\0\0def", 9), Status::Code::kInvalidArgument,
       "binary data, not a page"},
      {"truncated gzip", "a.html.gz", truncated, Status::Code::kCorruption,
       "truncated gzip stream"},
      {"warc without pages", "crawl.warc.gz",
       GzipCompress("WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 0\r\n\r\n\r\n\r\n"),
       Status::Code::kInvalidArgument, "no page in WARC archive"},
      {"rss without items", "feed.xml",
       "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel/></rss>",
       Status::Code::kInvalidArgument, "no item in feed"},
  };
  for (const ErrorCase& test : kCases) {
    SCOPED_TRACE(test.description);
    Result<std::vector<ReadRecord>> result = ReadBuffer(test.name, test.bytes, ReadOptions());
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.status().code(), test.code) << result.status().ToString();
    EXPECT_TRUE(result.status().message().starts_with(test.message)) << result.status().message();
  }
}

TEST(IngestReadTest, Limits) {
  ReadOptions options;
  options.max_page_bytes = size_t(100) << 10;
  options.max_file_bytes = size_t(400) << 10;
  std::string large_page = "<html><body>" + std::string(size_t(150) << 10, 'x');
  std::string gzip_bomb = GzipCompress(std::string(size_t(500) << 10, ' '));
  const struct {
    const char* description;
    std::string name;
    std::string bytes;
    std::string message;
  } kCases[] = {
      {"page over max_page_bytes", "big.html", large_page,
       "page of 151 KB exceeds the limit of 100 KB"},
      {"compressed page over max_page_bytes", "big.html.gz", GzipCompress(large_page),
       "page of 151 KB exceeds the limit of 100 KB"},
      {"file over max_file_bytes", "huge.txt", std::string(size_t(450) << 10, 'y'),
       "file of 450 KB exceeds the limit of 400 KB"},
      {"gzip bomb over max_file_bytes", "bomb.html.gz", gzip_bomb,
       "larger than 400 KB after decompression"},
  };
  for (const auto& test : kCases) {
    SCOPED_TRACE(test.description);
    Result<std::vector<ReadRecord>> result = ReadBuffer(test.name, test.bytes, options);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.status().code(), Status::Code::kInvalidArgument);
    EXPECT_EQ(result.status().message(), test.message);
  }
  // JSON Lines records are each held to max_page_bytes, not the file.
  std::string lines;
  for (int i = 0; i < 4; ++i)
    lines += "{\"text\": \"" + std::string(size_t(40) << 10, 'z') + "\"}\n";
  Result<std::vector<ReadRecord>> result = ReadBuffer("many.jsonl", lines, options);
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  ASSERT_EQ(result->size(), 4u);
  for (const ReadRecord& record : *result) EXPECT_TRUE(record.status.ok());
}

TEST(IngestReadTest, JsonLinesInGzip) {
  std::string lines =
      "{\"title\": \"A\", \"text\": \"One.\"}\n"
      "{\"title\": \"B\", \"text\": \"Two.\"}\n";
  Result<std::vector<ReadRecord>> result =
      ReadBuffer("d/news.jsonl.gz", GzipCompress(lines), ReadOptions());
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  ASSERT_EQ(result->size(), 2u);
  EXPECT_EQ((*result)[0].page.id, "news-1");
  EXPECT_EQ((*result)[1].page.id, "news-2");
  EXPECT_EQ((*result)[1].page.origin, "d/news.jsonl.gz:2");
  EXPECT_EQ((*result)[1].page.format, Format::kRecord);
}

}  // namespace
}  // namespace newsloom::ingest
