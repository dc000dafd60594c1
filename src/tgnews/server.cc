#include "tgnews/server.h"

#include <httplib.h>

#include <cstdio>

#include "serve/post_article.h"
#include "tgnews/contest.h"
#include "tgnews/requests.h"

namespace newsloom::tgnews {

namespace {

void Error(httplib::Response& response, int status, const std::string& message) {
  response.status = status;
  nlohmann::json body = {{"error", message}};
  response.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                       "application/json");
}

bool Loading(const std::atomic<bool>& loaded, httplib::Response& response) {
  if (loaded) return false;
  response.set_header("Retry-After", "1");
  Error(response, 503, "loading the stored pages, try again shortly");
  return true;
}

}  // namespace

Result<std::unique_ptr<Server>> Server::Create(const ServerOptions& options) {
  Options analysis_options;
  analysis_options.analyze = true;
  analysis_options.entities_and_dates = true;
  auto analysis = ArticleAnalysis::Open(analysis_options);
  if (!analysis.ok()) return analysis.status();
  return std::unique_ptr<Server>(new Server(options, std::move(analysis).value()));
}

Server::Server(const ServerOptions& options, std::unique_ptr<const ArticleAnalysis> analysis)
    : options_(options),
      analysis_(std::move(analysis)),
      http_(std::make_unique<httplib::Server>()) {
  int threads = std::max(1, options_.threads);
  http_->new_task_queue = [threads] { return new httplib::ThreadPool(size_t(threads)); };
  http_->set_payload_max_length(options_.max_body_bytes);
  http_->set_read_timeout(30, 0);
  http_->set_write_timeout(30, 0);
  http_->set_keep_alive_max_count(1000000);
  http_->set_exception_handler([](const httplib::Request&, httplib::Response& response,
                                  std::exception_ptr) { Error(response, 500, "internal error"); });
  Routes();
}

Server::~Server() {
  Stop();
  if (loader_.joinable()) loader_.join();
}

Result<int> Server::Bind() {
  int port = options_.port == 0
                 ? http_->bind_to_any_port(options_.host)
                 : (http_->bind_to_port(options_.host, options_.port) ? options_.port : -1);
  if (port < 0) {
    return Status::IOError("cannot listen on " + options_.host + ":" +
                           std::to_string(options_.port));
  }
  return port;
}

Status Server::Run() {
  loader_ = std::thread([this] { Load(); });
  http_->listen_after_bind();
  if (loader_.joinable()) loader_.join();
  return load_status_;
}

void Server::Stop() {
  if (http_ && http_->is_running()) http_->stop();
}

IndexedPage Server::Prepare(std::string name, int64_t max_age, std::string_view body) const {
  IndexedPage page{std::move(name), max_age, std::nullopt};
  auto articles = serve::ArticlesFromBody(body, "text/html", "", options_.max_body_bytes);
  if (articles.ok() && !articles->empty()) {
    Article article = std::move(articles->front());
    analysis_->Analyze(article);
    // Names and dates (a third of the CPU a page costs) serve only the
    // threads, which hold contest news alone.
    if (IsContestNews(article)) analysis_->TagNamesAndDates(article);
    article.id = page.name;
    page.article = std::move(article);
  }
  return page;
}

void Server::Load() {
  std::vector<StoredPage> stored;
  auto log = PageLog::Open(options_.db_dir, &stored);
  if (!log.ok()) {
    load_status_ = log.status();
    std::fprintf(stderr, "newsloom: %s\n", load_status_.ToString().c_str());
    // Wait until the server runs, then stop it: nothing can be kept.
    while (!http_->is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    Stop();
    return;
  }
  std::vector<IndexedPage> pages(stored.size());
  std::atomic<size_t> next{0};
  std::vector<std::thread> workers;
  for (int t = 0; t < std::max(1, options_.load_threads); ++t) {
    workers.emplace_back([&] {
      for (size_t i = next++; i < stored.size(); i = next++) {
        pages[i] = Prepare(std::move(stored[i].name), stored[i].max_age, stored[i].body);
        std::string().swap(stored[i].body);
      }
    });
  }
  for (std::thread& worker : workers) worker.join();
  {
    std::lock_guard lock(mutex_);
    index_.PutAll(std::move(pages));
    index_.TakeExpired();
    index_.RefreshStories();
    log_ = std::move(log).value();
    std::fprintf(stderr, "newsloom: %zu pages loaded from %s\n", index_.size(),
                 options_.db_dir.c_str());
  }
  loaded_ = true;
}

void Server::Routes() {
  http_->Put(R"(/(.*))", [this](const httplib::Request& request, httplib::Response& response) {
    if (Loading(loaded_, response)) return;
    auto name = PageNameFromPath(request.path);
    if (!name.ok()) return Error(response, 400, name.status().message());
    if (!request.has_header("Content-Type")) {
      return Error(response, 400, "Content-Type: text/html is required");
    }
    if (!IsHtmlContentType(request.get_header_value("Content-Type"))) {
      return Error(response, 400, "Content-Type must be text/html");
    }
    auto max_age = MaxAgeFromCacheControl(request.get_header_value("Cache-Control"));
    if (!max_age.ok()) return Error(response, 400, max_age.status().message());
    IndexedPage page = Prepare(*name, *max_age, request.body);
    std::lock_guard lock(mutex_);
    Status written = log_->AppendPut(*name, *max_age, request.body);
    if (!written.ok()) return Error(response, 500, written.message());
    response.status = index_.Put(std::move(page)) ? 201 : 204;
    index_.TakeExpired();
  });
  http_->Delete(R"(/(.*))", [this](const httplib::Request& request, httplib::Response& response) {
    if (Loading(loaded_, response)) return;
    auto name = PageNameFromPath(request.path);
    if (!name.ok()) return Error(response, 400, name.status().message());
    std::lock_guard lock(mutex_);
    if (!index_.Contains(*name)) return Error(response, 404, "no such page: " + *name);
    Status written = log_->AppendDelete(*name);
    if (!written.ok()) return Error(response, 500, written.message());
    index_.Remove(*name);
    response.status = 204;
  });
  http_->Get("/threads", [this](const httplib::Request& request, httplib::Response& response) {
    if (Loading(loaded_, response)) return;
    auto query = ParseThreadsQuery(request.params);
    if (!query.ok()) return Error(response, 400, query.status().message());
    std::vector<Thread> threads;
    {
      std::lock_guard lock(mutex_);
      threads = index_.Query(query->period, query->lang_code, query->category);
    }
    response.status = 200;
    response.set_content(Dump(ServerThreadsJson(threads, query->category == "any")),
                         "application/json");
  });
  http_->set_error_handler([](const httplib::Request&, httplib::Response& response) {
    if (!response.body.empty()) return;
    std::string message = response.status == 404   ? "not found"
                          : response.status == 413 ? "request body too large"
                          : response.status == 405 ? "method not allowed"
                                                   : "bad request";
    Error(response, response.status, message);
  });
}

}  // namespace newsloom::tgnews
