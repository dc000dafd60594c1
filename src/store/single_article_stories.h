// SingleArticleStories: the FALLBACK StoryBuilder, used until the real story
// pipeline (cluster + story stages) is plugged in, and by the store and server
// tests. It does no clustering and no synthesis: every article is its own
// story, titled by the article, whose summary is the article's first
// sentences verbatim, each cited to the article. Stateless.
#ifndef NEWSLOOM_STORE_SINGLE_ARTICLE_STORIES_H_
#define NEWSLOOM_STORE_SINGLE_ARTICLE_STORIES_H_

#include <string>
#include <string_view>
#include <vector>

#include "store/story_builder.h"

namespace newsloom::store {

class SingleArticleStories : public StoryBuilder {
 public:
  std::vector<Story> Add(const Article& article) override;
  std::vector<Story> Remove(const std::string& id) override;

  // The story id for an article: "a-" plus its id.
  static std::string StoryIdOf(std::string_view article_id);
};

// The first `count` sentences of `text`, verbatim. A sentence ends at '.',
// '!' or '?' (optionally followed by a closing quote or bracket) before
// whitespace and a capital letter, digit or quote, or at a line break; common
// abbreviations ("Mr.", "U.S.") do not end a sentence.
std::vector<std::string> LeadSentences(std::string_view text, size_t count);

}  // namespace newsloom::store

#endif  // NEWSLOOM_STORE_SINGLE_ARTICLE_STORIES_H_
