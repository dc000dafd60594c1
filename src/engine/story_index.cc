// StoryIndex over dedup, cluster, ner and story: see include/newsloom/story_index.h.
#include "newsloom/story_index.h"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "cluster/changed_stories.h"
#include "cluster/clusterer.h"
#include "cluster/rank.h"
#include "common/strings.h"
#include "dedup/dedup.h"
#include "engine/story_aggregate.h"
#include "story/prepared_cache.h"
#include "story/story.h"

namespace newsloom {

namespace {

using engine::MemberFacts;
using engine::StoryAggregate;

// Articles whose prepared sentences are kept (a few KB to tens of KB each).
constexpr size_t kPreparedArticles = 2048;

class StoryIndexImpl final : public StoryIndex {
 public:
  explicit StoryIndexImpl(const StoryIndexOptions& options) {
    cluster::Options cluster_options;
    if (options.quiet_seconds > 0) cluster_options.quiet_seconds = options.quiet_seconds;
    if (options.join_threshold) cluster_options.threshold = *options.join_threshold;
    if (options.merge_threshold) cluster_options.merge_threshold = *options.merge_threshold;
    if (options.time_scale_seconds)
      cluster_options.time_scale_seconds = *options.time_scale_seconds;
    clusterer_ = cluster::Clusterer(cluster_options);
    story_options_.summary_sentences = options.summary_sentences;
  }

  std::string Add(Article article) override {
    std::string id = article.id;
    auto known = articles_.find(id);
    if (known != articles_.end()) {
      // A changed page: keep its story, update what is told about it.
      Entry& entry = known->second;
      article.duplicate_of = entry.article.duplicate_of;
      std::string story = clusterer_.StoryOf(id).value_or("");
      StoryAggregate& aggregate = stories_[story];
      aggregate.Remove(entry.article, entry.facts);
      prepared_.Forget(id);
      entry.article = std::move(article);
      entry.version = ++versions_;
      aggregate.Add(entry.article, entry.facts);
      changed_.Note(story);
      return story;
    }
    if (auto canonical = deduplicator_.Add(article)) article.duplicate_of = *canonical;
    if (article.published) newest_ = std::max(newest_, article.published->utc_seconds);
    // What the cluster stage fixes about an article the first time it sees
    // it (a page removed and added again keeps its place).
    auto [first_seen, is_new] = first_seen_.try_emplace(id);
    if (is_new) {
      first_seen->second.arrival = first_seen_.size();
      first_seen->second.near_duplicate = !article.duplicate_of.empty() &&
                                          article.duplicate_of != id &&
                                          first_seen_.contains(article.duplicate_of);
    }
    const MemberFacts facts = first_seen->second;
    size_t stories_before = clusterer_.story_count();
    std::string story = clusterer_.Add(article);
    // Joining a story keeps the count and founding one adds one; only a
    // merge lowers it.
    if (clusterer_.story_count() < stories_before) FoldMerges(story);
    Entry& entry = articles_[id];
    entry.article = std::move(article);
    entry.facts = facts;
    entry.version = ++versions_;
    stories_[story].Add(entry.article, facts);
    changed_.Note(story);
    return story;
  }

  bool Remove(std::string_view article_id) override {
    auto found = articles_.find(std::string(article_id));
    if (found == articles_.end()) return false;
    if (auto story = clusterer_.StoryOf(article_id)) {
      stories_[*story].Remove(found->second.article, found->second.facts);
      changed_.Note(*story);
    }
    deduplicator_.Remove(article_id);
    prepared_.Forget(article_id);
    articles_.erase(found);
    return true;
  }

  const Article* FindArticle(std::string_view article_id) const override {
    auto found = articles_.find(std::string(article_id));
    return found == articles_.end() ? nullptr : &found->second.article;
  }

  std::optional<std::string> StoryOf(std::string_view article_id) const override {
    if (FindArticle(article_id) == nullptr) return std::nullopt;
    return clusterer_.StoryOf(article_id);
  }

  std::optional<Story> GetStory(std::string_view story_id) const override {
    auto found = stories_.find(std::string(story_id));
    if (found == stories_.end() || found->second.empty()) return std::nullopt;
    return Tell(found->first, found->second);
  }

  std::vector<Story> Stories() const override {
    std::vector<Story> told;
    for (const auto& [id, aggregate] : stories_) {
      if (!aggregate.empty()) told.push_back(Tell(id, aggregate));
    }
    std::sort(told.begin(), told.end(), [](const Story& a, const Story& b) {
      return a.rank != b.rank ? a.rank > b.rank : a.id < b.id;
    });
    return told;
  }

