#include "http/server.h"

#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <mutex>
#include <thread>
#include <unordered_map>

namespace newsloom::http {

namespace {

using Clock = std::chrono::steady_clock;

constexpr uint64_t kListenId = 0;  // epoll data of the listening socket
constexpr uint64_t kWakeId = 1;    // ... of the eventfd the workers ring
constexpr int kListenBacklog = 1024;
constexpr size_t kReadChunk = 64 << 10;
// After answering with "Connection: close" to a client that may still be
// sending (a body too large), its bytes are read and dropped for this long
// before the socket closes, so that the close does not reset the connection
// and destroy the answer before the client reads it.
constexpr auto kLinger = std::chrono::seconds(2);

// Whether a response with this status carries a body (and so a length).
bool StatusHasBody(int status) { return status >= 200 && status != 204 && status != 304; }

// HttpDate of now, formatted once a second per thread.
const std::string& CurrentHttpDate() {
  thread_local std::time_t formatted = -1;
  thread_local std::string date;
  std::time_t now = std::time(nullptr);
  if (now != formatted) {
    date = HttpDate(now);
    formatted = now;
  }
  return date;
}

std::string Serialize(const Request* request, const Response& response, bool close,
                      const std::vector<std::pair<std::string, std::string>>& defaults) {
  std::string head = "HTTP/1.1 " + std::to_string(response.status) + " ";
  head += StatusReason(response.status);
  head += "\r\n";
  auto add = [&head](std::string_view name, std::string_view value) {
    head.append(name).append(": ").append(value).append("\r\n");
  };
  for (const auto& [name, value] : defaults) {
    if (!response.HasHeader(name)) add(name, value);
  }
  for (const auto& [name, value] : response.headers) add(name, value);
  if (!response.HasHeader("Date")) add("Date", CurrentHttpDate());
  if (StatusHasBody(response.status)) {
    add("Content-Length", std::to_string(response.body.size()));
  }
  if (close) {
    add("Connection", "close");
  } else if (request != nullptr && request->minor_version == 0) {
    add("Connection", "keep-alive");
  }
  head += "\r\n";
  return head;
}

bool SendsBody(const Request* request, const Response& response) {
  return (request == nullptr || request->method != "HEAD") && StatusHasBody(response.status);
}

// {"error": message}; `message` is one of the server's own, which need no escaping.
std::string ErrorJson(std::string_view message) {
  return "{\"error\":\"" + std::string(message) + "\"}";
}

// The error body of a handler's response that has none.
void FillErrorBody(Response& response) {
  if (response.status < 400 || !response.body.empty()) return;
  std::string_view message = response.status == 404   ? "not found"
                             : response.status == 405 ? "method not allowed"
                             : response.status == 500 ? "internal error"
                             : response.status >= 500 ? "request failed"
                                                      : "bad request";
  response.SetContent(ErrorJson(message), "application/json");
}

}  // namespace

struct Server::Loop {
  struct Connection {
    uint64_t id = 0;
    int fd = -1;
    std::string in;     // read, not yet parsed
    bool busy = false;  // a worker has its request
    bool continue_sent = false;
    bool peer_closed = false;  // the client will send nothing more
    bool close_after_write = false;
    bool lingering = false;  // answered and shut down; dropping what still comes
    std::string out_head, out_body;
    size_t out_done = 0;  // bytes of out_head + out_body written
    uint32_t watched = 0;
    Clock::time_point last_io, request_start;
  };
  struct Job {
    uint64_t connection;
    Request request;
    bool close;
  };
  struct Answer {
    uint64_t connection;
    std::string head, body;
    bool close;
  };

  ServerOptions options;
  Handler handler;
  Finish finish;
  int listen_fd = -1, epoll_fd = -1, wake_fd = -1;
  std::atomic<bool> stopping{false};
  std::unordered_map<uint64_t, std::unique_ptr<Connection>> connections;
  uint64_t next_id = 2;
  bool accepting_paused = false;
  Clock::time_point accept_resume;

  // Threads taking jobs first come, first served.
  struct Pool {
    std::mutex mutex;
    std::condition_variable ready;
    std::deque<Job> jobs;  // GUARDED_BY(mutex)
    bool stop = false;     // GUARDED_BY(mutex)
    std::vector<std::thread> threads;
  };
  Pool reads, writes;
  std::mutex answers_mutex;
  std::vector<Answer> answers;  // GUARDED_BY(answers_mutex)

  void Wake() {
    uint64_t one = 1;
    [[maybe_unused]] ssize_t written = ::write(wake_fd, &one, sizeof one);
  }

