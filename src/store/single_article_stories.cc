#include "store/single_article_stories.h"

#include <algorithm>
#include <map>

#include "common/strings.h"

namespace newsloom::store {

namespace {

constexpr size_t kSummarySentences = 3;

bool IsAbbreviation(std::string_view before_period) {
  size_t start = before_period.find_last_of(" \n\t(\"");
  std::string_view word =
      start == std::string_view::npos ? before_period : before_period.substr(start + 1);
  static const char* const kAbbreviations[] = {"Mr",  "Mrs", "Ms",  "Dr",  "St",  "Jr",  "Sr",
                                               "Gen", "Col", "Lt",  "Sen", "Rep", "Gov", "Prof",
                                               "No",  "vs",  "etc", "Inc", "Ltd", "Co"};
  for (const char* abbreviation : kAbbreviations) {
    if (word == abbreviation) return true;
  }
  // Initials and dotted acronyms: "U.S", "J".
  return word.size() == 1 || (word.size() >= 2 && word[word.size() - 2] == '.');
}

// An untitled article (a digest's lede) is titled by its first sentence,
// cut at a word boundary.
std::string TitleFromText(const Article& article) {
  constexpr size_t kMaxTitleBytes = 120;
  std::vector<std::string> first = LeadSentences(article.Text(), 1);
  if (first.empty()) return article.id;
  std::string title = first[0];
  if (title.size() <= kMaxTitleBytes) return title;
  size_t cut = title.rfind(' ', kMaxTitleBytes);
  title.resize(cut == std::string::npos ? kMaxTitleBytes : cut);
  // Never end inside a UTF-8 sequence.
  while (!title.empty() && (static_cast<unsigned char>(title.back()) & 0xC0) == 0x80)
    title.pop_back();
  if (!title.empty() && static_cast<unsigned char>(title.back()) >= 0xC0) title.pop_back();
  return title + "…";
}

}  // namespace

std::vector<std::string> LeadSentences(std::string_view text, size_t count) {
  std::vector<std::string> sentences;
  size_t start = 0;
  auto emit = [&](size_t end) {
    std::string_view sentence = TrimView(text.substr(start, end - start));
    if (!sentence.empty()) sentences.emplace_back(sentence);
    start = end;
  };
  for (size_t i = 0; i < text.size() && sentences.size() < count; ++i) {
    char c = text[i];
    if (c == '\n') {
      emit(i);
      continue;
    }
    if (c != '.' && c != '!' && c != '?') continue;
    size_t end = i + 1;
    while (end < text.size() && (text[end] == '"' || text[end] == '\'' || text[end] == ')')) {
      ++end;
    }
    if (end < text.size() && !IsAsciiSpace(text[end])) continue;
    size_t next = end;
    while (next < text.size() && IsAsciiSpace(text[next]) && text[next] != '\n') ++next;
    bool starts_sentence = next >= text.size() || text[next] == '\n' || IsAsciiUpper(text[next]) ||
                           IsAsciiDigit(text[next]) || text[next] == '"' ||
                           static_cast<unsigned char>(text[next]) >= 0x80;
    if (!starts_sentence) continue;
    if (c == '.' && IsAbbreviation(text.substr(start, i - start))) continue;
    emit(end);
    i = end - 1;
  }
  if (sentences.size() < count && start < text.size()) emit(text.size());
  if (sentences.size() > count) sentences.resize(count);
  return sentences;
}

std::string SingleArticleStories::StoryIdOf(std::string_view article_id) {
  return "a-" + std::string(article_id);
}

std::vector<Story> SingleArticleStories::Add(const Article& article) {
  Story story;
  story.id = StoryIdOf(article.id);
  story.articles = {article.id};
  story.title = article.title.empty() ? TitleFromText(article) : article.title;
  story.category = article.category;
  story.language = article.language;
  int64_t time = article.published ? article.published->utc_seconds
                 : article.fetched ? article.fetched->utc_seconds
                                   : 0;
  story.first_seen = time;
  story.last_updated = time;
  // Newer first: the rank is the article's time in days since the epoch.
  story.rank = double(time) / 86400.0;
  if (!article.source.empty()) story.sources = {article.source};
  std::map<std::pair<std::string, Entity::Type>, int> counts;
  for (const Entity& entity : article.entities) {
    ++counts[{entity.canonical.empty() ? entity.text : entity.canonical, entity.type}];
  }
  for (const auto& [key, count] : counts) story.entities.push_back({key.first, key.second, count});
  std::stable_sort(story.entities.begin(), story.entities.end(),
                   [](const StoryEntity& a, const StoryEntity& b) { return a.count > b.count; });
  for (std::string& sentence : LeadSentences(article.Text(), kSummarySentences)) {
    story.summary.push_back({std::move(sentence), article.id});
  }
  return {story};
}

std::vector<Story> SingleArticleStories::Remove(const std::string& id) {
  Story gone;
  gone.id = StoryIdOf(id);
  return {gone};
}

}  // namespace newsloom::store
