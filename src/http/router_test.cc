#include "http/router.h"

#include <gtest/gtest.h>

namespace newsloom::http {
namespace {

Response Route(const Router& router, std::string method, std::string path,
               Request* seen = nullptr) {
  Request request;
  request.method = std::move(method);
  request.path = std::move(path);
  Response response;
  router.Dispatch(request, response);
  if (seen != nullptr) *seen = request;
  return response;
}

Router::Handler Says(std::string name) {
  return [name](const Request&, Response& response) { response.body = name; };
}

TEST(RouterTest, MatchesLiteralAndCapturedSegments) {
  Router router;
  router.Get("/", Says("root"));
  router.Get("/api/stories", Says("list"));
  router.Get("/api/stories/:id", Says("story"));
  router.Get("/feeds/category/:category/:format", Says("feed"));
  router.Put("/*", Says("put"));

  EXPECT_EQ(Route(router, "GET", "/").body, "root");
  EXPECT_EQ(Route(router, "GET", "/api/stories").body, "list");
  Request seen;
  EXPECT_EQ(Route(router, "GET", "/api/stories/s1", &seen).body, "story");
  EXPECT_EQ(seen.matches, (std::vector<std::string>{"/api/stories/s1", "s1"}));
  EXPECT_EQ(Route(router, "GET", "/feeds/category/sports/rss", &seen).body, "feed");
  EXPECT_EQ(seen.matches,
            (std::vector<std::string>{"/feeds/category/sports/rss", "sports", "rss"}));
  EXPECT_EQ(Route(router, "PUT", "/a/b.html", &seen).body, "put");
  EXPECT_EQ(seen.matches[1], "a/b.html");
  EXPECT_EQ(Route(router, "HEAD", "/api/stories").body, "list");
}

TEST(RouterTest, AnswersNotFoundAndMethodNotAllowed) {
  Router router;
  router.Get("/api/stories/:id", Says("story"));
  router.Delete("/api/articles/:id", Says("delete"));
  for (std::string path :
       {"/api/stories/", "/api/stories/a/b", "/api/stories", "/nope", "", "/api/stories/a/"}) {
    EXPECT_EQ(Route(router, "GET", path).status, 404) << path;
  }
  Response response = Route(router, "GET", "/api/articles/a1");
  EXPECT_EQ(response.status, 405);
  ASSERT_EQ(response.headers.size(), 1u);
  EXPECT_EQ(response.headers[0].second, "DELETE");
  response = Route(router, "POST", "/api/stories/x");
  EXPECT_EQ(response.status, 405);
  EXPECT_EQ(response.headers[0].second, "GET, HEAD");
}

}  // namespace
}  // namespace newsloom::http
