// newsloom extract PATH...: one JSON object per article.
#include <memory>

#include "cli/article_json.h"
#include "cli/commands.h"
#include "cli/input_loop.h"

namespace newsloom::cli {

namespace {

struct ExtractFlags {
  InputFlags input;
  bool news_only = false;
};

int RunExtract(const ExtractFlags& flags) {
  return ForEachArticle(flags.input, OptionsFrom(flags.input), [&](const Article& article) {
    if (flags.news_only && !article.is_news) return;
    PrintJsonLine(
        ArticleToJson(article).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  });
}

}  // namespace

Command AddExtractCommand(CLI::App& app) {
  auto flags = std::make_shared<ExtractFlags>();
  CLI::App* command =
      app.add_subcommand("extract", "Extract each page's article and metadata as JSON Lines");
  command->footer(
      "Prints one JSON object per article: id, url, canonical_url, title, author, published,\n"
      "site, source, language, description, text (paragraphs separated by \"\\n\"), is_news,\n"
      "truncated. PATH is a file or a directory (walked recursively): HTML (.html, .htm,\n"
      "gzip too), plain-text pages (.txt), JSON Lines records (.jsonl; news-please field\n"
      "names). Exit code 0 when every input was read, 1 when some failed, 2 for bad usage.");
  AddInputFlags(command, flags->input);
  command->add_flag("--news-only", flags->news_only, "Print only pages judged to be news articles");
  return {command, [flags] { return RunExtract(*flags); }};
}

}  // namespace newsloom::cli
