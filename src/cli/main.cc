// newsloom: the command line. Each subcommand parses its flags, opens the
// engine and prints JSON Lines on stdout; errors go to stderr, one line each.
//
// Exit codes: 0 all inputs processed, 1 some input failed, 2 bad usage.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "cli/article_json.h"
#include "cli/progress.h"
#include "newsloom/engine.h"

namespace newsloom {
namespace {

constexpr int kExitInputFailed = 1;
constexpr int kExitUsage = 2;

struct ExtractFlags {
  std::vector<std::string> paths;
  int jobs = 0;
  bool quiet = false;
  bool news_only = false;
  double max_page_mb = 64;
};

int RunExtract(const ExtractFlags& flags) {
  Options options;
  options.jobs = flags.jobs;
  options.max_page_bytes = size_t(flags.max_page_mb * 1024 * 1024);
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
    for (const Article& article : input.articles) {
      if (flags.news_only && !article.is_news) continue;
      std::string line =
          ArticleToJson(article).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      line.push_back('\n');
      std::fwrite(line.data(), 1, line.size(), stdout);
    }
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

}  // namespace
}  // namespace newsloom

int main(int argc, char** argv) {
  using newsloom::ExtractFlags;
  CLI::App app{
      "newsloom: a news intelligence engine. Turns scraped news pages into clean articles\n"
      "(and, as the pipeline grows, into stories). Output is JSON Lines on stdout."};
  app.set_version_flag("--version", "newsloom 0.1.0");
  app.require_subcommand(1);

  ExtractFlags extract_flags;
  CLI::App* extract =
      app.add_subcommand("extract", "Extract each page's article and metadata as JSON Lines");
  extract->footer(
      "Prints one JSON object per article: id, url, canonical_url, title, author, published,\n"
      "site, source, language, description, text (paragraphs separated by \"\\n\"), is_news,\n"
      "truncated. PATH is a file or a directory (walked recursively): HTML (.html, .htm,\n"
      "gzip too), plain-text pages (.txt), JSON Lines records (.jsonl; news-please field\n"
      "names). Exit code 0 when every input was read, 1 when some failed, 2 for bad usage.");
  extract->add_option("PATH", extract_flags.paths, "Files or directories to read")
      ->required()
      ->type_name("");
  extract->add_option("-j,--jobs", extract_flags.jobs, "Worker threads (0 = one per core)")
      ->check(CLI::Range(0, 1024))
      ->default_val(0);
  extract
      ->add_option("--max-page-mb", extract_flags.max_page_mb,
                   "Refuse pages larger than this many MB")
      ->check(CLI::Range(0.001, 4096.0))
      ->default_val(64);
  extract->add_flag("--news-only", extract_flags.news_only,
                    "Print only pages judged to be news articles");
  extract->add_flag("-q,--quiet", extract_flags.quiet,
                    "No progress bar and no summary line on stderr");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::fprintf(stderr, "newsloom: %s (see newsloom --help)\n", e.what());
    return newsloom::kExitUsage;
  }
  if (extract->parsed()) return newsloom::RunExtract(extract_flags);
  return newsloom::kExitUsage;
}
