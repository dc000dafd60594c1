#include "serve/story_catalog.h"

#include <algorithm>
#include <functional>
#include <unordered_set>

#include "serve/api_json.h"
#include "store/story_cursor.h"
#include "store/story_json.h"

namespace newsloom::serve {

namespace {

// The store's order: rank descending, then id ascending (byte order, as SQLite's).
bool RanksBefore(double rank_a, const std::string& id_a, double rank_b, const std::string& id_b) {
  return rank_a > rank_b || (rank_a == rank_b && id_a < id_b);
}

bool RanksBefore(const CatalogStory* a, const CatalogStory* b) {
  return RanksBefore(a->rank, a->id, b->rank, b->id);
}

bool Matches(const CatalogStory& story, const CatalogListQuery& query) {
  return (query.category.empty() || story.category == query.category) &&
         (query.language.empty() || story.language == query.language) &&
         (!query.since || story.last_updated >= *query.since) &&
         (!query.until || story.first_seen <= *query.until);
}

// Shards copied on first change, so a commit copies only what it touches.
template <typename T>
class ShardWriter {
 public:
  explicit ShardWriter(CatalogSnapshot::Shards<T>& shards) : shards_(shards) {}

  CatalogSnapshot::Shard<T>& operator[](size_t index) {
    auto& copy = copies_[index];
    if (copy == nullptr) {
      copy = std::make_shared<CatalogSnapshot::Shard<T>>(*shards_[index]);
      shards_[index] = copy;
    }
    return *copy;
  }

