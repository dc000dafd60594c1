// newsloom ingest --db DIR PATH...: adds articles (and their stories) to a store.
#include <memory>

#include "cli/commands.h"
#include "cli/input_loop.h"
#include "cli/store_ingest.h"
#include "serve/pipeline.h"

namespace newsloom::cli {

namespace {

struct IngestFlags {
  InputFlags input;
  std::string db;
};

int RunIngest(const IngestFlags& flags) {
  auto store = store::OpenSqliteStore(flags.db);
  if (!store.ok()) {
    std::fprintf(stderr, "newsloom: %s\n", store.status().ToString().c_str());
    return kExitUsage;
  }
  auto builder = serve::DefaultStoryBuilder(**store);
  serve::Newsroom newsroom(**store, *builder);
  return IngestInto(flags.input, newsroom, flags.db);
}

}  // namespace

Command AddIngestCommand(CLI::App& app) {
  auto flags = std::make_shared<IngestFlags>();
  CLI::App* command = app.add_subcommand("ingest", "Add pages to a store, building stories");
  command->footer(
      "Extracts every page under PATH and stores the articles and their stories in the\n"
      "store directory --db (created when missing; SQLite, WAL). Re-ingesting the same page\n"
      "changes nothing; a changed page replaces its article. A progress bar with rate and\n"
      "ETA is drawn on a terminal; a summary line goes to stderr.");
  command->add_option("--db", flags->db, "Store directory")->required();
  AddInputFlags(command, flags->input);
  return {command, [flags] { return RunIngest(*flags); }};
}

}  // namespace newsloom::cli
