// Clusterer::Serialize / Deserialize and MemoryBytes: the state as
// little-endian binary, read back with every length and index checked.
#include <algorithm>
#include <cmath>

#include "cluster/binary_io.h"
#include "cluster/state.h"

namespace newsloom::cluster {

namespace {

// Version 4 adds each story's title names; version 3 packs a centroid term's
// channel in its top two bits; version 2 added each story's join statistics.
// Versions 1 to 3 are still read (their stories start with no title names,
// with no join statistics in version 1, and the one bit versions 1 and 2 kept
// for "not a word" reads as a name, numbers included).
constexpr std::string_view kMagic = "NLCLUST4";
constexpr std::string_view kMagicV3 = "NLCLUST3";
constexpr std::string_view kMagicV2 = "NLCLUST2";
constexpr std::string_view kMagicV1 = "NLCLUST1";
constexpr uint32_t kTermBits = 30;
constexpr uint32_t kTermMask = (1u << kTermBits) - 1;

}  // namespace

std::string Clusterer::Serialize() const {
  const State& state = *state_;
  Writer out;
  out.out().append(kMagic);
  out.Put<uint64_t>(state.documents);
  out.PutTime(state.clock);
  out.Put<uint32_t>(static_cast<uint32_t>(state.term_hashes.size()));
  for (size_t term = 0; term < state.term_hashes.size(); ++term) {
    out.Put<uint64_t>(state.term_hashes[term]);
    out.Put<uint32_t>(state.document_frequency[term]);
  }
  out.Put<uint32_t>(static_cast<uint32_t>(state.articles.size()));
  for (const ArticleRecord& article : state.articles) {
    for (const std::string* field :
         {&article.id, &article.source, &article.title, &article.category, &article.language}) {
      out.PutString(*field);
    }
    out.PutTime(article.published);
    out.Put<uint8_t>(article.duplicate);
    out.Put<uint32_t>(article.story);
  }
  out.Put<uint32_t>(static_cast<uint32_t>(state.stories.size()));
  for (const StoryRecord& story : state.stories) {
    out.PutString(story.id);
    out.Put<uint32_t>(static_cast<uint32_t>(story.merged_ids.size()));
    for (const std::string& id : story.merged_ids) out.PutString(id);
    out.Put<uint32_t>(static_cast<uint32_t>(story.members.size()));
    for (uint32_t member : story.members) out.Put<uint32_t>(member);
    out.Put<uint32_t>(static_cast<uint32_t>(story.centroid.size()));
    for (const TermWeight& term : story.centroid) {
      out.Put<uint32_t>(term.term | (static_cast<uint32_t>(term.channel) << kTermBits));
      out.Put<float>(term.weight);
    }
    out.Put<uint32_t>(static_cast<uint32_t>(story.indexed.size()));
    for (uint32_t term : story.indexed) out.Put<uint32_t>(term);
    out.Put<int64_t>(story.first);
    out.Put<int64_t>(story.last);
    out.Put<uint8_t>(story.has_time);
    out.Put<uint8_t>(story.retired);
    out.Put<uint32_t>(story.merged_into);
    out.Put<float>(story.join_sum);
    out.Put<uint32_t>(story.join_count);
    out.Put<uint32_t>(story.titled_members);
    out.Put<uint32_t>(static_cast<uint32_t>(story.title_names.size()));
    for (const TitleNameTerm& name : story.title_names) {
      out.Put<uint32_t>(name.name);
      out.Put<uint32_t>(name.word);
      out.Put<uint32_t>(name.count);
    }
  }
  return std::move(out.out());
}

Result<Clusterer> Clusterer::Deserialize(std::string_view bytes, Options options) {
  const Status corrupt = Status::Corruption("cluster state: truncated or malformed");
  const bool version1 = bytes.substr(0, kMagicV1.size()) == kMagicV1;
  const bool version2 = bytes.substr(0, kMagicV2.size()) == kMagicV2;
  const bool version3 = bytes.substr(0, kMagicV3.size()) == kMagicV3;
  if (bytes.substr(0, kMagic.size()) != kMagic && !version1 && !version2 && !version3) {
    return Status::Corruption("cluster state: not a newsloom cluster snapshot");
  }
  Reader in(bytes.substr(kMagic.size()));
  Clusterer clusterer(options);
  State& state = *clusterer.state_;
  uint32_t count = 0;
  if (!in.Get(state.documents) || !in.GetTime(state.clock) || !in.GetCount(count, 12) ||
      count > kTermMask) {
    return corrupt;
  }
  for (uint32_t term = 0; term < count; ++term) {
    uint64_t hash = 0;
    uint32_t frequency = 0;
    if (!in.Get(hash) || !in.Get(frequency)) return corrupt;
    if (state.vocabulary.Find(hash) != HashIndex::kAbsent) return corrupt;
    state.AddTerm(hash);
    state.document_frequency[term] = frequency;
  }
  uint32_t article_count = 0;
  if (!in.GetCount(article_count, 34)) return corrupt;
  state.articles.resize(article_count);
  for (ArticleRecord& article : state.articles) {
    uint8_t duplicate = 0;
    for (std::string* field :
         {&article.id, &article.source, &article.title, &article.category, &article.language}) {
      if (!in.GetString(*field)) return corrupt;
    }
    if (!in.GetTime(article.published) || !in.Get(duplicate) || !in.Get(article.story) ||
        duplicate > 1) {
      return corrupt;
    }
    article.duplicate = duplicate != 0;
  }
  uint32_t story_count = 0;
  if (!in.GetCount(story_count, 42)) return corrupt;
  state.stories.resize(story_count);
  for (StoryRecord& story : state.stories) {
    if (!in.GetString(story.id) || !in.GetCount(count, 4)) return corrupt;
    story.merged_ids.resize(count);
    for (std::string& id : story.merged_ids) {
      if (!in.GetString(id)) return corrupt;
    }
    if (!in.GetCount(count, 4)) return corrupt;
    story.members.resize(count);
    for (uint32_t& member : story.members) {
      if (!in.Get(member) || member >= article_count) return corrupt;
    }
    if (!in.GetCount(count, 8)) return corrupt;
    story.centroid.resize(count);
    uint32_t previous = 0;
    for (size_t k = 0; k < story.centroid.size(); ++k) {
      TermWeight& term = story.centroid[k];
      uint32_t packed = 0;
      if (!in.Get(packed) || !in.Get(term.weight) || !std::isfinite(term.weight)) return corrupt;
      const bool old_format = version1 || version2;
      const uint32_t index = packed & (old_format ? 0x7FFFFFFFu : kTermMask);
      const uint32_t channel =
          old_format ? ((packed >> 31) != 0 ? kNames : kWords) : packed >> kTermBits;
      if (index > kTermMask || channel >= kChannels) return corrupt;
      term.term = index;
      term.channel = channel;
      // Terms must be known and strictly increasing (Similarity merges sorted lists).
      if (term.term >= state.term_hashes.size() || (k > 0 && term.term <= previous)) {
        return corrupt;
      }
      previous = term.term;
    }
    state.UpdateNorm(story);
    if (!in.GetCount(count, 4)) return corrupt;
    story.indexed.resize(count);
    for (uint32_t& term : story.indexed) {
      if (!in.Get(term) || term >= state.term_hashes.size()) return corrupt;
    }
    // Reindex finds terms by binary search; states saved before kept them unsorted.
    std::sort(story.indexed.begin(), story.indexed.end());
    story.indexed.erase(std::unique(story.indexed.begin(), story.indexed.end()),
                        story.indexed.end());
    uint8_t has_time = 0, retired = 0;
    if (!in.Get(story.first) || !in.Get(story.last) || !in.Get(has_time) || !in.Get(retired) ||
        !in.Get(story.merged_into) || has_time > 1 || retired > 1) {
      return corrupt;
    }
    story.has_time = has_time != 0;
    story.retired = retired != 0;
    if (!version1 && (!in.Get(story.join_sum) || !in.Get(story.join_count) ||
                      !std::isfinite(story.join_sum) || story.join_sum < 0)) {
      return corrupt;
    }
    if (!version1 && !version2 && !version3) {
      if (!in.Get(story.titled_members) || !in.GetCount(count, 12) || count > kMaxStoryTitleNames) {
        return corrupt;
      }
      story.title_names.resize(count);
      for (TitleNameTerm& name : story.title_names) {
        if (!in.Get(name.name) || !in.Get(name.word) || !in.Get(name.count) ||
            name.name >= state.term_hashes.size() ||
            (name.word != kNone && name.word >= state.term_hashes.size())) {
          return corrupt;
        }
      }
    }
  }
  if (!in.done()) return corrupt;

  // Links must point inside the state, and merges only to older stories (no cycles).
  for (uint32_t index = 0; index < story_count; ++index) {
    StoryRecord& story = state.stories[index];
    if (story.merged_into != kNone && story.merged_into >= index) return corrupt;
    if (state.StoryIdTaken(story.id)) return corrupt;
    state.IndexStoryId(index);
    if (story.merged_into == kNone) ++state.live_stories;
    for (uint32_t term : story.indexed) state.postings[term].push_back(index);
  }
  for (uint32_t index = 0; index < article_count; ++index) {
    if (state.articles[index].story >= story_count) return corrupt;
    if (state.FindArticle(state.articles[index].id)) return corrupt;
    state.IndexArticle(index);
  }
  for (size_t term = 0; term < state.postings.size(); ++term) {
    state.pruned_size[term] = static_cast<uint32_t>(state.postings[term].size());
  }
  return clusterer;
}

size_t Clusterer::MemoryBytes() const {
  const State& state = *state_;
  auto string_bytes = [](const std::string& text) {
    return text.capacity() > 15 ? text.capacity() + 1 : 0;
  };
  // An unordered_map node: key, value, next pointer, cached hash; plus a bucket.
  constexpr size_t kNodeOverhead = 2 * sizeof(void*) + sizeof(size_t);
  size_t bytes = state.articles.capacity() * sizeof(ArticleRecord);
  for (const ArticleRecord& article : state.articles) {
    bytes += string_bytes(article.id) + string_bytes(article.source) + string_bytes(article.title) +
             string_bytes(article.category) + string_bytes(article.language);
  }
  bytes += state.stories.capacity() * sizeof(StoryRecord);
  for (const StoryRecord& story : state.stories) {
    bytes += string_bytes(story.id) + story.members.capacity() * sizeof(uint32_t) +
             story.centroid.capacity() * sizeof(TermWeight) +
             story.indexed.capacity() * sizeof(uint32_t) +
             story.title_names.capacity() * sizeof(TitleNameTerm) +
             story.merged_ids.capacity() * sizeof(std::string);
    for (const std::string& id : story.merged_ids) bytes += string_bytes(id);
  }
  bytes += (state.article_index.size() + state.story_index.size()) *
           (sizeof(uint64_t) + sizeof(uint32_t) + kNodeOverhead);
  bytes += (state.article_index.bucket_count() + state.story_index.bucket_count()) * sizeof(void*);
  bytes += state.vocabulary.MemoryBytes();
  bytes += state.term_hashes.capacity() * sizeof(uint64_t) +
           state.document_frequency.capacity() * sizeof(uint32_t) +
           state.background_frequency.capacity() * sizeof(uint32_t) +
           state.pruned_size.capacity() * sizeof(uint32_t) +
           state.postings.capacity() * sizeof(std::vector<uint32_t>);
  for (const auto& list : state.postings) bytes += list.capacity() * sizeof(uint32_t);
  return bytes;
}

}  // namespace newsloom::cluster
