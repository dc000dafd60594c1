// Server: setup, limits, authorisation and the web page's static files.
#include "serve/server.h"

#include <chrono>
#include <cstdio>

#include "common/embedded.h"
#include "common/strings.h"

NEWSLOOM_DECLARE_EMBEDDED(web_index_html);
NEWSLOOM_DECLARE_EMBEDDED(web_app_js);
NEWSLOOM_DECLARE_EMBEDDED(web_app_css);

namespace newsloom::serve {

namespace {

// The page loads nothing from elsewhere, and nothing may frame it.
constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  unsigned char difference = a.size() == b.size() ? 0 : 1;
  for (size_t i = 0; i < a.size(); ++i) {
    difference |= static_cast<unsigned char>(a[i] ^ (i < b.size() ? b[i] : 0));
  }
  return difference == 0;
}

}  // namespace

Server::Server(store::Store& store, Newsroom& newsroom, ServerOptions options)
    : store_(store), newsroom_(newsroom), options_(std::move(options)) {
  http::ServerOptions http_options;
  http_options.host = options_.host;
  http_options.port = options_.port;
  http_options.limits.max_body_bytes = options_.max_body_bytes;
  http_options.workers = options_.threads;
  http_options.write_workers = options_.write_threads;
  http_options.read_timeout_seconds = options_.read_timeout_seconds;
  http_options.write_timeout_seconds = options_.write_timeout_seconds;
  http_options.default_headers = {{"X-Content-Type-Options", "nosniff"},
                                  {"Referrer-Policy", "no-referrer"},
                                  {"Content-Security-Policy", kContentSecurityPolicy}};
  http_ = std::make_unique<http::Server>(
      std::move(http_options),
      [this](http::Request& request, http::Response& response) {
        router_.Dispatch(request, response);
      },
      [this](const http::Request*, const http::Response& response) {
        ++requests_;
        if (response.status >= 500) {
          ++server_errors_;
        } else if (response.status >= 400) {
          ++client_errors_;
        }
      });
  Routes();
  newsroom_.SetCommitListener([this](const store::WriteBatch& batch) { catalog_.Apply(batch); });
  if (auto version = store_.ForeignChangeCounter(); version.ok()) foreign_version_ = *version;
  LoadCatalog();
  watcher_ = std::thread([this] { WatchForeignCommits(); });
}

Server::~Server() {
  Stop();
  newsroom_.SetCommitListener({});
  {
    std::lock_guard<std::mutex> lock(watcher_mutex_);
    watcher_stop_ = true;
  }
  watcher_wake_.notify_all();
  if (watcher_.joinable()) watcher_.join();
}

void Server::LoadCatalog() {
  Status status = catalog_.Load(store_);
  if (!status.ok()) {
    std::fprintf(stderr, "newsloom: story catalog not loaded, reading stories from the store: %s\n",
                 status.ToString().c_str());
  }
  catalog_ready_ = status.ok();
}

void Server::WatchForeignCommits() {
  std::unique_lock<std::mutex> lock(watcher_mutex_);
  while (!watcher_wake_.wait_for(lock, std::chrono::milliseconds(250),
                                 [this] { return watcher_stop_; })) {
    auto version = store_.ForeignChangeCounter();
    if (!version.ok() || *version == foreign_version_) continue;
    foreign_version_ = *version;
    LoadCatalog();
  }
}

Result<int> Server::Bind() {
  auto port = http_->Bind();
  if (port.ok()) port_ = *port;
  return port;
}

void Server::Run() { http_->Run(); }

void Server::Stop() { http_->Stop(); }

bool Server::Authorized(const http::Request& request, http::Response& response) const {
  if (options_.token.empty()) return true;
  std::string expected = "Bearer " + options_.token;
  if (ConstantTimeEquals(request.Header("authorization"), expected)) return true;
  response.status = 401;
  response.SetHeader("WWW-Authenticate", "Bearer");
  response.SetContent("{\"error\":\"this endpoint needs Authorization: Bearer <token>\"}",
                      "application/json");
  return false;
}

std::string Server::BaseUrl(const http::Request& request) const {
  // The Host header names the server as the client reached it; anything but
  // a plain host[:port] falls back to the bound address.
  std::string host = request.Header("host");
  bool plain = !host.empty() && host.size() < 256;
  for (char c : host) {
    plain = plain && (IsAsciiAlnum(c) || c == '.' || c == '-' || c == ':' || c == '[' || c == ']');
  }
  if (!plain) host = options_.host + ":" + std::to_string(port_);
  return "http://" + host;
}

void Server::Routes() {
  ApiRoutes();
  FeedRoutes();
  WebRoutes();
}

void Server::WebRoutes() {
  auto serve = [](std::string_view bytes, const char* type) {
    return [bytes, type](const http::Request&, http::Response& response) {
      response.SetHeader("Cache-Control", "no-cache");
      response.SetContent(std::string(bytes), type);
    };
  };
  router_.Get("/", serve(NEWSLOOM_EMBEDDED(web_index_html), "text/html; charset=utf-8"));
  router_.Get("/app.js", serve(NEWSLOOM_EMBEDDED(web_app_js), "text/javascript; charset=utf-8"));
  router_.Get("/app.css", serve(NEWSLOOM_EMBEDDED(web_app_css), "text/css; charset=utf-8"));
}

}  // namespace newsloom::serve
