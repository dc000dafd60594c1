// Newsroom: the write path of the service. Takes articles in, runs the story
// builder over them and writes articles and changed stories to the store in
// one transaction; returns only once that transaction is committed.
//
// Thread-safe. Each caller prepares (analyzes) its own articles on its own
// thread, outside any lock, so requests are analyzed in parallel. Concurrent
// callers are then committed together (group commit, as in leveldb's write
// queue): the first waiting caller writes the batches of everyone queued
// behind it in one transaction, so one fsync serves many requests, and each
// story the group changed is told once. The StoryBuilder is only ever called
// by that one writer.
#ifndef NEWSLOOM_SERVE_NEWSROOM_H_
#define NEWSLOOM_SERVE_NEWSROOM_H_

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include "newsloom/article.h"
#include "newsloom/status.h"
#include "store/store.h"
#include "store/story_builder.h"

namespace newsloom::serve {

enum class AddOutcome {
  kInserted,   // a new article
  kUpdated,    // the page changed: the stored article was replaced
  kUnchanged,  // the same page again: nothing was written
};

std::string_view OutcomeName(AddOutcome outcome);  // "inserted", "updated", "unchanged"

class Newsroom {
 public:
  // Runs on each article given to Add, on the caller's thread and outside any
  // lock, before it is compared with the stored one and handed to the story
  // builder (the analyze stage plugs in here). Must be thread-safe. May be empty.
  using Prepare = std::function<void(Article&)>;

  // Told about every committed transaction, on the writing thread, before the
  // writers it carries are acknowledged (a read model kept beside the store
  // plugs in here). Must not call back into the Newsroom.
  using CommitListener = std::function<void(const store::WriteBatch&)>;

  // `store` and `builder` must outlive the Newsroom.
  Newsroom(store::Store& store, store::StoryBuilder& builder, Prepare prepare = {});

  // Stores `articles` (ids must be non-empty; a later article in the same
  // call replaces an earlier one with the same id). One outcome per article,
  // in order. ok() means committed.
  Result<std::vector<AddOutcome>> Add(std::vector<Article> articles);

  // Deletes article `id` and updates its stories. NotFound when absent.
  Status Remove(const std::string& id);

  // Replaces the commit listener (empty: none). Returns once no transaction
  // is being committed, so every commit after the call is told to `listener`.
  void SetCommitListener(CommitListener listener);

 private:
  struct Request {
    std::vector<Article> articles;
    std::string removal;  // an id to remove, when articles is empty
    std::vector<AddOutcome> outcomes;
    Status status;
    bool done = false;
    std::condition_variable ready;
  };

  Status Submit(Request& request);
  // Builds and commits one transaction for `group`; sets each request's outcome.
  void WriteGroup(const std::vector<Request*>& group);

  store::Store& store_;
  store::StoryBuilder& builder_;
  Prepare prepare_;
  std::mutex mutex_;
  std::deque<Request*> queue_;  // GUARDED_BY(mutex_)
  // Held while a group is committed and told to the listener.
  std::mutex commit_mutex_;
  CommitListener listener_;  // GUARDED_BY(commit_mutex_)
};

}  // namespace newsloom::serve

#endif  // NEWSLOOM_SERVE_NEWSROOM_H_
