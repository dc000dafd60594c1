// StoryIndex over dedup, cluster, ner and story: see include/newsloom/story_index.h.
#include "newsloom/story_index.h"

#include <algorithm>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "cluster/changed_stories.h"
#include "cluster/clusterer.h"
#include "cluster/rank.h"
#include "common/strings.h"
#include "dedup/dedup.h"
#include "ner/story_entities.h"
#include "story/prepared_cache.h"
#include "story/story.h"

namespace newsloom {

namespace {

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
      article.duplicate_of = known->second.duplicate_of;
      prepared_.Forget(id);
      known->second = std::move(article);
      std::string story = clusterer_.StoryOf(id).value_or("");
      changed_.Note(story);
      return story;
    }
    if (auto canonical = deduplicator_.Add(article)) article.duplicate_of = *canonical;
    if (article.published) newest_ = std::max(newest_, article.published->utc_seconds);
    size_t stories_before = clusterer_.story_count();
    std::string story = clusterer_.Add(article);
    articles_.emplace(id, std::move(article));
    changed_.Note(story);
    // Joining a story keeps the count and founding one adds one; only a
    // merge lowers it, and only then is the state scanned for what merged.
    if (clusterer_.story_count() < stories_before) changed_.NoteMerges(clusterer_);
    return story;
  }

  bool Remove(std::string_view article_id) override {
    auto found = articles_.find(std::string(article_id));
    if (found == articles_.end()) return false;
    if (auto story = clusterer_.StoryOf(article_id)) changed_.Note(*story);
    deduplicator_.Remove(article_id);
    prepared_.Forget(article_id);
    articles_.erase(found);
    return true;
  }

  const Article* FindArticle(std::string_view article_id) const override {
    auto found = articles_.find(std::string(article_id));
    return found == articles_.end() ? nullptr : &found->second;
  }

  std::optional<std::string> StoryOf(std::string_view article_id) const override {
    if (FindArticle(article_id) == nullptr) return std::nullopt;
    return clusterer_.StoryOf(article_id);
  }

  std::optional<Story> GetStory(std::string_view story_id) const override {
    std::optional<Story> story;
    clusterer_.VisitStory(story_id, [&](const cluster::StoryView& view) {
      story = cluster::BuildStory(view, rank_options_, newest_);
    });
    if (!story || !Tell(*story)) return std::nullopt;
    return story;
  }

  std::vector<Story> Stories() const override {
    std::vector<Story> told;
    for (Story& story : cluster::RankStories(clusterer_, rank_options_)) {
      if (Tell(story)) told.push_back(std::move(story));
    }
    return told;
  }

  std::vector<std::string> TakeChangedStories() override { return changed_.Take(); }

  size_t article_count() const override { return articles_.size(); }

 private:
  // Drops removed articles from `story` and fills what the story stage tells.
  // False when no article of the story is left.
  bool Tell(Story& story) const {
    // Runs over every member at every change of a story: hashing beats a
    // sorted set's string comparisons, and the ids are copied only when one
    // is gone.
    std::vector<const Article*> members;
    members.reserve(story.articles.size());
    std::unordered_set<std::string_view> sources;
    for (const std::string& id : story.articles) {
      auto found = articles_.find(id);
      members.push_back(found == articles_.end() ? nullptr : &found->second);
      const Article* article = members.back();
      if (article == nullptr) continue;
      // A page without a url names its outlet at most (a digest's line "... - Reuters").
      const std::string& source = article->source.empty() ? article->site_name : article->source;
      if (!source.empty() && article->duplicate_of.empty()) sources.insert(source);
    }
    if (std::find(members.begin(), members.end(), nullptr) != members.end()) {
      std::vector<std::string> kept;
      for (size_t i = 0; i < members.size(); ++i) {
        if (members[i] != nullptr) kept.push_back(std::move(story.articles[i]));
      }
      std::erase(members, nullptr);
      story.articles = std::move(kept);
    }
    if (members.empty()) return false;
    story.sources.assign(sources.begin(), sources.end());
    std::sort(story.sources.begin(), story.sources.end());
    story.entities = ner::MergeStoryEntities(members);
    std::vector<std::shared_ptr<const story::PreparedArticle>> told;
    for (size_t i : story::ArticlesToTell(members, story_options_))
      told.push_back(prepared_.Get(*members[i]));
    story::BuildStory(std::move(told), story_options_, &story);
    // Pages saved without a headline (digest items) leave the story untitled;
    // its first summary sentence, quoted as is, names it instead.
    if (story.title.empty() && !story.summary.empty()) story.title = story.summary.front().text;
    for (size_t m = 0; m < members.size() && story.title.empty(); ++m)
      story.title = cluster::OpeningLine(*members[m]);
    return true;
  }

  story::StoryOptions story_options_;
  cluster::RankOptions rank_options_;  // ranks count back from the newest article
  int64_t newest_ = 0;                 // UTC seconds of the newest article added
  dedup::Deduplicator deduplicator_;
  cluster::Clusterer clusterer_;
  std::unordered_map<std::string, Article> articles_;
  cluster::ChangedStories changed_;
  // The told articles' sentences, kept so a growing story re-reads only its
  // new articles (a cache: filled while telling, hence mutable).
  mutable story::PreparedCache prepared_{kPreparedArticles};
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
