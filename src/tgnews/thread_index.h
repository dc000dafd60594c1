// ThreadIndex: the contest server's live state. Every page it was given, by
// file name; the news among them (en/ru) in ContestStories, whose stories are
// the threads; the contest's clock, which is the publication time of the
// newest indexed article: a page whose max-age has passed on that clock is
// dropped, and GET /threads counts its period back from it. Not thread-safe.
#ifndef NEWSLOOM_TGNEWS_THREAD_INDEX_H_
#define NEWSLOOM_TGNEWS_THREAD_INDEX_H_

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "newsloom/article.h"
#include "tgnews/contest.h"
#include "tgnews/contest_stories.h"

namespace newsloom::tgnews {

// A page ready to index: its analyzed article, or none when the page holds
// no article (it is still known, so DELETE finds it).
struct IndexedPage {
  std::string name;
  int64_t max_age = 0;
  std::optional<Article> article;
};

class ThreadIndex {
 public:
  ThreadIndex();

  // Adds or replaces a page; true when it was new. Drops what has expired.
  bool Put(IndexedPage page);

  // Adds many pages at once (a restart), in their given order: the order of
  // their puts gives the stories they had before.
  void PutAll(std::vector<IndexedPage> pages);

  // Forgets a page; false when unknown.
  bool Remove(const std::string& name);

  bool Contains(const std::string& name) const { return pages_.count(name) > 0; }
  size_t size() const { return pages_.size(); }

  // The newest indexed article's publication time (0 when none).
  int64_t Now() const { return times_.empty() ? 0 : *times_.rbegin(); }

  // Threads with an article of `lang_code` published within `period` seconds
  // of Now(), in `category` ("any" or one of kCategories), most relevant
  // first; each lists only those articles.
  std::vector<Thread> Query(int64_t period, const std::string& lang_code,
                            const std::string& category);

  // Outlines the stories that changed since the last Query (Query does it
  // too; tens of microseconds a story).
  void RefreshStories();

  // Names of the pages dropped since the last call because their max-age passed.
  std::vector<std::string> TakeExpired();

 private:
  struct Entry {
    bool indexed = false;  // in threads_
    int64_t time = 0;
    int64_t expires = 0;
    std::string language;
  };
  void Insert(IndexedPage page, bool add_to_index);
  void Erase(const std::string& name);
  void Expire();

  ContestStories threads_;
  std::unordered_map<std::string, Entry> pages_;
  std::multiset<int64_t> times_;                      // of indexed articles
  std::set<std::pair<int64_t, std::string>> expiry_;  // (expires, name)
  std::unordered_map<std::string, Thread> stories_;   // outlines by story id
  std::vector<std::string> expired_;
};

}  // namespace newsloom::tgnews

#endif  // NEWSLOOM_TGNEWS_THREAD_INDEX_H_
