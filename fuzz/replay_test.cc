// Replays the fuzz seeds (fuzz/corpus/, fuzz/http-corpus/) and every input a fuzzer ever crashed
// on (fuzz/regressions/) through the fuzz targets' entry point, in an ordinary
// build: a crash fixed stays fixed, and the Articles made from hostile input
// keep their invariants (valid UTF-8, no empty paragraph). One test per file,
// named after it.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fuzz/fuzz_entry.h"
#include "fuzz/http_entry.h"

namespace newsloom::fuzz {
namespace {

constexpr std::string_view kHttpPrefix = "fuzz_http_request-";

// The seeds and regressions of the pipeline targets, or of fuzz_http_request.
bool IsHttpInput(const std::filesystem::path& path) {
  return path.parent_path().filename() == "http-corpus" ||
         path.filename().string().starts_with(kHttpPrefix);
}

std::vector<std::filesystem::path> InputFiles(bool http) {
  std::vector<std::filesystem::path> files;
  for (const char* directory : {"fuzz/corpus", "fuzz/http-corpus", "fuzz/regressions"}) {
    std::filesystem::path root = std::filesystem::path(NEWSLOOM_SOURCE_DIR) / directory;
    std::error_code error;
    if (!std::filesystem::is_directory(root, error)) continue;
    for (const auto& entry : std::filesystem::directory_iterator(root, error)) {
      if (entry.is_regular_file() && entry.path().filename().string().front() != '.' &&
          IsHttpInput(entry.path()) == http) {
        files.push_back(entry.path());
      }
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string ReadBytes(const std::filesystem::path& path) {
  std::ifstream file(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
}

// "corpus/nested-divs.html" -> "corpus_nested_divs_html": test names allow [A-Za-z0-9_].
std::string TestName(const std::filesystem::path& path) {
  std::string name = path.parent_path().filename().string() + "_" + path.filename().string();
  for (char& c : name) {
    bool alphanumeric = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!alphanumeric) c = '_';
  }
  return name;
}

TEST(FuzzReplayTest, CorpusIsThere) {
  size_t seeds = 0;
  for (const std::filesystem::path& path : InputFiles(false)) {
    if (path.parent_path().filename() == "corpus") ++seeds;
  }
  EXPECT_GE(seeds, 10u) << "seeds missing under " << NEWSLOOM_SOURCE_DIR << "/fuzz/corpus";
  EXPECT_GE(InputFiles(true).size(), 3u) << "seeds missing under fuzz/http-corpus";
}

class ReplayTest : public ::testing::TestWithParam<std::filesystem::path> {};

// The names to replay a file under: a regression, "<target>-<what>", under its
// target's name; a seed under all of them.
std::vector<std::string_view> NamesFor(const std::filesystem::path& path) {
  static constexpr std::pair<std::string_view, std::string_view> kTargets[] = {
      {"fuzz_extract_html-", kHtmlName},  //
      {"fuzz_extract_text-", kTextName},  //
      {"fuzz_read_jsonl-", kJsonLinesName}, {"fuzz_read_gzip-", kGzipName},
      {"fuzz_read_warc-", kWarcName},       {"fuzz_read_feed-", kFeedName},
  };
  const std::string file_name = path.filename().string();
  for (const auto& [prefix, name] : kTargets) {
    if (file_name.starts_with(prefix)) return {name};
  }
  return {std::begin(kAllNames), std::end(kAllNames)};
}

TEST_P(ReplayTest, EveryTargetKeepsTheArticleInvariants) {
  const std::string bytes = ReadBytes(GetParam());
  for (std::string_view name : NamesFor(GetParam())) {
    SCOPED_TRACE(std::string(name));
    PipelineOutput output = RunPipeline(name, bytes);
    EXPECT_EQ(CheckArticles(output.articles), "");
    EXPECT_LE(output.failed, output.records);
  }
}

class HttpReplayTest : public ::testing::TestWithParam<std::filesystem::path> {};

TEST_P(HttpReplayTest, RequestParseKeepsItsInvariants) {
  EXPECT_EQ(CheckRequestParse(ReadBytes(GetParam())), "");
}

std::string ParamName(const ::testing::TestParamInfo<std::filesystem::path>& info) {
  return TestName(info.param);
}

// CorpusIsThere fails when the directories are empty; no second failure for that.
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(ReplayTest);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(HttpReplayTest);
INSTANTIATE_TEST_SUITE_P(Inputs, ReplayTest, ::testing::ValuesIn(InputFiles(false)), ParamName);
INSTANTIATE_TEST_SUITE_P(Inputs, HttpReplayTest, ::testing::ValuesIn(InputFiles(true)), ParamName);

}  // namespace
}  // namespace newsloom::fuzz
