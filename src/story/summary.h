// Extractive summaries: central sentences, diverse in content and source,
// quoted verbatim and cited.
#ifndef NEWSLOOM_STORY_SUMMARY_H_
#define NEWSLOOM_STORY_SUMMARY_H_

#include <vector>

#include "newsloom/story.h"
#include "story/corpus.h"

namespace newsloom::story {

// Up to `length` sentences of the corpus. Candidates are the quotable text
// sentences (no boilerplate, teasers, questions, reference lists). Each is
// scored by its TF-IDF cosine to the centroid of the articles (an article
// weighs by the square root of its sentence count up to eight, so ledes and
// teasers count less; one in `unreliable` half as much) and to the titles, a small
// bonus for leading sentences and a penalty for openers that lean on an
// earlier sentence ("He", "But", "This"). Sentences are then picked by maximal
// marginal relevance (0.7 relevance, 0.3 redundancy, and a penalty for an
// article or source already quoted; the source is the domain, else the URL,
// else the page of a digest item "<page>#<n>"); one too similar to a picked sentence
// (cosine >= 0.45) is never picked. The result is ordered by article date
// (publication, else inferred), then input order, then position.
std::vector<CitedSentence> Summarize(const StoryCorpus& corpus, const std::vector<bool>& unreliable,
                                     int length);

}  // namespace newsloom::story

#endif  // NEWSLOOM_STORY_SUMMARY_H_
