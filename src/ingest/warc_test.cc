#include "ingest/warc.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ingest/byte_source.h"
#include "ingest/ingest.h"
#include "ingest/testing.h"

namespace newsloom::ingest {
namespace {

using testing::EncodeFromUtf8;
using testing::GzipCompress;
using testing::TestDirectory;
using testing::WriteFile;

// One WARC record with the given type, extra header lines and block.
std::string WarcRecord(std::string_view type, std::string_view headers, std::string_view block) {
  std::string record = "WARC/1.0\r\nWARC-Type: ";
  record.append(type).append("\r\n").append(headers);
  record.append("Content-Length: ").append(std::to_string(block.size())).append("\r\n\r\n");
  record.append(block).append("\r\n\r\n");
  return record;
}

std::string Response(std::string_view url, std::string_view http_headers, std::string_view body) {
  std::string headers = "WARC-Target-URI: ";
  headers.append(url).append("\r\nWARC-Date: 2016-08-26T10:00:00Z\r\n");
  headers.append("Content-Type: application/http; msgtype=response\r\n");
  std::string block = "HTTP/1.1 200 OK\r\n";
  block.append(http_headers).append("\r\n").append(body);
  return WarcRecord("response", headers, block);
}

const std::string kWarcinfo = WarcRecord("warcinfo", "", "software: test\r\n");
const std::string kRequest = WarcRecord("request", "WARC-Target-URI: http://a.com/\r\n",
                                        "GET / HTTP/1.1\r\nHost: a.com\r\n\r\n");
const std::string kFirst =
    Response("http://a.com/one", "Content-Type: text/html; charset=utf-8\r\n",
             "<html><body><p>First story</p></body></html>");
const std::string kSecond = Response("<http://b.com/two>", "Content-Type: text/html\r\n",
                                     "<html><body><p>Second story</p></body></html>");

std::vector<ReadRecord> ReadAll(std::string_view name, std::string_view bytes,
                                ReadOptions options = ReadOptions()) {
  std::unique_ptr<ByteSource> source = MemorySource(bytes);
  if (bytes.starts_with("\x1F\x8B")) source = GzipSource(std::move(source));
  WarcReader reader(name, std::move(source), options);
  std::vector<ReadRecord> records;
  while (std::optional<ReadRecord> record = reader.Next()) {
    records.push_back(std::move(*record));
    if (records.size() > 1000) break;  // never loop forever
  }
  return records;
}

TEST(WarcReaderTest, ReadsResponsesSkipsOtherRecords) {
  const std::string archive = kWarcinfo + kRequest + kFirst + kSecond;
  std::vector<ReadRecord> records = ReadAll("cc/news.warc", archive);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_TRUE(records[0].status.ok());
  EXPECT_EQ(records[0].page.format, RawPage::Format::kHtml);
  EXPECT_EQ(records[0].page.url, "http://a.com/one");
  EXPECT_EQ(records[0].page.fetched, "2016-08-26T10:00:00Z");
  EXPECT_EQ(records[0].page.body, "<html><body><p>First story</p></body></html>");
  EXPECT_EQ(records[0].page.id, "news-3");
  EXPECT_EQ(records[0].page.origin,
            "cc/news.warc@" + std::to_string(kWarcinfo.size() + kRequest.size()));
  EXPECT_EQ(records[1].page.url, "http://b.com/two");
}

TEST(WarcReaderTest, GzipMembersPerRecord) {
  const std::string archive =
      GzipCompress(kWarcinfo) + GzipCompress(kFirst) + GzipCompress(kSecond);
  std::vector<ReadRecord> records = ReadAll("news.warc.gz", archive);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[1].page.url, "http://b.com/two");
}

TEST(WarcReaderTest, CharsetFromContentType) {
  const std::string body = EncodeFromUtf8(
      "<html><body><p>\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82</p></body></html>",
      "WINDOWS-1251");
  const std::string archive =
      Response("http://r.ru/", "Content-Type: text/html; charset=windows-1251\r\n", body);
  std::vector<ReadRecord> records = ReadAll("a.warc", archive);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_NE(records[0].page.body.find("\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82"),
            std::string::npos);
}

TEST(WarcReaderTest, HttpDetails) {
  const std::string chunked =
      Response("http://c.com/", "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n",
               "7\r\n<p>Chun\r\n7\r\nked</p>\r\n0\r\n\r\n");
  const std::string gzipped =
      Response("http://g.com/", "Content-Type: text/html\r\nContent-Encoding: gzip\r\n",
               GzipCompress("<p>Zipped</p>"));
  std::string redirect = WarcRecord("response", "Content-Type: application/http\r\n",
                                    "HTTP/1.1 301 Moved\r\nLocation: /x\r\n\r\n");
  const std::string image = Response("http://i.com/a.png", "Content-Type: image/png\r\n", "PNG");
  const std::string text = Response("http://t.com/a.txt", "Content-Type: text/plain\r\n", "Plain.");
  std::vector<ReadRecord> records = ReadAll("a.warc", chunked + gzipped + redirect + image + text);
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].page.body, "<p>Chunked</p>");
  EXPECT_EQ(records[1].page.body, "<p>Zipped</p>");
  EXPECT_EQ(records[2].page.format, RawPage::Format::kText);
}

