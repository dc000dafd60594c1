// newsloom search --db DIR QUERY: ranked articles and stories as JSON Lines.
#include <memory>

#include "cli/commands.h"
#include "cli/input_loop.h"
#include "serve/api_json.h"
#include "serve/query_params.h"
#include "store/store.h"

namespace newsloom::cli {

namespace {

struct SearchFlags {
  std::string db;
  std::vector<std::string> words;
  int limit = 20;
  std::string type = "all";
  std::string since, until;
  store::Filter filter;
};

int RunSearch(SearchFlags flags) {
  for (auto [text, field] :
       {std::pair{&flags.since, &flags.filter.since}, {&flags.until, &flags.filter.until}}) {
    if (text->empty()) continue;
    auto time = serve::ParseTimeParameter(*text);
    if (!time.ok()) {
      std::fprintf(stderr, "newsloom: %s\n", time.status().message().c_str());
      return kExitUsage;
    }
    *field = *time;
  }
  auto store = store::OpenSqliteStore(flags.db);
  if (!store.ok()) {
    std::fprintf(stderr, "newsloom: %s\n", store.status().ToString().c_str());
    return kExitUsage;
  }
  std::string text;
  for (const std::string& word : flags.words) text += (text.empty() ? "" : " ") + word;
  store::SearchQuery query{text, flags.filter, flags.limit};
  std::vector<store::ArticleHit> articles;
  std::vector<store::StoryHit> stories;
  if (flags.type != "stories") {
    auto hits = (*store)->SearchArticles(query);
    if (!hits.ok()) {
      std::fprintf(stderr, "newsloom: %s\n", hits.status().ToString().c_str());
      return kExitInputFailed;
    }
    articles = std::move(*hits);
  }
  if (flags.type != "articles") {
    auto hits = (*store)->SearchStories(query);
    if (!hits.ok()) {
      std::fprintf(stderr, "newsloom: %s\n", hits.status().ToString().c_str());
      return kExitInputFailed;
    }
    stories = std::move(*hits);
  }
  int printed = 0;
  for (const auto& result : serve::SearchResultsJson(articles, stories)) {
    if (printed++ >= flags.limit) break;
    PrintJsonLine(serve::Dump(result));
  }
  return 0;
}

}  // namespace

Command AddSearchCommand(CLI::App& app) {
  auto flags = std::make_shared<SearchFlags>();
  CLI::App* command = app.add_subcommand("search", "Search a store: ranked articles and stories");
  command->footer(
      "Prints one JSON object per result, best first: {\"type\": \"article\"|\"story\",\n"
      "\"score\", ...}. Every word must match (word* matches a prefix); title matches weigh\n"
      "more than the lead, the lead more than the body. Times are UTC seconds or ISO 8601.");
  command->add_option("--db", flags->db, "Store directory")->required();
  command->add_option("QUERY", flags->words, "Words to search for")->required();
  command->add_option("-n,--limit", flags->limit, "Most results to print")
      ->check(CLI::Range(1, 1000))
      ->default_val(20);
  command->add_option("--type", flags->type, "all, articles or stories")
      ->check(CLI::IsMember({"all", "articles", "stories"}))
      ->default_val("all");
  command->add_option("--since", flags->since, "Only from this time on");
  command->add_option("--until", flags->until, "Only up to this time");
  command->add_option("--category", flags->filter.category, "Only this category");
  command->add_option("--language", flags->filter.language, "Only this language (\"en\")");
  command->add_option("--source", flags->filter.source, "Only this source domain");
  command->add_option("--entity", flags->filter.entity, "Only texts naming this entity");
  return {command, [flags] { return RunSearch(*flags); }};
}

}  // namespace newsloom::cli
