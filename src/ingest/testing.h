// Test helpers shared by the ingest tests: fixtures are built in the tests
// themselves (gzip members, pages in legacy charsets, files in a temp dir).
// Not thread-safe; for tests only.
#ifndef NEWSLOOM_INGEST_TESTING_H_
#define NEWSLOOM_INGEST_TESTING_H_

#include <gtest/gtest.h>
#include <iconv.h>
#include <unistd.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <system_error>

namespace newsloom::ingest::testing {

// One gzip member holding `data` (zlib's compress() writes the zlib format,
// not gzip, hence deflateInit2 with 16 added to the window bits).
inline std::string GzipCompress(std::string_view data) {
  z_stream stream{};
  EXPECT_EQ(deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY),
            Z_OK);
  std::string output(deflateBound(&stream, uLong(data.size())), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = uInt(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(output.data());
  stream.avail_out = uInt(output.size());
  EXPECT_EQ(deflate(&stream, Z_FINISH), Z_STREAM_END);
  output.resize(stream.total_out);
  deflateEnd(&stream);
  return output;
}

// `utf8` encoded in `charset` with iconv, to make legacy-charset fixtures.
inline std::string EncodeFromUtf8(std::string_view utf8, const char* charset) {
  iconv_t converter = iconv_open(charset, "UTF-8");
  EXPECT_NE(converter, reinterpret_cast<iconv_t>(-1)) << charset;
  if (converter == reinterpret_cast<iconv_t>(-1)) return "";
  std::string output(utf8.size() * 4 + 16, '\0');
  char* input = const_cast<char*>(utf8.data());
  size_t input_left = utf8.size();
  char* output_position = output.data();
  size_t output_left = output.size();
  EXPECT_NE(iconv(converter, &input, &input_left, &output_position, &output_left), size_t(-1))
      << charset;
  EXPECT_NE(iconv(converter, nullptr, nullptr, &output_position, &output_left), size_t(-1));
  iconv_close(converter);
  output.resize(size_t(output_position - output.data()));
  return output;
}

// A fresh, empty directory under ::testing::TempDir(), named after the
// running test, removed with everything in it when this goes out of scope.
class TestDirectory {
 public:
  TestDirectory() {
    const ::testing::TestInfo* test = ::testing::UnitTest::GetInstance()->current_test_info();
    path_ = std::filesystem::path(::testing::TempDir()) /
            ("newsloom_ingest_" + std::string(test->test_suite_name()) + "_" + test->name() + "_" +
             std::to_string(getpid()));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TestDirectory() {
    std::error_code error;
    std::filesystem::remove_all(path_, error);
  }
  TestDirectory(const TestDirectory&) = delete;
  TestDirectory& operator=(const TestDirectory&) = delete;

  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// Writes `content` to `path`, creating its parent directories.
inline void WriteFile(const std::filesystem::path& path, std::string_view content) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream file(path, std::ios::binary);
  file.write(content.data(), std::streamsize(content.size()));
  ASSERT_TRUE(file.good()) << path;
}

}  // namespace newsloom::ingest::testing

#endif  // NEWSLOOM_INGEST_TESTING_H_
