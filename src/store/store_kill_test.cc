// Nothing acknowledged is lost: a child process writes a long stream of
// articles in batches and reports each id on a pipe only after its batch is
// committed; the parent SIGKILLs it mid-stream, reopens the store and checks
// that every reported id is there and the database passes integrity_check.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <set>
#include <string>

#include "store/single_article_stories.h"
#include "store/store.h"

namespace newsloom::store {
namespace {

constexpr int kBatch = 25;
constexpr int kArticlesBeforeKill = 1500;

[[noreturn]] void IngestForever(const std::string& directory, int report_fd) {
  auto store = OpenSqliteStore(directory);
  if (!store.ok()) _exit(3);
  SingleArticleStories builder;
  std::string paragraph(600, 'x');
  for (int i = 0;; i += kBatch) {
    WriteBatch batch;
    for (int j = i; j < i + kBatch; ++j) {
      Article article;
      std::string number = std::to_string(j);
      article.id = std::string("k").append(number);
      article.title = std::string("Article number ").append(number);
      article.paragraphs = {{Paragraph::Kind::kText, std::string("Words about ").append(number)},
                            {Paragraph::Kind::kText, paragraph}};
      for (Story& story : builder.Add(article)) batch.stories.push_back(std::move(story));
      batch.articles.push_back(std::move(article));
    }
    if (!(*store)->Write(batch).ok()) _exit(4);
    std::string reported;
    for (const Article& article : batch.articles) reported += article.id + "\n";
    if (write(report_fd, reported.data(), reported.size()) != ssize_t(reported.size())) _exit(5);
  }
}

TEST(StoreKillTest, EveryAcknowledgedArticleSurvivesSigkill) {
  std::string directory =
      (std::filesystem::temp_directory_path() / ("newsloom_kill_test_" + std::to_string(getpid())))
          .string();
  std::filesystem::remove_all(directory);
  int pipe_fds[2];
  ASSERT_EQ(pipe(pipe_fds), 0);
  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    close(pipe_fds[0]);
    IngestForever(directory, pipe_fds[1]);
  }
  close(pipe_fds[1]);

  std::set<std::string> reported;
  std::string pending;
  char buffer[4096];
  bool killed = false;
  while (true) {
    ssize_t n = read(pipe_fds[0], buffer, sizeof buffer);
    if (n <= 0) break;
    pending.append(buffer, size_t(n));
    size_t newline;
    while ((newline = pending.find('\n')) != std::string::npos) {
      reported.insert(pending.substr(0, newline));
      pending.erase(0, newline + 1);
    }
    if (!killed && reported.size() >= kArticlesBeforeKill) {
      ASSERT_EQ(kill(child, SIGKILL), 0);
      killed = true;  // keep reading: ids already in the pipe were acknowledged too
    }
  }
  close(pipe_fds[0]);
  int wait_status = 0;
  ASSERT_EQ(waitpid(child, &wait_status, 0), child);
  ASSERT_TRUE(WIFSIGNALED(wait_status)) << "child exited by itself with " << wait_status;
  EXPECT_EQ(WTERMSIG(wait_status), SIGKILL);
  ASSERT_GE(reported.size(), size_t(kArticlesBeforeKill));

  auto store = OpenSqliteStore(directory);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  EXPECT_TRUE((*store)->CheckIntegrity().ok());
  size_t missing = 0;
  for (const std::string& id : reported) {
    if (!(*store)->GetArticle(id).ok()) ++missing;
    if (!(*store)->GetStory(SingleArticleStories::StoryIdOf(id)).ok()) ++missing;
  }
  EXPECT_EQ(missing, 0u) << "of " << reported.size() << " acknowledged articles";
  auto stats = (*store)->GetStats();
  ASSERT_TRUE(stats.ok());
  EXPECT_GE(size_t(stats->articles), reported.size());
  EXPECT_EQ(stats->articles % kBatch, 0) << "a batch was stored in part";
  store->reset();
  std::filesystem::remove_all(directory);
}

}  // namespace
}  // namespace newsloom::store
