// Engine: the newsloom pipeline behind one small interface.
//
//   auto engine = newsloom::Engine::Open(options);
//   if (!engine.ok()) ...
//   (*engine)->Extract(paths, sink);
//
// The engine owns the worker threads; callbacks run on the calling thread.
// An Engine is not safe to call from several threads at once.
#ifndef NEWSLOOM_ENGINE_H_
#define NEWSLOOM_ENGINE_H_

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "newsloom/article.h"
#include "newsloom/options.h"
#include "newsloom/status.h"

namespace newsloom {

// The outcome of one input: a page, a JSON Lines record, or a path that could not be read.
struct ExtractedInput {
  std::string origin;             // "dir/page.html.gz", "feed.jsonl:17"
  Status status;                  // why this input gave no article, when !ok()
  std::vector<Article> articles;  // usually one; a digest page gives one per lede
};

struct ExtractCallbacks {
  // Called once per input, in the order of the paths (directories sorted).
  std::function<void(const ExtractedInput&)> on_input;
  // Called after each input file with (files done, files in all); may be empty.
  std::function<void(size_t, size_t)> on_progress;
};

struct ExtractSummary {
  size_t inputs = 0;    // pages and records seen
  size_t failed = 0;    // of which gave an error
  size_t articles = 0;  // articles produced
};

class Engine {
 public:
  static Result<std::unique_ptr<Engine>> Open(const Options& options);

  virtual ~Engine() = default;

  // Extracts every page under `paths` (files or directories). Errors of single
  // inputs are reported through on_input and counted, never thrown.
  virtual ExtractSummary Extract(const std::vector<std::string>& paths,
                                 const ExtractCallbacks& callbacks) = 0;
};

}  // namespace newsloom

#endif  // NEWSLOOM_ENGINE_H_
