// newsloom cluster PATH...: the story of every article, as JSON Lines
// {"id": ..., "story": ...}, in input order. Articles are clustered in
// publication order (the batch form of the online algorithm).
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/commands.h"
#include "cli/input_loop.h"
#include "cluster/clusterer.h"

namespace newsloom::cli {

namespace {

struct ClusterFlags {
  InputFlags input;
  cluster::Options options;
  double quiet_days = 90;
  double time_scale_days = 365;
  std::string state_path;
};

int RunCluster(const ClusterFlags& flags) {
  cluster::Options options = flags.options;
  options.quiet_seconds = static_cast<int64_t>(flags.quiet_days * 86400);
  options.time_scale_seconds = flags.time_scale_days * 86400;
  cluster::Clusterer clusterer(options);
  if (!flags.state_path.empty()) {
    std::ifstream file(flags.state_path, std::ios::binary);
    if (file) {
      std::stringstream bytes;
      bytes << file.rdbuf();
      auto loaded = cluster::Clusterer::Deserialize(bytes.str(), options);
      if (!loaded.ok()) {
        std::cerr << "newsloom cluster: " << flags.state_path << ": " << loaded.status().ToString()
                  << "\n";
        return kExitUsage;
      }
      clusterer = std::move(loaded.value());
    }
  }
  std::vector<Article> articles;
  const int code = ForEachArticle(flags.input, OptionsFrom(flags.input),
                                  [&](const Article& article) { articles.push_back(article); });
  const std::vector<std::string> stories = cluster::ClusterBatch(articles, clusterer);
  for (size_t i = 0; i < articles.size(); ++i) {
    nlohmann::json line = {{"id", articles[i].id}, {"story", stories[i]}};
    PrintJsonLine(line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  }
  if (!flags.state_path.empty()) {
    std::ofstream file(flags.state_path, std::ios::binary | std::ios::trunc);
    const std::string bytes = clusterer.Serialize();
    file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!file) {
      std::cerr << "newsloom cluster: cannot write " << flags.state_path << "\n";
      return kExitInputFailed;
    }
  }
  return code;
}

}  // namespace

Command AddClusterCommand(CLI::App& app) {
  auto flags = std::make_shared<ClusterFlags>();
  CLI::App* command = app.add_subcommand("cluster", "Group articles into stories (JSON Lines)");
  command->footer(
      "Prints one JSON object per article: id, story (a stable story key). Articles are\n"
      "assigned in publication order, each to the most similar open story or a new one.\n"
      "With --state FILE the cluster state is loaded from FILE when it exists and saved\n"
      "back, so story ids carry over between runs.");
  AddInputFlags(command, flags->input);
  command
      ->add_option("--threshold", flags->options.threshold,
                   "Similarity (0..1) needed to join a story")
      ->capture_default_str();
  command
      ->add_option("--merge-threshold", flags->options.merge_threshold,
                   "Similarity to a second story that merges the two")
      ->capture_default_str();
  command
      ->add_option("--quiet-days", flags->quiet_days,
                   "Days without an article after which a story is dormant")
      ->capture_default_str();
  command
      ->add_option("--time-scale-days", flags->time_scale_days,
                   "Similarity is divided by 1 + (days between article and story) / this; "
                   "0 turns it off")
      ->capture_default_str();
  command->add_option("--state", flags->state_path, "Load and save the cluster state here");
  return {command, [flags] { return RunCluster(*flags); }};
}

}  // namespace newsloom::cli
