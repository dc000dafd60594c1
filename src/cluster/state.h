// The inside of a Clusterer: articles, stories, vocabulary with document
// frequencies, and the inverted index from terms to stories. Shared by
// clusterer.cc (assignment) and snapshot.cc (serialisation); not public.
#ifndef NEWSLOOM_CLUSTER_STATE_H_
#define NEWSLOOM_CLUSTER_STATE_H_

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "cluster/clusterer.h"
#include "cluster/hash_index.h"
#include "cluster/terms.h"

namespace newsloom::cluster {

inline constexpr uint32_t kNone = std::numeric_limits<uint32_t>::max();

// The similarity's channels, each a cosine of its own: words, names, and
// numbers with dates.
enum Channel : uint32_t { kWords = 0, kNames = 1, kNumbers = 2, kHeadlines = 3 };
inline constexpr int kChannels = 4;
inline constexpr size_t kMaxStoryTitleNames = 24;

// A term of an article or centroid, weighted by TF-IDF at the time it was added.
struct TermWeight {
  uint32_t term : 30 = 0;    // index into the vocabulary
  uint32_t channel : 2 = 0;  // a Channel
  float weight = 0;
};

// A name of the title as term indices (see TitleName); `word` is kNone when
// the name has no word term. In a story, `count` is how many of its members'
// titles wrote it.
struct TitleNameTerm {
  uint32_t name = 0;
  uint32_t word = 0;
  uint32_t count = 0;
};

struct ArticleRecord : Member {
  uint32_t story = kNone;  // the story it joined (follow merged_into for the live one)
};

struct StoryRecord {
  std::string id;
  std::vector<std::string> merged_ids;
  std::vector<uint32_t> members;     // article indices, in arrival order
  std::vector<TermWeight> centroid;  // sum of members' unit vectors, sorted by term
  float norm[kChannels] = {};        // centroid's squared norm per channel
  std::vector<uint32_t> indexed;     // terms whose postings list this story, sorted
  int64_t first = 0;                 // UTC seconds, when has_time
  int64_t last = 0;
  bool has_time = false;
  // Similarities at which articles joined (the founder and near-duplicates
  // not counted): how loose the story is.
  float join_sum = 0;
  uint32_t join_count = 0;
  // The names its members' titles wrote, by count (most first, at most
  // kMaxStoryTitleNames).
  std::vector<TitleNameTerm> title_names;
  uint32_t titled_members = 0;  // members that brought title names
  bool retired = false;         // expired: centroid released
  uint32_t merged_into = kNone;
};

struct Clusterer::State {
  explicit State(const Options& chosen) : options(chosen), extractor(chosen.terms) {}

  Options options;
  TermExtractor extractor;

  std::vector<ArticleRecord> articles;
  std::unordered_map<uint64_t, uint32_t> article_index;  // hash of id (probed) -> article
  std::vector<StoryRecord> stories;
  std::unordered_map<uint64_t, uint32_t> story_index;  // hash of story id (probed) -> story

  HashIndex vocabulary;  // term hash -> term index
  std::vector<uint64_t> term_hashes;
  std::vector<uint32_t> document_frequency;
  std::vector<uint32_t> background_frequency;   // from Options::background
  std::vector<std::vector<uint32_t>> postings;  // term -> stories
  std::vector<uint32_t> pruned_size;            // postings size after the last prune
  uint64_t documents = 0;                       // articles with at least one term
  std::optional<int64_t> clock;                 // latest publication time seen
  size_t live_stories = 0;

  // Scratch for one assignment: candidate scores by story, the stories those
  // scores touched, and the article's
  // IDF-weighted terms by term with their norms per channel.
  std::vector<float> story_score;
  std::vector<uint32_t> touched_stories;
  std::vector<TermWeight> reindex_scratch;  // a centroid being ranked by weight
  // The query's weights by term in an open-addressing table (linear probing,
  // a quarter full at most), so a centroid is scored with one probe per term.
  struct QuerySlot {
    uint32_t term = kNone;
    float weight = 0;
  };
  std::vector<QuerySlot> query_slots;
  int query_shift = 64;
  double query_norm[kChannels] = {};
  std::vector<TitleName> title_name_scratch;
  std::vector<TitleNameTerm> query_title_names;  // the article's, set by Vectorise

  std::optional<uint32_t> FindArticle(std::string_view id) const;
  void IndexArticle(uint32_t index);
  void IndexStoryId(uint32_t index);
  bool StoryIdTaken(std::string_view id) const;
  std::string NewStoryId(std::string_view founding_article) const;
  double Idf(uint32_t term) const;
  uint32_t AddTerm(uint64_t hash);
  uint32_t Resolve(uint32_t story) const;
  bool Dormant(const StoryRecord& story, std::optional<int64_t> time) const;
  bool Expired(const StoryRecord& story, std::optional<int64_t> time) const;
  double Score(const StoryRecord& story, std::optional<int64_t> time) const;
  double TimeFactor(const StoryRecord& story, std::optional<int64_t> time) const;
  double RecencyBoost(const StoryRecord& story, std::optional<int64_t> time) const;
  void SetQuery(const std::vector<TermWeight>& terms);
  void UpdateNorm(StoryRecord& story) const;
  double Similarity(const StoryRecord& story) const;
  // The query's slot for `term`, or nullptr.
  const QuerySlot* FindQuery(uint32_t term) const;
  bool Conflict(const StoryRecord& story) const;
  void AddTitleNames(StoryRecord& story, const std::vector<TitleNameTerm>& names,
                     uint32_t titled_members) const;
  double JoinThreshold(const StoryRecord& story) const;
  void AddInto(std::vector<TermWeight>& into, const std::vector<TermWeight>& add, float scale,
               size_t limit) const;
  void Reindex(uint32_t story_index);
  void Prune(uint32_t term);
  void Retire(StoryRecord& story);
  std::vector<uint32_t> Candidates(const std::vector<TermWeight>& terms,
                                   std::optional<int64_t> time);
  void Join(uint32_t story_index, uint32_t article_index, std::optional<int64_t> event_time,
            const std::vector<TermWeight>* terms);
  void Merge(uint32_t older, uint32_t younger);
  uint32_t NewStory(uint32_t article_index);
  std::vector<TermWeight> Vectorise(const Article& article);
};

}  // namespace newsloom::cluster

#endif  // NEWSLOOM_CLUSTER_STATE_H_
