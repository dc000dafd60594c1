// newsloom classify PATH...: language, category and news judgement per article.
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "analyze/analyzer.h"
#include "cli/commands.h"
#include "cli/input_loop.h"
#include "dedup/dedup.h"

namespace newsloom::cli {

namespace {

struct ClassifyFlags {
  InputFlags input;
  std::string model;
};

// Confidences with three decimals keep the lines short and stable.
double Rounded(float value) {
  return static_cast<double>(static_cast<int>(value * 1000 + 0.5f)) / 1000;
}

int RunClassify(const ClassifyFlags& flags) {
  Options options = OptionsFrom(flags.input);
  options.analyze = true;
  options.category_model = flags.model;
  // Duplicates are judged in input order: the first copy is the canonical one.
  dedup::Deduplicator deduplicator;
  return ForEachArticle(flags.input, options, [&](const Article& article) {
    std::optional<std::string> canonical = deduplicator.Add(article);
    nlohmann::ordered_json line = {
        {"id", article.id},
        {"language", article.language},
        {"language_confidence", Rounded(article.language_confidence)},
        // The contest's label for pages that are not news, so that a scorer
        // comparing labels sees the judgement.
        {"category", article.is_news ? article.category : std::string(analyze::kNotNewsClass)},
        {"is_news", article.is_news},
        {"confidence", Rounded(article.category_confidence)},
        {"duplicate_of", canonical ? nlohmann::ordered_json(*canonical) : nullptr},
    };
    PrintJsonLine(line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  });
}

}  // namespace

Command AddClassifyCommand(CLI::App& app) {
  auto flags = std::make_shared<ClassifyFlags>();
  CLI::App* command = app.add_subcommand(
      "classify", "Print each article's language, category and whether it is news");
  command->footer(
      "Prints one JSON object per article: id, language (BCP 47 primary tag of the main\n"
      "text, \"und\" when unsure), language_confidence (0..1), category, is_news, confidence\n"
      "(0..1, of the category; of being not news when is_news is false), duplicate_of (the\n"
      "id of an earlier input whose text this one copies or lightly edits, else null).\n"
      "Articles that are not news get category \"not_news\" (as in the Telegram Data\n"
      "Clustering Contest); other stages give them no category. The default model uses\n"
      "the contest taxonomy (society, economy, technology, sports, entertainment,\n"
      "science, other); --model takes one written by `newsloom\n"
      "train-classifier`. PATH is read as by `newsloom extract`. Exit code 0 when every\n"
      "input was read, 1 when some failed, 2 for bad usage or an unreadable model.");
  AddInputFlags(command, flags->input);
  command->add_option("--model", flags->model,
                      "Category model file from train-classifier (default: the built-in one)");
  return {command, [flags] { return RunClassify(*flags); }};
}

}  // namespace newsloom::cli
