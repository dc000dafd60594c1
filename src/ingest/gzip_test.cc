#include "ingest/gzip.h"

#include <gtest/gtest.h>

#include <string>

#include "ingest/testing.h"

namespace newsloom::ingest {
namespace {

using testing::GzipCompress;

const std::string kPage = "<html><body><p>Tokyo and London share an interest.</p></body></html>";

struct GunzipCase {
  const char* description;
  std::string compressed;
  size_t max_output_bytes;
  Status::Code code;
  std::string expected;  // the output when ok, else a prefix of the message
};

std::string Truncated(std::string bytes, size_t removed) {
  bytes.resize(bytes.size() - removed);
  return bytes;
}

// Flips bits in the deflate data, past the 10-byte gzip header.
std::string Damaged(std::string bytes) {
  for (size_t i = 10; i < bytes.size() - 8; i += 3) bytes[i] = char(bytes[i] ^ 0x5A);
  return bytes;
}

TEST(IngestGzipTest, Gunzip) {
  const std::string zeros(size_t(300) << 10, '\0');
  const GunzipCase kCases[] = {
      {"round trip", GzipCompress(kPage), 1 << 20, Status::Code::kOk, kPage},
      {"empty member", GzipCompress(""), 1 << 20, Status::Code::kOk, ""},
      {"concatenated members", GzipCompress("first ") + GzipCompress("second"), 1 << 20,
       Status::Code::kOk, "first second"},
      {"trailing zeros ignored", GzipCompress(kPage) + std::string(16, '\0'), 1 << 20,
       Status::Code::kOk, kPage},
      {"output exactly at the limit", GzipCompress(kPage), kPage.size(), Status::Code::kOk, kPage},
      {"truncated trailer", Truncated(GzipCompress(kPage), 4), 1 << 20, Status::Code::kCorruption,
       "truncated gzip stream"},
      {"truncated data", Truncated(GzipCompress(kPage), 30), 1 << 20, Status::Code::kCorruption,
       "truncated gzip stream"},
      {"header only", GzipCompress(kPage).substr(0, 10), 1 << 20, Status::Code::kCorruption,
       "truncated gzip stream"},
      {"second member truncated", GzipCompress("a") + Truncated(GzipCompress("b"), 5), 1 << 20,
       Status::Code::kCorruption, "truncated gzip stream"},
      {"corrupt data", Damaged(GzipCompress(kPage + kPage)), 1 << 20, Status::Code::kCorruption,
       "corrupt gzip data: "},
      {"bomb over the limit", GzipCompress(zeros), size_t(100) << 10,
       Status::Code::kInvalidArgument, "larger than 100 KB after decompression"},
      {"one byte over the limit", GzipCompress(kPage), kPage.size() - 1,
       Status::Code::kInvalidArgument, "larger than"},
  };
  for (const GunzipCase& test : kCases) {
    SCOPED_TRACE(test.description);
    ASSERT_TRUE(HasGzipMagic(test.compressed));
    Result<std::string> result = Gunzip(test.compressed, test.max_output_bytes);
    EXPECT_EQ(result.status().code(), test.code) << result.status().ToString();
    if (result.ok()) {
      EXPECT_EQ(*result, test.expected);
    } else {
      EXPECT_TRUE(result.status().message().starts_with(test.expected))
          << result.status().message();
    }
  }
}

TEST(IngestGzipTest, LargeOutputGrowsPastTheFirstBuffer) {
  std::string text;
  for (int i = 0; i < 200000; ++i) text += "line " + std::to_string(i) + "\n";
  Result<std::string> result = Gunzip(GzipCompress(text), size_t(64) << 20);
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_EQ(*result, text);
}

TEST(IngestGzipTest, HasGzipMagic) {
  EXPECT_TRUE(HasGzipMagic("\x1F\x8B\x08"));
  EXPECT_FALSE(HasGzipMagic("\x1F"));
  EXPECT_FALSE(HasGzipMagic("<html>"));
  EXPECT_FALSE(HasGzipMagic(""));
}

}  // namespace
}  // namespace newsloom::ingest