 private:
  CatalogSnapshot::Shards<T>& shards_;
  std::unordered_map<size_t, std::shared_ptr<CatalogSnapshot::Shard<T>>> copies_;
};

template <typename T>
void FillEmpty(CatalogSnapshot::Shards<T>& shards) {
  auto empty = std::make_shared<const CatalogSnapshot::Shard<T>>();
  shards.fill(empty);
}

}  // namespace

std::string ArticleHeaderJson(const Article& article) { return Dump(ArticleJson(article, false)); }

std::shared_ptr<const CatalogStory> MakeCatalogStory(const Story& story) {
  auto entry = std::make_shared<CatalogStory>();
  entry->id = story.id;
  entry->rank = story.rank;
  entry->category = story.category;
  entry->language = story.language;
  entry->first_seen = story.first_seen;
  entry->last_updated = story.last_updated;
  entry->articles = story.articles;
  entry->page_articles = PageArticleIds(story, false);
  entry->page_articles_json = Dump(nlohmann::json(entry->page_articles));
  entry->page_json = Dump(StoryPageJson(story));
  entry->list_json = Dump(StoryListItemJson(story));
  return entry;
}

size_t CatalogSnapshot::ShardOf(const std::string& key) {
  return std::hash<std::string>()(key) % kShards;
}

template <typename T>
const T* CatalogSnapshot::Find(const Shards<T>& shards, const std::string& key) {
  const Shard<T>& shard = *shards[ShardOf(key)];
  auto found = shard.find(key);
  return found == shard.end() ? nullptr : found->second.get();
}

Result<std::string> CatalogSnapshot::ListBody(const CatalogListQuery& query) const {
  auto position = ranked_.begin();
  if (!query.cursor.empty()) {
    double rank = 0;
    std::string id;
    if (!store::DecodeStoryCursor(query.cursor, rank, id)) {
      return Status::InvalidArgument("bad cursor");
    }
    // The first story after (rank, id).
    position =
        std::upper_bound(ranked_.begin(), ranked_.end(), 0, [&](int, const CatalogStory* story) {
          return RanksBefore(rank, id, story->rank, story->id);
        });
  }
  size_t limit = size_t(std::clamp(query.limit, 1, 1000));
  std::vector<const CatalogStory*> page;
  bool more = false;
  size_t bytes = 0;
  for (; position != ranked_.end(); ++position) {
    if (!Matches(**position, query)) continue;
    if (page.size() == limit) {
      more = true;
      break;
    }
    page.push_back(*position);
    bytes += (*position)->list_json.size() + 1;
  }
  std::string body;
  body.reserve(bytes + 128);
  body += "{\"next\":";
  if (more) {
    body += '"';
    body += store::EncodeStoryCursor(page.back()->rank, page.back()->id);
    body += '"';
  } else {
    body += "null";
  }
  body += ",\"stories\":[";
  for (size_t i = 0; i < page.size(); ++i) {
    if (i > 0) body += ',';
    body += page[i]->list_json;
  }
  body += "]}";
  return body;
}

std::optional<std::string> CatalogSnapshot::PageBody(const std::string& id,
                                                     bool all_articles) const {
  const CatalogStory* story = Find(stories_, id);
  if (story == nullptr) return std::nullopt;
  const std::vector<std::string>& articles = all_articles ? story->articles : story->page_articles;
  std::vector<const std::string*> details;
  details.reserve(articles.size());
  size_t bytes = story->page_json.size() + 32;
  for (const std::string& article : articles) {
    // As the store path: an article no longer stored is left out.
    if (const std::string* header = Find(headers_, article)) {
      details.push_back(header);
      bytes += header->size() + 1;
    }
  }
  // "article_count", "article_details" and "articles" sort before every other
  // key, as nlohmann orders them, so the page reads exactly as the store
  // path renders it.
  std::string all_ids;  // rendered per request: ?articles=all is rare
  if (all_articles) all_ids = Dump(nlohmann::json(story->articles));
  const std::string& ids = all_articles ? all_ids : story->page_articles_json;
  std::string body;
  body.reserve(bytes + ids.size());
  body += "{\"article_count\":";
  body += std::to_string(story->articles.size());
  body += ",\"article_details\":[";
  for (size_t i = 0; i < details.size(); ++i) {
    if (i > 0) body += ',';
    body += *details[i];
  }
  body += "],\"articles\":";
  body += ids;
  body += ',';
  body.append(story->page_json, 1, std::string::npos);
  return body;
}

StoryCatalog::StoryCatalog() {
  auto empty = std::make_shared<CatalogSnapshot>();
  FillEmpty(empty->stories_);
  FillEmpty(empty->headers_);
  current_.store(std::move(empty));
}

Status StoryCatalog::Load(store::Store& store) {
  std::lock_guard<std::mutex> lock(write_mutex_);
  auto next = std::make_shared<CatalogSnapshot>();
  FillEmpty(next->stories_);
  FillEmpty(next->headers_);
  ShardWriter<std::string> headers(next->headers_);
  ShardWriter<CatalogStory> stories(next->stories_);
  Status status = store.ScanAll(
      [&](const Article& article) {
        headers[CatalogSnapshot::ShardOf(article.id)][article.id] =
            std::make_shared<const std::string>(ArticleHeaderJson(article));
      },
      [&](const Story& story) {
        auto entry = MakeCatalogStory(story);
        next->ranked_.push_back(entry.get());
        stories[CatalogSnapshot::ShardOf(story.id)][story.id] = std::move(entry);
      });
  if (!status.ok()) return status;
  std::sort(next->ranked_.begin(), next->ranked_.end(),
            [](const CatalogStory* a, const CatalogStory* b) { return RanksBefore(a, b); });
  current_.store(std::move(next));
  return Status::Ok();
}

void StoryCatalog::Apply(const store::WriteBatch& batch) {
  std::lock_guard<std::mutex> lock(write_mutex_);
  std::shared_ptr<const CatalogSnapshot> old = current_.load();
  auto next = std::make_shared<CatalogSnapshot>();
  next->stories_ = old->stories_;
  next->headers_ = old->headers_;

  // Article headers, in the store's order: deletions, then puts.
  ShardWriter<std::string> headers(next->headers_);
  for (const std::string& id : batch.deleted_articles) {
    headers[CatalogSnapshot::ShardOf(id)].erase(id);
  }
  for (const Article& article : batch.articles) {
    headers[CatalogSnapshot::ShardOf(article.id)][article.id] =
        std::make_shared<const std::string>(ArticleHeaderJson(article));
  }

  // Stories: each id the batch deletes or replaces leaves, the last version
  // put comes in.
  std::unordered_set<std::string> gone;
  std::unordered_map<std::string, std::shared_ptr<const CatalogStory>> added;
  for (const std::string& id : batch.deleted_stories) {
    gone.insert(id);
    added.erase(id);
  }
  for (const Story& story : batch.stories) {
    gone.insert(story.id);
    added[story.id] = MakeCatalogStory(story);
  }
  std::vector<size_t> removed_positions;
  ShardWriter<CatalogStory> stories(next->stories_);
  for (const std::string& id : gone) {
    if (const CatalogStory* previous = CatalogSnapshot::Find(old->stories_, id)) {
      auto position = std::lower_bound(
          old->ranked_.begin(), old->ranked_.end(), previous,
          [](const CatalogStory* a, const CatalogStory* b) { return RanksBefore(a, b); });
      removed_positions.push_back(size_t(position - old->ranked_.begin()));
      stories[CatalogSnapshot::ShardOf(id)].erase(id);
    }
  }
  std::vector<const CatalogStory*> incoming;
  incoming.reserve(added.size());
  for (auto& [id, entry] : added) {
    incoming.push_back(entry.get());
    stories[CatalogSnapshot::ShardOf(id)][id] = std::move(entry);
  }
  std::sort(incoming.begin(), incoming.end(),
            [](const CatalogStory* a, const CatalogStory* b) { return RanksBefore(a, b); });
  std::sort(removed_positions.begin(), removed_positions.end());

  // The ranked order: the old one without what left, merged with what came.
  next->ranked_.reserve(old->ranked_.size() - removed_positions.size() + incoming.size());
  auto removed = removed_positions.begin();
  auto in = incoming.begin();
  for (size_t i = 0; i < old->ranked_.size(); ++i) {
    if (removed != removed_positions.end() && *removed == i) {
      ++removed;
      continue;
    }
    const CatalogStory* kept = old->ranked_[i];
    while (in != incoming.end() && RanksBefore(*in, kept)) next->ranked_.push_back(*in++);
    next->ranked_.push_back(kept);
  }
  next->ranked_.insert(next->ranked_.end(), in, incoming.end());
  current_.store(std::move(next));
}

}  // namespace newsloom::serve
