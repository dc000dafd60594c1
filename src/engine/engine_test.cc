#include "newsloom/engine.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>

#include "common/time.h"
#include "extract/extract.h"
#include "ingest/ingest.h"

namespace newsloom {
namespace {

namespace fs = std::filesystem;

class EngineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) / ("engine_test_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "pages");
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& content) {
    fs::path path = dir_ / name;
    std::ofstream(path, std::ios::binary) << content;
    return path.string();
  }

  std::vector<ExtractedInput> ExtractAll(const std::vector<std::string>& paths, int jobs,
                                         ExtractSummary* summary) {
    Options options;
    options.jobs = jobs;
    auto engine = Engine::Open(options);
    EXPECT_TRUE(engine.ok());
    std::vector<ExtractedInput> inputs;
    ExtractCallbacks callbacks;
    callbacks.on_input = [&](const ExtractedInput& input) { inputs.push_back(input); };
    *summary = (*engine)->Extract(paths, callbacks);
    return inputs;
  }

  fs::path dir_;
};

constexpr char kPage[] =
    "<html><head><title>Storm closes ports</title></head><body><article>"
    "<p>A storm closed the main ports on the coast on Monday, stranding dozens of ships.</p>"
    "<p>Officials said the ports would reopen once the winds had dropped below gale force.</p>"
    "</article></body></html>";

TEST_F(EngineTest, ReportsEveryInputInOrderAndCarriesOnAfterErrors) {
  Write("pages/a.html", kPage);
  Write("pages/b.txt",
        "Headline of a text page\n\nThe first paragraph of the text page says a lot.\n");
  Write("pages/c.jsonl",
        "{\"id\": \"r1\", \"title\": \"One\", \"text\": \"First record.\"}\n"
        "not json\n"
        "{\"id\": \"r2\", \"title\": \"Two\", \"maintext\": \"Second record.\"}\n");
  std::string missing = (dir_ / "missing.html").string();

  for (int jobs : {1, 2, 4}) {
    ExtractSummary summary;
    auto inputs = ExtractAll({(dir_ / "pages").string(), missing}, jobs, &summary);
    ASSERT_EQ(inputs.size(), 6u) << "jobs=" << jobs;
    EXPECT_TRUE(inputs[0].status.ok());
    EXPECT_EQ(inputs[0].articles.at(0).id, "a");
    EXPECT_EQ(inputs[1].articles.at(0).id, "b");
    EXPECT_EQ(inputs[2].articles.at(0).id, "r1");
    EXPECT_FALSE(inputs[3].status.ok());  // "not json"
    EXPECT_EQ(inputs[4].articles.at(0).id, "r2");
    EXPECT_EQ(inputs[4].articles.at(0).Text(), "Second record.");
    EXPECT_EQ(inputs[5].status.code(), Status::Code::kNotFound);
    EXPECT_EQ(summary.inputs, 6u);
    EXPECT_EQ(summary.failed, 2u);
    EXPECT_EQ(summary.articles, 4u);
  }
}

TEST_F(EngineTest, ManyFilesKeepTheirOrderAcrossWorkers) {
  std::vector<std::string> expected;
  for (int i = 0; i < 60; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "pages/p%03d.html", i);
    Write(name, kPage);
    expected.push_back(std::string(name).substr(6, 4));
  }
  ExtractSummary summary;
  auto inputs = ExtractAll({(dir_ / "pages").string()}, 3, &summary);
  ASSERT_EQ(inputs.size(), expected.size());
  for (size_t i = 0; i < inputs.size(); ++i) {
    ASSERT_EQ(inputs[i].articles.size(), 1u);
    EXPECT_EQ(inputs[i].articles[0].id, expected[i]);
    EXPECT_NE(inputs[i].articles[0].Text().find("storm closed"), std::string::npos);
  }
}

// A WARC response record holding `html` (one CC-NEWS record).
std::string WarcResponse(int number, const std::string& html) {
  std::string http = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html;
  std::string record = "WARC/1.0\r\nWARC-Type: response\r\n";
  record += "WARC-Target-URI: https://news.example.com/" + std::to_string(number) + "\r\n";
  record += "WARC-Date: 2019-11-20T10:00:00Z\r\n";
  record += "Content-Type: application/http; msgtype=response\r\n";
  record += "Content-Length: " + std::to_string(http.size()) + "\r\n\r\n";
  return record + http + "\r\n\r\n";
}

// Appends `bytes` to `path` as one more gzip member.
void AppendGzipMember(const std::string& path, const std::string& bytes) {
  gzFile file = gzopen(path.c_str(), "ab");
  ASSERT_NE(file, nullptr);
  ASSERT_EQ(gzwrite(file, bytes.data(), unsigned(bytes.size())), int(bytes.size()));
  ASSERT_EQ(gzclose(file), Z_OK);
}

