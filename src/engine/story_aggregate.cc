#include "engine/story_aggregate.h"

#include <algorithm>
#include <iterator>
#include <utility>

#include "common/strings.h"

namespace newsloom::engine {

namespace {

// The headline as the cluster stage keeps it (Clusterer::Add cuts it here).
constexpr size_t kKeptTitleBytes = 512;

std::string_view KeptTitle(const Article& article) {
  return std::string_view(article.title).substr(0, kKeptTitleBytes);
}

// The outlet a reader sees: a page without a url names its outlet at most (a
// digest's line "... - Reuters").
const std::string& Outlet(const Article& article) {
  return article.source.empty() ? article.site_name : article.source;
}

template <typename Map>
void Tally(Map& counts, const std::string& value, int sign) {
  if (value.empty()) return;
  auto [at, inserted] = counts.try_emplace(value, 0);
  at->second += sign;
  if (at->second <= 0) counts.erase(at);
}

template <typename Map>
void AddCounts(Map& into, Map&& from) {
  if (into.size() < from.size()) std::swap(into, from);
  for (auto& [value, count] : from) into[value] += count;
  from.clear();
}

}  // namespace

StoryAggregate::Key StoryAggregate::KeyOf(const Article& article, MemberFacts facts) {
  return {!article.published.has_value(), article.published ? article.published->utc_seconds : 0,
          facts.arrival, &article, facts.near_duplicate};
}

void StoryAggregate::Add(const Article& article, MemberFacts facts) { Count(article, facts, 1); }
void StoryAggregate::Remove(const Article& article, MemberFacts facts) {
  Count(article, facts, -1);
}

void StoryAggregate::Count(const Article& article, MemberFacts facts, int sign) {
  if (sign > 0) {
    auto [at, inserted] = members_.insert(KeyOf(article, facts));
    if (!inserted) return;  // counted already
    if (ids_current_ && std::next(at) == members_.end()) {
      ids_.push_back(article.id);
    } else {
      ids_current_ = false;
    }
  } else if (members_.erase(KeyOf(article, facts)) == 0) {
    return;  // not counted: see REQUIRES
  } else {
    ids_current_ = false;
  }
  const bool original = article.duplicate_of.empty();
  if (original) {
    originals_ += sign;
    Tally(sources_, Outlet(article), sign);
  }
  if (!facts.near_duplicate) {
    if (article.source.empty()) {
      sourceless_ += sign;
    } else {
      Tally(rank_sources_, article.source, sign);
    }
  }
  Tally(categories_, article.category, sign);
  Tally(languages_, article.language, sign);
  if (!TrimView(KeptTitle(article)).empty()) {
    std::set<TitleKey>& titled = facts.near_duplicate ? titled_duplicates_ : titled_;
    if (sign > 0) {
      titled.emplace(facts.arrival, &article);
    } else {
      titled.erase({facts.arrival, &article});
    }
  }
  if (sign > 0) {
    entities_.Add(article);
  } else {
    entities_.Remove(article);
  }
}

void StoryAggregate::Absorb(StoryAggregate&& other) {
  if (members_.size() < other.members_.size()) {
    // Keep the larger sets and caches; the smaller ones are merged in.
    std::swap(members_, other.members_);
    std::swap(titled_, other.titled_);
    std::swap(titled_duplicates_, other.titled_duplicates_);
  }
  members_.merge(other.members_);
  titled_.merge(other.titled_);
  titled_duplicates_.merge(other.titled_duplicates_);
  originals_ += other.originals_;
  sourceless_ += other.sourceless_;
  AddCounts(sources_, std::move(other.sources_));
  AddCounts(rank_sources_, std::move(other.rank_sources_));
  AddCounts(categories_, std::move(other.categories_));
  AddCounts(languages_, std::move(other.languages_));
  entities_.Absorb(std::move(other.entities_));
  ids_current_ = false;
  ids_.clear();
  other = StoryAggregate();
}

std::vector<std::string> StoryAggregate::ArticleIds() const {
  if (!ids_current_) {
    ids_.clear();
    ids_.reserve(members_.size());
    for (const Key& key : members_) ids_.push_back(key.article->id);
    ids_current_ = true;
  }
  return ids_;
}

std::vector<std::string> StoryAggregate::Sources() const {
  std::vector<std::string> sources;
  sources.reserve(sources_.size());
  for (const auto& [source, count] : sources_) sources.push_back(source);
  return sources;
}

std::vector<const Article*> StoryAggregate::ArticlesToTell(int max_told_articles) const {
  const size_t most = max_told_articles > 0 ? static_cast<size_t>(max_told_articles) : 0;
  std::vector<const Article*> told;
  if (most == 0 || members_.size() <= most) {
    for (const Key& key : members_) told.push_back(key.article);
    return told;
  }
  // The earliest quarter and the latest rest, from the originals when there
  // are enough of them.
  const bool originals_only = originals_ >= most;
  auto wanted = [&](const Key& key) {
    return !originals_only || key.article->duplicate_of.empty();
  };
  const size_t earliest = most / 4;
  for (auto at = members_.begin(); at != members_.end() && told.size() < earliest; ++at) {
    if (wanted(*at)) told.push_back(at->article);
  }
  std::vector<const Article*> latest;
  for (auto at = members_.rbegin(); at != members_.rend() && latest.size() < most - earliest;
       ++at) {
    if (wanted(*at)) latest.push_back(at->article);
  }
  told.insert(told.end(), latest.rbegin(), latest.rend());
  return told;
}

std::string StoryAggregate::Title() const {
  const std::set<TitleKey>& titled = titled_.empty() ? titled_duplicates_ : titled_;
  std::vector<std::string_view> candidates;
  for (const auto& [arrival, article] : titled) {
    if (candidates.size() == cluster::kMaxTitleCandidates) break;
    candidates.push_back(KeptTitle(*article));
  }
  // The first candidates rarely change once a story has enough of them.
  if (!std::equal(candidates.begin(), candidates.end(), title_candidates_.begin(),
                  title_candidates_.end())) {
    title_ = cluster::PickTitleAmong(candidates);
    title_candidates_.assign(candidates.begin(), candidates.end());
  }
  return title_;
}

std::optional<int64_t> StoryAggregate::FirstPublished() const {
  if (members_.empty() || members_.begin()->undated) return std::nullopt;
  return members_.begin()->published;
}

std::optional<int64_t> StoryAggregate::LastPublished() const {
  // The undated sort last: the last dated member is just before the first of them.
  auto undated = members_.lower_bound(Key{true, 0, 0, nullptr, false});
  if (undated == members_.begin()) return std::nullopt;
  return std::prev(undated)->published;
}

double StoryAggregate::Rank(const cluster::RankOptions& options, int64_t now) const {
  // Growth: the members that are not near-duplicates published in the window
  // before `now`, read from the newest back.
  const auto window = static_cast<int64_t>(options.growth_window_hours * 3600);
  size_t recent = 0;
  auto undated = members_.lower_bound(Key{true, 0, 0, nullptr, false});
  for (auto at = std::make_reverse_iterator(undated); at != members_.rend(); ++at) {
    if (at->published > now) continue;
    if (now - at->published > window) break;
    if (at->near_duplicate) continue;
    ++recent;
  }
  return cluster::RankScore(rank_sources_.size() + sourceless_, recent, LastPublished(), options,
                            now);
}

}  // namespace newsloom::engine
