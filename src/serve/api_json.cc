#include "serve/api_json.h"

#include <algorithm>
#include <unordered_set>

#include "store/single_article_stories.h"
#include "store/story_json.h"

namespace newsloom::serve {

namespace {

using nlohmann::json;

std::string_view ParagraphKindName(Paragraph::Kind kind) {
  switch (kind) {
    case Paragraph::Kind::kHeading:
      return "heading";
    case Paragraph::Kind::kListItem:
      return "list_item";
    case Paragraph::Kind::kQuote:
      return "quote";
    case Paragraph::Kind::kPreformatted:
      return "preformatted";
    case Paragraph::Kind::kTableRow:
      return "table_row";
    case Paragraph::Kind::kText:
      break;
  }
  return "text";
}

std::string_view GranularityName(DateMention::Granularity granularity) {
  switch (granularity) {
    case DateMention::Granularity::kDay:
      return "day";
    case DateMention::Granularity::kMonth:
      return "month";
    case DateMention::Granularity::kYear:
      return "year";
    case DateMention::Granularity::kUnresolved:
      break;
  }
  return "unresolved";
}

constexpr size_t kArticleSummarySentences = 3;
constexpr size_t kListEntities = 20;
constexpr size_t kListArticles = 20;
constexpr size_t kListTimeline = 5;
constexpr size_t kListDisagreements = 3;
constexpr size_t kPageArticles = 50;
constexpr size_t kPageEntities = 200;
constexpr size_t kEventCitations = 3;  // the articles a timeline event carries

void KeepFirst(json& array, size_t count) {
  if (array.size() > count) array.erase(array.begin() + static_cast<ptrdiff_t>(count), array.end());
}

void KeepLast(json& array, size_t count) {
  if (array.size() > count) array.erase(array.begin(), array.end() - static_cast<ptrdiff_t>(count));
}

// Each timeline event keeps the articles the page shows, with "article_count".
void BoundEventCitations(json& timeline) {
  for (json& event : timeline) {
    json& articles = event["articles"];
    event["article_count"] = articles.size();
    KeepFirst(articles, kEventCitations);
  }
}

}  // namespace

json ArticleJson(const Article& article, bool with_text) {
  json object = {
      {"id", article.id},
      {"url", article.url},
      {"canonical_url", article.canonical_url},
      {"title", article.title},
      {"authors", article.authors},
      {"published", article.published ? json(article.published->ToIso8601()) : json()},
      {"published_utc", article.published ? json(article.published->utc_seconds) : json()},
      {"site", article.site_name},
      {"source", article.source},
      {"language", article.language},
      {"description", article.description},
      {"category", article.category},
      {"is_news", article.is_news},
      {"truncated", article.truncated}};
  if (!with_text) return object;
  object["text"] = article.Text();
  json paragraphs = json::array();
  for (const Paragraph& paragraph : article.paragraphs) {
    paragraphs.push_back({{"kind", ParagraphKindName(paragraph.kind)}, {"text", paragraph.text}});
  }
  object["paragraphs"] = std::move(paragraphs);
  json entities = json::array();
  for (const Entity& entity : article.entities) {
    entities.push_back({{"text", entity.text},
                        {"canonical", entity.canonical},
                        {"type", store::EntityTypeName(entity.type)},
                        {"paragraph", entity.paragraph},
                        {"offset", entity.offset}});
  }
  object["entities"] = std::move(entities);
  json dates = json::array();
  for (const DateMention& date : article.dates) {
    dates.push_back({{"text", date.text},
                     {"date", date.date},
                     {"granularity", GranularityName(date.granularity)},
                     {"paragraph", date.paragraph},
                     {"offset", date.offset}});
  }
  object["dates"] = std::move(dates);
  return object;
}

std::vector<std::string> ArticleSummary(const Article& article, const std::vector<Story>& stories) {
  std::vector<std::string> sentences;
  for (const Story& story : stories) {
    for (const CitedSentence& sentence : story.summary) {
      if (sentence.article == article.id) sentences.push_back(sentence.text);
    }
  }
  if (!sentences.empty()) return sentences;
  return store::LeadSentences(article.Text(), kArticleSummarySentences);
}

json SearchResultsJson(const std::vector<store::ArticleHit>& articles,
                       const std::vector<store::StoryHit>& stories) {
  std::vector<std::pair<double, json>> results;
  for (const store::ArticleHit& hit : articles) {
    json item = ArticleJson(hit.article, false);
    item["type"] = "article";
    item["score"] = hit.score;
    item["snippet"] = hit.snippet;
    results.emplace_back(hit.score, std::move(item));
  }
  for (const store::StoryHit& hit : stories) {
    json item = StoryListItemJson(hit.story);
    item["type"] = "story";
    item["score"] = hit.score;
    results.emplace_back(hit.score, std::move(item));
  }
  std::stable_sort(results.begin(), results.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  json list = json::array();
  for (auto& [score, item] : results) list.push_back(std::move(item));
  return list;
}

json StoryListItemJson(const Story& story) {
  json item = store::StoryToJson(story, kListArticles);
  KeepFirst(item["entities"], kListEntities);
  item["article_count"] = story.articles.size();
  KeepLast(item["timeline"], kListTimeline);
  BoundEventCitations(item["timeline"]);
  item["timeline_count"] = story.timeline.size();
  KeepFirst(item["disagreements"], kListDisagreements);
  item["disagreement_count"] = story.disagreements.size();
  return item;
}

json StoryPageJson(const Story& story) {
  json page = store::StoryToJson(story, 0);
  page.erase("articles");
  KeepFirst(page["entities"], kPageEntities);
  page["entity_count"] = story.entities.size();
  BoundEventCitations(page["timeline"]);
  return page;
}

Result<json> StoryPageFromStore(store::Store& store, const std::string& id, bool all) {
  auto story = store.GetStory(id);
  if (!story.ok()) return story.status();
  std::vector<std::string> ids = PageArticleIds(*story, all);
  auto articles = store.GetArticleHeaders(ids);
  if (!articles.ok()) return articles.status();
  json page = StoryPageJson(*story);
  json details = json::array();
  for (const Article& article : *articles) details.push_back(ArticleJson(article, false));
  page["article_details"] = std::move(details);
  page["articles"] = std::move(ids);
  page["article_count"] = story->articles.size();
  return page;
}

std::vector<std::string> PageArticleIds(const Story& story, bool all) {
  if (all || story.articles.size() <= kPageArticles) return story.articles;
  std::unordered_set<std::string_view> cited;
  for (const CitedSentence& sentence : story.summary) cited.insert(sentence.article);
  for (const TimelineEvent& event : story.timeline) {
    size_t shown = std::min(event.articles.size(), kEventCitations);
    cited.insert(event.articles.begin(), event.articles.begin() + shown);
  }
  for (const Disagreement& disagreement : story.disagreements) {
    for (const CitedSentence& claim : disagreement.claims) cited.insert(claim.article);
  }
  std::vector<std::string> ids;
  size_t newest = story.articles.size() - kPageArticles;
  for (size_t i = 0; i < story.articles.size(); ++i) {
    if (i >= newest || cited.count(story.articles[i])) ids.push_back(story.articles[i]);
  }
  return ids;
}

std::string Dump(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace newsloom::serve
