// The story pipeline the service runs: the one place that decides which
// StoryBuilder and which article preparation `newsloom ingest` and
// `newsloom serve` use: newsloom::StoryIndex (dedup, cluster, story stage)
// and the engine's per-article analysis.
#ifndef NEWSLOOM_SERVE_PIPELINE_H_
#define NEWSLOOM_SERVE_PIPELINE_H_

#include <memory>

#include "newsloom/status.h"
#include "serve/newsroom.h"
#include "store/store.h"
#include "store/story_builder.h"

namespace newsloom::serve {

// A builder ready to continue from what `store` holds: it re-adds the stored
// articles in the order they arrived, which gives back the same stories and ids.
std::unique_ptr<store::StoryBuilder> DefaultStoryBuilder(store::Store& store);

// Analysis for articles that did not come through the engine (posted to the
// API): language, category, names, dates, signature. Fails when a model
// cannot be loaded.
Result<Newsroom::Prepare> DefaultPrepare();

}  // namespace newsloom::serve

#endif  // NEWSLOOM_SERVE_PIPELINE_H_
