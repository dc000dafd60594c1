// The subcommands of `newsloom`, one file each (cmd_*.cc). Each Add*Command
// registers its flags on the app and returns how to run it once parsed.
#ifndef NEWSLOOM_CLI_COMMANDS_H_
#define NEWSLOOM_CLI_COMMANDS_H_

#include <CLI/CLI.hpp>
#include <functional>

namespace newsloom::cli {

constexpr int kExitInputFailed = 1;
constexpr int kExitUsage = 2;

struct Command {
  CLI::App* app = nullptr;
  std::function<int()> run;  // returns the process exit code
};

Command AddExtractCommand(CLI::App& app);
Command AddClassifyCommand(CLI::App& app);
Command AddTrainClassifierCommand(CLI::App& app);
Command AddNerCommand(CLI::App& app);
Command AddTrainNerCommand(CLI::App& app);
Command AddClusterCommand(CLI::App& app);
Command AddTrainIdfCommand(CLI::App& app);
Command AddStoriesCommand(CLI::App& app);
Command AddIngestCommand(CLI::App& app);
Command AddSearchCommand(CLI::App& app);
Command AddServeCommand(CLI::App& app);
Command AddTgnewsCommand(CLI::App& app);

}  // namespace newsloom::cli

#endif  // NEWSLOOM_CLI_COMMANDS_H_
