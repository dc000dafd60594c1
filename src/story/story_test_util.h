// Helpers shared by the story tests: articles from strings, and the seeds read
// through the engine.
#ifndef NEWSLOOM_STORY_STORY_TEST_UTIL_H_
#define NEWSLOOM_STORY_STORY_TEST_UTIL_H_

#include <optional>
#include <string>
#include <vector>

#include "newsloom/article.h"
#include "newsloom/story.h"

namespace newsloom::story::testing {

// An article whose paragraphs are `paragraphs`, published on `published`
// ("2024-09-24", or "" for unknown).
Article MakeArticle(std::string id, std::string title, std::vector<std::string> paragraphs,
                    const std::string& published = "");

// Every article the engine extracts from `paths`, with its origin ("file:17").
struct Extracted {
  std::string origin;
  Article article;
};
std::vector<Extracted> ExtractAll(const std::vector<std::string>& paths);

std::vector<const Article*> Pointers(const std::vector<Article>& articles);

// Checks that every quoted sentence of `story` is verbatim in the article it
// cites: summary sentences in its Text(); timeline and disagreement sentences
// in its Text() or title. Returns the first violation, or "".
std::string FirstUnfaithfulQuote(const Story& story, const std::vector<const Article*>& articles);

}  // namespace newsloom::story::testing

#endif  // NEWSLOOM_STORY_STORY_TEST_UTIL_H_
