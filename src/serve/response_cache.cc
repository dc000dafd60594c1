#include "serve/response_cache.h"

namespace newsloom::serve {

std::shared_ptr<const std::string> ResponseCache::Find(const std::string& key, uint64_t version) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (version != version_) {
    if (version > version_) {
      entries_.clear();
      version_ = version;
    }
    return nullptr;
  }
  auto found = entries_.find(key);
  return found == entries_.end() ? nullptr : found->second;
}

void ResponseCache::Insert(const std::string& key, uint64_t version,
                           std::shared_ptr<const std::string> body) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (version != version_) return;
  if (entries_.size() >= max_entries_) entries_.clear();
  entries_[key] = std::move(body);
}

}  // namespace newsloom::serve
