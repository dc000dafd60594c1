// Server: the JSON API and the feeds. Status codes are chosen here only:
// the store and the newsroom speak Status.
#include <httplib.h>

#include "serve/api_json.h"
#include "serve/feeds.h"
#include "serve/post_article.h"
#include "serve/query_params.h"
#include "serve/server.h"
#include "store/story_json.h"

namespace newsloom::serve {

namespace {

using nlohmann::json;

constexpr int kMaxListLimit = 100;
constexpr int kFeedItems = 50;

void SendJson(httplib::Response& response, int status, const json& body) {
  response.status = status;
  response.set_content(Dump(body), "application/json; charset=utf-8");
}

// A JSON body rendered already, moved into the response.
void SendBody(httplib::Response& response, std::string body) {
  response.status = 200;
  response.body = std::move(body);
  response.set_header("Content-Type", "application/json; charset=utf-8");
}

void SendError(httplib::Response& response, const Status& status) {
  int code = status.code() == Status::Code::kNotFound          ? 404
             : status.code() == Status::Code::kInvalidArgument ? 400
             : status.code() == Status::Code::kUnsupported     ? 415
                                                               : 500;
  SendJson(response, code, {{"error", status.message()}});
}

// The filters shared by /api/stories and /api/search.
Result<store::Filter> FilterFrom(const httplib::Request& request) {
  store::Filter filter;
  filter.category = request.get_param_value("category");
  filter.language = request.get_param_value("language");
  filter.source = request.get_param_value("source");
  filter.entity = request.get_param_value("entity");
  for (auto [name, field] : {std::pair{"since", &filter.since}, {"until", &filter.until}}) {
    if (!request.has_param(name)) continue;
    auto time = ParseTimeParameter(request.get_param_value(name));
    if (!time.ok()) return time.status();
    *field = *time;
  }
  return filter;
}

Result<int> LimitFrom(const httplib::Request& request, int fallback) {
  if (!request.has_param("limit")) return fallback;
  return ParseLimit(request.get_param_value("limit"), kMaxListLimit);
}

std::string JoinSummary(const Story& story) {
  std::string text;
  for (const CitedSentence& sentence : story.summary) {
    if (!text.empty()) text += ' ';
    text += sentence.text;
  }
  return text;
}

}  // namespace

void Server::Cached(const httplib::Request& request, httplib::Response& response,
                    const std::function<void(httplib::Response&)>& handler) {
  auto version = store_.ChangeCounter();
  if (!version.ok()) return handler(response);
  std::string key = request.path;
  for (const auto& [name, value] : request.params) key += "\n" + name + "=" + value;
  if (auto body = cache_.Find(key, *version)) {
    response.set_content(*body, "application/json; charset=utf-8");
    return;
  }
  handler(response);
  if (response.status == 200 || response.status == -1) {
    cache_.Insert(key, *version, std::make_shared<const std::string>(response.body));
  }
}

void Server::ApiRoutes() {
  http_->Get("/api/health", [this](const httplib::Request&, httplib::Response& response) {
    auto stats = store_.GetStats();
    if (!stats.ok()) return SendError(response, stats.status());
    SendJson(response, 200,
             {{"status", "ok"},
              {"articles", stats->articles},
              {"stories", stats->stories},
              {"requests", requests_.load()},
              {"client_errors", client_errors_.load()},
              {"server_errors", server_errors_.load()},
              {"articles_posted", articles_posted_.load()}});
  });

  http_->Get("/api/facets", [this](const httplib::Request&, httplib::Response& response) {
    auto facets = store_.GetFacets();
    if (!facets.ok()) return SendError(response, facets.status());
    auto list = [](const std::vector<store::Facet>& values) {
      json items = json::array();
      for (const store::Facet& facet : values) {
        items.push_back({{"value", facet.value}, {"stories", facet.stories}});
      }
      return items;
    };
    SendJson(response, 200,
             {{"categories", list(facets->categories)}, {"languages", list(facets->languages)}});
  });

  http_->Get(
      "/api/stories", [this](const httplib::Request& request, httplib::Response& cached_response) {
        auto filter = FilterFrom(request);
        if (!filter.ok()) return SendError(cached_response, filter.status());
        auto limit = LimitFrom(request, 20);
        if (!limit.ok()) return SendError(cached_response, limit.status());
        std::string text = request.get_param_value("q");
        if (catalog_ready_ && text.empty() && filter->source.empty() && filter->entity.empty()) {
          CatalogListQuery query{filter->category,
                                 filter->language,
                                 filter->since,
                                 filter->until,
                                 request.get_param_value("cursor"),
                                 *limit};
          auto body = catalog_.Current()->ListBody(query);
          if (!body.ok()) return SendError(cached_response, body.status());
          return SendBody(cached_response, std::move(*body));
        }
        Cached(request, cached_response, [&](httplib::Response& response) {
          store::StoryListQuery query;
          query.filter = *filter;
          query.text = text;
          query.cursor = request.get_param_value("cursor");
          query.limit = *limit;
          auto page = store_.ListStories(query);
          if (!page.ok()) return SendError(response, page.status());
          json stories = json::array();
          for (const Story& story : page->stories) stories.push_back(StoryListItemJson(story));
          SendJson(response, 200,
                   {{"stories", std::move(stories)},
                    {"next", page->next.empty() ? json() : json(page->next)}});
        });
      });

  http_->Get(R"(/api/stories/([^/]+))",
             [this](const httplib::Request& request, httplib::Response& cached_response) {
               bool all_articles = request.get_param_value("articles") == "all";
               if (catalog_ready_) {
                 std::string id = request.matches[1];
                 auto body = catalog_.Current()->PageBody(id, all_articles);
                 if (!body) return SendError(cached_response, Status::NotFound("no story " + id));
                 return SendBody(cached_response, std::move(*body));
               }
               Cached(request, cached_response, [&](httplib::Response& response) {
                 auto page = StoryPageFromStore(store_, request.matches[1], all_articles);
                 if (!page.ok()) return SendError(response, page.status());
                 SendJson(response, 200, *page);
               });
             });

  http_->Get(R"(/api/articles/([^/]+))",
             [this](const httplib::Request& request, httplib::Response& response) {
               auto article = store_.GetArticle(request.matches[1]);
               if (!article.ok()) return SendError(response, article.status());
               std::vector<Story> stories;
               json story_list = json::array();
               if (auto ids = store_.StoriesOfArticle(article->id); ids.ok()) {
                 for (const std::string& id : *ids) {
                   auto story = store_.GetStory(id);
                   if (!story.ok()) continue;
                   story_list.push_back({{"id", story->id}, {"title", story->title}});
                   stories.push_back(std::move(*story));
                 }
               }
               json body = ArticleJson(*article, true);
               body["summary"] = ArticleSummary(*article, stories);
               body["stories"] = std::move(story_list);
               SendJson(response, 200, body);
             });

  http_->Get("/api/search", [this](const httplib::Request& request, httplib::Response& response) {
    std::string text = request.get_param_value("q");
    if (text.empty()) return SendError(response, Status::InvalidArgument("q is required"));
    auto filter = FilterFrom(request);
    if (!filter.ok()) return SendError(response, filter.status());
    auto limit = LimitFrom(request, 20);
    if (!limit.ok()) return SendError(response, limit.status());
    std::string type = request.has_param("type") ? request.get_param_value("type") : "all";
    if (type != "all" && type != "articles" && type != "stories") {
      return SendError(response, Status::InvalidArgument("type is all, articles or stories"));
    }
    store::SearchQuery query{text, *filter, *limit};
    std::vector<store::ArticleHit> articles;
    std::vector<store::StoryHit> stories;
    if (type != "stories") {
      auto hits = store_.SearchArticles(query);
      if (!hits.ok()) return SendError(response, hits.status());
      articles = std::move(*hits);
    }
    if (type != "articles") {
      auto hits = store_.SearchStories(query);
      if (!hits.ok()) return SendError(response, hits.status());
      stories = std::move(*hits);
    }
    json results = SearchResultsJson(articles, stories);
    if (int(results.size()) > *limit) results.erase(results.begin() + *limit, results.end());
    SendJson(response, 200, {{"results", std::move(results)}});
  });

  http_->Post("/api/articles", [this](const httplib::Request& request,
                                      httplib::Response& response) {
    if (!Authorized(request, response)) return;
    auto articles = ArticlesFromBody(request.body, request.get_header_value("Content-Type"),
                                     request.get_param_value("id"), options_.max_body_bytes);
    if (!articles.ok()) return SendError(response, articles.status());
    std::vector<std::string> ids;
    for (const Article& article : *articles) ids.push_back(article.id);
    auto outcomes = newsroom_.Add(std::move(*articles));
    if (!outcomes.ok()) return SendError(response, outcomes.status());
    articles_posted_ += int64_t(ids.size());
    json statuses = json::array();
    for (AddOutcome outcome : *outcomes) statuses.push_back(OutcomeName(outcome));
    response.set_header("Location", "/api/articles/" + ids.front());
    SendJson(
        response, 201,
        {{"id", ids.front()}, {"status", statuses.front()}, {"ids", ids}, {"statuses", statuses}});
  });

  http_->Delete(R"(/api/articles/([^/]+))",
                [this](const httplib::Request& request, httplib::Response& response) {
                  if (!Authorized(request, response)) return;
                  Status status = newsroom_.Remove(request.matches[1]);
                  if (!status.ok()) return SendError(response, status);
                  response.status = 204;
                });
}

void Server::FeedRoutes() {
  // Stories, newest-ranked first, as feed items linking to their pages.
  auto story_feed = [this](const httplib::Request& request, httplib::Response& response,
                           const std::string& category, const std::string& format) {
    store::StoryListQuery query;
    query.filter.category = category;
    query.limit = kFeedItems;
    auto page = store_.ListStories(query);
    if (!page.ok()) return SendError(response, page.status());
    std::string base = BaseUrl(request);
    Feed feed;
    feed.title = category.empty() ? "newsloom: top stories" : "newsloom: " + category;
    feed.link = base + "/";
    feed.self_link = base + request.path;
    feed.description = "Stories ranked by newsloom";
    for (const Story& story : page->stories) {
      feed.items.push_back({story.id, story.title, base + "/#/story/" + story.id,
                            JoinSummary(story), story.last_updated});
    }
    bool rss = format == "rss";
    response.set_content(
        rss ? RenderRss(feed) : RenderAtom(feed),
        rss ? "application/rss+xml; charset=utf-8" : "application/atom+xml; charset=utf-8");
  };
  http_->Get(R"(/feeds/stories/(rss|atom))",
             [story_feed](const httplib::Request& request, httplib::Response& response) {
               story_feed(request, response, "", request.matches[1]);
             });
  http_->Get(R"(/feeds/category/([^/]+)/(rss|atom))",
             [story_feed](const httplib::Request& request, httplib::Response& response) {
               story_feed(request, response, request.matches[1], request.matches[2]);
             });
  // One story's articles, newest first, so a reader follows the story as it grows.
  http_->Get(R"(/feeds/story/([^/]+)/(rss|atom))", [this](const httplib::Request& request,
                                                          httplib::Response& response) {
    auto story = store_.GetStory(request.matches[1]);
    if (!story.ok()) return SendError(response, story.status());
    std::string base = BaseUrl(request);
    Feed feed;
    feed.title = "newsloom story: " + story->title;
    feed.link = base + "/#/story/" + story->id;
    feed.self_link = base + request.path;
    feed.description = JoinSummary(*story);
    for (auto id = story->articles.rbegin(); id != story->articles.rend(); ++id) {
      auto article = store_.GetArticle(*id);
      if (!article.ok()) continue;
      int64_t time = article->published ? article->published->utc_seconds : story->last_updated;
      std::string summary = article->description;
      if (summary.empty()) {
        for (const std::string& sentence : ArticleSummary(*article, {*story})) {
          summary += (summary.empty() ? "" : " ") + sentence;
        }
      }
      feed.items.push_back({article->id, article->title.empty() ? article->id : article->title,
                            base + "/#/article/" + article->id, summary, time});
      if (int(feed.items.size()) >= kFeedItems) break;
    }
    bool rss = request.matches[2] == "rss";
    response.set_content(
        rss ? RenderRss(feed) : RenderAtom(feed),
        rss ? "application/rss+xml; charset=utf-8" : "application/atom+xml; charset=utf-8");
  });
}

}  // namespace newsloom::serve
