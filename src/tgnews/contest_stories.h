// ContestStories: the contest's threads, kept up to date as articles arrive:
// near-duplicates flagged (dedup), each article put in a story (cluster), and
// each story outlined as the contest shows it: title, category, rank and
// articles, all from cluster's ranking. Unlike StoryIndex it does not tell
// stories (summary, timeline, entities, disagreements): the contest never
// shows them and telling costs milliseconds a story, which a server asked
// for its threads while it indexes cannot pay. The batch tasks and the
// server both use it, so they group and title alike. Not thread-safe.
#ifndef NEWSLOOM_TGNEWS_CONTEST_STORIES_H_
#define NEWSLOOM_TGNEWS_CONTEST_STORIES_H_

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "cluster/changed_stories.h"
#include "cluster/clusterer.h"
#include "cluster/rank.h"
#include "dedup/dedup.h"
#include "newsloom/article.h"
#include "tgnews/contest.h"

namespace newsloom::tgnews {

class ContestStories {
 public:
  ContestStories();

  // Adds an analyzed news article (id = the page's name, category set).
  // REQUIRES: no article with that id is live (Remove it first).
  void Add(Article article);

  // Forgets an article: it leaves its thread's article list and no longer
  // counts as a duplicate's original; its story still counts it for rank and
  // title (as StoryIndex does). False when unknown.
  bool Remove(const std::string& id);

  // Ids of the stories that changed (new, grown, shrunk, merged into another,
  // or gone) since the last call.
  std::vector<std::string> TakeChangedStories();

  // The thread of a live story, its live articles in publication order;
  // nullopt when the id is unknown, was merged away or has no live article.
  std::optional<Thread> Outline(const std::string& story_id) const;

  // Every live story's thread (with a live article), most relevant first.
  std::vector<Thread> All() const;

 private:
  std::optional<Thread> FromStory(const Story& story) const;

  dedup::Deduplicator deduplicator_;
  cluster::Clusterer clusterer_;
  cluster::RankOptions rank_options_;  // ranks count back from the newest article
  int64_t newest_ = 0;                 // UTC seconds of the newest article added
  // The opening of each live article, to name a story none of whose
  // articles has a headline.
  std::unordered_map<std::string, std::string> leads_;
  cluster::ChangedStories changed_;
};

}  // namespace newsloom::tgnews

#endif  // NEWSLOOM_TGNEWS_CONTEST_STORIES_H_