TEST(WarcReaderTest, BrokenRecordsAreSkippedWithTheirOffset) {
  const std::string garbage = "this is not a record\r\n\r\n";
  const std::string no_length = "WARC/1.0\r\nWARC-Type: response\r\n\r\nbody\r\n\r\n";
  const std::string bad_http = WarcRecord("response", "Content-Type: application/http\r\n", "junk");
  std::vector<ReadRecord> records =
      ReadAll("a.warc", kFirst + garbage + kSecond + no_length + bad_http + kFirst);
  ASSERT_EQ(records.size(), 6u);
  EXPECT_TRUE(records[0].status.ok());
  EXPECT_EQ(records[1].status.code(), Status::Code::kCorruption);
  EXPECT_EQ(records[1].status.message(),
            "WARC record at offset " + std::to_string(kFirst.size()) + ": no WARC/ version line");
  EXPECT_TRUE(records[2].status.ok());
  EXPECT_EQ(records[2].page.url, "http://b.com/two");
  EXPECT_NE(records[3].status.message().find("no valid Content-Length"), std::string::npos);
  EXPECT_NE(records[4].status.message().find("no HTTP status line"), std::string::npos);
  EXPECT_TRUE(records[5].status.ok());
}

TEST(WarcReaderTest, TruncatedArchiveEndsWithOneBrokenRecord) {
  const std::string archive = kFirst + kSecond.substr(0, kSecond.size() - 20);
  std::vector<ReadRecord> records = ReadAll("a.warc", archive);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_TRUE(records[0].status.ok());
  EXPECT_NE(records[1].status.message().find("truncated record"), std::string::npos);

  std::string gzipped = GzipCompress(kFirst) + GzipCompress(kSecond);
  gzipped.resize(gzipped.size() - GzipCompress(kSecond).size() / 2);
  records = ReadAll("a.warc.gz", gzipped);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_TRUE(records[0].status.ok());
  EXPECT_NE(records[1].status.message().find("truncated gzip member"), std::string::npos);
}

TEST(WarcReaderTest, CorruptGzipMemberCostsOneRecord) {
  std::string broken = GzipCompress(kSecond);
  for (size_t i = 12; i < broken.size() - 8; i += 3) broken[i] = char(broken[i] ^ 0x5A);
  const std::string archive = GzipCompress(kFirst) + broken + GzipCompress(kFirst);
  std::vector<ReadRecord> records = ReadAll("a.warc.gz", archive);
  ASSERT_GE(records.size(), 3u);
  EXPECT_TRUE(records.front().status.ok());
  EXPECT_TRUE(records.back().status.ok());
  EXPECT_EQ(records.back().page.url, "http://a.com/one");
  bool named_offset = false;
  for (const ReadRecord& record : records) {
    if (record.status.ok()) continue;
    named_offset |= record.status.message().find("compressed offset " +
                                                 std::to_string(GzipCompress(kFirst).size())) !=
                    std::string::npos;
  }
  EXPECT_TRUE(named_offset);
}

