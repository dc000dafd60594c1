// Where a story's sources disagree with each other: different figures for the
// same quantity, different dates for the same event, and claims that an
// agreement (a ceasefire, a peace deal) was reached against claims that none was.
#ifndef NEWSLOOM_STORY_DISAGREEMENTS_H_
#define NEWSLOOM_STORY_DISAGREEMENTS_H_

#include <vector>

#include "newsloom/story.h"
#include "story/corpus.h"
#include "story/timeline.h"

namespace newsloom::story {

// Figures: a number (digits or a word up to twenty, with "million" and the
// like, "more than", "about", ...) read as a range, its unit (the noun after
// it) and the words around it. Two figures from different articles are the
// same quantity when their units match and their contexts share an event word
// ("killed", "injured", "arrested", "pledged", ...) or two other content
// words; they disagree when their ranges do not meet. Years, dates, and
// adjectival numbers ("10-year") are not figures.
std::vector<Disagreement> FindFigureDisagreements(const StoryCorpus& corpus);

// Dates: sentences of different articles worded alike (cosine >= 0.5) that
// date the same event on different days or months. Whole-year shifts of the
// same day are anniversaries, not disagreements.
// `dated` is DatedSentences(corpus).
std::vector<Disagreement> FindDateDisagreements(const StoryCorpus& corpus,
                                                const std::vector<DatedSentence>& dated);

// Claims: a sentence saying an agreement was reached ("Russia and Ukraine
// agree to ceasefire") against sentences of other articles saying there is
// none or only a prospective one ("there will not be a peace agreement", "a
// possible peace deal") about the same parties (two capitalised names shared).
std::vector<Disagreement> FindClaimDisagreements(const StoryCorpus& corpus);

}  // namespace newsloom::story

#endif  // NEWSLOOM_STORY_DISAGREEMENTS_H_
