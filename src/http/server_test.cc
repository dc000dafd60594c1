// http::Server on loopback, spoken to through raw sockets so that every byte
// on the wire is the test's choice.
#include "http/server.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <future>
#include <mutex>
#include <thread>

#include "common/strings.h"
#include "http/router.h"

namespace newsloom::http {
namespace {

// One client connection with a blocking socket (10 s receive timeout).
class Client {
 public:
  explicit Client(int port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    timeval timeout{10, 0};
    setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(uint16_t(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  }
  ~Client() { ::close(fd_); }

  bool connected() const { return connected_; }

  void Send(std::string_view bytes) {
    while (!bytes.empty()) {
      ssize_t n = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
      if (n <= 0) return;
      bytes.remove_prefix(size_t(n));
    }
  }

  // The next response's head and body ("" when the connection closed first).
  // A HEAD response is read without its body.
  std::pair<std::string, std::string> Receive(bool head_only = false) {
    size_t end;
    while ((end = buffer_.find("\r\n\r\n")) == std::string::npos) {
      if (!Fill()) return {};
    }
    std::string head = buffer_.substr(0, end + 4);
    buffer_.erase(0, end + 4);
    size_t length = 0;
    std::string lower = AsciiLower(head);
    if (size_t at = lower.find("content-length: "); at != std::string::npos && !head_only) {
      length = std::stoul(head.substr(at + 16));
    }
    while (buffer_.size() < length) {
      if (!Fill()) return {head, ""};
    }
    std::string body = buffer_.substr(0, length);
    buffer_.erase(0, length);
    return {head, body};
  }

  // Whether the server closed the connection (reads return 0).
  bool Closed() {
    char byte;
    return buffer_.empty() && ::recv(fd_, &byte, 1, 0) == 0;
  }

 private:
  bool Fill() {
    char chunk[65536];
    ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
    if (n <= 0) return false;
    buffer_.append(chunk, size_t(n));
    return true;
  }

  int fd_ = -1;
  bool connected_ = false;
  std::string buffer_;
};

int Status(const std::string& head) { return head.size() > 12 ? std::stoi(head.substr(9, 3)) : 0; }

class HttpServerTest : public ::testing::Test {
 protected:
  void Start(ServerOptions options = {}) {
    router_.Get("/hello", [](const Request& request, Response& response) {
      response.SetContent("hello " + request.Param("name"), "text/plain");
    });
    router_.Post("/echo", [](const Request& request, Response& response) {
      response.status = 201;
      response.SetContent(request.body, "application/octet-stream");
    });
    router_.Get("/throw", [](const Request&, Response&) { throw std::runtime_error("boom"); });
    auto wait = [this](const Request&, Response& response) {
      release_.get_future().wait();
      response.body = "waited";
    };
    router_.Get("/wait", wait);
    router_.Post("/wait", wait);
    options.default_headers = {{"X-Default", "yes"}};
    server_ = std::make_unique<Server>(
        options,
        [this](Request& request, Response& response) { router_.Dispatch(request, response); },
        [this](const Request* request, const Response& response) {
          if (request == nullptr) ++unparsed_;
          if (response.status < 400) return;
          std::lock_guard<std::mutex> lock(finished_mutex_);
          finished_error_bodies_.push_back(response.body);
        });
    auto port = server_->Bind();
    ASSERT_TRUE(port.ok()) << port.status().ToString();
    port_ = *port;
    thread_ = std::thread([this] { server_->Run(); });
  }

  void TearDown() override {
    if (!server_) return;
    server_->Stop();
    thread_.join();
  }

  Router router_;
  std::promise<void> release_;
  std::atomic<int> unparsed_{0};
  std::mutex finished_mutex_;
  std::vector<std::string>
      finished_error_bodies_;  // as Finish saw them; GUARDED_BY(finished_mutex_)
  std::unique_ptr<Server> server_;
  std::thread thread_;
  int port_ = 0;
};

TEST_F(HttpServerTest, AnswersRequestsOnAKeptAliveConnection) {
  Start();
  Client client(port_);
  ASSERT_TRUE(client.connected());
  for (std::string name : {"a", "b%20c"}) {
    client.Send("GET /hello?name=" + name + " HTTP/1.1\r\nHost: x\r\n\r\n");
    auto [head, body] = client.Receive();
    EXPECT_EQ(Status(head), 200) << head;
    EXPECT_NE(head.find("X-Default: yes\r\n"), std::string::npos) << head;
    EXPECT_NE(head.find("Content-Type: text/plain\r\n"), std::string::npos) << head;
    EXPECT_EQ(body, "hello " + PercentDecode(name, true));
  }
  client.Send("GET /missing HTTP/1.1\r\n\r\n");
  auto [head, body] = client.Receive();
  EXPECT_EQ(Status(head), 404);
  EXPECT_EQ(body, "{\"error\":\"not found\"}");
}

TEST_F(HttpServerTest, AnswersPipelinedRequestsInOrder) {
  Start();
  Client client(port_);
  client.Send(
      "GET /hello?name=1 HTTP/1.1\r\n\r\nPOST /echo HTTP/1.1\r\nContent-Length: 3\r\n\r\n"
      "abcGET /hello?name=3 HTTP/1.1\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(client.Receive().second, "hello 1");
  auto [head, body] = client.Receive();
  EXPECT_EQ(Status(head), 201);
  EXPECT_EQ(body, "abc");
  auto last = client.Receive();
  EXPECT_NE(last.first.find("Connection: close"), std::string::npos);
  EXPECT_EQ(last.second, "hello 3");
  EXPECT_TRUE(client.Closed());
}

TEST_F(HttpServerTest, SendsHeadWithoutBody) {
  Start();
  Client client(port_);
  client.Send("HEAD /hello?name=xyz HTTP/1.1\r\n\r\nGET /hello HTTP/1.1\r\n\r\n");
  auto [head, body] = client.Receive(true);
  EXPECT_NE(head.find("Content-Length: 9\r\n"), std::string::npos) << head;
  EXPECT_NE(head.find("\r\nDate: "), std::string::npos) << head;
  EXPECT_EQ(client.Receive().second, "hello ");
}

TEST(HttpDateTest, WritesImfFixdateInUtc) {
  EXPECT_EQ(HttpDate(784111777), "Sun, 06 Nov 1994 08:49:37 GMT");
  EXPECT_EQ(HttpDate(0), "Thu, 01 Jan 1970 00:00:00 GMT");
  EXPECT_EQ(HttpDate(1795305600), "Sun, 22 Nov 2026 00:00:00 GMT");
}

TEST_F(HttpServerTest, ReadsChunkedBodiesAndAnswersExpectContinue) {
  Start();
  Client client(port_);
  client.Send(
      "POST /echo HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n");
  EXPECT_EQ(client.Receive().second, "abcde");

  client.Send("POST /echo HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n");
  auto [interim, nothing] = client.Receive(true);
  EXPECT_EQ(Status(interim), 100) << interim;
  client.Send("body");
  auto [head, body] = client.Receive();
  EXPECT_EQ(Status(head), 201);
  EXPECT_EQ(body, "body");
}

TEST_F(HttpServerTest, RejectsBadRequestsAndClosesTheConnection) {
  ServerOptions options;
  options.limits.max_body_bytes = 1000;
  Start(options);
  {
    Client client(port_);
    client.Send("NOT HTTP\r\n\r\n");
    auto [head, body] = client.Receive();
    EXPECT_EQ(Status(head), 400) << head;
    EXPECT_NE(head.find("Connection: close"), std::string::npos);
    EXPECT_EQ(body, "{\"error\":\"malformed request line\"}");
    EXPECT_TRUE(client.Closed());
  }
  {
    // The answer arrives although the client is still sending its body.
    Client client(port_);
    client.Send("POST /echo HTTP/1.1\r\nContent-Length: 200000\r\n\r\n");
    client.Send(std::string(100000, 'x'));
    auto [head, body] = client.Receive();
    EXPECT_EQ(Status(head), 413) << head;
    EXPECT_TRUE(client.Closed());
  }
  {
    // Chunk extensions make a body of 1,000 bytes take megabytes on the wire:
    // refused once the buffer is full, not waited on.
    Client client(port_);
    client.Send("POST /echo HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n");
    std::string chunk = "1;" + std::string(1000, 'e') + "\r\nx\r\n";
    for (int i = 0; i < 999; ++i) client.Send(chunk);
    auto [head, body] = client.Receive();
    EXPECT_EQ(Status(head), 413) << head;
  }
  EXPECT_EQ(unparsed_.load(), 3);
}

TEST_F(HttpServerTest, TurnsHandlerExceptionsIntoServerErrors) {
  Start();
  Client client(port_);
  client.Send("GET /throw HTTP/1.1\r\n\r\nGET /hello HTTP/1.1\r\n\r\n");
  auto [head, body] = client.Receive();
  EXPECT_EQ(Status(head), 500);
  EXPECT_EQ(body, "{\"error\":\"internal error\"}");
  {
    std::lock_guard<std::mutex> lock(finished_mutex_);
    EXPECT_EQ(finished_error_bodies_, std::vector<std::string>{body});
  }
  EXPECT_EQ(client.Receive().second, "hello ");
}

TEST_F(HttpServerTest, ClosesSlowAndIdleConnections) {
  ServerOptions options;
  options.read_timeout_seconds = 1;
  options.idle_timeout_seconds = 1;
  Start(options);
  Client slow(port_);
  slow.Send("GET /hello HTTP/1.1\r\nHost:");
  auto [head, body] = slow.Receive();
  EXPECT_EQ(Status(head), 408) << head;
  EXPECT_TRUE(slow.Closed());

  Client idle(port_);
  idle.Send("GET /hello HTTP/1.1\r\n\r\n");
  EXPECT_EQ(Status(idle.Receive().first), 200);
  EXPECT_TRUE(idle.Closed());  // within the 10 s receive timeout
}

// A request whose handler is busy holds a worker, not the server: the other
// workers answer other connections meanwhile.
TEST_F(HttpServerTest, ServesOtherConnectionsWhileAHandlerWaits) {
  ServerOptions options;
  options.workers = 2;
  Start(options);
  Client waiting(port_);
  waiting.Send("GET /wait HTTP/1.1\r\n\r\n");
  std::vector<std::unique_ptr<Client>> clients;
  for (int i = 0; i < 50; ++i) {
    clients.push_back(std::make_unique<Client>(port_));
    clients.back()->Send("GET /hello?name=" + std::to_string(i) + " HTTP/1.1\r\n\r\n");
  }
  for (int i = 0; i < 50; ++i)
    EXPECT_EQ(clients[i]->Receive().second, "hello " + std::to_string(i));
  release_.set_value();
  EXPECT_EQ(waiting.Receive().second, "waited");
}

// Writes have their own workers: a write that waits holds up no read.
TEST_F(HttpServerTest, ServesReadsWhileAWriteWaits) {
  ServerOptions options;
  options.workers = 1;
  options.write_workers = 1;
  Start(options);
  Client writer(port_);
  writer.Send("POST /wait HTTP/1.1\r\nContent-Length: 0\r\n\r\n");
  Client reader(port_);
  for (int i = 0; i < 5; ++i) {
    reader.Send("GET /hello?name=" + std::to_string(i) + " HTTP/1.1\r\n\r\n");
    EXPECT_EQ(reader.Receive().second, "hello " + std::to_string(i));
  }
  release_.set_value();
  EXPECT_EQ(writer.Receive().second, "waited");
}

TEST_F(HttpServerTest, StopsWithConnectionsOpen) {
  Start();
  Client client(port_);
  client.Send("GET /hello HTTP/1.1\r\n\r\n");
  EXPECT_EQ(Status(client.Receive().first), 200);
  server_->Stop();
  thread_.join();
  server_.reset();
  EXPECT_TRUE(client.Closed());
}

TEST(HttpServerBindTest, ReportsAnAddressItCannotUse) {
  ServerOptions options;
  options.host = "256.1.1.1";
  Server server(options, [](Request&, Response&) {});
  auto port = server.Bind();
  EXPECT_FALSE(port.ok());
  EXPECT_NE(port.status().ToString().find("256.1.1.1"), std::string::npos);
}

}  // namespace
}  // namespace newsloom::http
