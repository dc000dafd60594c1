// A Story as JSON, in the shape of DESIGN.md ("id", "title", "category",
// "language", "rank", "articles", "sources", "entities", "timeline", "summary",
// "disagreements") plus "first_seen", "last_updated" (UTC seconds) and
// "merged_ids". The store keeps the nested parts in this form too.
#ifndef NEWSLOOM_STORE_STORY_JSON_H_
#define NEWSLOOM_STORE_STORY_JSON_H_

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string_view>

#include "newsloom/article.h"
#include "newsloom/story.h"

namespace newsloom::store {

// The story as JSON; "articles" holds at most the last `last_articles` of its
// members (a list item or page needs a few of the thousands a story may hold).
nlohmann::json StoryToJson(const Story& story, size_t last_articles = SIZE_MAX);
// Only the nested parts the store keeps as JSON: "sources", "merged_ids",
// "entities", "timeline", "summary", "disagreements" (not the member list).
nlohmann::json StoryPartsToJson(const Story& story);
// Reads what StoryToJson wrote; missing or mistyped fields are left at their
// defaults, never thrown.
Story StoryFromJson(const nlohmann::json& json);

// "PER", "ORG", "LOC", "MISC".
std::string_view EntityTypeName(Entity::Type type);
Entity::Type EntityTypeFromName(std::string_view name);

}  // namespace newsloom::store

#endif  // NEWSLOOM_STORE_STORY_JSON_H_
