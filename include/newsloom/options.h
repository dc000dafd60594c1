// Options: every knob of the engine, with its default and what it costs.
#ifndef NEWSLOOM_OPTIONS_H_
#define NEWSLOOM_OPTIONS_H_

#include <cstddef>
#include <string>

namespace newsloom {

struct Options {
  // Worker threads for batch work. 0 means one per core. Each worker holds
  // one page and its parsed tree in memory at a time (a few MB for a large page).
  int jobs = 0;

  // A single page (HTML or text) larger than this is refused with an error
  // for that input; the run carries on. Bounds memory per worker.
  size_t max_page_bytes = size_t(64) << 20;

  // A whole input file (a JSON Lines file, or a page after gunzip) larger than
  // this is refused. Protects against gzip bombs.
  size_t max_file_bytes = size_t(1) << 30;

  // Run the analyze stage after extraction: language, category and the
  // model's news/not-news judgement. Costs about 40 microseconds per article
  // on one core, and Open loads the category model (about 2.3 MB).
  bool analyze = false;

  // Path of a category model written by `newsloom train-classifier`; empty
  // means the default model linked into the binary (the Telegram contest
  // taxonomy). Only read when `analyze` is set; a bad file fails Open.
  std::string category_model;

  // Also find the names (people, organisations, places) and the date
  // expressions of each article, for stories. The tagger costs about as much
  // as extraction; Open loads its model (linked into the binary).
  bool entities_and_dates = false;
};

}  // namespace newsloom

#endif  // NEWSLOOM_OPTIONS_H_