// An archive far larger than one batch of streamed records, with a broken
// record inside: the engine's streamed reading gives, record for record, what
// reading the whole archive at once (ingest::ReadFile) and extracting gives.
TEST_F(EngineTest, StreamedWarcGivesWhatReadingItWholeGives) {
  const std::string path = (dir_ / "cc-news.warc.gz").string();
  AppendGzipMember(path,
                   "WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 4\r\n\r\ntest\r\n\r\n");
  const int kRecords = 700;
  for (int i = 0; i < kRecords; ++i) {
    std::string html = "<html><head><title>Storm report " + std::to_string(i) +
                       "</title></head><body><article><p>Storm number " + std::to_string(i) +
                       " closed the ports on the coast, stranding dozens of ships for days.</p>"
                       "<p>Officials said the ports would reopen once the winds had dropped.</p>"
                       "</article></body></html>";
    AppendGzipMember(path, WarcResponse(i, html));
    if (i == 333) AppendGzipMember(path, "WARC/1.0\r\nWARC-Type: response\r\n\r\n");
  }

  auto whole = ingest::ReadFile(path, ingest::ReadOptions());
  ASSERT_TRUE(whole.ok()) << whole.status().ToString();
  ASSERT_EQ(whole->size(), size_t(kRecords) + 1);
  std::vector<std::pair<std::string, std::string>> expected;  // (origin, id or error)
  for (const ingest::ReadRecord& record : *whole) {
    if (!record.status.ok()) {
      expected.emplace_back(record.page.origin, record.status.message());
      continue;
    }
    auto articles = extract::ExtractPage(record.page, Now());
    ASSERT_TRUE(articles.ok());
    ASSERT_EQ(articles->size(), 1u);
    expected.emplace_back(record.page.origin, articles->front().id + " " + articles->front().url +
                                                  " " + articles->front().Text());
  }

  for (int jobs : {1, 3}) {
    ExtractSummary summary;
    auto inputs = ExtractAll({path}, jobs, &summary);
    ASSERT_EQ(inputs.size(), expected.size()) << "jobs=" << jobs;
    for (size_t i = 0; i < inputs.size(); ++i) {
      EXPECT_EQ(inputs[i].origin, expected[i].first);
      if (!inputs[i].status.ok()) {
        EXPECT_EQ(inputs[i].status.message(), expected[i].second);
        continue;
      }
      ASSERT_EQ(inputs[i].articles.size(), 1u);
      const Article& article = inputs[i].articles[0];
      EXPECT_EQ(article.id + " " + article.url + " " + article.Text(), expected[i].second);
    }
    EXPECT_EQ(summary.inputs, size_t(kRecords) + 1);
    EXPECT_EQ(summary.failed, 1u);
    EXPECT_EQ(summary.articles, size_t(kRecords));
  }
  // The broken record's message names its offset in the archive.
  EXPECT_NE(expected[334].second.find("WARC record at offset "), std::string::npos)
      << expected[334].second;
}

TEST_F(EngineTest, AnEmptyArchiveIsOneFailedInput) {
  const std::string empty = Write("empty.warc", "");
  ExtractSummary summary;
  auto inputs = ExtractAll({empty, Write("a.html", kPage)}, 2, &summary);
  ASSERT_EQ(inputs.size(), 2u);
  EXPECT_EQ(inputs[0].origin, empty);
  EXPECT_EQ(inputs[0].status.message(), "no page in WARC archive");
  EXPECT_EQ(inputs[1].articles.at(0).id, "a");
}

TEST_F(EngineTest, OpenRefusesBadOptions) {
  Options options;
  options.jobs = -1;
  EXPECT_FALSE(Engine::Open(options).ok());
}

TEST_F(EngineTest, AnalyzeSetsLanguageAndCategory) {
  std::string page = Write("pages/a.html", kPage);
  Options options;
  options.jobs = 2;
  options.analyze = true;
  auto engine = Engine::Open(options);
  ASSERT_TRUE(engine.ok()) << engine.status().ToString();
  std::vector<Article> articles;
  ExtractCallbacks callbacks;
  callbacks.on_input = [&](const ExtractedInput& input) {
    for (const Article& article : input.articles) articles.push_back(article);
  };
  (*engine)->Extract({page}, callbacks);
  ASSERT_EQ(articles.size(), 1u);
  EXPECT_EQ(articles[0].language, "en");
  EXPECT_GT(articles[0].language_confidence, 0.5f);
  EXPECT_EQ(articles[0].is_news, !articles[0].category.empty());
}

TEST_F(EngineTest, OpenRefusesABadCategoryModel) {
  Options options;
  options.analyze = true;
  options.category_model = Write("bad.model", "this is not a model");
  auto engine = Engine::Open(options);
  ASSERT_FALSE(engine.ok());
  EXPECT_NE(engine.status().message().find("bad.model"), std::string::npos);

  options.analyze = false;  // the model is only read when analysis is on
  EXPECT_TRUE(Engine::Open(options).ok());
}

}  // namespace
}  // namespace newsloom
