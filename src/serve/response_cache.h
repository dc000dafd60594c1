// ResponseCache: rendered JSON bodies of hot read endpoints (the story list,
// story pages), valid while the store has not changed. Every entry is dropped
// at once when the store's change counter moves, so a cached body is never
// staler than the last commit seen by the caller. Thread-safe.
#ifndef NEWSLOOM_SERVE_RESPONSE_CACHE_H_
#define NEWSLOOM_SERVE_RESPONSE_CACHE_H_

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace newsloom::serve {

class ResponseCache {
 public:
  // At most `max_entries` bodies are kept; when full, the cache starts over.
  explicit ResponseCache(size_t max_entries) : max_entries_(max_entries) {}

  // The body cached under `key` at store `version`, or nullptr.
  std::shared_ptr<const std::string> Find(const std::string& key, uint64_t version);
  // Caches `body` for `key`, unless the store has moved past `version`.
  void Insert(const std::string& key, uint64_t version, std::shared_ptr<const std::string> body);

 private:
  const size_t max_entries_;
  std::mutex mutex_;
  uint64_t version_ = 0;  // GUARDED_BY(mutex_)
  std::unordered_map<std::string, std::shared_ptr<const std::string>>
      entries_;  // GUARDED_BY(mutex_)
};

}  // namespace newsloom::serve

#endif  // NEWSLOOM_SERVE_RESPONSE_CACHE_H_
