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

#include <map>
#include <string>
#include <utility>
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

  // The same for a transaction of many changes: NoteAdd and NoteRemove take
  // each change in, TakeChanged then returns every story changed since its
  // last call, complete and in its final state, each once. A builder whose
  // stories are costly to tell overrides these to tell each story once per
  // transaction; the defaults tell them at every change.
  virtual void NoteAdd(const Article& article) { Keep(Add(article)); }
  virtual void NoteRemove(const std::string& id) { Keep(Remove(id)); }
  virtual std::vector<Story> TakeChanged() {
    std::vector<Story> stories;
    for (auto& [id, story] : std::exchange(noted_, {})) stories.push_back(std::move(story));
    return stories;
  }

  // The changes taken in so far are stored: a builder may let go of what it
  // can read back from the store.
  virtual void Committed() {}

 private:
  void Keep(std::vector<Story> stories) {
    for (Story& story : stories) noted_[story.id] = std::move(story);
  }
  std::map<std::string, Story> noted_;  // by id, the last version wins
};

}  // namespace newsloom::store

#endif  // NEWSLOOM_STORE_STORY_BUILDER_H_
