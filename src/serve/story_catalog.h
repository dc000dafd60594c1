// StoryCatalog: what the hot read endpoints answer (the ranked story list
// and the story pages), pre-rendered as JSON and kept in memory as an
// immutable snapshot. Readers take the current snapshot without a lock and
// never touch the store; the write path (Newsroom's commit listener) applies
// each committed WriteBatch to a copy and publishes it atomically, before the
// writers are told their write is committed, so a reader always sees every
// acknowledged write ("the stories update at once").
//
// A snapshot shares everything a commit did not touch with the one before:
// stories and article headers live in many small immutable shards, and a
// commit copies only the shards it changes (plus the ranked order, a vector of
// pointers). The answers are byte for byte what the store path renders
// (api_json + story_json over Store::ListStories / GetStory).
//
// Thread-safe: Current() from any thread; Load and Apply are serialised.
#ifndef NEWSLOOM_SERVE_STORY_CATALOG_H_
#define NEWSLOOM_SERVE_STORY_CATALOG_H_

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "newsloom/status.h"
#include "store/store.h"

namespace newsloom::serve {

// A story as the catalog keeps it: what the list filters and orders on, and
// its JSON rendered once.
struct CatalogStory {
  std::string id;
  double rank = 0;
  std::string category;
  std::string language;
  int64_t first_seen = 0;
  int64_t last_updated = 0;
  std::string list_json;                   // as an item of GET /api/stories (StoryListItemJson)
  std::string page_json;                   // StoryPageJson: the story without its members
  std::vector<std::string> articles;       // every member, for ?articles=all
  std::vector<std::string> page_articles;  // the members whose headers the page shows
  std::string page_articles_json;          // page_articles as a JSON array
};

// What of GET /api/stories the catalog answers: no text query, no source or
// entity filter (those go to the store's indexes).
struct CatalogListQuery {
  std::string category;  // "" for all
  std::string language;  // "" for all
  std::optional<int64_t> since;
  std::optional<int64_t> until;
  std::string cursor;  // "" for the first page
  int limit = 20;
};

class CatalogSnapshot {
 public:
  static constexpr size_t kShards = 4096;
  template <typename T>
  using Shard = std::unordered_map<std::string, std::shared_ptr<const T>>;
  template <typename T>
  using Shards = std::array<std::shared_ptr<const Shard<T>>, kShards>;

  // The body of GET /api/stories for `query`: {"next": CURSOR|null, "stories": [...]}.
  // InvalidArgument for a cursor the store would not take.
  Result<std::string> ListBody(const CatalogListQuery& query) const;
  // The body of GET /api/stories/{id} (with every article's header when
  // `all_articles`), or nullopt when there is no such story.
  std::optional<std::string> PageBody(const std::string& id, bool all_articles = false) const;

  size_t story_count() const { return ranked_.size(); }

 private:
  friend class StoryCatalog;

  static size_t ShardOf(const std::string& key);
  template <typename T>
  static const T* Find(const Shards<T>& shards, const std::string& key);

  Shards<CatalogStory> stories_;
  Shards<std::string> headers_;  // article id -> its JSON as in "article_details"
  // Every story, rank descending then id ascending (the store's order);
  // points into stories_.
  std::vector<const CatalogStory*> ranked_;
};

class StoryCatalog {
 public:
  // Empty: every list is empty and every page missing until Load or Apply.
  StoryCatalog();

  // The snapshot to read from; holding it keeps it alive.
  std::shared_ptr<const CatalogSnapshot> Current() const { return current_.load(); }

  // Replaces the catalog with what `store` holds now.
  Status Load(store::Store& store);
  // Applies a batch the store has committed.
  void Apply(const store::WriteBatch& batch);

 private:
  std::mutex write_mutex_;  // serialises Load and Apply
  std::atomic<std::shared_ptr<const CatalogSnapshot>> current_;
};

// `story` rendered as a list item and as a page.
std::shared_ptr<const CatalogStory> MakeCatalogStory(const Story& story);
// `article` as an item of a story page's "article_details".
std::string ArticleHeaderJson(const Article& article);

}  // namespace newsloom::serve

#endif  // NEWSLOOM_SERVE_STORY_CATALOG_H_
