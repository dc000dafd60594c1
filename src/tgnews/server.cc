#include "tgnews/server.h"

#include <cstdio>

#include "serve/post_article.h"
#include "tgnews/contest.h"
#include "tgnews/requests.h"

namespace newsloom::tgnews {

namespace {

void Error(http::Response& response, int status, const std::string& message) {
  response.status = status;
  nlohmann::json body = {{"error", message}};
  response.SetContent(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                      "application/json");
}

bool Loading(const std::atomic<bool>& loaded, http::Response& response) {
  if (loaded) return false;
  response.SetHeader("Retry-After", "1");
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
    : options_(options), analysis_(std::move(analysis)) {
  http::ServerOptions http_options;
  http_options.host = options_.host;
  http_options.port = options_.port;
  http_options.limits.max_body_bytes = options_.max_body_bytes;
  http_options.workers = options_.threads;
  http_options.read_timeout_seconds = 30;
  http_options.write_timeout_seconds = 30;
  http_ = std::make_unique<http::Server>(std::move(http_options),
                                         [this](http::Request& request, http::Response& response) {
                                           router_.Dispatch(request, response);
                                         });
  Routes();
}

Server::~Server() {
  Stop();
  if (loader_.joinable()) loader_.join();
}

Result<int> Server::Bind() { return http_->Bind(); }

Status Server::Run() {
  loader_ = std::thread([this] { Load(); });
  http_->Run();
  if (loader_.joinable()) loader_.join();
  return load_status_;
}

void Server::Stop() { http_->Stop(); }

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
    Stop();  // nothing can be kept
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
  router_.Put("/*", [this](const http::Request& request, http::Response& response) {
    if (Loading(loaded_, response)) return;
    auto name = PageNameFromPath(request.path);
    if (!name.ok()) return Error(response, 400, name.status().message());
    std::string content_type = request.Header("content-type");
    if (content_type.empty()) return Error(response, 400, "Content-Type: text/html is required");
    if (!IsHtmlContentType(content_type)) {
      return Error(response, 400, "Content-Type must be text/html");
    }
    auto max_age = MaxAgeFromCacheControl(request.Header("cache-control"));
    if (!max_age.ok()) return Error(response, 400, max_age.status().message());
    IndexedPage page = Prepare(*name, *max_age, request.body);
    std::lock_guard lock(mutex_);
    Status written = log_->AppendPut(*name, *max_age, request.body);
    if (!written.ok()) return Error(response, 500, written.message());
    response.status = index_.Put(std::move(page)) ? 201 : 204;
    index_.TakeExpired();
  });
  router_.Delete("/*", [this](const http::Request& request, http::Response& response) {
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
  router_.Get("/threads", [this](const http::Request& request, http::Response& response) {
    if (Loading(loaded_, response)) return;
    auto query = ParseThreadsQuery(request.params);
    if (!query.ok()) return Error(response, 400, query.status().message());
    std::vector<Thread> threads;
    {
      std::lock_guard lock(mutex_);
      threads = index_.Query(query->period, query->lang_code, query->category);
    }
    response.status = 200;
    response.SetContent(Dump(ServerThreadsJson(threads, query->category == "any")),
                        "application/json");
  });
}

}  // namespace newsloom::tgnews
