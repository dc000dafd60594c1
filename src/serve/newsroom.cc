#include "serve/newsroom.h"

#include <optional>
#include <unordered_map>

namespace newsloom::serve {

namespace {

// A group stops growing at this many articles, bounding one transaction.
constexpr size_t kMaxGroupArticles = 2000;

}  // namespace

std::string_view OutcomeName(AddOutcome outcome) {
  switch (outcome) {
    case AddOutcome::kInserted:
      return "inserted";
    case AddOutcome::kUpdated:
      return "updated";
    case AddOutcome::kUnchanged:
      break;
  }
  return "unchanged";
}

Newsroom::Newsroom(store::Store& store, store::StoryBuilder& builder, Prepare prepare)
    : store_(store), builder_(builder), prepare_(std::move(prepare)) {}

Result<std::vector<AddOutcome>> Newsroom::Add(std::vector<Article> articles) {
  for (const Article& article : articles) {
    if (article.id.empty()) return Status::InvalidArgument("an article has no id");
  }
  if (articles.empty()) return std::vector<AddOutcome>();
  // The expensive part (analysis) runs here, in parallel across callers.
  if (prepare_) {
    for (Article& article : articles) prepare_(article);
  }
  Request request;
  request.articles = std::move(articles);
  Status status = Submit(request);
  if (!status.ok()) return status;
  return std::move(request.outcomes);
}

Status Newsroom::Remove(const std::string& id) {
  Request request;
  request.removal = id;
  return Submit(request);
}

void Newsroom::SetCommitListener(CommitListener listener) {
  std::lock_guard<std::mutex> lock(commit_mutex_);
  listener_ = std::move(listener);
}

Status Newsroom::Submit(Request& request) {
  std::unique_lock<std::mutex> lock(mutex_);
  queue_.push_back(&request);
  while (!request.done && &request != queue_.front()) request.ready.wait(lock);
  if (request.done) return request.status;

  // This request leads: it writes itself and whoever queued behind it.
  std::vector<Request*> group;
  size_t articles = 0;
  for (Request* queued : queue_) {
    if (!group.empty() && articles + queued->articles.size() > kMaxGroupArticles) break;
    group.push_back(queued);
    articles += queued->articles.size();
  }
  lock.unlock();
  WriteGroup(group);
  lock.lock();
  for (Request* written : group) {
    queue_.pop_front();
    written->done = true;
    if (written != &request) written->ready.notify_one();
  }
  if (!queue_.empty()) queue_.front()->ready.notify_one();
  return request.status;
}

void Newsroom::WriteGroup(const std::vector<Request*>& group) {
  store::WriteBatch batch;
  // Articles added (their hash) or removed (nullopt) earlier in this group.
  std::unordered_map<std::string, std::optional<uint64_t>> pending_hashes;
  for (Request* request : group) {
    if (request->articles.empty()) {
      auto stored = store_.ArticleHash(request->removal);
      auto pending = pending_hashes.find(request->removal);
      bool present = pending != pending_hashes.end() ? pending->second.has_value()
                                                     : stored.ok() && stored->has_value();
      if (!stored.ok()) {
        request->status = stored.status();
      } else if (!present) {
        request->status = Status::NotFound("no article " + request->removal);
      } else {
        std::erase_if(batch.articles,
                      [&](const Article& article) { return article.id == request->removal; });
        batch.deleted_articles.push_back(request->removal);
        pending_hashes[request->removal] = std::nullopt;
        builder_.NoteRemove(request->removal);
      }
      continue;
    }
    for (Article& article : request->articles) {
      uint64_t hash = store::ArticleContentHash(article);
      std::optional<uint64_t> previous;
      if (auto pending = pending_hashes.find(article.id); pending != pending_hashes.end()) {
        previous = pending->second;
      } else {
        auto stored = store_.ArticleHash(article.id);
        if (!stored.ok()) {
          request->status = stored.status();
          break;
        }
        previous = *stored;
      }
      if (previous && *previous == hash) {
        request->outcomes.push_back(AddOutcome::kUnchanged);
        continue;
      }
      request->outcomes.push_back(previous ? AddOutcome::kUpdated : AddOutcome::kInserted);
      pending_hashes[article.id] = hash;
      builder_.NoteAdd(article);
      batch.articles.push_back(std::move(article));
    }
  }
  // Each story the group changed, told once in its final state.
  for (Story& story : builder_.TakeChanged()) {
    if (story.articles.empty()) {
      batch.deleted_stories.push_back(story.id);
    } else {
      batch.stories.push_back(std::move(story));
    }
  }
  Status status;
  {
    std::lock_guard<std::mutex> lock(commit_mutex_);
    status = store_.Write(batch);
    if (status.ok()) builder_.Committed();
    if (status.ok() && listener_) listener_(batch);
  }
  for (Request* request : group) {
    if (request->status.ok()) request->status = status;
  }
}

}  // namespace newsloom::serve
