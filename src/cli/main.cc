// newsloom: the command line. Each subcommand lives in its own cmd_*.cc,
// parses its flags, opens the engine and prints JSON Lines on stdout; errors
// go to stderr, one line each.
//
// Exit codes: 0 all inputs processed, 1 some input failed, 2 bad usage.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <vector>

#include "cli/commands.h"

int main(int argc, char** argv) {
  namespace cli = newsloom::cli;
  CLI::App app{
      "newsloom: a news intelligence engine. Turns scraped news pages into clean articles\n"
      "and stories. Output is JSON Lines on stdout; errors go to stderr."};
  app.set_version_flag("--version", "newsloom 0.1.0");
  app.require_subcommand(1);

  // One command per line, so adding one is a one-line change.
  // clang-format off
  std::vector<cli::Command> commands = {
      cli::AddExtractCommand(app),
      cli::AddClassifyCommand(app),
      cli::AddTrainClassifierCommand(app),
      cli::AddNerCommand(app),
      cli::AddTrainNerCommand(app),
      cli::AddClusterCommand(app),
      cli::AddTrainIdfCommand(app),
      cli::AddStoriesCommand(app),
      cli::AddIngestCommand(app),
      cli::AddSearchCommand(app),
      cli::AddServeCommand(app),
      cli::AddTgnewsCommand(app),
  };
  // clang-format on

  // CLI11 reports a misspelt command as a missing one; name it instead.
  if (argc > 1 && argv[1][0] != '-') {
    bool known = false;
    for (const cli::Command& command : commands) known = known || command.app->check_name(argv[1]);
    if (!known) {
      std::fprintf(stderr, "newsloom: unknown command '%s' (see newsloom --help)\n", argv[1]);
      return cli::kExitUsage;
    }
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::fprintf(stderr, "newsloom: %s (see newsloom --help)\n", e.what());
    return cli::kExitUsage;
  }
  for (const cli::Command& command : commands) {
    if (command.app->parsed()) return command.run();
  }
  return cli::kExitUsage;
}
