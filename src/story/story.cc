#include "story/story.h"

#include <algorithm>

#include "story/consistency.h"
#include "story/corpus.h"
#include "story/disagreements.h"
#include "story/summary.h"
#include "story/timeline.h"

namespace newsloom::story {

void BuildStory(const std::vector<const Article*>& articles, const StoryOptions& options,
                Story* story) {
  StoryCorpus corpus = BuildCorpus(articles);
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
