#include "ner/story_entities.h"

#include <algorithm>
#include <array>
#include <map>

#include "common/strings.h"

namespace newsloom::ner {

namespace {

struct Group {
  std::map<std::string, int> names;  // canonical form -> mentions
  std::array<int, 4> types{};        // mentions per Entity::Type
  int count = 0;
  int merged_into = -1;  // index of the group that absorbed this one

  std::string Name() const {
    // The most frequent form; among equals the longest, then the first.
    std::string best;
    int best_count = -1;
    for (const auto& [name, mentions] : names) {
      if (mentions > best_count || (mentions == best_count && name.size() > best.size())) {
        best = name;
        best_count = mentions;
      }
    }
    return best;
  }
  Entity::Type Type() const {
    return Entity::Type(std::max_element(types.begin(), types.end()) - types.begin());
  }
  void Absorb(Group& other) {
    for (const auto& [name, mentions] : other.names) names[name] += mentions;
    for (int t = 0; t < 4; ++t) types[t] += other.types[t];
    count += other.count;
    other.count = 0;
  }
};

std::vector<std::string_view> Words(std::string_view name) {
  std::vector<std::string_view> words;
  for (std::string_view word : Split(name, ' ')) {
    if (!word.empty()) words.push_back(word);
  }
  return words;
}

// Levenshtein distance, capped: returns > limit early when it exceeds it.
int EditDistance(std::string_view a, std::string_view b, int limit) {
  if (int(a.size()) - int(b.size()) > limit || int(b.size()) - int(a.size()) > limit) {
    return limit + 1;
  }
  std::vector<int> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = int(j);
  for (size_t i = 1; i <= a.size(); ++i) {
    int diagonal = row[0];
    row[0] = int(i);
    for (size_t j = 1; j <= b.size(); ++j) {
      int next = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
      diagonal = row[j];
      row[j] = next;
    }
  }
  return row[b.size()];
}

}  // namespace

std::string VariantKey(std::string_view name) {
  std::string key;
  for (char c : name) {
    char lower = LowerAscii(c);
    if (lower == '.' || (!key.empty() && key.back() == lower && IsAsciiLetter(lower))) continue;
    key.push_back(lower);
  }
  if (key.size() > 3 && (key.ends_with("iy") || key.ends_with("yi"))) {
    key.erase(key.size() - 2);
    key.push_back('y');
  }
  return key;
}

std::vector<StoryEntity> MergeStoryEntities(const std::vector<const Article*>& articles) {
  std::vector<Group> groups;
  std::map<std::string, int> by_key;
  for (const Article* article : articles) {
    if (article == nullptr) continue;
    for (const Entity& entity : article->entities) {
      const std::string& name = entity.canonical.empty() ? entity.text : entity.canonical;
      if (name.empty()) continue;
      std::string key = VariantKey(name);
      // "Kishida Fumio" and "Fumio Kishida": two-word names in either order.
      size_t space = key.find(' ');
      if (entity.type == Entity::Type::kPerson && space != std::string::npos &&
          key.find(' ', space + 1) == std::string::npos &&
          key.substr(space + 1) < key.substr(0, space)) {
        key = key.substr(space + 1) + " " + key.substr(0, space);
      }
      auto [it, inserted] = by_key.try_emplace(key, int(groups.size()));
      if (inserted) groups.emplace_back();
      Group& group = groups[it->second];
      ++group.names[name];
      ++group.types[int(entity.type) & 3];
      ++group.count;
    }
  }
  // Spelling variants one edit apart, among names long enough to tell.
  std::vector<std::string> keys(groups.size());
  for (const auto& [key, index] : by_key) keys[index] = key;
  for (size_t a = 0; a < groups.size(); ++a) {
    for (size_t b = a + 1; b < groups.size(); ++b) {
      if (groups[a].count == 0 || groups[b].count == 0) continue;
      if (keys[a].size() < 6 || groups[a].Type() != groups[b].Type()) continue;
      if (EditDistance(keys[a], keys[b], 1) > 1) continue;
      bool a_wins = groups[a].count >= groups[b].count;
      (a_wins ? groups[a] : groups[b]).Absorb(a_wins ? groups[b] : groups[a]);
    }
  }
  // A single word that is the last word of one person's full name joins it.
  std::map<std::string, std::vector<int>> surnames;
  for (size_t g = 0; g < groups.size(); ++g) {
    if (groups[g].count == 0 || groups[g].Type() != Entity::Type::kPerson) continue;
    std::string name = groups[g].Name();
    std::vector<std::string_view> words = Words(name);
    if (words.size() >= 2) surnames[VariantKey(words.back())].push_back(int(g));
  }
  for (size_t g = 0; g < groups.size(); ++g) {
    if (groups[g].count == 0 || groups[g].Name().find(' ') != std::string::npos) continue;
    if (groups[g].types[int(Entity::Type::kPerson)] == 0) continue;
    auto found = surnames.find(keys[g]);
    if (found == surnames.end()) continue;
    // With two people of that surname, the one mentioned most.
    int target = found->second[0];
    for (int candidate : found->second) {
      if (groups[candidate].count > groups[target].count) target = candidate;
    }
    if (target == int(g)) continue;
    // The full name names the merged entity: it counts the surname's mentions.
    std::string full_name = groups[target].Name();
    groups[target].Absorb(groups[g]);
    groups[target].names[full_name] = groups[target].count;
  }
  std::vector<StoryEntity> entities;
  for (const Group& group : groups) {
    if (group.count == 0) continue;
    entities.push_back({group.Name(), group.Type(), group.count});
  }
  std::sort(entities.begin(), entities.end(), [](const StoryEntity& a, const StoryEntity& b) {
    return a.count != b.count ? a.count > b.count : a.name < b.name;
  });
  return entities;
}

}  // namespace newsloom::ner
