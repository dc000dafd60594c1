#include "story/story.h"

#include <algorithm>

#include "story/consistency.h"
#include "story/corpus.h"
#include "story/disagreements.h"
#include "story/summary.h"
#include "story/timeline.h"

namespace newsloom::story {

std::vector<size_t> ArticlesToTell(const std::vector<const Article*>& articles,
                                   const StoryOptions& options) {
  std::vector<size_t> order(articles.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  size_t most = options.max_told_articles > 0 ? static_cast<size_t>(options.max_told_articles) : 0;
  if (most == 0 || articles.size() <= most) return order;
  // Publication order, undated last (as the cluster stage lists a story's articles).
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const auto& left = articles[a]->published;
    const auto& right = articles[b]->published;
    if (left.has_value() != right.has_value()) return left.has_value();
    return left && left->utc_seconds < right->utc_seconds;
  });
  std::vector<size_t> originals;
  for (size_t i : order) {
    if (articles[i]->duplicate_of.empty()) originals.push_back(i);
  }
  if (originals.size() >= most) order = std::move(originals);
  size_t earliest = most / 4;
  std::vector<size_t> told(order.begin(), order.begin() + earliest);
  told.insert(told.end(), order.end() - (most - earliest), order.end());
  std::sort(told.begin(), told.end());
  return told;
}

void BuildStory(const std::vector<const Article*>& articles, const StoryOptions& options,
                Story* story) {
  std::vector<std::shared_ptr<const PreparedArticle>> told;
  for (size_t i : ArticlesToTell(articles, options)) told.push_back(PrepareArticle(*articles[i]));
  BuildStory(std::move(told), options, story);
}

void BuildStory(std::vector<std::shared_ptr<const PreparedArticle>> told,
                const StoryOptions& options, Story* story) {
  StoryCorpus corpus = BuildCorpus(std::move(told));
  SelfContradictions self = FindSelfContradictions(corpus);
  std::vector<DatedSentence> dated = DatedSentences(corpus);
  story->timeline = BuildTimeline(corpus, dated, options.max_timeline_events);
  story->summary = Summarize(corpus, self.unreliable, std::clamp(options.summary_sentences, 3, 7));
  // Sources against each other first, then articles against themselves.
  std::vector<Disagreement> disagreements = FindClaimDisagreements(corpus);
  std::vector<Disagreement> figures = FindFigureDisagreements(corpus);
  std::vector<Disagreement> dates = FindDateDisagreements(corpus, dated);
  for (auto* list : {&figures, &dates, &self.findings}) {
    for (Disagreement& disagreement : *list) disagreements.push_back(std::move(disagreement));
  }
  if (options.max_disagreements > 0 &&
      disagreements.size() > static_cast<size_t>(options.max_disagreements)) {
    disagreements.resize(options.max_disagreements);
  }
  story->disagreements = std::move(disagreements);
}

Story BuildStory(const std::vector<const Article*>& articles, const StoryOptions& options) {
  Story story;
  BuildStory(articles, options, &story);
  return story;
}

std::vector<CitedSentence> SummarizeArticle(const Article& article, int sentences) {
  StoryCorpus corpus = BuildCorpus({&article});
  return Summarize(corpus, {}, std::clamp(sentences, 1, 7));
}

}  // namespace newsloom::story
