// PreparedCache: the prepared form (story/corpus.h) of the articles told
// lately, by article id, so a story re-told as it grows prepares only its new
// articles. Holds at most `capacity` articles, dropping the least recently
// used. Not thread-safe.
//
//   story::PreparedCache cache(4096);
//   told.push_back(cache.Get(article));  // prepared once, reused while kept
//   cache.Forget(article.id);            // before the article changes or goes
#ifndef NEWSLOOM_STORY_PREPARED_CACHE_H_
#define NEWSLOOM_STORY_PREPARED_CACHE_H_

#include <cstddef>
#include <list>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "newsloom/article.h"
#include "story/corpus.h"

namespace newsloom::story {

class PreparedCache {
 public:
  explicit PreparedCache(size_t capacity) : capacity_(capacity) {}

  // `article` prepared, from the cache when its id is there. The cache keeps
  // pointing at `article`: it must stay alive and unchanged until Forget(id).
  std::shared_ptr<const PreparedArticle> Get(const Article& article);
  // The same for an article the prepared form keeps alive itself (one read
  // back from a store): cached under its id until Forget(id) or evicted.
  std::shared_ptr<const PreparedArticle> Get(std::shared_ptr<const Article> article);

  // The article cached under `id`, or null.
  std::shared_ptr<const PreparedArticle> Find(std::string_view id);

  // Drops the article's entry (call before it changes or is destroyed).
  void Forget(std::string_view id);

  size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    std::shared_ptr<const PreparedArticle> prepared;
    std::list<std::string>::iterator used;  // its place in recent_
  };

  void Insert(const std::string& id, std::shared_ptr<const PreparedArticle> prepared);

  size_t capacity_;
  std::list<std::string> recent_;  // ids, most recently used first
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace newsloom::story

#endif  // NEWSLOOM_STORY_PREPARED_CACHE_H_
