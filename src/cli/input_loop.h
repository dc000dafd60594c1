// The input side every batch command shares: PATH arguments, --jobs,
// --max-page-mb and --quiet, and a loop over the extracted articles that
// reports bad inputs on stderr, draws the progress bar and prints the summary.
#ifndef NEWSLOOM_CLI_INPUT_LOOP_H_
#define NEWSLOOM_CLI_INPUT_LOOP_H_

#include <CLI/CLI.hpp>
#include <functional>
#include <string>
#include <vector>

#include "cli/export_formats.h"
#include "newsloom/article.h"
#include "newsloom/options.h"

namespace newsloom::cli {

struct InputFlags {
  std::vector<std::string> paths;
  int jobs = 0;
  bool quiet = false;
  double max_page_mb = 64;
};

// Adds PATH..., -j/--jobs, --max-page-mb and -q/--quiet to `command`.
void AddInputFlags(CLI::App* command, InputFlags& flags);

// Options for Engine::Open from the flags.
Options OptionsFrom(const InputFlags& flags);

// Runs the engine over flags.paths with `options` and calls `on_article` for
// every article, in input order, on this thread. Returns the exit code:
// 0 when every input was read, kExitInputFailed when some failed, kExitUsage
// when the engine could not be opened.
int ForEachArticle(const InputFlags& flags, const Options& options,
                   const std::function<void(const Article&)>& on_article);

// Writes one JSON Lines line to stdout.
void PrintJsonLine(const std::string& json);
// Writes `text` to stdout as it is (a CSV record carries its own line end).
void PrintRaw(const std::string& text);

// --format NAME, one of `names` (the first is the default), parsed with
// ParseOutputFormat into *format.
void AddFormatOption(CLI::App* command, OutputFormat* format, std::vector<std::string> names);

}  // namespace newsloom::cli

#endif  // NEWSLOOM_CLI_INPUT_LOOP_H_
