// The names of a story: every article's entities merged so that mentions of
// one person, organisation or place count together.
//
//   ner::EntityTally tally;          // a story's running count of mentions
//   tally.Add(article);              // an article joins the story
//   tally.Remove(old_version);       // ... or leaves it (or changes)
//   std::vector<StoryEntity> names = tally.Merge();
#ifndef NEWSLOOM_NER_STORY_ENTITIES_H_
#define NEWSLOOM_NER_STORY_ENTITIES_H_

#include <array>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "newsloom/article.h"
#include "newsloom/story.h"

namespace newsloom::ner {

// The mentions of a set of articles, kept by spelling key so that articles can
// join and leave (and two sets be combined when their stories merge) without
// re-reading the others. Merge() costs O(distinct names), whatever the number
// of articles. Not thread-safe (Merge() fills a cache).
class EntityTally {
 public:
  // Counts (or uncounts) every entity of `article`.
  // REQUIRES for Remove: `article` was added, with these entities, and not
  // removed since.
  void Add(const Article& article) { Count(article, 1); }
  void Remove(const Article& article) { Count(article, -1); }

  // Adds every mention of `other` (left empty) to this tally.
  void Absorb(EntityTally&& other);

  bool empty() const { return by_key_.empty(); }

  // The merged entities of the articles counted: see MergeStoryEntities.
  std::vector<StoryEntity> Merge() const;

 private:
  struct Mentions {
    std::map<std::string, int> names;  // canonical form -> mentions
    std::array<int, 4> types{};        // mentions per Entity::Type
    int count = 0;
  };

  void Count(const Article& article, int sign);

  std::map<std::string, Mentions> by_key_;  // spelling key -> mentions
  // The keys one edit apart (see Merge), worked out again only when a key
  // comes or goes: names repeat far more often than new ones appear.
  mutable std::vector<std::pair<std::string, std::string>> one_edit_;
  mutable bool one_edit_current_ = false;
};

// Merges the entities of `articles` (already tagged; null entries skipped):
// mentions with the same canonical name are one entity; spelling variants
// ("Zelensky", "Zelenskyy", "Zelenskiy") are one; a surname alone
// ("Ishiba") joins the full name it ends ("Shigeru Ishiba"). Each entity is
// named by its fullest common form, typed by most of its mentions, and the
// list is sorted by mention count (then name). Where counts tie, the name
// whose key sorts first wins, so the result does not depend on the order of
// `articles`. Thread-safe.
std::vector<StoryEntity> MergeStoryEntities(const std::vector<const Article*>& articles);

// The key spelling variants share: lowercase, doubled letters single, a
// final "iy"/"yy" as "y".
std::string VariantKey(std::string_view name);

}  // namespace newsloom::ner

#endif  // NEWSLOOM_NER_STORY_ENTITIES_H_
