// Server: the JSON API and the feeds. Status codes are chosen here only:
// the store and the newsroom speak Status.
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

void SendJson(http::Response& response, int status, const json& body) {
  response.status = status;
  response.SetContent(Dump(body), "application/json; charset=utf-8");
}

// A JSON body rendered already, moved into the response.
void SendBody(http::Response& response, std::string body) {
  response.status = 200;
  response.body = std::move(body);
  response.SetHeader("Content-Type", "application/json; charset=utf-8");
}

void SendError(http::Response& response, const Status& status) {
  int code = status.code() == Status::Code::kNotFound          ? 404
             : status.code() == Status::Code::kInvalidArgument ? 400
             : status.code() == Status::Code::kUnsupported     ? 415
                                                               : 500;
  SendJson(response, code, {{"error", status.message()}});
}

// The filters shared by /api/stories and /api/search.
Result<store::Filter> FilterFrom(const http::Request& request) {
  store::Filter filter;
  filter.category = request.Param("category");
  filter.language = request.Param("language");
  filter.source = request.Param("source");
  filter.entity = request.Param("entity");
  for (auto [name, field] : {std::pair{"since", &filter.since}, {"until", &filter.until}}) {
    if (!request.HasParam(name)) continue;
    auto time = ParseTimeParameter(request.Param(name));
    if (!time.ok()) return time.status();
    *field = *time;
  }
  return filter;
}

Result<int> LimitFrom(const http::Request& request, int fallback) {
  if (!request.HasParam("limit")) return fallback;
  return ParseLimit(request.Param("limit"), kMaxListLimit);
}

bool IsFeedFormat(std::string_view format) { return format == "rss" || format == "atom"; }

Status FeedFormatError() { return Status::NotFound("a feed is rss or atom"); }

std::string JoinSummary(const Story& story) {
  std::string text;
  for (const CitedSentence& sentence : story.summary) {
    if (!text.empty()) text += ' ';
    text += sentence.text;
  }
  return text;
}

}  // namespace

void Server::Cached(const http::Request& request, http::Response& response,
                    const std::function<void(http::Response&)>& handler) {
  auto version = store_.ChangeCounter();
  if (!version.ok()) return handler(response);
  std::string key = request.path;
  for (const auto& [name, value] : request.params) key += "\n" + name + "=" + value;
  if (auto body = cache_.Find(key, *version)) {
    response.SetContent(*body, "application/json; charset=utf-8");
    return;
  }
  handler(response);
  if (response.status == 200) {
    cache_.Insert(key, *version, std::make_shared<const std::string>(response.body));
  }
}

void Server::ApiRoutes() {
  router_.Get("/api/health", [this](const http::Request&, http::Response& response) {
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

  router_.Get("/api/facets", [this](const http::Request&, http::Response& response) {
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

  router_.Get(
      "/api/stories", [this](const http::Request& request, http::Response& cached_response) {
        auto filter = FilterFrom(request);
        if (!filter.ok()) return SendError(cached_response, filter.status());
        auto limit = LimitFrom(request, 20);
        if (!limit.ok()) return SendError(cached_response, limit.status());
        std::string text = request.Param("q");
        if (catalog_ready_ && text.empty() && filter->source.empty() && filter->entity.empty()) {
          CatalogListQuery query{filter->category, filter->language,        filter->since,
                                 filter->until,    request.Param("cursor"), *limit};
          auto body = catalog_.Current()->ListBody(query);
          if (!body.ok()) return SendError(cached_response, body.status());
          return SendBody(cached_response, std::move(*body));
        }
        Cached(request, cached_response, [&](http::Response& response) {
          store::StoryListQuery query;
          query.filter = *filter;
          query.text = text;
          query.cursor = request.Param("cursor");
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

  router_.Get("/api/stories/:id",
              [this](const http::Request& request, http::Response& cached_response) {
                bool all_articles = request.Param("articles") == "all";
                if (catalog_ready_) {
                  std::string id = request.matches[1];
                  auto body = catalog_.Current()->PageBody(id, all_articles);
                  if (!body) return SendError(cached_response, Status::NotFound("no story " + id));
                  return SendBody(cached_response, std::move(*body));
                }
                Cached(request, cached_response, [&](http::Response& response) {
                  auto page = StoryPageFromStore(store_, request.matches[1], all_articles);
                  if (!page.ok()) return SendError(response, page.status());
                  SendJson(response, 200, *page);
                });
              });

  router_.Get("/api/articles/:id", [this](const http::Request& request, http::Response& response) {
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

  router_.Get("/api/search", [this](const http::Request& request, http::Response& response) {
    std::string text = request.Param("q");
    if (text.empty()) return SendError(response, Status::InvalidArgument("q is required"));
    auto filter = FilterFrom(request);
    if (!filter.ok()) return SendError(response, filter.status());
    auto limit = LimitFrom(request, 20);
    if (!limit.ok()) return SendError(response, limit.status());
    std::string type = request.HasParam("type") ? request.Param("type") : "all";
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

  router_.Post("/api/articles", [this](const http::Request& request, http::Response& response) {
    if (!Authorized(request, response)) return;
    auto articles = ArticlesFromBody(request.body, request.Header("content-type"),
                                     request.Param("id"), options_.max_body_bytes);
    if (!articles.ok()) return SendError(response, articles.status());
    std::vector<std::string> ids;
    for (const Article& article : *articles) ids.push_back(article.id);
    auto outcomes = newsroom_.Add(std::move(*articles));
    if (!outcomes.ok()) return SendError(response, outcomes.status());
    articles_posted_ += int64_t(ids.size());
    json statuses = json::array();
    for (AddOutcome outcome : *outcomes) statuses.push_back(OutcomeName(outcome));
    response.SetHeader("Location", "/api/articles/" + ids.front());
    SendJson(
        response, 201,
        {{"id", ids.front()}, {"status", statuses.front()}, {"ids", ids}, {"statuses", statuses}});
  });

  router_.Delete("/api/articles/:id",
                 [this](const http::Request& request, http::Response& response) {
                   if (!Authorized(request, response)) return;
                   Status status = newsroom_.Remove(request.matches[1]);
                   if (!status.ok()) return SendError(response, status);
                   response.status = 204;
                 });
}

void Server::FeedRoutes() {
  // Stories, newest-ranked first, as feed items linking to their pages.
  auto story_feed = [this](const http::Request& request, http::Response& response,
                           const std::string& category, const std::string& format) {
    if (!IsFeedFormat(format)) return SendError(response, FeedFormatError());
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
    response.SetContent(
        rss ? RenderRss(feed) : RenderAtom(feed),
        rss ? "application/rss+xml; charset=utf-8" : "application/atom+xml; charset=utf-8");
  };
  router_.Get("/feeds/stories/:format",
              [story_feed](const http::Request& request, http::Response& response) {
                story_feed(request, response, "", request.matches[1]);
              });
  router_.Get("/feeds/category/:category/:format",
              [story_feed](const http::Request& request, http::Response& response) {
                story_feed(request, response, request.matches[1], request.matches[2]);
              });
  // One story's articles, newest first, so a reader follows the story as it grows.
  router_.Get(
      "/feeds/story/:id/:format", [this](const http::Request& request, http::Response& response) {
        if (!IsFeedFormat(request.matches[2])) return SendError(response, FeedFormatError());
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
        response.SetContent(
            rss ? RenderRss(feed) : RenderAtom(feed),
            rss ? "application/rss+xml; charset=utf-8" : "application/atom+xml; charset=utf-8");
      });
}

}  // namespace newsloom::serve
