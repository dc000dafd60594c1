// The story stage's synthesis: a story's timeline of dated events, a summary
// quoted from its articles, and where its sources disagree. Pure functions of
// the articles given; thread-safe.
//
//   story::StoryOptions options;
//   options.summary_sentences = 5;
//   story::BuildStory(members, options, &story);  // fills timeline, summary, disagreements
#ifndef NEWSLOOM_STORY_STORY_H_
#define NEWSLOOM_STORY_STORY_H_

#include <cstddef>
#include <memory>
#include <vector>

#include "newsloom/article.h"
#include "newsloom/story.h"

namespace newsloom::story {

struct StoryOptions {
  // Sentences in a story summary, clamped to 3..7 (fewer when the articles
  // hold fewer quotable sentences). The cost is linear in the number of
  // candidate sentences times this.
  int summary_sentences = 5;
  // Timeline events kept, the ones reported by most articles first, then
  // shown in date order. 0 keeps all.
  int max_timeline_events = 20;
  // Disagreements reported at most. 0 reports all.
  int max_disagreements = 10;
  // A story of more articles than this is told from this many of them (0:
  // all): the earliest quarter and the latest rest by publication time, near-
  // duplicates left out while there are enough others. Telling then costs
  // the same however large a story grows; the newest reports are always read.
  int max_told_articles = 40;
};

struct PreparedArticle;  // story/corpus.h: one article's sentences, worked out once

// Fills story->timeline, story->summary and story->disagreements from
// `articles` (the story's members, in any order; their text as extracted).
// Every quoted sentence is verbatim from the article it cites: summary
// sentences from its Text(), timeline sentences from its Text() or title.
// Other fields of *story are left as they are.
// REQUIRES: no null pointers in `articles`.
void BuildStory(const std::vector<const Article*>& articles, const StoryOptions& options,
                Story* story);

// Which of `articles` a story is told from (see StoryOptions::max_told_articles):
// indices into `articles`, ascending. Every index when there are few enough.
std::vector<size_t> ArticlesToTell(const std::vector<const Article*>& articles,
                                   const StoryOptions& options);

// BuildStory from articles already prepared (PrepareArticle, story/corpus.h),
// every one of them told: the caller has chosen them with ArticlesToTell.
// REQUIRES: no null pointers.
void BuildStory(std::vector<std::shared_ptr<const PreparedArticle>> told,
                const StoryOptions& options, Story* story);

// The same, into a fresh Story with only those three fields set.
Story BuildStory(const std::vector<const Article*>& articles, const StoryOptions& options);

// A summary of one article: `sentences` (clamped to 1..7) of its most central
// sentences, in the order they appear, each citing article.id.
std::vector<CitedSentence> SummarizeArticle(const Article& article, int sentences = 3);

}  // namespace newsloom::story

#endif  // NEWSLOOM_STORY_STORY_H_
