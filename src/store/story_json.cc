#include "store/story_json.h"

#include <algorithm>
#include <string>
#include <vector>

namespace newsloom::store {

namespace {

using nlohmann::json;

std::string StringAt(const json& object, const char* key) {
  auto found = object.find(key);
  return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
}

std::vector<std::string> StringsAt(const json& object, const char* key) {
  std::vector<std::string> strings;
  auto found = object.find(key);
  if (found == object.end() || !found->is_array()) return strings;
  for (const json& item : *found) {
    if (item.is_string()) strings.push_back(item.get<std::string>());
  }
  return strings;
}

json CitedToJson(const CitedSentence& sentence) {
  return {{"text", sentence.text}, {"article", sentence.article}};
}

std::vector<CitedSentence> CitedFromJson(const json& object, const char* key) {
  std::vector<CitedSentence> sentences;
  auto found = object.find(key);
  if (found == object.end() || !found->is_array()) return sentences;
  for (const json& item : *found) {
    if (item.is_object()) sentences.push_back({StringAt(item, "text"), StringAt(item, "article")});
  }
  return sentences;
}

const json& ArrayAt(const json& object, const char* key) {
  static const json kEmpty = json::array();
  auto found = object.find(key);
  return found != object.end() && found->is_array() ? *found : kEmpty;
}

}  // namespace

std::string_view EntityTypeName(Entity::Type type) {
  switch (type) {
    case Entity::Type::kPerson:
      return "PER";
    case Entity::Type::kOrganization:
      return "ORG";
    case Entity::Type::kLocation:
      return "LOC";
    case Entity::Type::kMisc:
      break;
  }
  return "MISC";
}

Entity::Type EntityTypeFromName(std::string_view name) {
  if (name == "PER") return Entity::Type::kPerson;
  if (name == "ORG") return Entity::Type::kOrganization;
  if (name == "LOC") return Entity::Type::kLocation;
  return Entity::Type::kMisc;
}

json StoryPartsToJson(const Story& story) {
  json entities = json::array();
  for (const StoryEntity& entity : story.entities) {
    entities.push_back(
        {{"name", entity.name}, {"type", EntityTypeName(entity.type)}, {"count", entity.count}});
  }
  json timeline = json::array();
  for (const TimelineEvent& event : story.timeline) {
    timeline.push_back({{"date", event.date}, {"text", event.text}, {"articles", event.articles}});
  }
  json summary = json::array();
  for (const CitedSentence& sentence : story.summary) summary.push_back(CitedToJson(sentence));
  json disagreements = json::array();
  for (const Disagreement& disagreement : story.disagreements) {
    json claims = json::array();
    for (const CitedSentence& claim : disagreement.claims) claims.push_back(CitedToJson(claim));
    disagreements.push_back({{"about", disagreement.about}, {"claims", claims}});
  }
  json parts = json::object();
  parts["sources"] = story.sources;
  parts["merged_ids"] = story.merged_ids;
  parts["entities"] = std::move(entities);
  parts["timeline"] = std::move(timeline);
  parts["summary"] = std::move(summary);
  parts["disagreements"] = std::move(disagreements);
  return parts;
}

json StoryToJson(const Story& story, size_t last_articles) {
  json object = StoryPartsToJson(story);
  object["id"] = story.id;
  object["title"] = story.title;
  object["category"] = story.category;
  object["language"] = story.language;
  object["rank"] = story.rank;
  object["first_seen"] = story.first_seen;
  object["last_updated"] = story.last_updated;
  const size_t first = story.articles.size() - std::min(story.articles.size(), last_articles);
  object["articles"] =
      std::vector<std::string>(story.articles.begin() + ptrdiff_t(first), story.articles.end());
  return object;
}

Story StoryFromJson(const json& object) {
  Story story;
  if (!object.is_object()) return story;
  story.id = StringAt(object, "id");
  story.title = StringAt(object, "title");
  story.category = StringAt(object, "category");
  story.language = StringAt(object, "language");
  if (auto rank = object.find("rank"); rank != object.end() && rank->is_number()) {
    story.rank = rank->get<double>();
  }
  if (auto first = object.find("first_seen"); first != object.end() && first->is_number_integer()) {
    story.first_seen = first->get<int64_t>();
  }
  if (auto last = object.find("last_updated"); last != object.end() && last->is_number_integer()) {
    story.last_updated = last->get<int64_t>();
  }
  story.articles = StringsAt(object, "articles");
  story.sources = StringsAt(object, "sources");
  story.merged_ids = StringsAt(object, "merged_ids");
  for (const json& item : ArrayAt(object, "entities")) {
    if (!item.is_object()) continue;
    StoryEntity entity;
    entity.name = StringAt(item, "name");
    entity.type = EntityTypeFromName(StringAt(item, "type"));
    if (auto count = item.find("count"); count != item.end() && count->is_number_integer()) {
      entity.count = count->get<int>();
    }
    story.entities.push_back(std::move(entity));
  }
  for (const json& item : ArrayAt(object, "timeline")) {
    if (!item.is_object()) continue;
    story.timeline.push_back(
        {StringAt(item, "date"), StringAt(item, "text"), StringsAt(item, "articles")});
  }
  story.summary = CitedFromJson(object, "summary");
  for (const json& item : ArrayAt(object, "disagreements")) {
    if (!item.is_object()) continue;
    story.disagreements.push_back({StringAt(item, "about"), CitedFromJson(item, "claims")});
  }
  return story;
}

}  // namespace newsloom::store