TEST(WarcReaderTest, OversizedRecordIsSkipped) {
  ReadOptions options;
  options.max_page_bytes = 1000;
  const std::string big = Response("http://big.com/", "Content-Type: text/html\r\n",
                                   "<p>" + std::string(5000, 'x') + "</p>");
  std::vector<ReadRecord> records = ReadAll("a.warc", kFirst + big + kSecond, options);
  ASSERT_EQ(records.size(), 3u);
  EXPECT_NE(records[1].status.message().find("exceeds the page limit"), std::string::npos);
  EXPECT_TRUE(records[2].status.ok());
}

TEST(WarcReaderTest, HostileInputTerminates) {
  const std::string inputs[] = {"",
                                "WARC/",
                                "WARC/1.0",
                                "WARC/1.0\r\n",
                                "WARC/1.0\r\nContent-Length: 99999999999999999999\r\n\r\n",
                                "WARC/1.0\r\nContent-Length: -5\r\n\r\n",
                                std::string(200000, 'W'),
                                "WARC/1.0\r\n" + std::string(100000, 'a'),
                                std::string("\x1F\x8B\x08\x00garbage", 12)};
  for (const std::string& input : inputs) {
    std::vector<ReadRecord> records = ReadAll("a.warc", input);
    EXPECT_LE(records.size(), 3u);
    for (const ReadRecord& record : records) EXPECT_FALSE(record.status.ok());
  }
}

TEST(WarcReadFileTest, ReadFileAndOpenRecordsStreamTheArchive) {
  TestDirectory directory;
  const std::string archive =
      GzipCompress(kWarcinfo) + GzipCompress(kFirst) + GzipCompress(kSecond);
  const std::string named = (directory.path() / "crawl.warc.gz").string();
  const std::string unnamed = (directory.path() / "crawl.bin").string();
  WriteFile(named, archive);
  WriteFile(unnamed, archive);
  for (const std::string& path : {named, unnamed}) {
    SCOPED_TRACE(path);
    Result<std::vector<ReadRecord>> records = ReadFile(path, ReadOptions());
    ASSERT_TRUE(records.ok()) << records.status().ToString();
    ASSERT_EQ(records->size(), 2u);
    EXPECT_EQ((*records)[1].page.url, "http://b.com/two");

    Result<std::unique_ptr<RecordStream>> stream = OpenRecords(path, ReadOptions());
    ASSERT_TRUE(stream.ok());
    int pages = 0;
    while (std::optional<ReadRecord> record = (*stream)->Next()) pages += record->status.ok();
    EXPECT_EQ(pages, 2);
  }
  // ReadBuffer takes the same route.
  Result<std::vector<ReadRecord>> records = ReadBuffer("crawl.warc.gz", archive, ReadOptions());
  ASSERT_TRUE(records.ok());
  EXPECT_EQ(records->size(), 2u);
  // Other formats come through OpenRecords too.
  const std::string page = (directory.path() / "page.html").string();
  WriteFile(page, "<html><body><p>Hi</p></body></html>");
  Result<std::unique_ptr<RecordStream>> stream = OpenRecords(page, ReadOptions());
  ASSERT_TRUE(stream.ok());
  EXPECT_TRUE((*stream)->Next().has_value());
  EXPECT_FALSE((*stream)->Next().has_value());
  EXPECT_FALSE(OpenRecords((directory.path() / "missing.warc").string(), ReadOptions()).ok());
}

TEST(WarcReadFileTest, ArchivePagesPastMaxFileBytesAreRefused) {
  ReadOptions options;
  options.max_file_bytes = 100;
  Result<std::vector<ReadRecord>> records =
      ReadBuffer("a.warc", kFirst + kSecond + kFirst, options);
  ASSERT_TRUE(records.ok());
  ASSERT_EQ(records->size(), 3u);
  EXPECT_FALSE(records->back().status.ok());
}

}  // namespace
}  // namespace newsloom::ingest
