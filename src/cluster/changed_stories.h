// ChangedStories: which stories changed since a reader last asked (new,
// grown, shrunk, merged into another, or gone), for the indexes over the
// Clusterer that re-tell or re-store only those. Not thread-safe.
//
//   changed.Note(clusterer.Add(article));
//   if (clusterer.story_count() < before) changed.NoteMerges(clusterer);
//   for (const std::string& id : changed.Take()) ...
#ifndef NEWSLOOM_CLUSTER_CHANGED_STORIES_H_
#define NEWSLOOM_CLUSTER_CHANGED_STORIES_H_

#include <set>
#include <string>
#include <vector>

#include "cluster/clusterer.h"

namespace newsloom::cluster {

class ChangedStories {
 public:
  // Notes one story id ("" is ignored).
  void Note(const std::string& story_id) {
    if (!story_id.empty()) changed_.insert(story_id);
  }

  // Notes both sides of every merge not noted before: the story absorbed (it
  // is gone) and the one that absorbed it. Scans the state, so call it only
  // after a merge (when the story count fell).
  void NoteMerges(const Clusterer& clusterer) {
    clusterer.ForEachStory([&](const StoryView& view) {
      for (const std::string& merged : view.merged_ids) {
        if (reported_merges_.insert(merged).second) {
          changed_.insert(merged);
          changed_.insert(view.id);
        }
      }
    });
  }

  // The ids noted since the last call, in id order.
  std::vector<std::string> Take() {
    std::vector<std::string> changed(changed_.begin(), changed_.end());
    changed_.clear();
    return changed;
  }

 private:
  std::set<std::string> changed_;
  std::set<std::string> reported_merges_;
};

}  // namespace newsloom::cluster

#endif  // NEWSLOOM_CLUSTER_CHANGED_STORIES_H_
