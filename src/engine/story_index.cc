// StoryIndex over dedup, cluster, ner and story: see include/newsloom/story_index.h.
#include "newsloom/story_index.h"

#include <algorithm>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>

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
    load_articles_ = options.load_articles;
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
      Uncount(aggregate, entry);
      prepared_.Forget(id);
      Keep(std::move(article), entry);
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
    entry.facts = facts;
    Keep(std::move(article), entry);
    stories_[story].Add(entry.article, facts);
    changed_.Note(story);
    return story;
  }

  bool Remove(std::string_view article_id) override {
    auto found = articles_.find(std::string(article_id));
    if (found == articles_.end()) return false;
    if (auto story = clusterer_.StoryOf(article_id)) {
      Uncount(stories_[*story], found->second);
      changed_.Note(*story);
    }
    deduplicator_.Remove(article_id);
    prepared_.Forget(article_id);
    articles_.erase(found);
    return true;
  }

  void ReleaseTexts() override {
    for (const std::string& id : std::exchange(unreleased_, {})) {
      auto found = articles_.find(id);
      if (found == articles_.end()) continue;
      found->second.text.reset();
      // Counted already; Uncount reads them back. (The names are most of
      // what is left of an article.)
      std::vector<Entity>().swap(found->second.article.entities);
    }
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
    // Whole without a loader; with one, what the story counts read (Slim).
    Article article;
    // With a loader, the whole article until ReleaseTexts(), which also
    // drops the names from `article`.
    std::shared_ptr<const Article> text;
    MemberFacts facts;
    uint64_t version = 0;  // changes whenever the article does
  };

  // The parts of an article the story counts never read: its text, dates,
  // description, authors and urls.
  static void SwapTextParts(Article& a, Article& b) {
    std::swap(a.paragraphs, b.paragraphs);
    std::swap(a.dates, b.dates);
    std::swap(a.description, b.description);
    std::swap(a.authors, b.authors);
    std::swap(a.url, b.url);
    std::swap(a.canonical_url, b.canonical_url);
  }

  // `whole` without its text parts, but for the opening line of its text
  // (which names an untitled story, and is its own opening line).
  static Article Slim(Article& whole) {
    Article aside;
    SwapTextParts(whole, aside);
    Article slim = whole;  // copies all but the text parts
    SwapTextParts(whole, aside);
    std::string opening = cluster::OpeningLine(whole);
    if (!opening.empty())
      slim.paragraphs.push_back({whole.paragraphs.front().kind, std::move(opening)});
    return slim;
  }

  // Takes `entry` out of `aggregate`'s counts. A released article's names,
  // which it no longer keeps, are read back for that: the store still holds
  // the version counted (the service writes after telling).
  void Uncount(StoryAggregate& aggregate, Entry& entry) {
    const bool released = load_articles_ && !entry.text;
    if (released) {
      std::vector<Article> stored = load_articles_({entry.article.id});
      if (!stored.empty()) entry.article.entities = std::move(stored.front().entities);
    }
    aggregate.Remove(entry.article, entry.facts);
    if (released) std::vector<Entity>().swap(entry.article.entities);
  }

  // Stores `article` as `entry`'s new version.
  void Keep(Article article, Entry& entry) {
    entry.version = ++versions_;
    if (!load_articles_) {
      entry.article = std::move(article);
      return;
    }
    entry.article = Slim(article);
    entry.text = std::make_shared<const Article>(std::move(article));
    unreleased_.push_back(entry.article.id);
  }

  // The told articles prepared, in order: from the cache, else from the
  // entry, else read back through the loader (an article it cannot find is
  // left out).
  std::vector<std::shared_ptr<const story::PreparedArticle>> Prepared(
      const std::vector<const Article*>& articles) const {
    std::vector<std::shared_ptr<const story::PreparedArticle>> prepared;
    prepared.reserve(articles.size());
    std::vector<std::string> missing;
    std::unordered_map<std::string, size_t> missing_at;  // id -> its place in `prepared`
    for (const Article* article : articles) {
      if (!load_articles_) {
        prepared.push_back(prepared_.Get(*article));
      } else if (auto cached = prepared_.Find(article->id)) {
        prepared.push_back(std::move(cached));
      } else if (const Entry& entry = articles_.at(article->id); entry.text) {
        prepared.push_back(prepared_.Get(entry.text));
      } else {
        missing_at.emplace(article->id, prepared.size());
        missing.push_back(article->id);
        prepared.push_back(nullptr);
      }
    }
    if (missing.empty()) return prepared;
    for (Article& article : load_articles_(missing)) {
      auto at = missing_at.find(article.id);
      if (at == missing_at.end()) continue;
      article.duplicate_of = articles_.at(article.id).article.duplicate_of;  // the index's finding
      prepared[at->second] = prepared_.Get(std::make_shared<const Article>(std::move(article)));
    }
    std::erase(prepared, nullptr);
    return prepared;
  }

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
      story::BuildStory(Prepared(articles), story_options_, story);
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
  ArticleLoader load_articles_;
  std::vector<std::string> unreleased_;  // ids whose Entry::text ReleaseTexts drops
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
