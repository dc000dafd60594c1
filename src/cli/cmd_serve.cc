// newsloom serve --db DIR [PATH...]: the HTTP API and the web page.
#include <signal.h>

#include <cstdio>
#include <memory>
#include <thread>

#include "cli/commands.h"
#include "cli/input_loop.h"
#include "cli/store_ingest.h"
#include "serve/pipeline.h"
#include "serve/server.h"

namespace newsloom::cli {

namespace {

struct ServeFlags {
  std::string db;
  InputFlags input;  // optional PATHs to ingest before serving
  serve::ServerOptions server;
  double max_body_mb = 8;
};

int RunServe(ServeFlags flags) {
  auto store = store::OpenSqliteStore(flags.db);
  if (!store.ok()) {
    std::fprintf(stderr, "newsloom: %s\n", store.status().ToString().c_str());
    return kExitUsage;
  }
  auto builder = serve::DefaultStoryBuilder(**store);
  if (!flags.input.paths.empty()) {
    serve::Newsroom loader(**store, *builder);  // the engine analyzes these itself
    IngestInto(flags.input, loader, flags.db);
  }
  // Articles posted to the API are analyzed before they are stored.
  auto prepare = serve::DefaultPrepare();
  if (!prepare.ok()) {
    std::fprintf(stderr, "newsloom: %s\n", prepare.status().ToString().c_str());
    return kExitUsage;
  }
  serve::Newsroom newsroom(**store, *builder, std::move(prepare).value());

  // SIGINT and SIGTERM stop the server cleanly: blocked here (so every thread
  // inherits the mask) and taken by one waiting thread.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  flags.server.max_body_bytes = size_t(flags.max_body_mb * 1024 * 1024);
  serve::Server server(**store, newsroom, flags.server);
  auto port = server.Bind();
  if (!port.ok()) {
    std::fprintf(stderr, "newsloom: %s\n", port.status().ToString().c_str());
    return kExitUsage;
  }
  auto stats = (*store)->GetStats();
  std::string host = flags.server.host.find(':') != std::string::npos
                         ? "[" + flags.server.host + "]"
                         : flags.server.host;
  std::printf("newsloom: serving http://%s:%d/ (%lld articles, %lld stories in %s)\n", host.c_str(),
              *port, stats.ok() ? static_cast<long long>(stats->articles) : 0LL,
              stats.ok() ? static_cast<long long>(stats->stories) : 0LL, flags.db.c_str());
  std::fflush(stdout);

  std::thread stopper([&] {
    int received = 0;
    sigwait(&stop_signals, &received);
    server.Stop();
  });
  server.Run();
  // Run can also end by itself (a listen failure): wake the stopper.
  pthread_kill(stopper.native_handle(), SIGTERM);
  stopper.join();
  std::fprintf(stderr, "newsloom: stopped\n");
  return 0;
}

}  // namespace

Command AddServeCommand(CLI::App& app) {
  auto flags = std::make_shared<ServeFlags>();
  CLI::App* command = app.add_subcommand("serve", "Serve the HTTP API and the web page");
  command->footer(
      "Serves the store --db (created when missing) over HTTP: the web page at /, the JSON\n"
      "API under /api/ and feeds under /feeds/ (see README). PATHs, when given, are ingested\n"
      "first. Binds 127.0.0.1 unless --host says otherwise; with --token, POST and DELETE\n"
      "need \"Authorization: Bearer TOKEN\". Prints the address on stdout; stops on SIGINT\n"
      "or SIGTERM.");
  command->add_option("--db", flags->db, "Store directory")->required();
  command->add_option("--host", flags->server.host, "Address to listen on")
      ->default_val("127.0.0.1");
  command->add_option("--port", flags->server.port, "Port (0 picks a free one)")
      ->check(CLI::Range(0, 65535))
      ->default_val(8080);
  command->add_option("--token", flags->server.token, "Bearer token required for writes");
  command->add_option("--max-body-mb", flags->max_body_mb, "Largest request body accepted")
      ->check(CLI::Range(0.001, 1024.0))
      ->default_val(8);
  command
      ->add_option("--threads", flags->server.threads,
                   "Threads answering GET requests (connections do not hold one while idle)")
      ->check(CLI::Range(1, 1024))
      ->default_val(8);
  command
      ->add_option("--write-threads", flags->server.write_threads,
                   "Threads answering POST and DELETE (writers waiting commit together)")
      ->check(CLI::Range(1, 1024))
      ->default_val(64);
  command->add_option("PATH", flags->input.paths, "Pages to ingest before serving")->type_name("");
  command->add_flag("-q,--quiet", flags->input.quiet, "No progress bar or summary when ingesting");
  return {command, [flags] { return RunServe(*flags); }};
}

}  // namespace newsloom::cli
