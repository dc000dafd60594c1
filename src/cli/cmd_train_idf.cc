// newsloom train-idf --out MODEL PATH...: counts in how many articles of a
// corpus each clustering term occurs, the background the clusterer's IDF
// starts from (the built-in one is made by scripts/train_idf_model.sh).
#include <cstdio>
#include <fstream>
#include <memory>
#include <string>

#include "cli/commands.h"
#include "cli/input_loop.h"
#include "cluster/background.h"
#include "cluster/terms.h"

namespace newsloom::cli {

namespace {

struct TrainIdfFlags {
  InputFlags input;
  std::string out;
  uint32_t min_documents = 3;
};

int RunTrainIdf(const TrainIdfFlags& flags) {
  cluster::TermExtractor extractor;
  cluster::DocumentFrequencyCounter counter;
  size_t articles = 0;
  const int code =
      ForEachArticle(flags.input, OptionsFrom(flags.input), [&](const Article& article) {
        counter.Add(extractor.Extract(article));
        ++articles;
      });
  if (code == kExitUsage) return code;
  if (articles == 0) {
    std::fprintf(stderr, "newsloom: no articles to count\n");
    return kExitInputFailed;
  }
  const std::string bytes = counter.Finish(flags.min_documents).Serialize();
  std::ofstream out(flags.out, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out.flush()) {
    std::fprintf(stderr, "newsloom: cannot write %s\n", flags.out.c_str());
    return kExitInputFailed;
  }
  return code;
}

}  // namespace

Command AddTrainIdfCommand(CLI::App& app) {
  auto flags = std::make_shared<TrainIdfFlags>();
  CLI::App* command =
      app.add_subcommand("train-idf", "Count term document frequencies for story clustering");
  command->footer(
      "Reads a corpus in any input format and writes the table of how many articles hold\n"
      "each clustering term (stemmed words, names, numbers, dates). The clusterer adds it\n"
      "to the counts of the stream, so similarities are sound from the first article.");
  AddInputFlags(command, flags->input);
  command->add_option("--out", flags->out, "Table file to write")->required();
  command
      ->add_option("--min-documents", flags->min_documents,
                   "Leave out terms found in fewer articles than this")
      ->check(CLI::Range(1, 1000000))
      ->capture_default_str();
  return {command, [flags] { return RunTrainIdf(*flags); }};
}

}  // namespace newsloom::cli
