// The JSON the HTTP API and `newsloom search` return for articles, stories
// and search hits. Stories keep the shape of DESIGN.md (store/story_json.h).
#ifndef NEWSLOOM_SERVE_API_JSON_H_
#define NEWSLOOM_SERVE_API_JSON_H_

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "newsloom/article.h"
#include "newsloom/story.h"
#include "store/store.h"

namespace newsloom::serve {

// id, url, canonical_url, title, authors, published, site, source, language,
// description, category, is_news, truncated; with `with_text` also text,
// paragraphs [{kind, text}], entities and dates.
nlohmann::json ArticleJson(const Article& article, bool with_text);

// A short summary of one article: the sentences its story's summary quotes
// from it, else its first sentences.
std::vector<std::string> ArticleSummary(const Article& article, const std::vector<Story>& stories);

// {"type": "article", "score", "snippet", ...ArticleJson} and
// {"type": "story", "score", ...StoryListItemJson}, merged best first.
nlohmann::json SearchResultsJson(const std::vector<store::ArticleHit>& articles,
                                 const std::vector<store::StoryHit>& stories);

// A story as an item of the story list: its 20 most frequent entities, its
// 20 newest articles and 5 latest timeline events (oldest first, as in the
// story) and its first 3 disagreements, with "article_count",
// "timeline_count" and "disagreement_count" giving how many it has. (A big
// story has thousands of names and articles; in full, a list of 20 stories
// ran to megabytes, and its timelines alone to half of 200 KB.)
nlohmann::json StoryListItemJson(const Story& story);

// A story as its page serves it, without its member list: every other field,
// but only its 200 most frequent entities, with "entity_count" giving how
// many it has (the names of a story of thousands of articles ran to 170 KB of
// a 250 KB page, its member ids to 60 KB).
nlohmann::json StoryPageJson(const Story& story);

// GET /api/stories/{id} read from `store` (when the catalog is not loaded):
// StoryPageJson plus "articles", the ids of PageArticleIds, "article_details",
// their headers, and "article_count", how many articles the story has.
Result<nlohmann::json> StoryPageFromStore(store::Store& store, const std::string& id, bool all);

// The articles whose headers a story page carries in "article_details", in
// the story's order: every article its summary and disagreements cite, the
// first 3 each timeline event cites (the one it quotes first; an event of a
// big story is reported by hundreds) and its 50 newest; with `all`, every
// article.
std::vector<std::string> PageArticleIds(const Story& story, bool all);

// Serialises without ever throwing: invalid UTF-8 is replaced.
std::string Dump(const nlohmann::json& json);

}  // namespace newsloom::serve

#endif  // NEWSLOOM_SERVE_API_JSON_H_
