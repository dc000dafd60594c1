// newsloom tgnews languages|news|categories|threads|top DIR, and
// newsloom tgnews server PORT: the Telegram Data Clustering Contest interface.
#include <signal.h>

#include <cstdio>
#include <iostream>
#include <memory>
#include <thread>

#include "cli/commands.h"
#include "tgnews/batch.h"
#include "tgnews/contest.h"
#include "tgnews/server.h"

namespace newsloom::cli {

namespace {

struct TgnewsFlags {
  std::string task;
  std::string dir;
  int jobs = 0;
  bool quiet = false;
};

int RunBatchTask(const TgnewsFlags& flags) {
  auto task = tgnews::TaskFromName(flags.task);
  if (!task) {
    std::fprintf(stderr, "newsloom: unknown task %s\n", flags.task.c_str());
    return kExitUsage;
  }
  tgnews::BatchOptions options;
  options.jobs = flags.jobs;
  size_t failed = 0;
  options.on_error = [&](const std::string& origin, const Status& status) {
    ++failed;
    if (!flags.quiet) {
      std::fprintf(stderr, "newsloom: %s: %s\n", origin.c_str(), status.ToString().c_str());
    }
  };
  auto json = tgnews::RunBatch(*task, flags.dir, options);
  if (!json.ok()) {
    std::fprintf(stderr, "newsloom: %s\n", json.status().ToString().c_str());
    return kExitUsage;
  }
  std::cout << tgnews::Dump(*json) << '\n';
  std::cout.flush();
  return failed == 0 ? 0 : kExitInputFailed;
}

int RunServer(const tgnews::ServerOptions& options) {
  // SIGINT and SIGTERM stop the server cleanly: blocked here (every thread
  // inherits the mask) and taken by one waiting thread.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  auto server = tgnews::Server::Create(options);
  if (!server.ok()) {
    std::fprintf(stderr, "newsloom: %s\n", server.status().ToString().c_str());
    return kExitUsage;
  }
  auto port = (*server)->Bind();
  if (!port.ok()) {
    std::fprintf(stderr, "newsloom: %s\n", port.status().ToString().c_str());
    return kExitUsage;
  }
  std::printf("newsloom: tgnews server on http://%s:%d/ (pages in %s)\n", options.host.c_str(),
              *port, options.db_dir.c_str());
  std::fflush(stdout);
  std::thread stopper([&] {
    int received = 0;
    sigwait(&stop_signals, &received);
    (*server)->Stop();
  });
  Status status = (*server)->Run();
  pthread_kill(stopper.native_handle(), SIGTERM);
  stopper.join();
  std::fprintf(stderr, "newsloom: stopped\n");
  return status.ok() ? 0 : kExitInputFailed;
}

}  // namespace

Command AddTgnewsCommand(CLI::App& app) {
  auto flags = std::make_shared<TgnewsFlags>();
  auto server = std::make_shared<tgnews::ServerOptions>();
  auto max_body_mb = std::make_shared<double>(16);
  CLI::App* command = app.add_subcommand(
      "tgnews", "The Telegram Data Clustering Contest interface (batch tasks and server)");
  command->require_subcommand(1);
  command->footer(
      "Batch: newsloom tgnews languages|news|categories|threads|top DIR prints the contest's\n"
      "JSON answer for the HTML pages in DIR (file names only). Only en and ru count, as in\n"
      "the contest; the category model is English-trained, so Russian news is put in \"other\".\n"
      "Server: newsloom tgnews server PORT [--db DIR]: PUT /<name>.html (Content-Type:\n"
      "text/html, Cache-Control: max-age=N) 201/204, DELETE /<name>.html 204/404,\n"
      "GET /threads?period=N&lang_code=en|ru&category=any|<category> 200, 503 while loading.\n"
      "Pages are kept in an append-only log in DIR and survive SIGTERM and restarts.\n"
      "Exit code 0 when every page was read, 1 when some were not (the answer is still\n"
      "printed, without them), 2 for bad usage.");
  std::vector<Command> tasks;
  for (std::string_view task : {"languages", "news", "categories", "threads", "top"}) {
    CLI::App* sub =
        command->add_subcommand(std::string(task), "The contest's " + std::string(task) + " task");
    sub->add_option("DIR", flags->dir, "Directory of contest-format HTML pages")->required();
    sub->add_option("-j,--jobs", flags->jobs, "Worker threads (0: one per core)")
        ->check(CLI::Range(0, 256));
    sub->add_flag("-q,--quiet", flags->quiet, "Do not report unreadable pages");
    sub->callback([flags, sub] { flags->task = sub->get_name(); });
  }
  CLI::App* serve = command->add_subcommand("server", "The contest's HTTP server");
  serve->add_option("PORT", server->port, "Port to listen on")
      ->required()
      ->check(CLI::Range(1, 65535));
  serve->add_option("--db", server->db_dir, "Directory of the stored pages")
      ->default_val("tgnews-db");
  serve->add_option("--host", server->host, "Address to listen on")->default_val("127.0.0.1");
  serve
      ->add_option("--threads", server->threads,
                   "Threads answering requests (connections do not hold one while idle)")
      ->check(CLI::Range(1, 1024))
      ->default_val(8);
  serve->add_option("--max-body-mb", *max_body_mb, "Largest page accepted, in MB")
      ->check(CLI::Range(0.01, 1024.0))
      ->default_val(16);
  serve->callback([flags] { flags->task = "server"; });
  return {command, [flags, server, max_body_mb] {
            if (flags->task == "server") {
              server->max_body_bytes = size_t(*max_body_mb * 1024 * 1024);
              return RunServer(*server);
            }
            return RunBatchTask(*flags);
          }};
}

}  // namespace newsloom::cli
