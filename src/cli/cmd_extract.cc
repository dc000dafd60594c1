// newsloom extract PATH...: one JSON object per article.
#include <memory>

#include "cli/article_json.h"
#include "cli/commands.h"
#include "cli/export_formats.h"
#include "cli/input_loop.h"

namespace newsloom::cli {

namespace {

struct ExtractFlags {
  InputFlags input;
  bool news_only = false;
  OutputFormat format = OutputFormat::kJson;
};

void PrintArticle(const Article& article, OutputFormat format) {
  nlohmann::json json;
  switch (format) {
    case OutputFormat::kCsv:
      PrintRaw(CsvRecord(ArticleCsvFields(article)));
      return;
    case OutputFormat::kNewsPlease:
      json = ArticleToNewsPleaseJson(article);
      break;
    case OutputFormat::kTrafilatura:
      json = ArticleToTrafilaturaJson(article);
      break;
    case OutputFormat::kJson:
      json = ArticleToJson(article);
      break;
  }
  PrintJsonLine(json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

int RunExtract(const ExtractFlags& flags) {
  if (flags.format == OutputFormat::kCsv) PrintRaw(CsvRecord(ArticleCsvHeader()));
  return ForEachArticle(flags.input, OptionsFrom(flags.input), [&](const Article& article) {
    if (flags.news_only && !article.is_news) return;
    PrintArticle(article, flags.format);
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
      "names). Exit code 0 when every input was read, 1 when some failed, 2 for bad usage.\n"
      "--format news-please or trafilatura prints those tools' field names instead (newsloom\n"
      "reads both back); --format csv prints a header row, then one row per article: id,\n"
      "url, title, authors, published, site, source, language, is_news, category,\n"
      "description, text.");
  AddInputFlags(command, flags->input);
  command->add_flag("--news-only", flags->news_only, "Print only pages judged to be news articles");
  AddFormatOption(command, &flags->format, {"json", "news-please", "trafilatura", "csv"});
  return {command, [flags] { return RunExtract(*flags); }};
}

}  // namespace newsloom::cli
