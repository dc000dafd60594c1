// The story pipeline the service runs: the one place that decides which
// StoryBuilder (and which article preparation) `newsloom ingest` and
// `newsloom serve` use.
//
// Today this is the FALLBACK, store::SingleArticleStories (every article its
// own story, summary = its first sentences). The integrator replaces the body
// of DefaultStoryBuilder with the cluster + story stages, and of
// DefaultPrepare with the analyze stage.
#ifndef NEWSLOOM_SERVE_PIPELINE_H_
#define NEWSLOOM_SERVE_PIPELINE_H_

#include <memory>

#include "serve/newsroom.h"
#include "store/store.h"
#include "store/story_builder.h"

namespace newsloom::serve {

// A builder ready to continue from what `store` holds.
std::unique_ptr<store::StoryBuilder> DefaultStoryBuilder(store::Store& store);

// What runs on each article before it is stored (empty: nothing).
Newsroom::Prepare DefaultPrepare();

}  // namespace newsloom::serve

#endif  // NEWSLOOM_SERVE_PIPELINE_H_
