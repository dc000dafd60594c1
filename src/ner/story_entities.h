// The names of a story: every article's entities merged so that mentions of
// one person, organisation or place count together.
#ifndef NEWSLOOM_NER_STORY_ENTITIES_H_
#define NEWSLOOM_NER_STORY_ENTITIES_H_

#include <string>
#include <string_view>
#include <vector>

#include "newsloom/article.h"
#include "newsloom/story.h"

namespace newsloom::ner {

// Merges the entities of `articles` (already tagged; null entries skipped):
// mentions with the same canonical name are one entity; spelling variants
// ("Zelensky", "Zelenskyy", "Zelenskiy") are one; a surname alone
// ("Ishiba") joins the full name it ends ("Shigeru Ishiba"). Each entity is
// named by its fullest common form, typed by most of its mentions, and the
// list is sorted by mention count (then name). Thread-safe.
std::vector<StoryEntity> MergeStoryEntities(const std::vector<const Article*>& articles);

// The key spelling variants share: lowercase, doubled letters single, a
// final "iy"/"yy" as "y".
std::string VariantKey(std::string_view name);

}  // namespace newsloom::ner

#endif  // NEWSLOOM_NER_STORY_ENTITIES_H_
