#include "ner/story_entities.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <utility>

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

namespace {

// The key an entity's mentions are counted under ("" for a nameless one).
std::string EntityKey(const Entity& entity) {
  const std::string& name = entity.canonical.empty() ? entity.text : entity.canonical;
  if (name.empty()) return "";
  std::string key = VariantKey(name);
  // "Kishida Fumio" and "Fumio Kishida": two-word names in either order.
  size_t space = key.find(' ');
  if (entity.type == Entity::Type::kPerson && space != std::string::npos &&
      key.find(' ', space + 1) == std::string::npos &&
      key.substr(space + 1) < key.substr(0, space)) {
    key = key.substr(space + 1) + " " + key.substr(0, space);
  }
  return key;
}

// The pairs (a < b) of `keys` one edit apart with keys[a] at least
// kMinVariantKey bytes long (and neither longer than kMaxVariantKey: no name
// is, and the work per key is quadratic in its length), in order. Two
// strings one edit apart share a string left after deleting at most one byte
// from each, so only keys that share such a deletion (by hash) are compared:
// O(total key bytes) instead of O(keys^2).
constexpr size_t kMinVariantKey = 6;
constexpr size_t kMaxVariantKey = 80;

std::vector<std::pair<int, int>> OneEditPairs(const std::vector<std::string>& keys) {
  std::vector<std::pair<uint64_t, int>> deletions;  // hash of a key minus one byte (or none)
  std::string buffer;
  for (size_t g = 0; g < keys.size(); ++g) {
    const std::string& key = keys[g];
    if (key.size() + 1 < kMinVariantKey || key.size() > kMaxVariantKey) continue;
    deletions.emplace_back(std::hash<std::string>{}(key), int(g));
    for (size_t at = 0; at < key.size(); ++at) {
      buffer.assign(key, 0, at);
      buffer.append(key, at + 1);
      deletions.emplace_back(std::hash<std::string>{}(buffer), int(g));
    }
  }
  std::sort(deletions.begin(), deletions.end());
  std::vector<std::pair<int, int>> pairs;
  for (size_t begin = 0, end = 0; begin < deletions.size(); begin = end) {
    while (end < deletions.size() && deletions[end].first == deletions[begin].first) ++end;
    for (size_t i = begin; i < end; ++i) {
      for (size_t j = i + 1; j < end; ++j) {
        int a = deletions[i].second, b = deletions[j].second;
        if (a == b) continue;
        if (a > b) std::swap(a, b);
        if (keys[a].size() < kMinVariantKey) continue;
        pairs.emplace_back(a, b);
      }
    }
  }
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  std::erase_if(pairs, [&](const std::pair<int, int>& pair) {
    return EditDistance(keys[pair.first], keys[pair.second], 1) > 1;
  });
  return pairs;
}

}  // namespace

void EntityTally::Count(const Article& article, int sign) {
  for (const Entity& entity : article.entities) {
    std::string key = EntityKey(entity);
    if (key.empty()) continue;
    const std::string& name = entity.canonical.empty() ? entity.text : entity.canonical;
    if (sign > 0) {
      auto [at, inserted] = by_key_.try_emplace(std::move(key));
      if (inserted) one_edit_current_ = false;
      Mentions& mentions = at->second;
      ++mentions.names[name];
      ++mentions.types[int(entity.type) & 3];
      ++mentions.count;
      continue;
    }
    auto found = by_key_.find(key);
    if (found == by_key_.end()) continue;  // not counted: see REQUIRES
    Mentions& mentions = found->second;
    if (auto named = mentions.names.find(name); named != mentions.names.end()) {
      if (--named->second <= 0) mentions.names.erase(named);
    }
    --mentions.types[int(entity.type) & 3];
    if (--mentions.count <= 0) {
      by_key_.erase(found);
      one_edit_current_ = false;
    }
  }
}

void EntityTally::Absorb(EntityTally&& other) {
  if (by_key_.size() < other.by_key_.size()) std::swap(by_key_, other.by_key_);
  one_edit_current_ = false;
  other.one_edit_current_ = false;
  for (auto& [key, theirs] : other.by_key_) {
    Mentions& mine = by_key_[key];
    for (const auto& [name, mentions] : theirs.names) mine.names[name] += mentions;
    for (int t = 0; t < 4; ++t) mine.types[t] += theirs.types[t];
    mine.count += theirs.count;
  }
  other.by_key_.clear();
}

std::vector<StoryEntity> EntityTally::Merge() const {
  // Groups in key order: the result depends on the mentions, not on the
  // order the articles came in.
  std::vector<Group> groups;
  std::vector<std::string> keys;
  groups.reserve(by_key_.size());
  keys.reserve(by_key_.size());
  for (const auto& [key, mentions] : by_key_) {
    Group& group = groups.emplace_back();
    group.names = mentions.names;
    group.types = mentions.types;
    group.count = mentions.count;
    keys.push_back(key);
  }
  // Spelling variants one edit apart, among names long enough to tell.
  std::vector<std::pair<int, int>> one_edit;
  if (one_edit_current_) {
    auto index = [&](const std::string& key) {
      return int(std::lower_bound(keys.begin(), keys.end(), key) - keys.begin());
    };
    for (const auto& [a, b] : one_edit_) one_edit.emplace_back(index(a), index(b));
  } else {
    one_edit = OneEditPairs(keys);
    one_edit_.clear();
    for (const auto& [a, b] : one_edit) one_edit_.emplace_back(keys[a], keys[b]);
    one_edit_current_ = true;
  }
  for (const auto& [a, b] : one_edit) {
    if (groups[a].count == 0 || groups[b].count == 0) continue;
    if (groups[a].Type() != groups[b].Type()) continue;
    bool a_wins = groups[a].count >= groups[b].count;
    (a_wins ? groups[a] : groups[b]).Absorb(a_wins ? groups[b] : groups[a]);
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

std::vector<StoryEntity> MergeStoryEntities(const std::vector<const Article*>& articles) {
  EntityTally tally;
  for (const Article* article : articles) {
    if (article != nullptr) tally.Add(*article);
  }
  return tally.Merge();
}

}  // namespace newsloom::ner
