// Reads the evaluation data in ../shared/data (outside the repository):
// skipped, with a message, where it is not present.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "common/utf8.h"
#include "ingest/ingest.h"

namespace newsloom::ingest {
namespace {

namespace fs = std::filesystem;
using Format = RawPage::Format;

const fs::path kDataDirectory = NEWSLOOM_SHARED_DATA_DIR;

// Reads every file under `directory` and checks each gives ok pages of
// `format` in valid UTF-8; returns how many pages were read.
size_t ExpectAllRead(const fs::path& directory, Format format) {
  size_t pages = 0;
  std::vector<InputFile> inputs = ListInputs({directory.string()});
  EXPECT_FALSE(inputs.empty()) << directory;
  for (const InputFile& input : inputs) {
    SCOPED_TRACE(input.path);
    EXPECT_TRUE(input.status.ok()) << input.status.ToString();
    Result<std::vector<ReadRecord>> result = ReadFile(input.path, ReadOptions());
    EXPECT_TRUE(result.ok()) << result.status().ToString();
    if (!result.ok()) continue;
    for (const ReadRecord& record : *result) {
      EXPECT_TRUE(record.status.ok()) << record.status.ToString();
      EXPECT_EQ(record.page.format, format);
      EXPECT_FALSE(record.page.body.empty());
      EXPECT_TRUE(IsValidUtf8(record.page.body));
      ++pages;
    }
  }
  return pages;
}

TEST(IngestSharedDataTest, ScrapinghubPagesReadAsHtml) {
  fs::path directory = kDataDirectory / "extract/scrapinghub/html";
  if (!fs::is_directory(directory)) GTEST_SKIP() << directory << " is missing";
  EXPECT_EQ(ExpectAllRead(directory, Format::kHtml), 87u);
}

TEST(IngestSharedDataTest, SeedsReadAsText) {
  fs::path directory = kDataDirectory / "seeds";
  if (!fs::is_directory(directory)) GTEST_SKIP() << directory << " is missing";
  EXPECT_EQ(ExpectAllRead(directory, Format::kText), 5u);
}

TEST(IngestSharedDataTest, Giveme5w1hReadsAsRecords) {
  fs::path path = kDataDirectory / "cluster/giveme5w1h.jsonl";
  if (!fs::is_regular_file(path)) GTEST_SKIP() << path << " is missing";
  Result<std::vector<ReadRecord>> result = ReadFile(path.string(), ReadOptions());
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_EQ(result->size(), 255u);
  for (const ReadRecord& record : *result) {
    SCOPED_TRACE(record.page.origin);
    EXPECT_TRUE(record.status.ok()) << record.status.ToString();
    EXPECT_EQ(record.page.format, Format::kRecord);
    EXPECT_FALSE(record.page.title.empty());
    EXPECT_FALSE(record.page.url.empty());
    EXPECT_FALSE(record.page.body.empty());
    EXPECT_FALSE(record.page.source_domain.empty());
    EXPECT_TRUE(IsValidUtf8(record.page.body));
    EXPECT_TRUE(IsValidUtf8(record.page.title));
  }
}

}  // namespace
}  // namespace newsloom::ingest
