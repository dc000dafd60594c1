// The SQLite implementation of Store. One directory per store holding
// newsloom.sqlite in WAL mode with synchronous=FULL, so a committed write
// survives a crash of the process or the machine.
//
// Thread-safe: writes go through one connection under a mutex; reads borrow
// a connection from a pool, so they run in parallel with each other and with
// the writer (WAL readers see the last committed state).
#ifndef NEWSLOOM_STORE_SQLITE_STORE_H_
#define NEWSLOOM_STORE_SQLITE_STORE_H_

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "store/checkpointer.h"
#include "store/sqlite_db.h"
#include "store/store.h"

namespace newsloom::store {

class SqliteStore : public Store {
 public:
  static Result<std::unique_ptr<SqliteStore>> Open(const std::string& directory);

  Status Write(const WriteBatch& batch) override;
  Result<std::optional<uint64_t>> ArticleHash(const std::string& id) override;
  Result<Article> GetArticle(const std::string& id) override;
  Result<Story> GetStory(const std::string& id) override;
  Result<std::vector<Article>> GetArticleHeaders(const std::vector<std::string>& ids) override;
  Result<std::vector<std::string>> StoriesOfArticle(const std::string& id) override;
  Result<std::vector<std::string>> ArticleIdsInArrivalOrder() override;
  Status ScanAll(const std::function<void(const Article&)>& article,
                 const std::function<void(const Story&)>& story) override;
  Result<StoryPage> ListStories(const StoryListQuery& query) override;
  Result<std::vector<ArticleHit>> SearchArticles(const SearchQuery& query) override;
  Result<std::vector<StoryHit>> SearchStories(const SearchQuery& query) override;
  Result<Stats> GetStats() override;
  Result<Facets> GetFacets() override;
  Result<uint64_t> ChangeCounter() override;
  Result<uint64_t> ForeignChangeCounter() override;
  Status CheckIntegrity() override;

 private:
  // A reader connection borrowed from the pool, returned on destruction.
  class Reader {
   public:
    Reader(SqliteStore* store, std::unique_ptr<Connection> connection)
        : store_(store), connection_(std::move(connection)) {}
    ~Reader();
    Reader(Reader&&) = default;
    Connection& operator*() { return *connection_; }
    Connection* operator->() { return connection_.get(); }

   private:
    SqliteStore* store_;
    std::unique_ptr<Connection> connection_;
  };

  SqliteStore(std::string path, std::unique_ptr<Connection> writer)
      : path_(std::move(path)), writer_(std::move(writer)) {}

  Result<Reader> Borrow();
  Status WriteLocked(const WriteBatch& batch);
  Status PutArticle(const Article& article);
  Status DeleteArticle(const std::string& id);
  Status PutStory(const Story& story);
  Status DeleteStory(const std::string& id);
  Status DeleteStoryRow(const std::string& id);  // the story's row and FTS row, not its members
  Status PutMembers(const Story& story);         // story_articles as story.articles lists
  // Fills the story's article ids from story_articles.
  Status LoadMembers(Connection& connection, Story& story);

  const std::string path_;
  std::mutex write_mutex_;
  std::unique_ptr<Connection> writer_;          // GUARDED_BY(write_mutex_)
  std::unique_ptr<Checkpointer> checkpointer_;  // of writer_'s log; stops before writer_ closes
  // The members of each story of at least kRememberedMembers articles as last
  // committed, as hashes of their ids in order (so PutMembers need not read
  // them back), and what the open transaction changes of them (nullopt:
  // forget). GUARDED_BY(write_mutex_).
  static constexpr size_t kRememberedMembers = 64;
  std::unordered_map<std::string, std::vector<uint64_t>> members_;
  std::unordered_map<std::string, std::optional<std::vector<uint64_t>>> pending_members_;
  int64_t members_version_ = -1;  // the writer's PRAGMA data_version members_ is valid for
  // Never writes, so PRAGMA data_version on it sees every commit.
  std::mutex version_mutex_;
  std::unique_ptr<Connection> version_reader_;  // GUARDED_BY(version_mutex_)
  std::mutex pool_mutex_;
  std::vector<std::unique_ptr<Connection>> idle_readers_;  // GUARDED_BY(pool_mutex_)
};

}  // namespace newsloom::store

#endif  // NEWSLOOM_STORE_SQLITE_STORE_H_
