#include <cstdlib>

#include "story/disagreements.h"
#include "story/timeline.h"

namespace newsloom::story {

std::vector<Disagreement> FindDateDisagreements(const StoryCorpus& corpus,
                                                const std::vector<DatedSentence>& dated) {
  constexpr float kSameEvent = 0.5f;
  std::vector<Disagreement> found;
  std::vector<bool> used(dated.size(), false);
  constexpr size_t kMaxFound = 20;
  for (size_t i = 0; i < dated.size() && found.size() < kMaxFound; ++i) {
    const timex::TimeExpression& first = dated[i].date;
    // Relative dates hang on publication dates, which copies of one report often get wrong.
    if (used[i] || first.granularity == Granularity::kYear || first.relative) continue;
    const Sentence& left = corpus.sentences[dated[i].sentence];
    for (size_t j = i + 1; j < dated.size(); ++j) {
      const timex::TimeExpression& second = dated[j].date;
      const Sentence& right = corpus.sentences[dated[j].sentence];
      if (used[j] || right.article == left.article || second.granularity != first.granularity ||
          second.relative || Compatible(first, second)) {
        continue;
      }
      bool anniversary = first.date.month == second.date.month && first.date.day == second.date.day;
      // Short lines ("12:47 a.m. Nov. 3, 2016.") are alike in little but their dates.
      bool short_line = left.stems.size() < 5 || right.stems.size() < 5;
      if (anniversary || short_line || Cosine(left.vector, right.vector) < kSameEvent) continue;
      used[i] = used[j] = true;
      Disagreement disagreement;
      disagreement.about =
          "Different dates for the same event: " + first.Iso() + " vs " + second.Iso();
      disagreement.claims.push_back({std::string(left.text), corpus.articles[left.article]->id});
      disagreement.claims.push_back({std::string(right.text), corpus.articles[right.article]->id});
      found.push_back(std::move(disagreement));
      break;
    }
  }
  return found;
}

}  // namespace newsloom::story
