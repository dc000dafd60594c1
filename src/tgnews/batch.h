// The contest's batch commands over a directory of its HTML pages: the real
// pipeline (engine with analysis on the workers, then StoryIndex for threads
// and their rank) and the answer as the contest's JSON.
#ifndef NEWSLOOM_TGNEWS_BATCH_H_
#define NEWSLOOM_TGNEWS_BATCH_H_

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "newsloom/status.h"

namespace newsloom::tgnews {

enum class Task { kLanguages, kNews, kCategories, kThreads, kTop };

std::optional<Task> TaskFromName(std::string_view name);

struct BatchOptions {
  int jobs = 0;  // engine workers; 0 = one per core
  // Called for a page that gave no article (unreadable, empty); may be empty.
  std::function<void(const std::string& origin, const Status& status)> on_error;
};

// Runs `task` over every page under `dir`. IOError when the directory cannot
// be read; single bad pages are reported through on_error and left out.
Result<nlohmann::ordered_json> RunBatch(Task task, const std::string& dir,
                                        const BatchOptions& options = {});

}  // namespace newsloom::tgnews

#endif  // NEWSLOOM_TGNEWS_BATCH_H_
