// StoryBuilder: the seam where the story pipeline (cluster + story synthesis)
// plugs into the store and the server.
//
// The service calls Add for every new or changed article and Remove for every
// deleted one, and writes the stories these return in the same transaction as
// the article. Implementations keep whatever state they need; they are called
// from one thread at a time (the service serialises writes), so they need
// not be thread-safe.
#ifndef NEWSLOOM_STORE_STORY_BUILDER_H_
#define NEWSLOOM_STORE_STORY_BUILDER_H_

#include <string>
#include <vector>

#include "newsloom/article.h"
#include "newsloom/story.h"

namespace newsloom::store {

class StoryBuilder {
 public:
  virtual ~StoryBuilder() = default;

  // Takes in `article` (new, or a changed version of an article already
  // added) and returns every story whose membership or content changed,
  // complete. A story returned with no articles is to be deleted.
  virtual std::vector<Story> Add(const Article& article) = 0;

  // Forgets article `id`; returns the changed stories as Add does.
  virtual std::vector<Story> Remove(const std::string& id) = 0;
};

}  // namespace newsloom::store

#endif  // NEWSLOOM_STORE_STORY_BUILDER_H_
