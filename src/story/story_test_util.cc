#include "story/story_test_util.h"

#include <map>

#include "common/time.h"
#include "newsloom/engine.h"

namespace newsloom::story::testing {

Article MakeArticle(std::string id, std::string title, std::vector<std::string> paragraphs,
                    const std::string& published) {
  Article article;
  article.id = std::move(id);
  article.title = std::move(title);
  for (std::string& text : paragraphs) {
    article.paragraphs.push_back({Paragraph::Kind::kText, std::move(text)});
  }
  if (published.size() == 10) {
    CivilDate date{std::stoi(published.substr(0, 4)), std::stoi(published.substr(5, 2)),
                   std::stoi(published.substr(8, 2))};
    article.published = MakeTimestamp(date, 12, 0, 0, 0, Timestamp::Precision::kDay);
  }
  return article;
}

std::vector<Extracted> ExtractAll(const std::vector<std::string>& paths) {
  Options options;
  options.jobs = 1;
  std::vector<Extracted> out;
  auto engine = Engine::Open(options);
  if (!engine.ok()) return out;
  ExtractCallbacks callbacks;
  callbacks.on_input = [&](const ExtractedInput& input) {
    for (const Article& article : input.articles) out.push_back({input.origin, article});
  };
  (*engine)->Extract(paths, callbacks);
  return out;
}

std::vector<const Article*> Pointers(const std::vector<Article>& articles) {
  std::vector<const Article*> pointers;
  for (const Article& article : articles) pointers.push_back(&article);
  return pointers;
}

std::string FirstUnfaithfulQuote(const Story& story, const std::vector<const Article*>& articles) {
  std::map<std::string, const Article*> by_id;
  for (const Article* article : articles) by_id[article->id] = article;
  auto in_text = [&](const std::string& text, const std::string& id, bool title_too) {
    auto found = by_id.find(id);
    if (found == by_id.end() || text.empty()) return false;
    if (found->second->Text().find(text) != std::string::npos) return true;
    return title_too && found->second->title.find(text) != std::string::npos;
  };
  for (const CitedSentence& sentence : story.summary) {
    if (!in_text(sentence.text, sentence.article, false)) {
      return "summary: [" + sentence.article + "] " + sentence.text;
    }
  }
  for (const TimelineEvent& event : story.timeline) {
    // The first article cited is the one quoted.
    if (event.articles.empty() || !in_text(event.text, event.articles.front(), true)) {
      return "timeline: " + event.text;
    }
  }
  for (const Disagreement& disagreement : story.disagreements) {
    for (const CitedSentence& claim : disagreement.claims) {
      if (!in_text(claim.text, claim.article, true)) {
        return "disagreement: [" + claim.article + "] " + claim.text;
      }
    }
  }
  return "";
}

}  // namespace newsloom::story::testing
