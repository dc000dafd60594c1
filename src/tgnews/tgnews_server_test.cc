// The contest server over HTTP on loopback: status codes, answer shapes and
// hostile requests (bad paths, missing headers, huge bodies, bad parameters).
#include <gtest/gtest.h>
#include <httplib.h>
#include <unistd.h>

#include <cctype>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <thread>

#include "tgnews/server.h"

namespace newsloom::tgnews {
namespace {

std::string Slug(const std::string& title) {
  std::string slug;
  for (char c : title)
    slug += std::isalnum(static_cast<unsigned char>(c)) ? char(std::tolower(c)) : '-';
  return slug;
}

// A contest-format page with a real article URL (section, date, slug).
std::string Page(const std::string& title, const std::string& time, const std::string& text) {
  return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"/>"
         "<meta property=\"og:url\" content=\"https://www.example.com/business/2019/11/01/" +
         Slug(title) +
         "\"/><meta property=\"og:site_name\" content=\"Example\"/>"
         "<meta property=\"article:published_time\" content=\"" +
         time + "\"/><meta property=\"og:title\" content=\"" + title +
         "\"/></head><body><article><h1>" + title + "</h1><address><time datetime=\"" + time +
         "\">" + time + "</time></address><p>" + text + "</p><p>" + text +
         "</p></article></body></html>";
}

const char* kText =
    "The central bank raised its key interest rate by half a percentage point on Friday, "
    "saying inflation had stayed above its target for a third month as fuel prices climbed "
    "and the currency weakened against the dollar.";

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("tgnews_server_test_" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir_);
    Start();
  }
  void TearDown() override {
    StopServer();
    std::filesystem::remove_all(dir_);
  }
  void Start() {
    ServerOptions options;
    options.db_dir = dir_.string();
    options.max_body_bytes = 1 << 20;
    options.threads = 2;
    auto server = Server::Create(options);
    ASSERT_TRUE(server.ok()) << server.status().ToString();
    server_ = std::move(server).value();
    auto port = server_->Bind();
    ASSERT_TRUE(port.ok());
    port_ = *port;
    thread_ = std::thread([this] { server_->Run(); });
    for (int i = 0; i < 2000 && !server_->loaded(); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    ASSERT_TRUE(server_->loaded());
    client_ = std::make_unique<httplib::Client>("127.0.0.1", port_);
  }
  void StopServer() {
    if (server_) server_->Stop();
    if (thread_.joinable()) thread_.join();
    client_.reset();
    server_.reset();
  }
  int Put(const std::string& path, const std::string& body, httplib::Headers headers) {
    auto result = client_->Put(path.c_str(), headers, body, "text/html");
    return result ? result->status : -1;
  }
  int PutPage(const std::string& name, const std::string& body, int max_age = 86400) {
    return Put("/" + name, body, {{"Cache-Control", "max-age=" + std::to_string(max_age)}});
  }
  std::pair<int, nlohmann::json> Get(const std::string& path) {
    auto result = client_->Get(path.c_str());
    if (!result) return {-1, nullptr};
    return {result->status, nlohmann::json::parse(result->body, nullptr, false)};
  }

  std::filesystem::path dir_;
  std::unique_ptr<Server> server_;
  std::thread thread_;
  int port_ = 0;
  std::unique_ptr<httplib::Client> client_;
};

TEST_F(ServerTest, PutReplaceDeleteAndThreads) {
  std::string page = Page("Central bank raises rates", "2019-11-01T10:00:00+00:00", kText);
  EXPECT_EQ(PutPage("1.html", page), 201);
  EXPECT_EQ(PutPage("1.html", page), 204);
  EXPECT_EQ(PutPage("2.html", Page("Bank lifts rate", "2019-11-01T11:00:00+00:00", kText)), 201);

  auto [status, json] = Get("/threads?period=86400&lang_code=en&category=any");
  ASSERT_EQ(status, 200);
  ASSERT_TRUE(json.is_object());
  ASSERT_TRUE(json["threads"].is_array());
  ASSERT_FALSE(json["threads"].empty());
  size_t articles = 0;
  for (const auto& thread : json["threads"]) {
    EXPECT_TRUE(thread["title"].is_string());
    EXPECT_TRUE(thread["category"].is_string());
    articles += thread["articles"].size();
  }
  EXPECT_EQ(articles, 2u);
  auto [status2, json2] = Get("/threads?period=86400&lang_code=en&category=economy");
  EXPECT_EQ(status2, 200);
  for (const auto& thread : json2["threads"]) EXPECT_FALSE(thread.contains("category"));
  auto [status3, json3] = Get("/threads?period=86400&lang_code=ru&category=any");
  EXPECT_EQ(status3, 200);
  EXPECT_TRUE(json3["threads"].empty());

  EXPECT_EQ(client_->Delete("/1.html")->status, 204);
  EXPECT_EQ(client_->Delete("/1.html")->status, 404);
  auto [status4, json4] = Get("/threads?period=86400&lang_code=en&category=any");
  EXPECT_EQ(status4, 200);
  EXPECT_EQ(json4.dump().find("1.html"), std::string::npos);
}

TEST_F(ServerTest, SurvivesRestart) {
  EXPECT_EQ(PutPage("1.html", Page("Rates up", "2019-11-01T10:00:00+00:00", kText)), 201);
  EXPECT_EQ(PutPage("junk.html", "not a page at all"), 201);
  EXPECT_EQ(PutPage("gone.html", Page("Rates", "2019-11-01T10:00:00+00:00", kText)), 201);
  EXPECT_EQ(client_->Delete("/gone.html")->status, 204);
  StopServer();
  Start();
  EXPECT_EQ(PutPage("1.html", Page("Rates up", "2019-11-01T10:00:00+00:00", kText)), 204);
  EXPECT_EQ(client_->Delete("/junk.html")->status, 204);
  EXPECT_EQ(client_->Delete("/gone.html")->status, 404);
}

TEST_F(ServerTest, HostileRequestsGetClearErrors) {
  std::string page = Page("Rates", "2019-11-01T10:00:00+00:00", kText);
  auto error_of = [&](const httplib::Result& result) {
    EXPECT_TRUE(result);
    if (!result) return std::string();
    auto json = nlohmann::json::parse(result->body, nullptr, false);
    EXPECT_TRUE(json.is_object() && json["error"].is_string()) << result->body;
    return json.is_object() && json["error"].is_string() ? json["error"].get<std::string>() : "";
  };
  // Missing or bad Cache-Control.
  auto r = client_->Put("/1.html", page, "text/html");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  EXPECT_NE(error_of(r).find("max-age"), std::string::npos);
  EXPECT_EQ(Put("/1.html", page, {{"Cache-Control", "max-age=soon"}}), 400);
  // Wrong Content-Type.
  r = client_->Put("/1.html", {{"Cache-Control", "max-age=60"}}, page, "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  EXPECT_NE(error_of(r).find("Content-Type"), std::string::npos);
  // Bad paths.
  EXPECT_EQ(PutPage("a/b.html", page), 400);
  EXPECT_EQ(PutPage(".hidden", page), 400);
  EXPECT_EQ(PutPage("a%20b.html", page), 400);
  EXPECT_EQ(client_->Delete("/a/../b.html")->status, 400);
  // A huge body.
  EXPECT_EQ(PutPage("big.html", std::string(2 << 20, 'x')), 413);
  // Garbage bodies are accepted pages without an article.
  EXPECT_EQ(PutPage("garbage.html", std::string("\xff\xfe\x00<<<>>>&&&", 12)), 201);
  EXPECT_EQ(PutPage("deep.html", std::string(100000, '<') + "div>"), 201);
  // Bad query parameters.
  for (const char* path : {"/threads", "/threads?period=abc&lang_code=en&category=any",
                           "/threads?period=-1&lang_code=en&category=any",
                           "/threads?period=60&lang_code=xx&category=any",
                           "/threads?period=60&lang_code=en&category=nope",
                           "/threads?period=99999999999999999999&lang_code=en&category=any"}) {
    auto result = client_->Get(path);
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 400) << path;
    EXPECT_FALSE(error_of(result).empty()) << path;
  }
  // Any other path names a page: it takes PUT and DELETE only.
  auto other = client_->Get("/nothing");
  ASSERT_TRUE(other);
  EXPECT_EQ(other->status, 405);
  EXPECT_EQ(other->get_header_value("Allow"), "PUT, DELETE");
  EXPECT_FALSE(error_of(other).empty());
  // The server still answers.
  EXPECT_EQ(Get("/threads?period=60&lang_code=en&category=any").first, 200);
}

}  // namespace
}  // namespace newsloom::tgnews
