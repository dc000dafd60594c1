#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "ingest/ingest.h"
#include "ingest/testing.h"

namespace newsloom::ingest {
namespace {

namespace fs = std::filesystem;
using testing::GzipCompress;
using testing::TestDirectory;
using testing::WriteFile;

// The paths of `inputs` relative to `root`, with their status codes.
std::vector<std::string> Describe(const std::vector<InputFile>& inputs, const fs::path& root) {
  std::vector<std::string> described;
  for (const InputFile& input : inputs) {
    std::string path = fs::path(input.path).lexically_relative(root).generic_string();
    described.push_back(input.status.ok() ? path : path + " " + input.status.ToString());
  }
  return described;
}

TEST(IdFromPathTest, DropsTheCompressionThenOneFormatSuffix) {
  EXPECT_EQ(IdFromPath("pages/a1.html.gz"), "a1");
  EXPECT_EQ(IdFromPath("seeds/001.txt"), "001");
  EXPECT_EQ(IdFromPath("feed.JSONL"), "feed");
  // A page whose name ends in ".json" before its real suffix keeps it.
  EXPECT_EQ(IdFromPath("/data/lemire.me.json.html.gz"), "lemire.me.json");
  EXPECT_EQ(IdFromPath("archive.warc.gz"), "archive");
  EXPECT_EQ(IdFromPath(".html"), ".html");  // nothing would be left
}

TEST(IngestInputsTest, WalksDirectoriesRecursivelyInOrder) {
  TestDirectory directory;
  const fs::path& root = directory.path();
  for (const char* file : {"b.html", "a/z.txt", "a/b/c.jsonl", "a.html.gz", "c/d/e/f.txt",
                           ".hidden.html", ".git/config", "a/.cache/x.html", "empty/.keep"}) {
    WriteFile(root / file, "x");
  }
  fs::create_directories(root / "empty_directory");

  std::vector<InputFile> inputs = ListInputs({root.string()});
  EXPECT_EQ(Describe(inputs, root), (std::vector<std::string>{"a/b/c.jsonl", "a/z.txt", "a.html.gz",
                                                              "b.html", "c/d/e/f.txt"}));
}

TEST(IngestInputsTest, KeepsTheOrderOfItsArguments) {
  TestDirectory directory;
  const fs::path& root = directory.path();
  WriteFile(root / "one.html", "x");
  WriteFile(root / "dir/two.html", "x");
  WriteFile(root / "dir/three.html", "x");
  WriteFile(root / ".explicit.html", "x");

  std::vector<InputFile> inputs =
      ListInputs({(root / "one.html").string(), (root / "missing.html").string(),
                  (root / "dir").string(), (root / ".explicit.html").string(), ""});
  EXPECT_EQ(Describe(inputs, root),
            (std::vector<std::string>{
                "one.html", "missing.html NotFound: no such file or directory", "dir/three.html",
                "dir/two.html", ".explicit.html", " NotFound: no such file or directory"}));
  EXPECT_EQ(inputs[1].status.code(), Status::Code::kNotFound);
  EXPECT_EQ(inputs[1].status.message(), "no such file or directory");
  EXPECT_EQ(inputs[1].path, (root / "missing.html").string());
}

TEST(IngestInputsTest, SymlinkLoopsAreSafe) {
  TestDirectory directory;
  const fs::path& root = directory.path();
  WriteFile(root / "news/a.html", "x");
  WriteFile(root / "elsewhere/b.html", "x");
  fs::create_directory_symlink(root / "news", root / "news/loop");         // to itself
  fs::create_directory_symlink(root, root / "news/up");                    // to its parent
  fs::create_directory_symlink(root / "elsewhere", root / "news/linked");  // followed
  fs::create_directory_symlink(root / "elsewhere", root / "news/twice");   // walked once
  fs::create_symlink(root / "news/a.html", root / "news/alias.html");      // a file link
  fs::create_symlink(root / "nowhere", root / "news/dangling.html");
  fs::create_symlink(root / "news/cycle1", root / "news/cycle2");
  fs::create_symlink(root / "news/cycle2", root / "news/cycle1");

  std::vector<InputFile> inputs = ListInputs({(root / "news").string()});
  EXPECT_EQ(Describe(inputs, root),
            (std::vector<std::string>{"news/a.html", "news/alias.html", "news/linked/b.html"}));
}

TEST(IngestInputsTest, DirectoryReachedTwiceIsListedUnderItsRealPath) {
  TestDirectory directory;
  const fs::path& root = directory.path();
  WriteFile(root / "zz/page.html", "x");
  fs::create_directory_symlink(root / "zz", root / "a_link");  // sorts first, but yields
  fs::create_directory_symlink(root / "zz", root / "b_link");

  std::vector<InputFile> inputs = ListInputs({root.string()});
  EXPECT_EQ(Describe(inputs, root), (std::vector<std::string>{"zz/page.html"}));
}

TEST(IngestInputsTest, UnreadableDirectoryIsReported) {
  if (geteuid() == 0) GTEST_SKIP() << "root reads every directory";
  TestDirectory directory;
  const fs::path& root = directory.path();
  WriteFile(root / "locked/a.html", "x");
  WriteFile(root / "open/b.html", "x");
  fs::permissions(root / "locked", fs::perms::none);
  std::vector<InputFile> inputs = ListInputs({root.string()});
  fs::permissions(root / "locked", fs::perms::owner_all);
  ASSERT_EQ(inputs.size(), 2u);
  EXPECT_EQ(inputs[0].status.code(), Status::Code::kIOError);
  EXPECT_TRUE(inputs[1].status.ok());
}

TEST(IngestReadFileTest, ReadsFilesFromDisk) {
  TestDirectory directory;
  const fs::path& root = directory.path();
  const std::string page = "<html><body><p>Read from disk.</p></body></html>";
  WriteFile(root / "page.html.gz", GzipCompress(page));
  WriteFile(root / "plain.txt", "Plain text page.\n");

  Result<std::vector<ReadRecord>> result = ReadFile((root / "page.html.gz").string(), {});
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  ASSERT_EQ(result->size(), 1u);
  EXPECT_EQ(result->front().page.body, page);
  EXPECT_EQ(result->front().page.id, "page");
  EXPECT_EQ(result->front().page.origin, (root / "page.html.gz").string());
  EXPECT_EQ(result->front().page.format, RawPage::Format::kHtml);

  result = ReadFile((root / "plain.txt").string(), {});
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_EQ(result->front().page.format, RawPage::Format::kText);
}

TEST(IngestReadFileTest, RefusesBadFiles) {
  TestDirectory directory;
  const fs::path& root = directory.path();
  std::string truncated = GzipCompress(std::string(5000, 'a') + "<html>");
  truncated.resize(truncated.size() / 2);
  WriteFile(root / "truncated.html.gz", truncated);
  WriteFile(root / "bomb.html.gz", GzipCompress(std::string(size_t(3) << 20, '<')));
  WriteFile(root / "large.html", std::string(size_t(3) << 20, 'x'));
  WriteFile(root / "empty.html", "");
  fs::create_directories(root / "directory.html");
  ReadOptions options;
  options.max_file_bytes = size_t(2) << 20;

  const struct {
    const char* file;
    Status::Code code;
    const char* message;
  } kCases[] = {
      {"missing.html", Status::Code::kNotFound, "no such file or directory"},
      {"directory.html", Status::Code::kIOError, "is a directory"},
      {"empty.html", Status::Code::kInvalidArgument, "empty file"},
      {"truncated.html.gz", Status::Code::kCorruption, "truncated gzip stream"},
      {"bomb.html.gz", Status::Code::kInvalidArgument, "larger than 2 MB after decompression"},
      {"large.html", Status::Code::kInvalidArgument, "file of 3 MB exceeds the limit of 2 MB"},
  };
  for (const auto& test : kCases) {
    SCOPED_TRACE(test.file);
    Result<std::vector<ReadRecord>> result = ReadFile((root / test.file).string(), options);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.status().code(), test.code) << result.status().ToString();
    EXPECT_EQ(result.status().message(), test.message);
  }
}

}  // namespace
}  // namespace newsloom::ingest
