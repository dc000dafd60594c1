// newsloom classify PATH...: language, category and news judgement per article.
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "cli/commands.h"
#include "cli/input_loop.h"

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
  return ForEachArticle(flags.input, options, [](const Article& article) {
    nlohmann::ordered_json line = {
        {"id", article.id},
        {"language", article.language},
        {"language_confidence", Rounded(article.language_confidence)},
        {"category", article.category},
        {"is_news", article.is_news},
        {"confidence", Rounded(article.category_confidence)},
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
      "(0..1, of the category; of being not news when is_news is false). Articles that are\n"
      "not news get category \"\". The default model uses the Telegram Data Clustering\n"
      "Contest taxonomy (society, economy, technology, sports, entertainment, science,\n"
      "other); --model takes one written by `newsloom train-classifier`. PATH is read as by\n"
      "`newsloom extract`. Exit code 0 when every input was read, 1 when some failed, 2 for\n"
      "bad usage or an unreadable model.");
  AddInputFlags(command, flags->input);
  command->add_option("--model", flags->model,
                      "Category model file from train-classifier (default: the built-in one)");
  return {command, [flags] { return RunClassify(*flags); }};
}

}  // namespace newsloom::cli
