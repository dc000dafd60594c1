// The Telegram Data Clustering Contest's vocabulary and answer shapes: its two
// languages, its seven categories, and the JSON its checker reads from the
// batch commands and from GET /threads. Pure functions, no state.
#ifndef NEWSLOOM_TGNEWS_CONTEST_H_
#define NEWSLOOM_TGNEWS_CONTEST_H_

#include <array>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "newsloom/article.h"
#include "newsloom/story.h"

namespace newsloom::tgnews {

// The contest's categories, in the order its answers list them.
inline constexpr std::array<std::string_view, 7> kCategories = {
    "society", "economy", "technology", "sports", "entertainment", "science", "other"};

bool IsCategory(std::string_view name);

// "en" or "ru" when the analyzed article is in a contest language, else "".
std::string ContestLanguage(const Article& article);

// A news article in a contest language.
bool IsContestNews(const Article& article);

// One of kCategories for a contest news article. The category model is
// trained on English news: an English article takes its category; another
// language takes "other" (the model's guess on Russian text is noise, and
// "other" is the contest's own answer for "no confident category").
std::string ContestCategory(const Article& article);

// What the batch answers need of one page.
struct Page {
  std::string name;      // file name: "1234.html"
  std::string language;  // ContestLanguage, "" for others
  bool news = false;     // IsContestNews
  std::string category;  // ContestCategory when news
};

// A thread as the contest prints it.
struct Thread {
  std::string title;
  std::string category;               // one of kCategories
  std::vector<std::string> articles;  // file names
  double relevance = 0;               // higher first
};

// A Story in contest terms (its category mapped into kCategories).
Thread ThreadFromStory(const Story& story);

// [{"lang_code":"en","articles":[...]},{"lang_code":"ru","articles":[...]}]
nlohmann::ordered_json LanguagesJson(const std::vector<Page>& pages);
// {"articles":[...]}: the news in contest languages.
nlohmann::ordered_json NewsJson(const std::vector<Page>& pages);
// [{"category":"society","articles":[...]},...], all seven in kCategories order.
nlohmann::ordered_json CategoriesJson(const std::vector<Page>& pages);
// [{"title":"...","articles":[...]},...] in the order given.
nlohmann::ordered_json ThreadsJson(const std::vector<Thread>& threads);
// [{"category":"any","threads":[{"title","category","articles"}...]},
//  {"category":"society","threads":[{"title","articles"}...]},...]; threads
// keep the order given (most relevant first).
nlohmann::ordered_json TopJson(const std::vector<Thread>& threads);
// {"threads":[{"title",("category" when with_category),"articles"}...]}
nlohmann::ordered_json ServerThreadsJson(const std::vector<Thread>& threads, bool with_category);

// Dumps as the contest's files were: indented, UTF-8 kept, bad bytes replaced.
std::string Dump(const nlohmann::ordered_json& json);

}  // namespace newsloom::tgnews

#endif  // NEWSLOOM_TGNEWS_CONTEST_H_
