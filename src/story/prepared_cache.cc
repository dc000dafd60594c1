#include "story/prepared_cache.h"

namespace newsloom::story {

std::shared_ptr<const PreparedArticle> PreparedCache::Get(const Article& article) {
  auto found = entries_.find(article.id);
  if (found != entries_.end() && found->second.prepared->article == &article) {
    recent_.splice(recent_.begin(), recent_, found->second.used);
    return found->second.prepared;
  }
  if (found != entries_.end()) Forget(article.id);  // another object now: not to be trusted
  std::shared_ptr<const PreparedArticle> prepared = PrepareArticle(article);
  Insert(article.id, prepared);
  return prepared;
}

std::shared_ptr<const PreparedArticle> PreparedCache::Get(std::shared_ptr<const Article> article) {
  Forget(article->id);
  std::string id = article->id;
  std::shared_ptr<const PreparedArticle> prepared = PrepareArticle(std::move(article));
  Insert(id, prepared);
  return prepared;
}

std::shared_ptr<const PreparedArticle> PreparedCache::Find(std::string_view id) {
  auto found = entries_.find(std::string(id));
  if (found == entries_.end()) return nullptr;
  recent_.splice(recent_.begin(), recent_, found->second.used);
  return found->second.prepared;
}

void PreparedCache::Insert(const std::string& id, std::shared_ptr<const PreparedArticle> prepared) {
  if (capacity_ == 0) return;
  while (entries_.size() >= capacity_) {
    entries_.erase(recent_.back());
    recent_.pop_back();
  }
  recent_.push_front(id);
  entries_.emplace(id, Entry{std::move(prepared), recent_.begin()});
}

void PreparedCache::Forget(std::string_view id) {
  auto found = entries_.find(std::string(id));
  if (found == entries_.end()) return;
  recent_.erase(found->second.used);
  entries_.erase(found);
}

}  // namespace newsloom::story
