#include "cluster/clusterer.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <unordered_map>

#include "cluster/state.h"
#include "cluster/url_slug.h"

namespace newsloom::cluster {

namespace {

constexpr size_t kMaxArticleTerms = 200;
// A term whose postings list holds more live stories than this is too
// common to find candidates with (its IDF is low anyway).
constexpr size_t kMaxPostings = 1024;
constexpr size_t kMinPruneSize = 64;
// How much later than the day its URL gives a page's date may be (time zones,
// a late edit) before the URL's day is taken instead.
constexpr int64_t kUrlDaySlack = 3 * 86400;

// FNV-1a, then a SplitMix64 finaliser so that ids of similar strings look unrelated.
uint64_t HashText(std::string_view text) {
  uint64_t hash = TermHash(TermKind::kWord, text) + 0x9E3779B97F4A7C15ULL;
  hash = (hash ^ (hash >> 30)) * 0xBF58476D1CE4E5B9ULL;
  hash = (hash ^ (hash >> 27)) * 0x94D049BB133111EBULL;
  return hash ^ (hash >> 31);
}

std::string HexId(uint64_t value) {
  char buffer[20];
  std::snprintf(buffer, sizeof buffer, "s%016llx", static_cast<unsigned long long>(value));
  return buffer;
}

}  // namespace

// ---- State helpers -------------------------------------------------------

std::optional<uint32_t> Clusterer::State::FindArticle(std::string_view id) const {
  for (uint64_t key = HashText(id);; ++key) {
    auto found = article_index.find(key);
    if (found == article_index.end()) return std::nullopt;
    if (articles[found->second].id == id) return found->second;
  }
}

void Clusterer::State::IndexArticle(uint32_t index) {
  uint64_t key = HashText(articles[index].id);
  while (!article_index.try_emplace(key, index).second) ++key;
}

void Clusterer::State::IndexStoryId(uint32_t index) {
  uint64_t key = HashText(stories[index].id);
  while (!story_index.try_emplace(key, index).second) ++key;
}

bool Clusterer::State::StoryIdTaken(std::string_view id) const {
  for (uint64_t key = HashText(id);; ++key) {
    auto found = story_index.find(key);
    if (found == story_index.end()) return false;
    if (stories[found->second].id == id) return true;
  }
}

std::string Clusterer::State::NewStoryId(std::string_view founding_article) const {
  std::string id = HexId(HashText(founding_article));
  for (int attempt = 2; StoryIdTaken(id); ++attempt) {
    id = HexId(HashText(std::string(founding_article) + "#" + std::to_string(attempt)));
  }
  return id;
}

// The stream's own counts on top of the background corpus's.
double Clusterer::State::Idf(uint32_t term) const {
  const double background_documents =
      options.background != nullptr ? static_cast<double>(options.background->documents()) : 0;
  return std::log((static_cast<double>(documents) + background_documents + 1.0) /
                  std::max<double>(1.0, static_cast<double>(document_frequency[term]) +
                                            background_frequency[term]));
}

uint32_t Clusterer::State::AddTerm(uint64_t hash) {
  const auto term = static_cast<uint32_t>(term_hashes.size());
  vocabulary.Insert(hash, term);
  term_hashes.push_back(hash);
  document_frequency.push_back(0);
  uint32_t background = 0;
  if (options.background != nullptr) {
    // A headline term takes its word's frequency unless the table has its own.
    background = options.background->Of(hash);
    if (background == 0) background = options.background->Of(HeadlineWordHash(hash));
  }
  background_frequency.push_back(background);
  postings.emplace_back();
  pruned_size.push_back(0);
  return term;
}

uint32_t Clusterer::State::Resolve(uint32_t story) const {
  while (stories[story].merged_into != kNone) story = stories[story].merged_into;
  return story;
}

bool Clusterer::State::Dormant(const StoryRecord& story, std::optional<int64_t> time) const {
  if (!story.has_time || !time) return false;
  return *time - story.last > options.quiet_seconds || story.first - *time > options.quiet_seconds;
}

bool Clusterer::State::Expired(const StoryRecord& story, std::optional<int64_t> time) const {
  if (!story.has_time || !time) return false;
  const int64_t window = options.revive_threshold > 0
                             ? std::max(options.quiet_seconds, options.revive_seconds)
                             : options.quiet_seconds;
  return *time - story.last > window || story.first - *time > window;
}

double Clusterer::State::TimeFactor(const StoryRecord& story, std::optional<int64_t> time) const {
  if (!story.has_time || !time || options.time_scale_seconds <= 0) return 1.0;
  const int64_t gap = std::max<int64_t>({0, story.first - *time, *time - story.last});
  return 1.0 / (1.0 + static_cast<double>(gap) / options.time_scale_seconds);
}

double Clusterer::State::RecencyBoost(const StoryRecord& story, std::optional<int64_t> time) const {
  if (!story.has_time || !time || options.recent_boost <= 0 || options.recent_seconds <= 0) {
    return 1.0;
  }
  const int64_t gap = std::max<int64_t>({0, story.first - *time, *time - story.last});
  return 1.0 + options.recent_boost * std::exp(-static_cast<double>(gap) /
                                               static_cast<double>(options.recent_seconds));
}

namespace {

size_t QueryStart(uint32_t term, int shift) {
  return static_cast<size_t>((term * 0x9E3779B97F4A7C15ULL) >> shift);
}

}  // namespace

void Clusterer::State::SetQuery(const std::vector<TermWeight>& terms) {
  for (double& norm : query_norm) norm = 0;
  for (const TermWeight& term : terms) query_norm[term.channel] += term.weight * term.weight;
  size_t size = 64;
  query_shift = 58;
  while (size < 4 * terms.size()) {
    size *= 2;
    --query_shift;
  }
  query_slots.assign(size, QuerySlot{});
  for (const TermWeight& term : terms) {
    const uint32_t id = term.term;
    size_t at = QueryStart(id, query_shift);
    while (query_slots[at].term != kNone) at = (at + 1) & (size - 1);
    query_slots[at] = {id, term.weight};
  }
}

inline const Clusterer::State::QuerySlot* Clusterer::State::FindQuery(uint32_t term) const {
  const size_t mask = query_slots.size() - 1;
  for (size_t at = QueryStart(term, query_shift);; at = (at + 1) & mask) {
    if (query_slots[at].term == term) return &query_slots[at];
    if (query_slots[at].term == kNone) return nullptr;
  }
}

void Clusterer::State::UpdateNorm(StoryRecord& story) const {
  for (float& norm : story.norm) norm = 0;
  for (const TermWeight& term : story.centroid)
    story.norm[term.channel] += term.weight * term.weight;
}

// Cosine between the query and a story's centroid over words, names, and
// numbers with dates, each apart, blended by the shares of Options (a channel
// empty on either side leaves its share to the others). The centroid's terms
// are looked up in the query's table, in term order.
double Clusterer::State::Similarity(const StoryRecord& story) const {
  double dot[kChannels] = {};
  for (const TermWeight& term : story.centroid) {
    if (const QuerySlot* slot = FindQuery(term.term)) {
      dot[term.channel] += static_cast<double>(slot->weight) * term.weight;
    }
  }
  const double share[kChannels] = {
      1 - options.specific_weight - options.number_weight - options.headline_weight,
      options.specific_weight, options.number_weight, options.headline_weight};
  double score = 0, shares = 0;
  for (int channel = 0; channel < kChannels; ++channel) {
    if (query_norm[channel] <= 0 || story.norm[channel] <= 0 || share[channel] <= 0) continue;
    score += share[channel] * dot[channel] / std::sqrt(query_norm[channel] * story.norm[channel]);
    shares += share[channel];
  }
  return shares > 0 ? score / shares : 0;
}

namespace {

bool InCentroid(const std::vector<TermWeight>& centroid, uint32_t term) {
  const auto at = std::lower_bound(centroid.begin(), centroid.end(), term,
                                   [](const TermWeight& x, uint32_t t) { return x.term < t; });
  return at != centroid.end() && at->term == term;
}

}  // namespace

// Whether the article's title and the story's titles each name someone the
// other side never mentions (neither as a name nor as a word). The story's
// names count only when a core share of its titles wrote them, so that one
// report naming a bystander does not make a conflict. (Entity types are not
// compared: the tagger calls one surname a person here and "misc" there.)
bool Clusterer::State::Conflict(const StoryRecord& story) const {
  if (query_title_names.empty() || story.title_names.empty()) return false;
  const bool article_has_own = std::any_of(
      query_title_names.begin(), query_title_names.end(), [&](const TitleNameTerm& name) {
        return !InCentroid(story.centroid, name.name) &&
               (name.word == kNone || !InCentroid(story.centroid, name.word));
      });
  if (!article_has_own) return false;
  const double core = options.conflict_core_share * story.titled_members;
  return std::any_of(story.title_names.begin(), story.title_names.end(),
                     [&](const TitleNameTerm& name) {
                       return name.count >= core && FindQuery(name.name) == nullptr &&
                              (name.word == kNone || FindQuery(name.word) == nullptr);
                     });
}

// Adds `names` (from `titled_members` members) to the story's counts, keeping
// the most frequent.
void Clusterer::State::AddTitleNames(StoryRecord& story, const std::vector<TitleNameTerm>& names,
                                     uint32_t titled_members) const {
  if (names.empty()) return;
  story.titled_members += titled_members;
  for (const TitleNameTerm& name : names) {
    auto found = std::find_if(story.title_names.begin(), story.title_names.end(),
                              [&](const TitleNameTerm& x) { return x.name == name.name; });
    if (found != story.title_names.end()) {
      found->count += name.count;
    } else {
      story.title_names.push_back(name);
    }
  }
  std::stable_sort(
      story.title_names.begin(), story.title_names.end(),
      [](const TitleNameTerm& x, const TitleNameTerm& y) { return x.count > y.count; });
  if (story.title_names.size() > kMaxStoryTitleNames) story.title_names.resize(kMaxStoryTitleNames);
}

// A strong match counts in full however far apart in time (within
// revive_seconds: expired stories are no candidates); a weaker one is
// discounted for time, and finds a dormant story closed.
double Clusterer::State::Score(const StoryRecord& story, std::optional<int64_t> time) const {
  double similarity = Similarity(story);
  if (options.conflict_weight > 0 && similarity > 0 && Conflict(story)) {
    similarity *= 1 - options.conflict_weight;
  }
  if (options.revive_threshold > 0 && similarity >= options.revive_threshold) return similarity;
  if (Dormant(story, time)) return 0;
  return similarity * TimeFactor(story, time) * RecencyBoost(story, time);
}

// Options::threshold, lowered for a story whose articles joined loosely.
double Clusterer::State::JoinThreshold(const StoryRecord& story) const {
  if (options.cohesion_factor <= 0 || story.join_count == 0) return options.threshold;
  const double typical = story.join_sum / story.join_count;
  return std::min(options.threshold,
                  std::max(options.min_threshold, options.cohesion_factor * typical));
}

// Adds `add` (scaled by `scale`) into the sorted `into`, then keeps the
// strongest `limit` terms by weight times IDF.
void Clusterer::State::AddInto(std::vector<TermWeight>& into, const std::vector<TermWeight>& add,
                               float scale, size_t limit) const {
  std::vector<TermWeight> merged;
  merged.reserve(into.size() + add.size());
  size_t i = 0, j = 0;
  while (i < into.size() || j < add.size()) {
    if (j == add.size() || (i < into.size() && into[i].term < add[j].term)) {
      merged.push_back(into[i++]);
    } else if (i == into.size() || add[j].term < into[i].term) {
      merged.push_back({add[j].term, add[j].channel, add[j].weight * scale});
      ++j;
    } else {
      merged.push_back({into[i].term, into[i].channel, into[i].weight + add[j].weight * scale});
      ++i;
      ++j;
    }
  }
  if (merged.size() > limit) {
    std::nth_element(merged.begin(), merged.begin() + static_cast<ptrdiff_t>(limit), merged.end(),
                     [](const TermWeight& x, const TermWeight& y) { return x.weight > y.weight; });
    merged.resize(limit);
    std::sort(merged.begin(), merged.end(),
              [](const TermWeight& x, const TermWeight& y) { return x.term < y.term; });
  }
  into = std::move(merged);
}

void Clusterer::State::Reindex(uint32_t story_index) {
  StoryRecord& story = stories[story_index];
  std::vector<TermWeight>& strongest = reindex_scratch;
  strongest.assign(story.centroid.begin(), story.centroid.end());
  const size_t keep = std::min(options.indexed_terms, strongest.size());
  std::partial_sort(strongest.begin(), strongest.begin() + static_cast<ptrdiff_t>(keep),
                    strongest.end(),
                    [](const TermWeight& x, const TermWeight& y) { return x.weight > y.weight; });
  for (size_t k = 0; k < keep; ++k) {
    const uint32_t term = strongest[k].term;
    const auto place = std::lower_bound(story.indexed.begin(), story.indexed.end(), term);
    if (place != story.indexed.end() && *place == term) continue;
    story.indexed.insert(place, term);
    std::vector<uint32_t>& list = postings[term];
    list.push_back(story_index);
    if (list.size() >= kMinPruneSize && list.size() >= 2 * pruned_size[term]) Prune(term);
  }
}

// Drops merged and expired stories from a postings list; an expired story
// also gives up its centroid, since no article will join it again.
void Clusterer::State::Prune(uint32_t term) {
  std::vector<uint32_t>& list = postings[term];
  std::erase_if(list, [&](uint32_t story_index) {
    StoryRecord& story = stories[story_index];
    if (story.merged_into != kNone) return true;
    if (Expired(story, clock)) {
      Retire(story);
      return true;
    }
    return false;
  });
  pruned_size[term] = static_cast<uint32_t>(list.size());
}

void Clusterer::State::Retire(StoryRecord& story) {
  story.retired = true;
  std::vector<TermWeight>().swap(story.centroid);
  std::vector<uint32_t>().swap(story.indexed);
  std::vector<TitleNameTerm>().swap(story.title_names);
}

std::vector<uint32_t> Clusterer::State::Candidates(const std::vector<TermWeight>& terms,
                                                   std::optional<int64_t> time) {
  std::vector<std::pair<double, uint32_t>> query;
  query.reserve(terms.size());
  for (const TermWeight& term : terms) query.push_back({term.weight, term.term});
  const size_t keep = std::min(options.query_terms, query.size());
  std::partial_sort(query.begin(), query.begin() + static_cast<ptrdiff_t>(keep), query.end(),
                    std::greater<>());
  if (story_score.size() < stories.size()) story_score.resize(stories.size(), 0);
  size_t postings_read = 0;
  for (size_t k = 0; k < keep; ++k) {
    const size_t size = postings[query[k].second].size();
    if (size <= kMaxPostings) postings_read += size;
  }
  // Every story is written to `touched`, but the count moves only on its
  // first score: no branch for the processor to mispredict.
  std::vector<uint32_t>& touched = touched_stories;
  touched.resize(postings_read);
  size_t touched_count = 0;
  for (size_t k = 0; k < keep; ++k) {
    const auto [weight, term] = query[k];
    const std::vector<uint32_t>& list = postings[term];
    if (list.size() > kMaxPostings) continue;
    for (uint32_t story_index : list) {
      touched[touched_count] = story_index;
      touched_count += story_score[story_index] == 0;
      story_score[story_index] += static_cast<float>(weight);
    }
  }
  touched.resize(touched_count);
  // Best first (score, then older story); only the stories taken are checked
  // for being merged away or dormant, so the others' records stay untouched.
  // Most lookups need only the first few: those are selected (linear time)
  // and sorted, and the rest only when too many of them are out.
  std::vector<std::pair<float, uint32_t>> ranked;
  ranked.reserve(touched.size());
  for (uint32_t story_index : touched) {
    ranked.push_back({story_score[story_index], story_index});
    story_score[story_index] = 0;
  }
  const auto better = [](const auto& x, const auto& y) {
    return x.first != y.first ? x.first > y.first : x.second < y.second;
  };
  std::vector<uint32_t> result;
  auto begin = ranked.begin();
  size_t batch = 4 * options.candidates;
  while (begin != ranked.end() && result.size() < options.candidates) {
    const auto end = ranked.end() - begin > static_cast<ptrdiff_t>(batch)
                         ? begin + static_cast<ptrdiff_t>(batch)
                         : ranked.end();
    if (end != ranked.end()) std::nth_element(begin, end, ranked.end(), better);
    std::sort(begin, end, better);
    for (auto at = begin; at != end && result.size() < options.candidates; ++at) {
      const StoryRecord& story = stories[at->second];
      if (story.merged_into != kNone || story.retired || Expired(story, time)) continue;
      result.push_back(at->second);
    }
    begin = end;
    batch *= 4;
  }
  return result;
}

void Clusterer::State::Join(uint32_t story_index, uint32_t article_index,
                            std::optional<int64_t> event_time,
                            const std::vector<TermWeight>* terms) {
  StoryRecord& story = stories[story_index];
  ArticleRecord& article = articles[article_index];
  article.story = story_index;
  story.members.push_back(article_index);
  if (event_time) {
    if (!story.has_time) {
      story.first = story.last = *event_time;
      story.has_time = true;
    } else {
      story.first = std::min(story.first, *event_time);
      story.last = std::max(story.last, *event_time);
    }
  }
  if (terms != nullptr && !terms->empty()) {
    double norm = 0;
    for (const TermWeight& term : *terms) norm += term.weight * term.weight;
    if (norm <= 0) return;
    AddInto(story.centroid, *terms, static_cast<float>(1.0 / std::sqrt(norm)), options.story_terms);
    AddTitleNames(story, query_title_names, 1);
    UpdateNorm(story);
    Reindex(story_index);
  }
}

// Merges `younger` into `older`: the older story keeps its id.
void Clusterer::State::Merge(uint32_t older, uint32_t younger) {
  if (younger < older) std::swap(older, younger);
  StoryRecord& keep = stories[older];
  StoryRecord& gone = stories[younger];
  keep.merged_ids.push_back(gone.id);
  keep.merged_ids.insert(keep.merged_ids.end(), gone.merged_ids.begin(), gone.merged_ids.end());
  for (uint32_t member : gone.members) articles[member].story = older;
  keep.members.insert(keep.members.end(), gone.members.begin(), gone.members.end());
  std::sort(keep.members.begin(), keep.members.end());
  if (gone.has_time) {
    keep.first = keep.has_time ? std::min(keep.first, gone.first) : gone.first;
    keep.last = keep.has_time ? std::max(keep.last, gone.last) : gone.last;
    keep.has_time = true;
  }
  keep.join_sum += gone.join_sum;
  keep.join_count += gone.join_count;
  AddInto(keep.centroid, gone.centroid, 1.0f, options.story_terms);
  AddTitleNames(keep, gone.title_names, gone.titled_members);
  std::vector<TitleNameTerm>().swap(gone.title_names);
  UpdateNorm(keep);
  gone.merged_into = older;
  std::vector<uint32_t>().swap(gone.members);
  std::vector<std::string>().swap(gone.merged_ids);
  Retire(gone);
  --live_stories;
  Reindex(older);
}

uint32_t Clusterer::State::NewStory(uint32_t article_index) {
  StoryRecord story;
  story.id = NewStoryId(articles[article_index].id);
  stories.push_back(std::move(story));
  const auto index = static_cast<uint32_t>(stories.size() - 1);
  IndexStoryId(index);
  ++live_stories;
  return index;
}

std::vector<TermWeight> Clusterer::State::Vectorise(const Article& article) {
  const std::vector<WeightedTerm> extracted = extractor.Extract(article, &title_name_scratch);
  std::vector<TermWeight> terms;
  std::vector<float> raw;
  terms.reserve(extracted.size());
  raw.reserve(extracted.size());
  // The vocabulary's slots are requested kAhead terms early, each term's
  // frequencies as soon as its index is known and read in the second pass:
  // the lookups wait for memory together rather than one after another.
  constexpr size_t kAhead = 16;
  for (size_t k = 0; k < extracted.size(); ++k) {
    if (k + kAhead < extracted.size()) vocabulary.Prefetch(extracted[k + kAhead].hash);
    const WeightedTerm& term = extracted[k];
    uint32_t index = vocabulary.Find(term.hash);
    if (index == HashIndex::kAbsent) index = AddTerm(term.hash);
    __builtin_prefetch(&document_frequency[index]);
    __builtin_prefetch(&background_frequency[index]);
    TermWeight weighted;
    weighted.term = index;
    weighted.channel = term.kind == TermKind::kWord       ? kWords
                       : term.kind == TermKind::kName     ? kNames
                       : term.kind == TermKind::kHeadline ? kHeadlines
                                                          : kNumbers;
    terms.push_back(weighted);
    raw.push_back(term.weight);
  }
  if (!terms.empty()) ++documents;
  query_title_names.clear();
  for (const TitleName& name : title_name_scratch) {
    const uint32_t name_term = vocabulary.Find(name.name_hash);
    if (name_term == HashIndex::kAbsent) continue;
    const uint32_t word_term = name.word_hash != 0 ? vocabulary.Find(name.word_hash) : kNone;
    query_title_names.push_back(
        {name_term, word_term == HashIndex::kAbsent ? kNone : word_term, 1});
  }
  // TF-IDF with the frequencies as they stand when the article arrives (its
  // terms are distinct, so each counts itself and no other).
  for (size_t k = 0; k < terms.size(); ++k) {
    ++document_frequency[terms[k].term];
    terms[k].weight = static_cast<float>(raw[k] * Idf(terms[k].term));
  }
  if (terms.size() > kMaxArticleTerms) {
    std::nth_element(terms.begin(), terms.begin() + kMaxArticleTerms, terms.end(),
                     [](const TermWeight& x, const TermWeight& y) { return x.weight > y.weight; });
    terms.resize(kMaxArticleTerms);
  }
  std::sort(terms.begin(), terms.end(),
            [](const TermWeight& x, const TermWeight& y) { return x.term < y.term; });
  return terms;
}

// ---- Clusterer -----------------------------------------------------------

Clusterer::Clusterer(Options options) : state_(std::make_unique<State>(options)) {}
Clusterer::~Clusterer() = default;
Clusterer::Clusterer(Clusterer&&) noexcept = default;
Clusterer& Clusterer::operator=(Clusterer&&) noexcept = default;

std::string Clusterer::Add(const Article& article) {
  State& state = *state_;
  if (auto known = state.FindArticle(article.id)) {
    return state.stories[state.Resolve(state.articles[*known].story)].id;
  }
  ArticleRecord record;
  record.id = article.id;
  record.source = article.source;
  record.title = article.title.substr(0, std::min<size_t>(article.title.size(), 512));
  record.category = article.category;
  record.language = article.language;
  // When the article reports its event: its date, unless that is well after
  // the day its address gives (a later edit or a crawl dated the page).
  std::optional<int64_t> event_time;
  if (article.published) {
    record.published = article.published->utc_seconds;
    event_time = record.published;
    std::optional<int64_t> url_day = UrlDay(article.url);
    if (!url_day) url_day = UrlDay(article.canonical_url);
    if (url_day && *url_day * 86400 + kUrlDaySlack < *event_time) {
      event_time = *url_day * 86400 + 43200;
    }
    state.clock = state.clock ? std::max(*state.clock, *event_time) : *event_time;
  }
  const std::optional<int64_t> time = event_time ? event_time : state.clock;

  std::optional<uint32_t> canonical;
  if (!article.duplicate_of.empty() && article.duplicate_of != article.id) {
    canonical = state.FindArticle(article.duplicate_of);
  }
  record.duplicate = canonical.has_value();
  state.articles.push_back(std::move(record));
  const auto article_index = static_cast<uint32_t>(state.articles.size() - 1);
  state.IndexArticle(article_index);

  if (canonical) {
    const uint32_t story = state.Resolve(state.articles[*canonical].story);
    state.Join(story, article_index, event_time, nullptr);
    return state.stories[story].id;
  }

  const std::vector<TermWeight> terms = state.Vectorise(article);
  uint32_t best = kNone, second = kNone;
  double best_score = 0, second_score = 0;
  if (!terms.empty()) {
    const std::vector<uint32_t> candidates = state.Candidates(terms, time);
    // The candidates' centroids are requested from memory together, and the
    // query's table built while they come.
    for (uint32_t candidate : candidates) {
      const std::vector<TermWeight>& centroid = state.stories[candidate].centroid;
      constexpr size_t kLine = 64 / sizeof(TermWeight);
      for (size_t at = 0; at < std::min<size_t>(centroid.size(), 4 * kLine); at += kLine) {
        __builtin_prefetch(centroid.data() + at);
      }
    }
    state.SetQuery(terms);
    for (uint32_t candidate : candidates) {
      const StoryRecord& story = state.stories[candidate];
      const double score = state.Score(story, time);
      if (score > best_score || (score == best_score && best != kNone && candidate < best)) {
        second = best;
        second_score = best_score;
        best = candidate;
        best_score = score;
      } else if (score > second_score) {
        second = candidate;
        second_score = score;
      }
    }
  }
  uint32_t story = kNone;
  if (best != kNone && best_score >= state.JoinThreshold(state.stories[best])) {
    story = best;
    state.stories[best].join_sum += static_cast<float>(best_score);
    ++state.stories[best].join_count;
    // An article close to two stories shows they report one event.
    if (second != kNone && second_score >= state.options.merge_threshold) {
      state.Merge(best, second);
      story = std::min(best, second);
    }
  } else {
    story = state.NewStory(article_index);
  }
  state.Join(story, article_index, event_time, &terms);
  return state.stories[story].id;
}

std::optional<std::string> Clusterer::StoryOf(std::string_view article_id) const {
  auto found = state_->FindArticle(article_id);
  if (!found) return std::nullopt;
  return state_->stories[state_->Resolve(state_->articles[*found].story)].id;
}

namespace {

StoryView ViewOf(const StoryRecord& story, const std::vector<ArticleRecord>& articles) {
  StoryView view{story.id, story.merged_ids, {}, std::nullopt, std::nullopt};
  view.members.reserve(story.members.size());
  for (uint32_t member : story.members) view.members.push_back(&articles[member]);
  if (story.has_time) {
    view.first_seen = story.first;
    view.last_updated = story.last;
  }
  return view;
}

}  // namespace

void Clusterer::ForEachStory(const std::function<void(const StoryView&)>& visit) const {
  for (const StoryRecord& story : state_->stories) {
    if (story.merged_into != kNone || story.members.empty()) continue;
    visit(ViewOf(story, state_->articles));
  }
}

bool Clusterer::VisitStory(std::string_view story_id,
                           const std::function<void(const StoryView&)>& visit) const {
  for (uint64_t key = HashText(story_id);; ++key) {
    auto found = state_->story_index.find(key);
    if (found == state_->story_index.end()) return false;
    const StoryRecord& story = state_->stories[found->second];
    if (story.id != story_id) continue;
    if (story.merged_into != kNone || story.members.empty()) return false;
    visit(ViewOf(story, state_->articles));
    return true;
  }
}

size_t Clusterer::article_count() const { return state_->articles.size(); }
size_t Clusterer::story_count() const { return state_->live_stories; }

std::vector<size_t> PublicationOrder(const std::vector<Article>& articles) {
  std::vector<size_t> order(articles.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const Article& x = articles[a];
    const Article& y = articles[b];
    if (x.published.has_value() != y.published.has_value()) return x.published.has_value();
    if (x.published && x.published->utc_seconds != y.published->utc_seconds) {
      return x.published->utc_seconds < y.published->utc_seconds;
    }
    return x.id < y.id;
  });
  return order;
}

std::vector<std::string> ClusterBatch(const std::vector<Article>& articles, Clusterer& clusterer) {
  for (size_t index : PublicationOrder(articles)) clusterer.Add(articles[index]);
  std::vector<std::string> stories;
  stories.reserve(articles.size());
  for (const Article& article : articles) stories.push_back(clusterer.StoryOf(article.id).value());
  return stories;
}

}  // namespace newsloom::cluster
