#include "serve/pipeline.h"

#include "store/single_article_stories.h"

namespace newsloom::serve {

std::unique_ptr<store::StoryBuilder> DefaultStoryBuilder(store::Store&) {
  return std::make_unique<store::SingleArticleStories>();
}

Newsroom::Prepare DefaultPrepare() { return {}; }

}  // namespace newsloom::serve
