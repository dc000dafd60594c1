#include "tgnews/contest_stories.h"

#include <algorithm>

namespace newsloom::tgnews {

namespace {

constexpr size_t kMaxLeadBytes = 200;

// The first sentence of the first paragraph, cut at a character boundary.
std::string LeadOf(const Article& article) {
  if (article.paragraphs.empty()) return "";
  const std::string& text = article.paragraphs.front().text;
  size_t end = std::min(text.size(), kMaxLeadBytes);
  const size_t stop = text.find(". ");
  if (stop != std::string::npos && stop + 1 < end) end = stop + 1;
  while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end);
}

}  // namespace

ContestStories::ContestStories() : clusterer_(cluster::Options()) {}

void ContestStories::Add(Article added) {
  if (auto canonical = deduplicator_.Add(added)) added.duplicate_of = *canonical;
  if (added.published) newest_ = std::max(newest_, added.published->utc_seconds);
  const size_t stories_before = clusterer_.story_count();
  changed_.insert(clusterer_.Add(added));
  leads_[added.id] = LeadOf(added);
  // Joining a story keeps the count and founding one adds one; only a merge
  // lowers it, and only then is the state scanned for what merged.
  if (clusterer_.story_count() < stories_before) NoteMerges();
}

bool ContestStories::Remove(const std::string& id) {
  auto found = leads_.find(id);
  if (found == leads_.end()) return false;
  if (auto story = clusterer_.StoryOf(id)) changed_.insert(*story);
  deduplicator_.Remove(id);
  leads_.erase(found);
  return true;
}

void ContestStories::NoteMerges() {
  clusterer_.ForEachStory([&](const cluster::StoryView& view) {
    for (const std::string& merged : view.merged_ids) {
      if (reported_merges_.insert(merged).second) {
        changed_.insert(merged);
        changed_.insert(view.id);
      }
    }
  });
}

std::vector<std::string> ContestStories::TakeChangedStories() {
  std::vector<std::string> changed(changed_.begin(), changed_.end());
  changed_.clear();
  changed.erase(std::remove(changed.begin(), changed.end(), ""), changed.end());
  return changed;
}

std::optional<Thread> ContestStories::FromStory(const Story& story) const {
  Thread thread = ThreadFromStory(story);
  std::erase_if(thread.articles, [&](const std::string& id) { return !leads_.contains(id); });
  if (thread.articles.empty()) return std::nullopt;
  for (size_t i = 0; thread.title.empty() && i < thread.articles.size(); ++i) {
    thread.title = leads_.at(thread.articles[i]);
  }
  return thread;
}

std::optional<Thread> ContestStories::Outline(const std::string& story_id) const {
  std::optional<Thread> thread;
  clusterer_.VisitStory(story_id, [&](const cluster::StoryView& view) {
    thread = FromStory(cluster::BuildStory(view, rank_options_, newest_));
  });
  return thread;
}

std::vector<Thread> ContestStories::All() const {
  std::vector<Thread> threads;
  for (const Story& story : cluster::RankStories(clusterer_, rank_options_)) {
    if (std::optional<Thread> thread = FromStory(story)) threads.push_back(std::move(*thread));
  }
  return threads;
}

}  // namespace newsloom::tgnews