  // Has epoll report `fd` readable, tagged `id`.
  bool Register(int fd, uint64_t id) {
    epoll_event event{};
    event.events = EPOLLIN;
    event.data.u64 = id;
    return epoll_ctl(epoll_fd, EPOLL_CTL_ADD, fd, &event) == 0;
  }

  void Watch(Connection& connection, uint32_t events) {
    if (connection.watched == events) return;
    epoll_event event{};
    event.events = events;
    event.data.u64 = connection.id;
    epoll_ctl(epoll_fd, EPOLL_CTL_MOD, connection.fd, &event);
    connection.watched = events;
  }

  void Close(uint64_t id) {
    auto found = connections.find(id);
    if (found == connections.end()) return;
    epoll_ctl(epoll_fd, EPOLL_CTL_DEL, found->second->fd, nullptr);
    ::close(found->second->fd);
    connections.erase(found);
  }

  void Accept() {
    while (true) {
      int fd = ::accept4(listen_fd, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
      if (fd < 0) {
        if (errno == EINTR || errno == ECONNABORTED) continue;
        if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM) {
          // Out of descriptors: stop accepting for a moment rather than spin
          // on a listening socket that stays readable.
          epoll_ctl(epoll_fd, EPOLL_CTL_DEL, listen_fd, nullptr);
          accepting_paused = true;
          accept_resume = Clock::now() + std::chrono::milliseconds(100);
        }
        return;
      }
      if (connections.size() >= options.max_connections) {
        ::close(fd);
        continue;
      }
      int one = 1;
      setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
      auto connection = std::make_unique<Connection>();
      connection->id = next_id++;
      connection->fd = fd;
      connection->last_io = Clock::now();
      if (!Register(fd, connection->id)) {
        ::close(fd);
        continue;
      }
      connection->watched = EPOLLIN;
      connections.emplace(connection->id, std::move(connection));
    }
  }

  void ResumeAccepting() {
    if (!accepting_paused || Clock::now() < accept_resume) return;
    Register(listen_fd, kListenId);
    accepting_paused = false;
  }

  // The most bytes of one request a connection buffers: any acceptable
  // request fits (a chunked one with room for chunk lines).
  size_t BufferCap() const {
    return options.limits.max_head_bytes + 2 * options.limits.max_body_bytes + kReadChunk;
  }

  // Reads what the client sent, then parses it unless a request is in hand.
  void Read(Connection& connection) {
    char buffer[kReadChunk];
    while (connection.in.size() < BufferCap()) {
      ssize_t n = ::read(connection.fd, buffer, sizeof buffer);
      if (n > 0) {
        connection.last_io = Clock::now();
        if (connection.lingering) continue;
        if (connection.in.empty()) connection.request_start = connection.last_io;
        connection.in.append(buffer, size_t(n));
        if (size_t(n) < sizeof buffer) break;
        continue;
      }
      if (n < 0 && errno == EINTR) continue;
      if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) break;
      if (n < 0 || connection.lingering) return Close(connection.id);
      connection.peer_closed = true;
      Watch(connection, 0);
      break;
    }
    Advance(connection);
  }

  // Starts on the next request in `connection.in`, or answers a bad one.
  // REQUIRES: no request of the connection is with a worker or being written.
  void Advance(Connection& connection) {
    if (connection.busy || connection.lingering || connection.out_done < Pending(connection)) {
      return;
    }
    Request request;
    ParseResult result = connection.in.empty()
                             ? ParseResult()
                             : ParseRequest(connection.in, options.limits, request);
    if (result.state == ParseResult::kIncomplete) {
      if (connection.peer_closed) return Close(connection.id);
      // A chunked body can take far more bytes than it carries (long chunk
      // extensions); no more are read past the cap, so answer now.
      if (connection.in.size() >= BufferCap()) {
        return Refuse(connection, 413, "request too large");
      }
      if (result.awaits_continue && !connection.continue_sent) {
        connection.continue_sent = true;
        return Send(connection, "HTTP/1.1 100 Continue\r\n\r\n", "", false);
      }
      return;
    }
    if (result.state == ParseResult::kError) {
      return Refuse(connection, result.status, result.error);
    }
    connection.in.erase(0, result.consumed);
    if (!connection.in.empty()) connection.request_start = Clock::now();
    connection.continue_sent = false;
    connection.busy = true;
    Watch(connection, 0);
    bool close = connection.peer_closed || !request.KeepAlive();
    Pool& pool = request.method == "GET" || request.method == "HEAD" ? reads : writes;
    {
      std::lock_guard<std::mutex> lock(pool.mutex);
      pool.jobs.push_back({connection.id, std::move(request), close});
    }
    pool.ready.notify_one();
  }

