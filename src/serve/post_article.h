// Turns the body of POST /api/articles into articles: the Content-Type says
// whether it is an HTML page, a plain-text page or a JSON record (news-please
// field names, as in JSON Lines inputs); the page then goes through the same
// ingest and extract code as files do.
#ifndef NEWSLOOM_SERVE_POST_ARTICLE_H_
#define NEWSLOOM_SERVE_POST_ARTICLE_H_

#include <string>
#include <string_view>
#include <vector>

#include "newsloom/article.h"
#include "newsloom/status.h"

namespace newsloom::serve {

// `content_type` as sent ("text/html; charset=utf-8"); `id` from the query
// string, else the JSON record's "id", else "post-" plus a hash of the body
// (so posting the same body twice names the same article). InvalidArgument
// for an unsupported type, malformed JSON or a page without an article.
Result<std::vector<Article>> ArticlesFromBody(std::string_view body, std::string_view content_type,
                                              std::string id, size_t max_bytes);

}  // namespace newsloom::serve

#endif  // NEWSLOOM_SERVE_POST_ARTICLE_H_
