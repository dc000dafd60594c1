#include "cli/input_loop.h"

#include <unistd.h>

#include <cstdio>

#include "cli/commands.h"
#include "cli/progress.h"
#include "newsloom/engine.h"

namespace newsloom::cli {

void AddInputFlags(CLI::App* command, InputFlags& flags) {
  command->add_option("PATH", flags.paths, "Files or directories to read")
      ->required()
      ->type_name("");
  command->add_option("-j,--jobs", flags.jobs, "Worker threads (0 = one per core)")
      ->check(CLI::Range(0, 1024))
      ->default_val(0);
  command->add_option("--max-page-mb", flags.max_page_mb, "Refuse pages larger than this many MB")
      ->check(CLI::Range(0.001, 4096.0))
      ->default_val(64);
  command->add_flag("-q,--quiet", flags.quiet, "No progress bar and no summary line on stderr");
}

Options OptionsFrom(const InputFlags& flags) {
  Options options;
  options.jobs = flags.jobs;
  options.max_page_bytes = size_t(flags.max_page_mb * 1024 * 1024);
  return options;
}

int ForEachArticle(const InputFlags& flags, const Options& options,
                   const std::function<void(const Article&)>& on_article) {
  auto engine = Engine::Open(options);
  if (!engine.ok()) {
    std::fprintf(stderr, "newsloom: %s\n", engine.status().ToString().c_str());
    return kExitUsage;
  }
  ProgressBar progress("files", !flags.quiet && isatty(STDERR_FILENO) != 0);
  ExtractCallbacks callbacks;
  callbacks.on_input = [&](const ExtractedInput& input) {
    if (!input.status.ok()) {
      progress.Finish();
      std::fprintf(stderr, "newsloom: %s: %s\n", input.origin.c_str(),
                   input.status.message().c_str());
      return;
    }
    for (const Article& article : input.articles) on_article(article);
  };
  callbacks.on_progress = [&](size_t done, size_t total) { progress.Update(done, total); };
  ExtractSummary summary = (*engine)->Extract(flags.paths, callbacks);
  progress.Finish();
  std::fflush(stdout);
  if (!flags.quiet) {
    std::fprintf(stderr, "newsloom: %zu inputs, %zu articles, %zu failed\n", summary.inputs,
                 summary.articles, summary.failed);
  }
  return summary.failed > 0 ? kExitInputFailed : 0;
}

void PrintJsonLine(const std::string& json) {
  std::fwrite(json.data(), 1, json.size(), stdout);
  std::fputc('\n', stdout);
}

void PrintRaw(const std::string& text) { std::fwrite(text.data(), 1, text.size(), stdout); }

void AddFormatOption(CLI::App* command, OutputFormat* format, std::vector<std::string> names) {
  std::string fallback = names.front();
  command
      ->add_option_function<std::string>(
          "--format", [format](const std::string& name) { *format = *ParseOutputFormat(name); },
          "Output format")
      ->check(CLI::IsMember(std::move(names)))
      ->default_str(fallback);
}

}  // namespace newsloom::cli
