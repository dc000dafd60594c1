// StoryIndex: the sequential half of the pipeline. Takes analyzed articles
// one at a time (Engine with Options::analyze and entities_and_dates) and
// keeps the stories they form: duplicates flagged (dedup), each article put
// in a story as it arrives (cluster), and each story ranked, titled and told
// (entities, timeline, cited summary, disagreements) when asked for.
//
//   auto index = newsloom::StoryIndex::Create();
//   std::string story_id = index->Add(article);
//   for (const Story& story : index->Stories()) ...
//
// Story ids are stable: the same articles in the same order give the same
// ids, so a store can rebuild the index at start-up by re-adding its articles
// in publication order. Not thread-safe: one thread at a time.
#ifndef NEWSLOOM_STORY_INDEX_H_
#define NEWSLOOM_STORY_INDEX_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "newsloom/article.h"
#include "newsloom/story.h"

namespace newsloom {

// Reads stored articles back by id; those it cannot find are left out.
using ArticleLoader = std::function<std::vector<Article>(const std::vector<std::string>& ids)>;

struct StoryIndexOptions {
  // Sentences in each story summary (3..7).
  int summary_sentences = 5;
  // A story with no new article for this long takes no more articles;
  // 0 keeps the cluster stage's default (90 days).
  int64_t quiet_seconds = 0;
  // Clustering knobs; unset keeps the cluster stage's default.
  // Similarity (0..1) an article needs to join a story.
  std::optional<double> join_threshold;
  // Similarity to a second story at which an article merges the two.
  std::optional<double> merge_threshold;
  // Similarity is divided by 1 + (time between article and story) / this;
  // 0 turns the discount off.
  std::optional<double> time_scale_seconds;
  // When set, the index keeps of an article, once ReleaseTexts() has been
  // called after its Add, only what the story counts read (no names, no text
  // beyond its opening line, no dates, description or authors), and reads
  // back through this the articles a story is told from and the version of
  // an article it removes or replaces (so the store must still hold that
  // version when Remove or Add is called): a service of a million articles
  // keeps them in its store, not in memory. Unset keeps every article whole.
  ArticleLoader load_articles;
};

class StoryIndex {
 public:
  static std::unique_ptr<StoryIndex> Create(const StoryIndexOptions& options = {});
  virtual ~StoryIndex() = default;

  // Adds an article, or replaces the stored one with the same id (its story
  // stays). Sets its duplicate_of when it copies an earlier article. Returns
  // the id of its story.
  virtual std::string Add(Article article) = 0;

  // Forgets an article; its story loses it (and disappears when empty).
  // False when the id is unknown.
  virtual bool Remove(std::string_view article_id) = 0;

  // With StoryIndexOptions::load_articles: drops the text of every article
  // added since the last call. Call once they are stored where the loader
  // reads. Without a loader it does nothing.
  virtual void ReleaseTexts() = 0;

  // The article as the index keeps it: without its text once released (see
  // ReleaseTexts).
  virtual const Article* FindArticle(std::string_view article_id) const = 0;
  virtual std::optional<std::string> StoryOf(std::string_view article_id) const = 0;

  // One story, told in full; nullopt when unknown (or merged away: see StoryOf).
  virtual std::optional<Story> GetStory(std::string_view story_id) const = 0;

  // Every story, told in full, highest rank first.
  virtual std::vector<Story> Stories() const = 0;

  // Ids of the stories that changed (new, grown, shrunk, merged into another,
  // or gone) since the last call; the caller looks each up with GetStory.
  virtual std::vector<std::string> TakeChangedStories() = 0;

  virtual size_t article_count() const = 0;
};

// Batch mode: adds `articles` in publication order (undated ones last, ties
// by id), as they would have arrived, so batch and streaming agree.
void AddInPublicationOrder(StoryIndex& index, std::vector<Article> articles);

}  // namespace newsloom

#endif  // NEWSLOOM_STORY_INDEX_H_
