// The real server on a free loopback port, spoken to over HTTP.
#include "serve/server.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <nlohmann/json.hpp>
#include <thread>

#include "serve/test_util.h"
#include "store/single_article_stories.h"

namespace newsloom::serve {
namespace {

using nlohmann::json;

class ServerTest : public ::testing::Test {
 protected:
  void Start(ServerOptions options = {}) {
    options.port = 0;
    options.threads = 8;
    newsroom_ = std::make_unique<Newsroom>(*store_, builder_);
    server_ = std::make_unique<Server>(*store_, *newsroom_, options);
    auto port = server_->Bind();
    ASSERT_TRUE(port.ok()) << port.status().ToString();
    thread_ = std::thread([this] { server_->Run(); });
    client_ = std::make_unique<httplib::Client>("127.0.0.1", *port);
    client_->set_read_timeout(10, 0);
    for (int i = 0; i < 100 && !client_->Get("/api/health"); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }
  void TearDown() override {
    if (server_) server_->Stop();
    if (thread_.joinable()) thread_.join();
  }
  void Put(const Article& article) { ASSERT_TRUE(newsroom_->Add({article}).ok()); }
  json GetJson(const std::string& path, int expected_status = 200) {
    auto response = client_->Get(path.c_str());
    EXPECT_TRUE(response) << path;
    if (!response) return json();
    EXPECT_EQ(response->status, expected_status) << path << ": " << response->body;
    EXPECT_EQ(response->get_header_value("Content-Type").rfind("application/json", 0), 0u);
    return json::parse(response->body, nullptr, false);
  }

  TemporaryStore store_;
  store::SingleArticleStories builder_;
  std::unique_ptr<Newsroom> newsroom_;
  std::unique_ptr<Server> server_;
  std::thread thread_;
  std::unique_ptr<httplib::Client> client_;
};

TEST_F(ServerTest, HealthCountsArticlesAndStories) {
  Start();
  Put(TestArticle("a", "Alpha", "First text."));
  json health = GetJson("/api/health");
  EXPECT_EQ(health["status"], "ok");
  EXPECT_EQ(health["articles"], 1);
  EXPECT_EQ(health["stories"], 1);
  EXPECT_GE(health["requests"].get<int>(), 1);
}

TEST_F(ServerTest, StoryListPagesAndFilters) {
  Start();
  for (int i = 0; i < 7; ++i) {
    std::string number = std::to_string(i);
    Article article =
        TestArticle(std::string("s").append(number), std::string("Story ").append(number), "Text.");
    article.published->utc_seconds += i * 86400;
    if (i % 2 == 1) article.category = "economy";
    Put(article);
  }
  json first = GetJson("/api/stories?limit=3");
  ASSERT_EQ(first["stories"].size(), 3u);
  EXPECT_EQ(first["stories"][0]["id"], "a-s6");  // newest first with the fallback ranking
  EXPECT_EQ(first["stories"][0]["articles"][0], "s6");
  ASSERT_TRUE(first["next"].is_string());
  json second = GetJson("/api/stories?limit=3&cursor=" + first["next"].get<std::string>());
  EXPECT_EQ(second["stories"][0]["id"], "a-s3");
  EXPECT_EQ(GetJson("/api/stories?category=economy")["stories"].size(), 3u);
  EXPECT_EQ(GetJson("/api/stories?since=2024-09-27")["stories"].size(), 3u);
  EXPECT_EQ(GetJson("/api/stories?until=1727049600")["stories"].size(), 1u);
  EXPECT_EQ(GetJson("/api/stories?q=story%205")["stories"].size(), 1u);
  EXPECT_EQ(GetJson("/api/stories?language=fr")["stories"].size(), 0u);
  GetJson("/api/stories?limit=500", 400);
  GetJson("/api/stories?since=tomorrow", 400);
  GetJson("/api/stories?cursor=nonsense", 400);
}

TEST_F(ServerTest, StoryAndArticlePages) {
  Start();
  Put(TestArticle("x1", "Harbour reopens", "The harbour reopened today. Ships returned."));
  json story = GetJson("/api/stories/a-x1");
  EXPECT_EQ(story["title"], "Harbour reopens");
  EXPECT_EQ(story["summary"][0]["article"], "x1");
  EXPECT_EQ(story["article_details"][0]["url"], "https://news.example/x1");
  for (const char* field : {"id", "title", "category", "language", "rank", "articles", "sources",
                            "entities", "timeline", "summary", "disagreements"}) {
    EXPECT_TRUE(story.contains(field)) << field;
  }
  json article = GetJson("/api/articles/x1");
  EXPECT_EQ(article["text"], "The harbour reopened today. Ships returned.");
  EXPECT_EQ(article["summary"][0], "The harbour reopened today.");
  EXPECT_EQ(article["stories"][0]["id"], "a-x1");
  EXPECT_EQ(GetJson("/api/articles/nope", 404)["error"], "no article nope");
  GetJson("/api/stories/nope", 404);
}

TEST_F(ServerTest, SearchReturnsArticlesAndStoriesBestFirst) {
  Start();
  Put(TestArticle("t", "Harbour strike ends", "Workers return."));
  Put(TestArticle("b", "Port news", "A note about the harbour at the end."));
  json results = GetJson("/api/search?q=harbour")["results"];
  ASSERT_GE(results.size(), 3u);
  double last = 1e300;
  for (const json& result : results) {
    EXPECT_LE(result["score"].get<double>(), last);
    last = result["score"].get<double>();
  }
  json articles = GetJson("/api/search?q=harbour&type=articles")["results"];
  ASSERT_EQ(articles.size(), 2u);
  EXPECT_EQ(articles[0]["id"], "t");
  EXPECT_EQ(articles[0]["type"], "article");
  EXPECT_EQ(GetJson("/api/search?q=harbour&type=stories")["results"][0]["type"], "story");
  GetJson("/api/search", 400);
  GetJson("/api/search?q=x&type=bogus", 400);
  EXPECT_TRUE(GetJson("/api/search?q=%22%28NEAR*")["results"].is_array());
}

TEST_F(ServerTest, PostAndDeleteArticles) {
  Start();
  EXPECT_EQ(GetJson("/api/stories")["stories"].size(), 0u);  // now cached
  auto created = client_->Post("/api/articles?id=p1",
                               "<html><head><title>Dam opens</title></head><body><article>"
                               "<p>The new dam opened on Monday after ten years of building "
                               "work, officials said.</p></article></body></html>",
                               "text/html");
  ASSERT_TRUE(created);
  EXPECT_EQ(created->status, 201) << created->body;
  EXPECT_EQ(json::parse(created->body)["id"], "p1");
  EXPECT_EQ(json::parse(created->body)["status"], "inserted");
  EXPECT_EQ(GetJson("/api/stories/a-p1")["articles"][0], "p1");
  EXPECT_EQ(GetJson("/api/stories")["stories"].size(), 1u);  // the cache saw the commit

  auto posted_json = client_->Post(
      "/api/articles", R"({"id": "j1", "title": "Bridge", "text": "The bridge closed."})",
      "application/json");
  ASSERT_TRUE(posted_json);
  EXPECT_EQ(posted_json->status, 201);
  auto same = client_->Post("/api/articles",
                            R"({"id": "j1", "title": "Bridge", "text": "The bridge closed."})",
                            "application/json");
  EXPECT_EQ(json::parse(same->body)["status"], "unchanged");

  EXPECT_EQ(client_->Post("/api/articles", "x", "image/png")->status, 400);
  EXPECT_EQ(client_->Post("/api/articles", "{", "application/json")->status, 400);

  EXPECT_EQ(client_->Delete("/api/articles/p1")->status, 204);
  EXPECT_EQ(client_->Delete("/api/articles/p1")->status, 404);
  GetJson("/api/stories/a-p1", 404);
  EXPECT_EQ(GetJson("/api/health")["articles"], 1);
}

TEST_F(ServerTest, SeesWhatAnotherProcessCommits) {
  Start();
  Put(TestArticle("own", "Own write", "Text."));
  EXPECT_EQ(GetJson("/api/stories")["stories"].size(), 1u);
  // Another Store on the same directory stands for another process.
  auto other = store::OpenSqliteStore(store_.directory().string());
  ASSERT_TRUE(other.ok());
  store::SingleArticleStories other_builder;
  Newsroom other_newsroom(**other, other_builder);
  ASSERT_TRUE(other_newsroom.Add({TestArticle("far", "Far write", "Text.")}).ok());
  size_t seen = 0;
  for (int i = 0; i < 100 && seen != 2; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    seen = GetJson("/api/stories")["stories"].size();
  }
  EXPECT_EQ(seen, 2u);
  EXPECT_EQ(GetJson("/api/stories/a-far")["articles"][0], "far");
}

TEST_F(ServerTest, TokenGuardsWritesOnly) {
  ServerOptions options;
  options.token = "s3cret";
  Start(options);
  const char* body = R"({"id": "j1", "title": "Bridge", "text": "The bridge closed."})";
  EXPECT_EQ(client_->Post("/api/articles", body, "application/json")->status, 401);
  EXPECT_EQ(client_->Delete("/api/articles/j1")->status, 401);
  httplib::Headers wrong = {{"Authorization", "Bearer nope"}};
  EXPECT_EQ(client_->Post("/api/articles", wrong, body, "application/json")->status, 401);
  httplib::Headers right = {{"Authorization", "Bearer s3cret"}};
  EXPECT_EQ(client_->Post("/api/articles", right, body, "application/json")->status, 201);
  EXPECT_EQ(GetJson("/api/health")["articles"], 1);
  EXPECT_EQ(client_->Delete("/api/articles/j1", right)->status, 204);
}

TEST_F(ServerTest, RefusesBodiesOverTheLimit) {
  ServerOptions options;
  options.max_body_bytes = 1000;
  Start(options);
  std::string big(5000, 'a');
  auto response = client_->Post("/api/articles", big, "text/plain");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 413);
}

TEST_F(ServerTest, FeedsEscapeHostileText) {
  Start();
  Article hostile = TestArticle("h", "<script>alert(1)</script> & co", "Body <b>bold</b>.");
  hostile.category = "world";
  Put(hostile);
  for (const char* path : {"/feeds/stories/rss", "/feeds/category/world/atom",
                           "/feeds/story/a-h/rss", "/feeds/story/a-h/atom"}) {
    auto response = client_->Get(path);
    ASSERT_TRUE(response) << path;
    EXPECT_EQ(response->status, 200) << path;
    EXPECT_NE(response->get_header_value("Content-Type").find("xml"), std::string::npos);
    EXPECT_EQ(response->body.find("<script>"), std::string::npos) << path;
    EXPECT_NE(response->body.find("&lt;script&gt;"), std::string::npos) << path;
  }
  EXPECT_EQ(client_->Get("/feeds/category/none/rss")->status, 200);
  EXPECT_EQ(client_->Get("/feeds/story/missing/rss")->status, 404);
}

TEST_F(ServerTest, ServesTheWebPageWithAStrictPolicy) {
  Start();
  auto page = client_->Get("/");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("app.js"), std::string::npos);
  EXPECT_NE(page->get_header_value("Content-Security-Policy").find("default-src 'self'"),
            std::string::npos);
  EXPECT_EQ(client_->Get("/app.js")->status, 200);
  EXPECT_EQ(client_->Get("/app.css")->status, 200);
  EXPECT_EQ(client_->Get("/nothing/here")->status, 404);
}

}  // namespace
}  // namespace newsloom::serve