  static size_t Pending(const Connection& connection) {
    return connection.out_head.size() + connection.out_body.size();
  }

  // Answers a request the server could not take with {"error": message}, then closes.
  void Refuse(Connection& connection, int status, std::string_view message) {
    Response response;
    response.status = status;
    response.SetContent(ErrorJson(message), "application/json");
    if (finish) finish(nullptr, response);
    std::string head = Serialize(nullptr, response, true, options.default_headers);
    connection.in.clear();
    Send(connection, std::move(head), std::move(response.body), true);
  }

  void Send(Connection& connection, std::string head, std::string body, bool close) {
    connection.out_head = std::move(head);
    connection.out_body = std::move(body);
    connection.out_done = 0;
    connection.close_after_write = close;
    Flush(connection);
  }

  // Writes what is pending; when all is written, reads the next request.
  void Flush(Connection& connection) {
    while (connection.out_done < Pending(connection)) {
      iovec parts[2];
      int count = 0;
      size_t done = connection.out_done;
      if (done < connection.out_head.size()) {
        parts[count++] = {connection.out_head.data() + done, connection.out_head.size() - done};
        done = 0;
      } else {
        done -= connection.out_head.size();
      }
      if (done < connection.out_body.size()) {
        parts[count++] = {connection.out_body.data() + done, connection.out_body.size() - done};
      }
      ssize_t n = ::writev(connection.fd, parts, count);
      if (n > 0) {
        connection.out_done += size_t(n);
        connection.last_io = Clock::now();
        continue;
      }
      if (n < 0 && errno == EINTR) continue;
      if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return Watch(connection, EPOLLOUT);
      return Close(connection.id);
    }
    connection.out_head.clear();
    connection.out_body.clear();
    connection.out_done = 0;
    if (connection.close_after_write) {
      if (connection.peer_closed) return Close(connection.id);
      ::shutdown(connection.fd, SHUT_WR);
      connection.lingering = true;
      connection.in.clear();
      return Watch(connection, EPOLLIN);
    }
    if (connection.peer_closed) {
      Watch(connection, 0);
    } else {
      Watch(connection, EPOLLIN);
    }
    Advance(connection);
  }

  // Hands the workers' answers to their connections.
  void Deliver() {
    uint64_t count = 0;
    [[maybe_unused]] ssize_t n = ::read(wake_fd, &count, sizeof count);
    std::vector<Answer> ready;
    {
      std::lock_guard<std::mutex> lock(answers_mutex);
      ready.swap(answers);
    }
    for (Answer& answer : ready) {
      auto found = connections.find(answer.connection);
      if (found == connections.end()) continue;
      Connection& connection = *found->second;
      connection.busy = false;
      Send(connection, std::move(answer.head), std::move(answer.body), answer.close);
    }
  }

  // Closes connections past their timeouts; a request too slow to arrive gets 408.
  void Sweep() {
    auto now = Clock::now();
    auto older = [&now](Clock::time_point since, int seconds) {
      return now - since > std::chrono::seconds(seconds);
    };
    std::vector<uint64_t> expired;
    std::vector<Connection*> too_slow;
    for (auto& [id, connection] : connections) {
      if (connection->busy) continue;
      if (connection->lingering) {
        if (now - connection->last_io > kLinger) expired.push_back(id);
      } else if (connection->out_done < Pending(*connection)) {
        if (older(connection->last_io, options.write_timeout_seconds)) expired.push_back(id);
      } else if (connection->in.empty()) {
        if (older(connection->last_io, options.idle_timeout_seconds)) expired.push_back(id);
      } else if (older(connection->request_start, options.read_timeout_seconds)) {
        too_slow.push_back(connection.get());
      }
    }
    for (uint64_t id : expired) Close(id);
    for (Connection* connection : too_slow) {
      Refuse(*connection, 408, "request not complete within the read timeout");
    }
  }

  void Work(Pool& pool) {
    while (true) {
      Job job;
      {
        std::unique_lock<std::mutex> lock(pool.mutex);
        pool.ready.wait(lock, [&pool] { return pool.stop || !pool.jobs.empty(); });
        if (pool.stop) return;
        job = std::move(pool.jobs.front());
        pool.jobs.pop_front();
      }
      Response response;
      try {
        handler(job.request, response);
      } catch (...) {
        response = Response();
        response.status = 500;
      }
      FillErrorBody(response);
      if (finish) finish(&job.request, response);
      Answer answer{
          job.connection, Serialize(&job.request, response, job.close, options.default_headers),
          SendsBody(&job.request, response) ? std::move(response.body) : std::string(), job.close};
      {
        std::lock_guard<std::mutex> lock(answers_mutex);
        answers.push_back(std::move(answer));
      }
      Wake();
    }
  }

