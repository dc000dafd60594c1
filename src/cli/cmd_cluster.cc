// newsloom cluster PATH...: the story of every article, as JSON Lines
// {"id": ..., "story": ...}, in input order. Runs the same pipeline as
// `newsloom stories` (analyze with names and dates, duplicates, stories over
// the articles in publication order), so the two always agree.
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/input_loop.h"
#include "newsloom/story_index.h"

namespace newsloom::cli {

namespace {

struct ClusterFlags {
  InputFlags input;
  std::string model;
  std::optional<double> threshold;
  std::optional<double> merge_threshold;
  double quiet_days = 90;
  std::optional<double> time_scale_days;
};

int RunCluster(const ClusterFlags& flags) {
  Options options = OptionsFrom(flags.input);
  options.analyze = true;
  options.entities_and_dates = true;
  options.category_model = flags.model;
  std::vector<Article> articles;
  const int code = ForEachArticle(flags.input, options,
                                  [&](const Article& article) { articles.push_back(article); });
  if (code == kExitUsage) return code;

  std::vector<std::string> ids;
  ids.reserve(articles.size());
  for (const Article& article : articles) ids.push_back(article.id);

  StoryIndexOptions index_options;
  index_options.quiet_seconds = static_cast<int64_t>(flags.quiet_days * 86400);
  index_options.join_threshold = flags.threshold;
  index_options.merge_threshold = flags.merge_threshold;
  if (flags.time_scale_days) index_options.time_scale_seconds = *flags.time_scale_days * 86400;
  auto index = StoryIndex::Create(index_options);
  AddInPublicationOrder(*index, std::move(articles));
  for (const std::string& id : ids) {
    nlohmann::json line = {{"id", id}, {"story", index->StoryOf(id).value_or("")}};
    PrintJsonLine(line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  }
  return code;
}

}  // namespace

Command AddClusterCommand(CLI::App& app) {
  auto flags = std::make_shared<ClusterFlags>();
  CLI::App* command = app.add_subcommand("cluster", "Group articles into stories (JSON Lines)");
  command->footer(
      "Prints one JSON object per article, in input order: id, story (a stable story key).\n"
      "Runs the pipeline of `newsloom stories`: extract, analyze (language, category,\n"
      "names, dates), duplicates, then each article in publication order joins the most\n"
      "similar open story or founds a new one.");
  AddInputFlags(command, flags->input);
  command->add_option("--threshold", flags->threshold,
                      "Similarity (0..1) needed to join a story (default: the cluster stage's)");
  command->add_option("--merge-threshold", flags->merge_threshold,
                      "Similarity to a second story that merges the two (default: the cluster "
                      "stage's)");
  command
      ->add_option("--quiet-days", flags->quiet_days,
                   "Days without an article after which a story is dormant")
      ->check(CLI::Range(0.01, 3650.0))
      ->capture_default_str();
  command->add_option("--time-scale-days", flags->time_scale_days,
                      "Similarity is divided by 1 + (days between article and story) / this; "
                      "0 turns it off (default: the cluster stage's)");
  command->add_option("--model", flags->model,
                      "Category model file from train-classifier (default: the built-in one)");
  return {command, [flags] { return RunCluster(*flags); }};
}

}  // namespace newsloom::cli
