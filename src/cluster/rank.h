// Ranking and titles: turns the cluster state into Story values.
//
// Rank says how much the world is covering a story: the weighted number of
// distinct sources (near-duplicates and repeated sources count once), plus
// growth (articles in the last hours), times a recency decay; in 0..1.
// The title is one member's headline: the one closest to the other members'
// headlines, not a near-duplicate, not clickbait-shaped; never a blend.
//
// Thread-safe as long as the Clusterer is not being modified.
#ifndef NEWSLOOM_CLUSTER_RANK_H_
#define NEWSLOOM_CLUSTER_RANK_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cluster/clusterer.h"
#include "newsloom/story.h"

namespace newsloom::cluster {

struct RankOptions {
  // "Now" for recency and growth, UTC seconds; unset = the newest article's time.
  std::optional<int64_t> now;
  double half_life_hours = 24;     // recency: the score halves per this much quiet
  double growth_window_hours = 6;  // articles this recent count as growth
  double growth_weight = 0.5;      // growth's share next to the source count
};

// 0 for a fine headline, up to 1 for one shaped like clickbait (questions,
// "you won't believe", listicles, all capitals, very short or very long).
double ClickbaitScore(std::string_view headline);

// The most representative headline of `story`, "" when no member has one:
// PickTitleAmong over the first kMaxTitleCandidates headlines of members
// that are not near-duplicates (of all members when every one is).
std::string PickTitle(const StoryView& story);

inline constexpr size_t kMaxTitleCandidates = 200;

// The headline closest to the others of `titles` (the candidates, in order
// of arrival; only the first kMaxTitleCandidates are read), clickbait-shaped
// ones marked down and a line that only gives a date or time ("Tuesday, May
// 24, 2005") taken only when nothing else is left; trimmed. "" when `titles`
// is empty.
std::string PickTitleAmong(const std::vector<std::string_view>& titles);

// A story's rank in 0..1 from its distinct sources (near-duplicates left
// out, an article without a source counting as its own), its non-duplicate
// articles within options.growth_window_hours before `now`, and the time of
// its latest article.
double RankScore(size_t sources, size_t recent, std::optional<int64_t> last_updated,
                 const RankOptions& options, int64_t now);

// The value counted most often in `counts` (the smallest among equals); ""
// when empty. Category and language are the members' majority.
std::string MostCommon(const std::map<std::string, int>& counts);

// A title for a story none of whose pages has a headline (digest ledes): the
// opening of `article`'s first paragraph up to its first sentence end or
// elision ("... speaking in an interview on Thursday ..."), shortened at a
// word and marked with an ellipsis when cut; "" when it has no text.
std::string OpeningLine(const Article& article);

// One Story from a view: id, merged_ids, articles, title, rank, first_seen,
// last_updated, sources, category and language (majority of the members).
Story BuildStory(const StoryView& story, const RankOptions& options, int64_t now);

// Every live story, ranked (highest first; ties by id).
std::vector<Story> RankStories(const Clusterer& clusterer, const RankOptions& options = {});

// The stories of `category`, in rank order ("" = all).
std::vector<Story> InCategory(const std::vector<Story>& ranked, std::string_view category);

}  // namespace newsloom::cluster

#endif  // NEWSLOOM_CLUSTER_RANK_H_
