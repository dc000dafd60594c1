#include "cli/article_json.h"

namespace newsloom {

nlohmann::json ArticleToJson(const Article& article) {
  nlohmann::json json;
  json["id"] = article.id;
  json["url"] = article.url;
  json["canonical_url"] = article.canonical_url;
  json["title"] = article.title;
  json["author"] = article.authors;
  json["published"] =
      article.published ? nlohmann::json(article.published->ToIso8601()) : nlohmann::json(nullptr);
  json["site"] = article.site_name;
  json["source"] = article.source;
  json["language"] = article.language;
  json["description"] = article.description;
  json["text"] = article.Text();
  json["is_news"] = article.is_news;
  json["truncated"] = article.truncated;
  return json;
}

}  // namespace newsloom
