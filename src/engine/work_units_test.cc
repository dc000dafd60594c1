#include "engine/work_units.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace newsloom::engine {
namespace {

namespace fs = std::filesystem;

std::string Response(int number) {
  std::string http = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>Page " +
                     std::to_string(number) + "</p></body></html>";
  return "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://a.com/" +
         std::to_string(number) +
         "\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: " +
         std::to_string(http.size()) + "\r\n\r\n" + http + "\r\n\r\n";
}

class WorkUnitsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) / ("work_units_test_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  ingest::InputFile Write(const std::string& name, const std::string& content) {
    fs::path path = dir_ / name;
    std::ofstream(path, std::ios::binary) << content;
    return {path.string(), Status::Ok()};
  }

  static std::vector<WorkUnit> All(WorkUnitSource& source) {
    std::vector<WorkUnit> units;
    while (std::optional<WorkUnit> unit = source.Next()) {
      units.push_back(std::move(*unit));
      if (units.size() > 1000) break;  // never loop forever
    }
    return units;
  }

  fs::path dir_;
};

TEST_F(WorkUnitsTest, ArchivesComeInBatchesOtherFilesWhole) {
  std::string archive;
  for (int i = 0; i < 17; ++i) archive += Response(i);
  std::vector<ingest::InputFile> files = {
      Write("a.html", "<html><body><p>A page</p></body></html>"),
      Write("b.warc", archive),
      {(dir_ / "missing.html").string(), Status::NotFound("no such file or directory")},
  };
  WorkUnitLimits limits;
  limits.batch_records = 5;
  WorkUnitSource source(files, ingest::ReadOptions(), limits);
  std::vector<WorkUnit> units = All(source);
  ASSERT_EQ(units.size(), 6u);  // a.html, four batches of b.warc (5+5+5+2), missing
  EXPECT_EQ(units[0].kind, WorkUnit::Kind::kWholeFile);
  EXPECT_TRUE(units[0].ends_file);
  size_t records = 0;
  for (size_t i = 1; i <= 4; ++i) {
    EXPECT_EQ(units[i].kind, WorkUnit::Kind::kRecords);
    EXPECT_EQ(units[i].file_index, 1u);
    EXPECT_EQ(units[i].ends_file, i == 4);
    EXPECT_LE(units[i].records.size(), 5u);
    records += units[i].records.size();
  }
  EXPECT_EQ(records, 17u);
  EXPECT_EQ(units[1].records[0].page.url, "http://a.com/0");
  EXPECT_EQ(units[4].records.back().page.url, "http://a.com/16");
  EXPECT_EQ(units[5].kind, WorkUnit::Kind::kFailed);
  EXPECT_EQ(units[5].status.code(), Status::Code::kNotFound);
}

TEST_F(WorkUnitsTest, ABatchClosesAtItsByteLimit) {
  std::string archive;
  for (int i = 0; i < 6; ++i) archive += Response(i);
  WorkUnitLimits limits;
  limits.batch_bytes = 1;  // every page is over it: one record a batch
  WorkUnitSource source({Write("b.warc", archive)}, ingest::ReadOptions(), limits);
  std::vector<WorkUnit> units = All(source);
  // Six batches of one record, then the empty one that finds the end.
  ASSERT_EQ(units.size(), 7u);
  for (size_t i = 0; i < 6; ++i) EXPECT_EQ(units[i].records.size(), 1u);
  EXPECT_TRUE(units[6].records.empty());
  EXPECT_TRUE(units[6].ends_file);
}

TEST_F(WorkUnitsTest, ContentTellsAnArchiveWithoutSuffixAboveTheSniffSize) {
  const ingest::InputFile file = Write("archive.dat", Response(1) + Response(2));
  WorkUnitLimits limits;
  limits.sniff_above_bytes = 0;
  WorkUnitSource sniffed({file}, ingest::ReadOptions(), limits);
  std::vector<WorkUnit> units = All(sniffed);
  ASSERT_EQ(units.size(), 1u);
  EXPECT_EQ(units[0].kind, WorkUnit::Kind::kRecords);
  EXPECT_EQ(units[0].records.size(), 2u);

  limits.sniff_above_bytes = size_t(1) << 20;  // small: read whole by the worker
  WorkUnitSource whole({file}, ingest::ReadOptions(), limits);
  units = All(whole);
  ASSERT_EQ(units.size(), 1u);
  EXPECT_EQ(units[0].kind, WorkUnit::Kind::kWholeFile);
}

TEST_F(WorkUnitsTest, AnArchiveWithoutPagesFails) {
  WorkUnitSource source({Write("empty.warc.gz", "")}, ingest::ReadOptions());
  std::vector<WorkUnit> units = All(source);
  ASSERT_EQ(units.size(), 1u);
  EXPECT_EQ(units[0].kind, WorkUnit::Kind::kFailed);
  EXPECT_EQ(units[0].status.message(), "no page in WARC archive");
}

}  // namespace
}  // namespace newsloom::engine
