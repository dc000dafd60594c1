// The store: where articles and stories are kept, and how they are found again.
//
//   auto store = newsloom::store::OpenSqliteStore("news.db");
//   if (!store.ok()) ...
//   store::WriteBatch batch;
//   batch.articles.push_back(article);
//   Status status = (*store)->Write(batch);  // committed when ok()
//
// `Store` is an interface so that another backend (PostgreSQL, DESIGN.md) can
// be added later; `OpenSqliteStore` gives the embedded default. Every
// implementation is thread-safe: reads may run on many threads at once, writes
// are serialised, and a Write that returns ok() is durable.
#ifndef NEWSLOOM_STORE_STORE_H_
#define NEWSLOOM_STORE_STORE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "newsloom/article.h"
#include "newsloom/status.h"
#include "newsloom/story.h"

namespace newsloom::store {

// Changes applied together in one transaction: all or nothing.
struct WriteBatch {
  std::vector<Article> articles;              // inserted, or replacing the article with the same id
  std::vector<std::string> deleted_articles;  // ids; unknown ids are ignored
  std::vector<Story> stories;                 // inserted, or replacing the story with the same id
  std::vector<std::string> deleted_stories;   // ids; unknown ids are ignored
};

// Filters shared by the story list and search. Empty fields do not filter.
struct Filter {
  std::optional<int64_t> since;  // UTC seconds, inclusive (article time / story last_updated)
  std::optional<int64_t> until;  // UTC seconds, inclusive
  std::string category;
  std::string language;
  std::string source;  // a domain, "example.com"
  std::string entity;  // a canonical entity name, exact
};

// A page of the ranked story list (rank descending, then id).
struct StoryListQuery {
  Filter filter;
  std::string text;    // full-text query over title and summary; "" lists all
  std::string cursor;  // from the previous page's `next`; "" for the first page
  int limit = 20;      // 1..1000
};

struct StoryPage {
  std::vector<Story> stories;
  std::string next;  // cursor for the following page, "" when this is the last
};

struct SearchQuery {
  std::string text;  // words; every word must match (prefix "word*" allowed)
  Filter filter;
  int limit = 20;  // 1..1000
};

struct ArticleHit {
  Article article;      // paragraphs, entities and dates are left empty in hits
  double score = 0;     // higher is better (negated BM25)
  std::string snippet;  // a few words of the body around the match, plain text
};

struct StoryHit {
  Story story;
  double score = 0;  // higher is better
};

// How many stories carry each value of a field, most first.
struct Facet {
  std::string value;  // "" counts stories without the field
  int64_t stories = 0;
};

struct Facets {
  std::vector<Facet> categories;
  std::vector<Facet> languages;
};

struct Stats {
  int64_t articles = 0;
  int64_t stories = 0;
};

class Store {
 public:
  virtual ~Store() = default;

  // Applies `batch` atomically and durably: ok() means committed to disk.
  virtual Status Write(const WriteBatch& batch) = 0;

  // The content hash stored with article `id` (see ArticleContentHash), or
  // nullopt when there is no such article.
  virtual Result<std::optional<uint64_t>> ArticleHash(const std::string& id) = 0;

  virtual Result<Article> GetArticle(const std::string& id) = 0;  // NotFound when absent
  virtual Result<Story> GetStory(const std::string& id) = 0;      // NotFound when absent
  // Articles `ids` without their paragraphs, entities and dates (what a list
  // of articles shows), in the order of `ids`, read together; unknown ids are
  // left out.
  virtual Result<std::vector<Article>> GetArticleHeaders(const std::vector<std::string>& ids) = 0;
  // Ids of the stories article `id` belongs to (usually one).
  virtual Result<std::vector<std::string>> StoriesOfArticle(const std::string& id) = 0;
  // Every article id, in the order the articles were first stored: the order
  // in which a story builder is rebuilt at start-up, so that the online
  // clustering groups them as it did when they arrived.
  virtual Result<std::vector<std::string>> ArticleIdsInArrivalOrder() = 0;
  // Every article (as GetArticleHeaders gives it) in arrival order, then
  // every story with its articles, read in one transaction: a consistent view
  // for a reader that keeps them in memory.
  virtual Status ScanAll(const std::function<void(const Article&)>& article,
                         const std::function<void(const Story&)>& story) = 0;

  virtual Result<StoryPage> ListStories(const StoryListQuery& query) = 0;
  // Best first. Title matches weigh more than lead (description or first
  // paragraph) matches, which weigh more than body matches.
  virtual Result<std::vector<ArticleHit>> SearchArticles(const SearchQuery& query) = 0;
  virtual Result<std::vector<StoryHit>> SearchStories(const SearchQuery& query) = 0;

  virtual Result<Stats> GetStats() = 0;
  virtual Result<Facets> GetFacets() = 0;

  // A counter that moves forward whenever anything (this process or another)
  // commits a change to the store; equal values mean the same content.
  virtual Result<uint64_t> ChangeCounter() = 0;
  // A counter that moves when a change is committed by anything but this
  // Store object (another process, another Store on the same directory); its
  // own Writes leave it unchanged.
  virtual Result<uint64_t> ForeignChangeCounter() = 0;

  // Runs the backend's own consistency check; ok() when the store is sound.
  virtual Status CheckIntegrity() = 0;
};

// A stable 64-bit hash of everything in `article` that comes from the page
// (not `fetched`): re-ingesting the same page gives the same hash.
uint64_t ArticleContentHash(const Article& article);

// Opens (creating when needed) the SQLite store in directory `directory`:
// the database file is `directory`/newsloom.sqlite, in WAL mode. Migrates an
// older schema; refuses a newer one.
Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& directory);

}  // namespace newsloom::store

#endif  // NEWSLOOM_STORE_STORE_H_
