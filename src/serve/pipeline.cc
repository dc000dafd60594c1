#include "serve/pipeline.h"

#include <cstdio>

#include "engine/article_analysis.h"
#include "newsloom/story_index.h"

namespace newsloom::serve {

namespace {

// The real story pipeline behind the store: dedup, cluster and the story
// stage through newsloom::StoryIndex. At start-up it re-adds what the store
// holds in the order it arrived, which gives back the same stories and ids.
class IndexedStories final : public store::StoryBuilder {
 public:
  // The index keeps the articles' text in the store, not in memory: it reads
  // back those it tells a story from.
  explicit IndexedStories(store::Store& store) : index_(StoryIndex::Create(Options(store))) {
    auto ids = store.ArticleIdsInArrivalOrder();
    if (!ids.ok()) {
      std::fprintf(stderr, "newsloom: reading the store: %s\n", ids.status().ToString().c_str());
      return;
    }
    for (const std::string& id : *ids) {
      auto article = store.GetArticle(id);
      if (!article.ok()) continue;
      index_->Add(std::move(article).value());
      index_->ReleaseTexts();  // stored already
    }
    index_->TakeChangedStories();
  }

  std::vector<Story> Add(const Article& article) override {
    index_->Add(article);
    return Changed();
  }

  std::vector<Story> Remove(const std::string& id) override {
    index_->Remove(id);
    return Changed();
  }

  // A transaction's changes only update the index; its changed stories are
  // told once, at TakeChanged (telling a story costs far more than adding).
  void NoteAdd(const Article& article) override { index_->Add(article); }
  void NoteRemove(const std::string& id) override { index_->Remove(id); }
  std::vector<Story> TakeChanged() override { return Changed(); }
  void Committed() override { index_->ReleaseTexts(); }

 private:
  // Each changed story, told in full; one gone (merged away or emptied) comes
  // back with no articles, which tells the store to delete it.
  std::vector<Story> Changed() {
    std::vector<Story> stories;
    for (const std::string& id : index_->TakeChangedStories()) {
      std::optional<Story> story = index_->GetStory(id);
      if (!story) {
        story.emplace();
        story->id = id;
      }
      stories.push_back(std::move(*story));
    }
    return stories;
  }

  static StoryIndexOptions Options(store::Store& store) {
    StoryIndexOptions options;
    options.load_articles = [&store](const std::vector<std::string>& ids) {
      std::vector<Article> articles;
      articles.reserve(ids.size());
      for (const std::string& id : ids) {
        if (auto article = store.GetArticle(id); article.ok())
          articles.push_back(std::move(article).value());
      }
      return articles;
    };
    return options;
  }

  std::unique_ptr<StoryIndex> index_;
};

}  // namespace

std::unique_ptr<store::StoryBuilder> DefaultStoryBuilder(store::Store& store) {
  return std::make_unique<IndexedStories>(store);
}

Result<Newsroom::Prepare> DefaultPrepare() {
  Options options;
  options.analyze = true;
  options.entities_and_dates = true;
  auto opened = ArticleAnalysis::Open(options);
  if (!opened.ok()) return opened.status();
  std::shared_ptr<const ArticleAnalysis> analysis = std::move(opened).value();
  return Newsroom::Prepare([analysis](Article& article) { analysis->Run(article); });
}

}  // namespace newsloom::serve
