// StoryAggregate: what the live articles of one story add up to, kept up to
// date as articles join, leave or change and as stories merge, so that
// telling a story reads only what it shows (its sources, names, title
// candidates, the articles it is told from) instead of every member.
//
//   StoryAggregate& story = stories[id];
//   story.Add(article, {arrival, near_duplicate});
//   story.Remove(article, facts);  // before `article` changes or goes
//   keep.Absorb(std::move(gone));  // the cluster stage merged `gone` into `keep`
//
// Each accessor gives what the from-scratch computation over the live members
// gives (cluster::BuildStory, ner::MergeStoryEntities, story::ArticlesToTell),
// from the articles' current fields. Not thread-safe.
#ifndef NEWSLOOM_ENGINE_STORY_AGGREGATE_H_
#define NEWSLOOM_ENGINE_STORY_AGGREGATE_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "cluster/rank.h"
#include "ner/story_entities.h"
#include "newsloom/article.h"
#include "newsloom/story.h"

namespace newsloom::engine {

// What the cluster stage fixed about an article when it first saw it.
struct MemberFacts {
  uint64_t arrival = 0;         // its place in the order articles first arrived
  bool near_duplicate = false;  // it joined as a near-duplicate of a known article
};

class StoryAggregate {
 public:
  // Counts `article`. The aggregate keeps pointing at it: it must stay alive
  // and unchanged until Remove.
  void Add(const Article& article, MemberFacts facts);
  // REQUIRES: `article` was added with these facts and has not changed since.
  void Remove(const Article& article, MemberFacts facts);
  // Takes over every article of `other`, which is left empty.
  void Absorb(StoryAggregate&& other);

  size_t size() const { return members_.size(); }
  bool empty() const { return members_.empty(); }

  // Member ids by publication time (undated last; ties in arrival order).
  std::vector<std::string> ArticleIds() const;
  // The first member in that order for which `accept` is true; null if none.
  template <typename Accept>
  const Article* FindMember(Accept accept) const {
    for (const Key& key : members_) {
      if (accept(*key.article)) return key.article;
    }
    return nullptr;
  }

  // The distinct outlets of articles that are not near-duplicates (source, or
  // site name without one), sorted.
  std::vector<std::string> Sources() const;
  std::vector<StoryEntity> Entities() const { return entities_.Merge(); }
  // What story::ArticlesToTell picks from the members, in publication order.
  std::vector<const Article*> ArticlesToTell(int max_told_articles) const;

  // The pieces of cluster::BuildStory.
  std::string Title() const;  // cluster::PickTitle over the members in arrival order
  std::string Category() const { return cluster::MostCommon(categories_); }
  std::string Language() const { return cluster::MostCommon(languages_); }
  std::optional<int64_t> FirstPublished() const;
  std::optional<int64_t> LastPublished() const;
  double Rank(const cluster::RankOptions& options, int64_t now) const;

  // Ids of the stories merged into this one, as the cluster stage lists them.
  std::vector<std::string> merged_ids;

 private:
  // A member's place: dated by time, then undated; ties by arrival.
  struct Key {
    bool undated;
    int64_t published;
    uint64_t arrival;
    const Article* article;
    bool near_duplicate;  // not part of the order
    bool operator<(const Key& other) const {
      if (undated != other.undated) return other.undated;
      if (published != other.published) return published < other.published;
      return arrival < other.arrival;
    }
  };
  using TitleKey = std::pair<uint64_t, const Article*>;  // arrival first

  static Key KeyOf(const Article& article, MemberFacts facts);
  void Count(const Article& article, MemberFacts facts, int sign);

  std::set<Key> members_;
  size_t originals_ = 0;                               // members with no duplicate_of
  std::map<std::string, int> sources_;                 // outlet -> original members
  std::unordered_map<std::string, int> rank_sources_;  // source -> members not near-duplicates
  size_t sourceless_ = 0;                              // ... and those without a source
  std::map<std::string, int> categories_, languages_;  // value -> members
  std::set<TitleKey> titled_, titled_duplicates_;      // members with a headline
  ner::EntityTally entities_;
  // ArticleIds() as last built, kept as members join at the end (the usual
  // case: news arrives in publication order); rebuilt after any other change.
  // Built at the first call, so a story never told keeps no copy.
  mutable std::vector<std::string> ids_;
  mutable bool ids_current_ = false;
  // The last title picked and the candidates it was picked from (a cache).
  mutable std::vector<std::string> title_candidates_;
  mutable std::string title_;
};

}  // namespace newsloom::engine

#endif  // NEWSLOOM_ENGINE_STORY_AGGREGATE_H_