  std::vector<std::string> TakeChangedStories() override { return changed_.Take(); }

  size_t article_count() const override { return articles_.size(); }

 private:
  struct Entry {
    Article article;
    MemberFacts facts;
    uint64_t version = 0;  // changes whenever the article does
  };
  // What the story stage told from a story's told articles last time (a cache).
  struct Told {
    std::vector<uint64_t> versions;  // of the told articles, in order
    std::vector<TimelineEvent> timeline;
    std::vector<CitedSentence> summary;
    std::vector<Disagreement> disagreements;
  };

  // After the cluster stage merged one story into `story`: folds the
  // aggregate of every story it lists as merged into its own.
  void FoldMerges(const std::string& story) {
    clusterer_.VisitStory(story, [&](const cluster::StoryView& view) {
      StoryAggregate& keep = stories_[story];
      keep.merged_ids = view.merged_ids;
      for (const std::string& merged : view.merged_ids) {
        auto gone = stories_.find(merged);
        if (gone == stories_.end()) continue;
        keep.Absorb(std::move(gone->second));
        stories_.erase(gone);
        told_.erase(merged);
        changed_.Note(merged);
      }
    });
  }

  // The story `id` told in full from its aggregate. REQUIRES: not empty.
  Story Tell(const std::string& id, const StoryAggregate& aggregate) const {
    Story story;
    story.id = id;
    story.merged_ids = aggregate.merged_ids;
    story.articles = aggregate.ArticleIds();
    story.title = aggregate.Title();
    story.category = aggregate.Category();
    story.language = aggregate.Language();
    story.first_seen = aggregate.FirstPublished().value_or(0);
    story.last_updated = aggregate.LastPublished().value_or(0);
    story.rank = aggregate.Rank(rank_options_, rank_options_.now.value_or(newest_));
    story.sources = aggregate.Sources();
    story.entities = aggregate.Entities();
    TellFrom(aggregate.ArticlesToTell(story_options_.max_told_articles), &story);
    // Pages saved without a headline (digest items) leave the story untitled;
    // its first summary sentence, quoted as is, names it instead.
    if (story.title.empty() && !story.summary.empty()) story.title = story.summary.front().text;
    if (story.title.empty()) {
      aggregate.FindMember([&](const Article& article) {
        story.title = cluster::OpeningLine(article);
        return !story.title.empty();
      });
    }
    return story;
  }

  // Fills the story stage's timeline, summary and disagreements from
  // `articles`, or from the last telling when the same versions were told.
  void TellFrom(const std::vector<const Article*>& articles, Story* story) const {
    std::vector<uint64_t> versions;
    versions.reserve(articles.size());
    for (const Article* article : articles) versions.push_back(articles_.at(article->id).version);
    Told& told = told_[story->id];
    if (told.versions != versions || versions.empty()) {
      std::vector<std::shared_ptr<const story::PreparedArticle>> prepared;
      for (const Article* article : articles) prepared.push_back(prepared_.Get(*article));
      story::BuildStory(std::move(prepared), story_options_, story);
      told.versions = std::move(versions);
      told.timeline = story->timeline;
      told.summary = story->summary;
      told.disagreements = story->disagreements;
      return;
    }
    story->timeline = told.timeline;
    story->summary = told.summary;
    story->disagreements = told.disagreements;
  }

  story::StoryOptions story_options_;
  cluster::RankOptions rank_options_;  // ranks count back from the newest article
  int64_t newest_ = 0;                 // UTC seconds of the newest article added
  dedup::Deduplicator deduplicator_;
  cluster::Clusterer clusterer_;
  std::unordered_map<std::string, Entry> articles_;
  uint64_t versions_ = 0;  // the last Entry::version given
  // Every article id the clusterer has seen, removed or not.
  std::unordered_map<std::string, MemberFacts> first_seen_;
  // By story id, every story an article was added to (merged-away ones
  // folded into the story that took them).
  std::unordered_map<std::string, StoryAggregate> stories_;
  cluster::ChangedStories changed_;
  // The told articles' sentences, kept so a growing story re-reads only its
  // new articles, and what each story was told from (caches: filled while
  // telling, hence mutable).
  mutable story::PreparedCache prepared_{kPreparedArticles};
  mutable std::unordered_map<std::string, Told> told_;
};

}  // namespace

void AddInPublicationOrder(StoryIndex& index, std::vector<Article> articles) {
  for (size_t position : cluster::PublicationOrder(articles))
    index.Add(std::move(articles[position]));
}

std::unique_ptr<StoryIndex> StoryIndex::Create(const StoryIndexOptions& options) {
  return std::make_unique<StoryIndexImpl>(options);
}

}  // namespace newsloom
