#include "ingest/input_format.h"

#include <gtest/gtest.h>

#include <string>

namespace newsloom::ingest {
namespace {

TEST(IngestFormatTest, DetectFormat) {
  const struct {
    const char* name;
    std::string text;
    InputFormat expected;
  } kCases[] = {
      {"a.html", "<!DOCTYPE html><html><p>x</p></html>", InputFormat::kHtml},
      {"a", "\n  <html lang=en><body>x</body></html>", InputFormat::kHtml},
      {"a.txt", "<div class=article>x</div>", InputFormat::kHtml},
      {"a", "\xEF\xBB\xBF<!doctype html>", InputFormat::kHtml},
      {"a", "<P>Paragraph</P>", InputFormat::kHtml},
      {"a", "<pre>not enough</pre>", InputFormat::kText},
      {"a.htm.gz", "just words", InputFormat::kHtml},
      {"a.HTML", "just words", InputFormat::kHtml},
      {"a.xhtml", "just words", InputFormat::kHtml},
      {"a", "{\"title\": \"t\"}\n{\"title\": \"u\"}\n", InputFormat::kJsonLines},
      {"a.txt", "  {\"title\": \"t\"}", InputFormat::kJsonLines},
      {"a", "{not json}", InputFormat::kText},
      {"a.jsonl", "not json at all", InputFormat::kJsonLines},
      {"a.json.gz", "{\n  \"title\": \"pretty\"\n}", InputFormat::kJsonLines},
      {"a.ndjson", "[1]", InputFormat::kJsonLines},
      {"a.txt", "Plain words, as scraped.", InputFormat::kText},
      {"a", "Plain words, no suffix.", InputFormat::kText},
      {"a.txt.gz", "Plain words.", InputFormat::kText},
      {"a.warc.gz", "WARC/1.0\r\nWARC-Type: response\r\n", InputFormat::kWarc},
      {"a", "WARC/1.0\r\n", InputFormat::kWarc},
      {"a", "<?xml version=\"1.0\"?><rss><channel><p>x</p></channel></rss>", InputFormat::kFeed},
      {"a", "<?xml version=\"1.0\"?>\n<!-- c --><feed xmlns=\"x\"><div/></feed>",
       InputFormat::kFeed},
      {"a.rss", "no markup", InputFormat::kFeed},
      {"a", "<?xml version=\"1.0\"?><html><body>x</body></html>", InputFormat::kHtml},
  };
  for (const auto& test : kCases) {
    EXPECT_EQ(DetectFormat(test.name, test.text), test.expected) << test.name << ": " << test.text;
  }
}

TEST(IngestFormatTest, HtmlTagAfterTheSniffWindowIsNotSeen) {
  std::string text = "<x>" + std::string(kHtmlSniffBytes, ' ') + "<html>";
  EXPECT_FALSE(LooksLikeHtml(text));
  EXPECT_TRUE(LooksLikeHtml("<x>" + std::string(1000, ' ') + "<html>"));
}

TEST(IngestFormatTest, CheckLooksLikeText) {
  std::string controls;
  for (int i = 0; i < 100; ++i) controls += i % 2 == 0 ? "\x01" : "abcd";
  const struct {
    const char* description;
    std::string bytes;
    bool ok;
  } kCases[] = {
      {"html", "<html><body>\tText\r\n\f</body></html>", true},
      {"iso-2022-jp escapes", "\x1B$B$3$s\x1B(B", true},
      {"legacy high bytes", "caf\xE9 \xCF\xF0\xE8\xE2\xE5\xF2", true},
      {"a nul byte", std::string("text\0text", 9), false},
      {"control bytes", controls, false},
      {"few control bytes", "\x01" + std::string(100, 'a'), true},
      {"pdf", "%PDF-1.7\n%text-looking header", false},
      {"png", "\x89PNG\r\n\x1A\n", false},
      {"jpeg", "\xFF\xD8\xFF\xE0", false},
      {"zip", "PK\x03\x04", false},
      {"elf", "\177ELF\2\1\1", false},
      {"xz", "\3757zXZ", false},
      {"gzip inside gzip", "\x1F\x8B\x08", false},
  };
  for (const auto& test : kCases) {
    Status status = CheckLooksLikeText(test.bytes);
    EXPECT_EQ(status.ok(), test.ok) << test.description;
    if (!status.ok()) {
      EXPECT_EQ(status.code(), Status::Code::kInvalidArgument);
      EXPECT_EQ(status.message(), "binary data, not a page");
    }
  }
}

TEST(IngestFormatTest, FormatByteCount) {
  const struct {
    size_t bytes;
    const char* expected;
  } kCases[] = {
      {0, "0 bytes"},
      {1, "1 byte"},
      {1023, "1023 bytes"},
      {1024, "1 KB"},
      {1025, "2 KB"},
      {size_t(100) << 10, "100 KB"},
      {size_t(1) << 20, "1 MB"},
      {(size_t(3) << 20) / 2, "1.5 MB"},
      {size_t(64) << 20, "64 MB"},
      {(size_t(64) << 20) + 1, "65 MB"},
      {size_t(256) << 20, "256 MB"},
  };
  for (const auto& test : kCases) {
    EXPECT_EQ(FormatByteCount(test.bytes), test.expected) << test.bytes;
  }
}

TEST(IngestFormatTest, WithoutGzipSuffix) {
  EXPECT_EQ(WithoutGzipSuffix("a/b.html.gz"), "a/b.html");
  EXPECT_EQ(WithoutGzipSuffix("b.HTML.GZ"), "b.HTML");
  EXPECT_EQ(WithoutGzipSuffix("b.html"), "b.html");
}

}  // namespace
}  // namespace newsloom::ingest