  void Serve() {
    Register(listen_fd, kListenId);
    Register(wake_fd, kWakeId);
    for (auto [pool, count] :
         {std::pair{&reads, options.workers}, {&writes, options.write_workers}}) {
      for (int i = 0; i < std::max(1, count); ++i) {
        pool->threads.emplace_back([this, pool = pool] { Work(*pool); });
      }
    }

    auto last_sweep = Clock::now();
    epoll_event events[256];
    while (!stopping) {
      int ready = epoll_wait(epoll_fd, events, 256, 250);
      for (int i = 0; i < ready && !stopping; ++i) {
        uint64_t id = events[i].data.u64;
        if (id == kListenId) {
          Accept();
          continue;
        }
        if (id == kWakeId) {
          Deliver();
          continue;
        }
        auto found = connections.find(id);
        if (found == connections.end()) continue;
        Connection& connection = *found->second;
        uint32_t happened = events[i].events;
        if (happened & (EPOLLERR | EPOLLHUP)) {
          // The client is gone; a request in a worker's hands finds no connection.
          Close(id);
        } else if (happened & EPOLLOUT) {
          Flush(connection);
        } else if (happened & EPOLLIN) {
          Read(connection);
        }
      }
      ResumeAccepting();
      if (Clock::now() - last_sweep >= std::chrono::seconds(1)) {
        Sweep();
        last_sweep = Clock::now();
      }
    }

    for (Pool* pool : {&reads, &writes}) {
      {
        std::lock_guard<std::mutex> lock(pool->mutex);
        pool->stop = true;
      }
      pool->ready.notify_all();
      for (std::thread& thread : pool->threads) thread.join();
      pool->threads.clear();
    }
    while (!connections.empty()) Close(connections.begin()->first);
  }
};

Server::Server(ServerOptions options, Handler handler, Finish finish) : loop_(new Loop) {
  loop_->options = std::move(options);
  loop_->handler = std::move(handler);
  loop_->finish = std::move(finish);
  loop_->epoll_fd = epoll_create1(EPOLL_CLOEXEC);
  loop_->wake_fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
}

Server::~Server() {
  for (int fd : {loop_->listen_fd, loop_->epoll_fd, loop_->wake_fd}) {
    if (fd >= 0) ::close(fd);
  }
}

Result<int> Server::Bind() {
  const ServerOptions& options = loop_->options;
  std::string where = options.host + ":" + std::to_string(options.port);
  if (loop_->epoll_fd < 0 || loop_->wake_fd < 0) {
    return Status::IOError("cannot listen on " + where + ": " + std::strerror(errno));
  }
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE;
  addrinfo* addresses = nullptr;
  int resolved =
      getaddrinfo(options.host.c_str(), std::to_string(options.port).c_str(), &hints, &addresses);
  if (resolved != 0) {
    return Status::IOError("cannot listen on " + where + ": " + gai_strerror(resolved));
  }
  std::string failure = "no address";
  for (addrinfo* address = addresses; address != nullptr; address = address->ai_next) {
    int fd = ::socket(address->ai_family, address->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC,
                      address->ai_protocol);
    if (fd < 0) continue;
    int one = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (::bind(fd, address->ai_addr, address->ai_addrlen) == 0 &&
        ::listen(fd, kListenBacklog) == 0) {
      loop_->listen_fd = fd;
      break;
    }
    failure = std::strerror(errno);
    ::close(fd);
  }
  freeaddrinfo(addresses);
  if (loop_->listen_fd < 0) return Status::IOError("cannot listen on " + where + ": " + failure);
  sockaddr_storage bound{};
  socklen_t length = sizeof bound;
  getsockname(loop_->listen_fd, reinterpret_cast<sockaddr*>(&bound), &length);
  return bound.ss_family == AF_INET6 ? ntohs(reinterpret_cast<sockaddr_in6*>(&bound)->sin6_port)
                                     : ntohs(reinterpret_cast<sockaddr_in*>(&bound)->sin_port);
}

void Server::Run() {
  if (loop_->listen_fd < 0) return;
  loop_->Serve();
}

void Server::Stop() {
  loop_->stopping = true;
  loop_->Wake();
}

}  // namespace newsloom::http
