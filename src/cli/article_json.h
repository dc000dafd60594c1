// The JSON shape of an article as `newsloom extract` prints it (DESIGN.md).
#ifndef NEWSLOOM_CLI_ARTICLE_JSON_H_
#define NEWSLOOM_CLI_ARTICLE_JSON_H_

#include <nlohmann/json.hpp>

#include "newsloom/article.h"

namespace newsloom {

// id, url, canonical_url, title, author[], published, site, source, language,
// description, text (paragraphs joined by "\n"), is_news, truncated.
nlohmann::json ArticleToJson(const Article& article);

}  // namespace newsloom

#endif  // NEWSLOOM_CLI_ARTICLE_JSON_H_
