#include "tgnews/contest_stories.h"

#include <algorithm>

namespace newsloom::tgnews {

ContestStories::ContestStories() : clusterer_(cluster::Options()) {}

void ContestStories::Add(Article added) {
  if (auto canonical = deduplicator_.Add(added)) added.duplicate_of = *canonical;
  if (added.published) newest_ = std::max(newest_, added.published->utc_seconds);
  const size_t stories_before = clusterer_.story_count();
  changed_.Note(clusterer_.Add(added));
  leads_[added.id] = cluster::OpeningLine(added);
  // Joining a story keeps the count and founding one adds one; only a merge
  // lowers it, and only then is the state scanned for what merged.
  if (clusterer_.story_count() < stories_before) changed_.NoteMerges(clusterer_);
}

bool ContestStories::Remove(const std::string& id) {
  auto found = leads_.find(id);
  if (found == leads_.end()) return false;
  if (auto story = clusterer_.StoryOf(id)) changed_.Note(*story);
  deduplicator_.Remove(id);
  leads_.erase(found);
  return true;
}

std::vector<std::string> ContestStories::TakeChangedStories() { return changed_.Take(); }

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
