// Server: setup, limits, authorisation and the web page's static files.
#include "serve/server.h"

#include <httplib.h>
#include <sys/socket.h>

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

// cpp-httplib (0.11, compiled into Debian's libcpp-httplib) listens with a
// backlog of 5: when 200 clients connect at once the accept queue overflows,
// the kernel drops their handshakes and their first requests wait for SYN-ACK
// retransmits (1 s, 3 s, ...). The listening socket is listened on again with
// this backlog once bound (Linux takes a second listen() as a new backlog).
constexpr int kListenBacklog = 1024;

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  unsigned char difference = a.size() == b.size() ? 0 : 1;
  for (size_t i = 0; i < a.size(); ++i) {
    difference |= static_cast<unsigned char>(a[i] ^ (i < b.size() ? b[i] : 0));
  }
  return difference == 0;
}

}  // namespace

Server::Server(store::Store& store, Newsroom& newsroom, ServerOptions options)
    : store_(store),
      newsroom_(newsroom),
      options_(std::move(options)),
      http_(std::make_unique<httplib::Server>()) {
  int threads = options_.threads < 1 ? 1 : options_.threads;
  http_->new_task_queue = [threads] { return new httplib::ThreadPool(size_t(threads)); };
  http_->set_payload_max_length(options_.max_body_bytes);
  http_->set_read_timeout(options_.read_timeout_seconds, 0);
  http_->set_write_timeout(options_.write_timeout_seconds, 0);
  http_->set_keep_alive_timeout(5);
  http_->set_keep_alive_max_count(100000);
  // httplib writes the headers and the body separately: with Nagle's
  // algorithm the body waits for the client's delayed ACK of the headers
  // (40 ms on Linux) whenever the headers are still unacknowledged.
  http_->set_tcp_nodelay(true);
  // httplib's default options, and the socket noted for Bind.
  http_->set_socket_options([this](int socket) {
    httplib::default_socket_options(socket);
    listen_socket_ = socket;
  });
  http_->set_default_headers({{"X-Content-Type-Options", "nosniff"},
                              {"Referrer-Policy", "no-referrer"},
                              {"Content-Security-Policy", kContentSecurityPolicy}});
  http_->set_logger([this](const httplib::Request&, const httplib::Response& response) {
    ++requests_;
    if (response.status >= 500) {
      ++server_errors_;
    } else if (response.status >= 400) {
      ++client_errors_;
    }
  });
  http_->set_exception_handler(
      [](const httplib::Request&, httplib::Response& response, std::exception_ptr) {
        response.status = 500;
        response.set_content("{\"error\":\"internal error\"}", "application/json");
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
  int port = options_.port == 0
                 ? http_->bind_to_any_port(options_.host)
                 : (http_->bind_to_port(options_.host, options_.port) ? options_.port : -1);
  if (port < 0) {
    return Status::IOError("cannot listen on " + options_.host + ":" +
                           std::to_string(options_.port));
  }
  port_ = port;
  int accepting = 0;
  socklen_t length = sizeof accepting;
  if (listen_socket_ >= 0 &&
      getsockopt(listen_socket_, SOL_SOCKET, SO_ACCEPTCONN, &accepting, &length) == 0 &&
      accepting != 0) {
    ::listen(listen_socket_, kListenBacklog);
  }
  return port;
}

void Server::Run() { http_->listen_after_bind(); }

void Server::Stop() {
  if (http_ && http_->is_running()) http_->stop();
}

bool Server::Authorized(const httplib::Request& request, httplib::Response& response) const {
  if (options_.token.empty()) return true;
  std::string expected = "Bearer " + options_.token;
  if (ConstantTimeEquals(request.get_header_value("Authorization"), expected)) return true;
  response.status = 401;
  response.set_header("WWW-Authenticate", "Bearer");
  response.set_content("{\"error\":\"this endpoint needs Authorization: Bearer <token>\"}",
                       "application/json");
  return false;
}

std::string Server::BaseUrl(const httplib::Request& request) const {
  // The Host header names the server as the client reached it; anything but
  // a plain host[:port] falls back to the bound address.
  std::string host = request.get_header_value("Host");
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
    return [bytes, type](const httplib::Request&, httplib::Response& response) {
      response.set_header("Cache-Control", "no-cache");
      response.set_content(bytes.data(), bytes.size(), type);
    };
  };
  http_->Get("/", serve(NEWSLOOM_EMBEDDED(web_index_html), "text/html; charset=utf-8"));
  http_->Get("/app.js", serve(NEWSLOOM_EMBEDDED(web_app_js), "text/javascript; charset=utf-8"));
  http_->Get("/app.css", serve(NEWSLOOM_EMBEDDED(web_app_css), "text/css; charset=utf-8"));
  http_->set_error_handler([](const httplib::Request&, httplib::Response& response) {
    if (!response.body.empty()) return;
    std::string message = response.status == 404   ? "not found"
                          : response.status == 413 ? "request body too large"
                          : response.status == 405 ? "method not allowed"
                                                   : "request failed";
    response.set_content("{\"error\":\"" + message + "\"}", "application/json");
  });
}

}  // namespace newsloom::serve
