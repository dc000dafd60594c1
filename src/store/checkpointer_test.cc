#include "store/checkpointer.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>

namespace newsloom::store {
namespace {

class CheckpointerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    directory_ = std::filesystem::temp_directory_path() /
                 ("newsloom_checkpointer_test_" + std::to_string(::getpid()) + "_" +
                  ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(directory_);
    std::filesystem::create_directories(directory_);
    path_ = (directory_ / "db.sqlite").string();
    auto writer = Connection::Open(path_);
    ASSERT_TRUE(writer.ok());
    writer_ = std::move(*writer);
    ASSERT_TRUE(writer_->Exec("PRAGMA journal_mode = WAL; CREATE TABLE t (x TEXT)").ok());
  }
  void TearDown() override {
    writer_.reset();
    std::filesystem::remove_all(directory_);
  }

  // Commits about `pages` pages of rows, one commit per page.
  void Write(int pages) {
    for (int i = 0; i < pages; ++i) {
      ASSERT_TRUE(writer_->Exec("INSERT INTO t VALUES (printf('%.4000c', 'x'))").ok());
    }
  }

  // Whether the database file (not its log) grows past `bytes` within 10 s.
  bool DatabaseGrowsPast(uintmax_t bytes) {
    for (int i = 0; i < 1000; ++i) {
      if (std::filesystem::file_size(path_) > bytes) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return false;
  }

  std::filesystem::path directory_;
  std::string path_;
  std::unique_ptr<Connection> writer_;
};

TEST_F(CheckpointerTest, CopiesTheLogIntoTheDatabaseOnItsOwnThread) {
  const uintmax_t before = std::filesystem::file_size(path_);
  auto checkpointer = Checkpointer::Start(path_, *writer_, /*pages=*/20);
  ASSERT_TRUE(checkpointer.ok()) << checkpointer.status().ToString();
  // Far below SQLite's own threshold of 1000 pages: only the Checkpointer
  // copies these into the database file.
  Write(60);
  EXPECT_TRUE(DatabaseGrowsPast(before + 20 * 4096));
  checkpointer->reset();
  Write(5);  // SQLite's own checkpoints are back, and the hook is gone
}

TEST_F(CheckpointerTest, LeavesTheLogAloneBelowItsThreshold) {
  const uintmax_t before = std::filesystem::file_size(path_);
  auto checkpointer = Checkpointer::Start(path_, *writer_, /*pages=*/500);
  ASSERT_TRUE(checkpointer.ok());
  Write(60);
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  EXPECT_EQ(std::filesystem::file_size(path_), before);
}

TEST_F(CheckpointerTest, ReportsADatabaseItCannotOpen) {
  auto checkpointer =
      Checkpointer::Start((directory_ / "missing" / "db.sqlite").string(), *writer_);
  EXPECT_FALSE(checkpointer.ok());
}

}  // namespace
}  // namespace newsloom::store
