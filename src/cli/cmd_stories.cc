// newsloom stories PATH...: the whole pipeline without a store, one JSON
// object per story, highest rank first.
#include <algorithm>
#include <memory>
#include <vector>

#include "cli/commands.h"
#include "cli/export_formats.h"
#include "cli/input_loop.h"
#include "newsloom/story_index.h"
#include "store/story_json.h"

namespace newsloom::cli {

namespace {

struct StoriesFlags {
  InputFlags input;
  std::string model;
  int length = 5;
  double quiet_days = 90;
  bool include_non_news = false;
  OutputFormat format = OutputFormat::kJson;
};

int RunStories(const StoriesFlags& flags) {
  Options options = OptionsFrom(flags.input);
  options.analyze = true;
  options.entities_and_dates = true;
  options.category_model = flags.model;
  std::vector<Article> articles;
  int exit_code = ForEachArticle(flags.input, options, [&](const Article& article) {
    if (flags.include_non_news || article.is_news) articles.push_back(article);
  });
  if (exit_code == kExitUsage) return exit_code;

  StoryIndexOptions index_options;
  index_options.summary_sentences = flags.length;
  index_options.quiet_seconds = int64_t(flags.quiet_days * 86400);
  auto index = StoryIndex::Create(index_options);
  AddInPublicationOrder(*index, std::move(articles));
  if (flags.format == OutputFormat::kCsv) PrintRaw(CsvRecord(StoryCsvHeader()));
  for (const Story& story : index->Stories()) {
    if (flags.format == OutputFormat::kCsv) {
      PrintRaw(CsvRecord(StoryCsvFields(story)));
      continue;
    }
    PrintJsonLine(
        store::StoryToJson(story).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  }
  return exit_code;
}

}  // namespace

Command AddStoriesCommand(CLI::App& app) {
  auto flags = std::make_shared<StoriesFlags>();
  CLI::App* command = app.add_subcommand(
      "stories", "Group the articles into stories and tell each one, as JSON Lines");
  command->footer(
      "Runs the whole pipeline without a store: extract, analyze (language, category,\n"
      "names, dates), duplicates, stories (articles in publication order), then prints one\n"
      "JSON object per story, highest rank first: id, title, category, language, rank,\n"
      "articles, sources, entities, timeline, summary (each sentence verbatim from the\n"
      "article it cites), disagreements. Pages that are not news are left out unless\n"
      "--all. PATH is read as by `newsloom extract`. Exit code 0 when every input was\n"
      "read, 1 when some failed, 2 for bad usage. --format csv prints a header row, then\n"
      "one row per story: id, title, category, language, rank, first_seen, last_updated,\n"
      "article_count, articles, sources, summary.");
  AddInputFlags(command, flags->input);
  command->add_option("--length", flags->length, "Sentences in each summary")
      ->check(CLI::Range(3, 7))
      ->default_val(5);
  command
      ->add_option("--quiet-days", flags->quiet_days,
                   "A story with no new article for this many days takes no more")
      ->check(CLI::Range(0.01, 3650.0))
      ->default_val(90);
  command->add_option("--model", flags->model,
                      "Category model file from train-classifier (default: the built-in one)");
  command->add_flag("--all", flags->include_non_news, "Keep pages that are not news too");
  AddFormatOption(command, &flags->format, {"json", "csv"});
  return {command, [flags] { return RunStories(*flags); }};
}

}  // namespace newsloom::cli
