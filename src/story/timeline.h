// The dated events of a story, merged across the sources that report them.
#ifndef NEWSLOOM_STORY_TIMELINE_H_
#define NEWSLOOM_STORY_TIMELINE_H_

#include <vector>

#include "newsloom/story.h"
#include "story/corpus.h"

namespace newsloom::story {

// One dated sentence before merging: the sentence and the date it states.
struct DatedSentence {
  size_t sentence = 0;  // index into StoryCorpus::sentences
  timex::TimeExpression date;
};

// Each sentence that states a resolved date, with the one date that dates it:
// the first of its finest-grained dates ("the Summit (September 23, 2024) and
// the call (September 10, 2024)" is dated 2024-09-23). Reference-list items and
// boilerplate other than titles are left out.
std::vector<DatedSentence> DatedSentences(const StoryCorpus& corpus);

// Two dates that can name the same event: one's period contains the other's.
bool Compatible(const timex::TimeExpression& a, const timex::TimeExpression& b);

// The timeline: dated sentences grouped into events (compatible dates and
// similar wording, cosine >= kSameEventSimilarity), each event told by its most
// central sentence, dated at its finest date, citing every article that reports
// it; at most `max_events` (0: all), most-reported first, then in date order.
// `dated` is DatedSentences(corpus).
std::vector<TimelineEvent> BuildTimeline(const StoryCorpus& corpus,
                                         const std::vector<DatedSentence>& dated, int max_events);

inline constexpr float kSameEventSimilarity = 0.3f;

}  // namespace newsloom::story

#endif  // NEWSLOOM_STORY_TIMELINE_H_
