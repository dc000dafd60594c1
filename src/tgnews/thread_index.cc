#include "tgnews/thread_index.h"

#include <algorithm>
#include <limits>

namespace newsloom::tgnews {

ThreadIndex::ThreadIndex() = default;

void ThreadIndex::Insert(IndexedPage page, bool add_to_index) {
  Erase(page.name);
  Entry entry;
  if (page.article && IsContestNews(*page.article)) {
    Article& article = *page.article;
    article.id = page.name;
    article.category = ContestCategory(article);
    entry.indexed = true;
    entry.language = ContestLanguage(article);
    // An undated page takes the clock as it stands and does not move it.
    entry.time = article.published ? article.published->utc_seconds : Now();
    times_.insert(entry.time);
    if (add_to_index) threads_.Add(std::move(article));
  }
  entry.expires = entry.time > std::numeric_limits<int64_t>::max() - page.max_age
                      ? std::numeric_limits<int64_t>::max()
                      : entry.time + page.max_age;
  if (entry.indexed) expiry_.insert({entry.expires, page.name});
  pages_[page.name] = std::move(entry);
}

void ThreadIndex::Erase(const std::string& name) {
  auto found = pages_.find(name);
  if (found == pages_.end()) return;
  const Entry& entry = found->second;
  if (entry.indexed) {
    times_.erase(times_.find(entry.time));
    expiry_.erase({entry.expires, name});
    threads_.Remove(name);
  }
  pages_.erase(found);
}

void ThreadIndex::Expire() {
  const int64_t now = Now();
  while (!expiry_.empty() && expiry_.begin()->first < now) {
    std::string name = expiry_.begin()->second;
    Erase(name);
    expired_.push_back(std::move(name));
  }
}

bool ThreadIndex::Put(IndexedPage page) {
  bool created = !Contains(page.name);
  Insert(std::move(page), true);
  Expire();
  return created;
}

void ThreadIndex::PutAll(std::vector<IndexedPage> pages) {
  std::vector<Article> news;
  for (IndexedPage& page : pages) {
    bool news_page = page.article && IsContestNews(*page.article);
    std::optional<Article> article = std::move(page.article);
    page.article = std::nullopt;
    if (news_page) {
      // Entry first (with the article for its time and language), index later.
      IndexedPage entry{page.name, page.max_age, article};
      Insert(std::move(entry), false);
      article->id = page.name;
      article->category = ContestCategory(*article);
      news.push_back(std::move(*article));
    } else {
      Insert(std::move(page), false);
    }
  }
  // In the order the pages were put, as they were indexed live: clustering
  // is online, so another order could group them differently after a restart.
  for (Article& article : news) threads_.Add(std::move(article));
  Expire();
}

bool ThreadIndex::Remove(const std::string& name) {
  if (!Contains(name)) return false;
  Erase(name);
  return true;
}

std::vector<std::string> ThreadIndex::TakeExpired() { return std::exchange(expired_, {}); }

void ThreadIndex::RefreshStories() {
  for (const std::string& id : threads_.TakeChangedStories()) {
    if (std::optional<Thread> thread = threads_.Outline(id)) {
      stories_[id] = std::move(*thread);
    } else {
      stories_.erase(id);
    }
  }
}

std::vector<Thread> ThreadIndex::Query(int64_t period, const std::string& lang_code,
                                       const std::string& category) {
  RefreshStories();
  const int64_t since = Now() - period;
  std::vector<Thread> threads;
  for (const auto& [id, story] : stories_) {
    if (category != "any" && story.category != category) continue;
    Thread thread;
    for (const std::string& name : story.articles) {
      auto found = pages_.find(name);
      if (found == pages_.end() || !found->second.indexed) continue;
      if (found->second.language != lang_code || found->second.time < since) continue;
      thread.articles.push_back(name);
    }
    if (thread.articles.empty()) continue;
    thread.title = story.title;
    thread.category = story.category;
    // The story's rank, scaled by the share of it inside the period.
    thread.relevance =
        story.relevance * double(thread.articles.size()) / double(story.articles.size());
    threads.push_back(std::move(thread));
  }
  std::sort(threads.begin(), threads.end(), [](const Thread& a, const Thread& b) {
    if (a.relevance != b.relevance) return a.relevance > b.relevance;
    if (a.articles.size() != b.articles.size()) return a.articles.size() > b.articles.size();
    return a.articles.front() < b.articles.front();
  });
  return threads;
}

}  // namespace newsloom::tgnews
