// Articles that contradict themselves: two people holding one office at the
// same time, dates later than the article's own "as of" date or its
// publication date, a weekday that does not fall on the date beside it.
#ifndef NEWSLOOM_STORY_CONSISTENCY_H_
#define NEWSLOOM_STORY_CONSISTENCY_H_

#include <vector>

#include "newsloom/story.h"
#include "story/corpus.h"

namespace newsloom::story {

struct SelfContradictions {
  std::vector<Disagreement> findings;
  std::vector<bool> unreliable;  // per article: it contradicts itself
};

// Office holders: "Prime Minister Shigeru Ishiba" names an office ("Prime
// Minister"), its country when written ("Japanese", "Japan's"; else learned
// from how the story's other sentences title the same person) and whether it
// is a past holder ("former", "previous", "then-"). An article that calls two
// different people the current holder of the same office of the same country
// contradicts itself. Unknown countries never match.
SelfContradictions FindSelfContradictions(const StoryCorpus& corpus);

}  // namespace newsloom::story

#endif  // NEWSLOOM_STORY_CONSISTENCY_H_
