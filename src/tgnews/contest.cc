#include "tgnews/contest.h"

#include <algorithm>

namespace newsloom::tgnews {

bool IsCategory(std::string_view name) {
  return std::find(kCategories.begin(), kCategories.end(), name) != kCategories.end();
}

std::string ContestLanguage(const Article& article) {
  if (article.language == "en" || article.language == "ru") return article.language;
  return "";
}

bool IsContestNews(const Article& article) {
  return article.is_news && !ContestLanguage(article).empty();
}

std::string ContestCategory(const Article& article) {
  if (article.language != "en") return "other";
  if (IsCategory(article.category)) return article.category;
  return "other";
}

Thread ThreadFromStory(const Story& story) {
  Thread thread;
  thread.title = story.title;
  thread.category = IsCategory(story.category) ? story.category : "other";
  thread.articles = story.articles;
  thread.relevance = story.rank;
  return thread;
}

namespace {

nlohmann::ordered_json Names(const std::vector<Page>& pages, auto keep) {
  nlohmann::ordered_json names = nlohmann::ordered_json::array();
  for (const Page& page : pages) {
    if (keep(page)) names.push_back(page.name);
  }
  return names;
}

nlohmann::ordered_json ThreadJson(const Thread& thread, bool with_category) {
  nlohmann::ordered_json json = nlohmann::ordered_json::object();
  json["title"] = thread.title;
  if (with_category) json["category"] = thread.category;
  json["articles"] = thread.articles;
  return json;
}

nlohmann::ordered_json ThreadList(const std::vector<Thread>& threads, bool with_category,
                                  std::string_view category) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const Thread& thread : threads) {
    if (category != "any" && thread.category != category) continue;
    list.push_back(ThreadJson(thread, with_category));
  }
  return list;
}

}  // namespace

nlohmann::ordered_json LanguagesJson(const std::vector<Page>& pages) {
  nlohmann::ordered_json json = nlohmann::ordered_json::array();
  for (std::string_view code : {"en", "ru"}) {
    json.push_back({{"lang_code", code},
                    {"articles", Names(pages, [&](const Page& p) { return p.language == code; })}});
  }
  return json;
}

nlohmann::ordered_json NewsJson(const std::vector<Page>& pages) {
  return {{"articles", Names(pages, [](const Page& p) { return p.news; })}};
}

nlohmann::ordered_json CategoriesJson(const std::vector<Page>& pages) {
  nlohmann::ordered_json json = nlohmann::ordered_json::array();
  for (std::string_view category : kCategories) {
    json.push_back({{"category", category}, {"articles", Names(pages, [&](const Page& p) {
                                               return p.news && p.category == category;
                                             })}});
  }
  return json;
}

nlohmann::ordered_json ThreadsJson(const std::vector<Thread>& threads) {
  return ThreadList(threads, false, "any");
}

nlohmann::ordered_json TopJson(const std::vector<Thread>& threads) {
  nlohmann::ordered_json json = nlohmann::ordered_json::array();
  json.push_back({{"category", "any"}, {"threads", ThreadList(threads, true, "any")}});
  for (std::string_view category : kCategories) {
    json.push_back({{"category", category}, {"threads", ThreadList(threads, false, category)}});
  }
  return json;
}

nlohmann::ordered_json ServerThreadsJson(const std::vector<Thread>& threads, bool with_category) {
  return {{"threads", ThreadList(threads, with_category, "any")}};
}

std::string Dump(const nlohmann::ordered_json& json) {
  return json.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace newsloom::tgnews
