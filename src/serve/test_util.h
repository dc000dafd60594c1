// Shared helpers for the serve tests: a store in a fresh temporary directory.
#ifndef NEWSLOOM_SERVE_TEST_UTIL_H_
#define NEWSLOOM_SERVE_TEST_UTIL_H_

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>

#include "store/store.h"

namespace newsloom::serve {

class TemporaryStore {
 public:
  TemporaryStore() {
    const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
    directory_ = std::filesystem::temp_directory_path() /
                 ("newsloom_serve_" + std::to_string(getpid()) + "_" + test->name());
    std::filesystem::remove_all(directory_);
    auto store = store::OpenSqliteStore(directory_.string());
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    if (store.ok()) store_ = std::move(*store);
  }
  ~TemporaryStore() {
    store_.reset();
    std::filesystem::remove_all(directory_);
  }
  store::Store& operator*() { return *store_; }
  store::Store* operator->() { return store_.get(); }
  const std::filesystem::path& directory() const { return directory_; }

 private:
  std::filesystem::path directory_;
  std::unique_ptr<store::Store> store_;
};

inline Article TestArticle(const std::string& id, const std::string& title,
                           const std::string& text) {
  Article article;
  article.id = id;
  article.title = title;
  article.url = "https://news.example/" + id;
  article.source = "news.example";
  article.language = "en";
  article.category = "society";
  article.published = Timestamp{1727049600, 0, true, Timestamp::Precision::kSecond};
  article.paragraphs = {{Paragraph::Kind::kText, text}};
  return article;
}

}  // namespace newsloom::serve

#endif  // NEWSLOOM_SERVE_TEST_UTIL_H_
