// The contest's answer shapes, request checks, the page log and the thread
// index's clock (expiry, period, deletions).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "tgnews/contest.h"
#include "tgnews/contest_stories.h"
#include "tgnews/page_log.h"
#include "tgnews/requests.h"
#include "tgnews/thread_index.h"

namespace newsloom::tgnews {
namespace {

std::vector<Page> SomePages() {
  return {{"1.html", "en", true, "sports"},
          {"2.html", "ru", true, "other"},
          {"3.html", "en", false, ""},
          {"4.html", "", false, ""}};
}

TEST(ContestJson, Languages) {
  auto json = LanguagesJson(SomePages());
  EXPECT_EQ(json.dump(), R"([{"lang_code":"en","articles":["1.html","3.html"]},)"
                         R"({"lang_code":"ru","articles":["2.html"]}])");
}

TEST(ContestJson, News) {
  EXPECT_EQ(NewsJson(SomePages()).dump(), R"({"articles":["1.html","2.html"]})");
  EXPECT_EQ(NewsJson({}).dump(), R"({"articles":[]})");
}

TEST(ContestJson, CategoriesListsAllSevenInOrder) {
  auto json = CategoriesJson(SomePages());
  ASSERT_EQ(json.size(), 7u);
  for (size_t i = 0; i < kCategories.size(); ++i) {
    EXPECT_EQ(json[i]["category"], std::string(kCategories[i]));
    EXPECT_TRUE(json[i]["articles"].is_array());
  }
  EXPECT_EQ(json[3]["articles"].dump(), R"(["1.html"])");
  EXPECT_EQ(json[6]["articles"].dump(), R"(["2.html"])");
}

std::vector<Thread> SomeThreads() {
  return {{"Big match", "sports", {"1.html", "5.html"}, 2.0},
          {"Budget", "economy", {"6.html"}, 1.0}};
}

TEST(ContestJson, Threads) {
  EXPECT_EQ(ThreadsJson(SomeThreads()).dump(),
            R"([{"title":"Big match","articles":["1.html","5.html"]},)"
            R"({"title":"Budget","articles":["6.html"]}])");
}

TEST(ContestJson, TopHasAnyWithCategoriesThenEachCategory) {
  auto json = TopJson(SomeThreads());
  ASSERT_EQ(json.size(), 8u);
  EXPECT_EQ(json[0]["category"], "any");
  EXPECT_EQ(json[0]["threads"].dump(),
            R"([{"title":"Big match","category":"sports","articles":["1.html","5.html"]},)"
            R"({"title":"Budget","category":"economy","articles":["6.html"]}])");
  EXPECT_EQ(json[1]["category"], "society");
  EXPECT_TRUE(json[1]["threads"].empty());
  EXPECT_EQ(json[2]["category"], "economy");
  EXPECT_EQ(json[2]["threads"].dump(), R"([{"title":"Budget","articles":["6.html"]}])");
  EXPECT_EQ(json[4]["category"], "sports");
  EXPECT_FALSE(json[4]["threads"][0].contains("category"));
}

TEST(ContestJson, ServerThreads) {
  EXPECT_EQ(ServerThreadsJson(SomeThreads(), false).dump(),
            R"({"threads":[{"title":"Big match","articles":["1.html","5.html"]},)"
            R"({"title":"Budget","articles":["6.html"]}]})");
  EXPECT_EQ(ServerThreadsJson({}, true).dump(), R"({"threads":[]})");
  EXPECT_EQ(ServerThreadsJson(SomeThreads(), true)["threads"][1]["category"], "economy");
}

TEST(ContestJson, InvalidUtf8TitleIsReplacedNotThrown) {
  std::vector<Thread> threads = {{"bad \xff\xfe title", "other", {"1.html"}, 1}};
  std::string dumped;
  EXPECT_NO_THROW(dumped = Dump(ServerThreadsJson(threads, true)));
  EXPECT_NE(dumped.find("title"), std::string::npos);
}

TEST(ContestRules, LanguagesAndCategories) {
  Article article;
  article.is_news = true;
  article.language = "en";
  article.category = "science";
  EXPECT_TRUE(IsContestNews(article));
  EXPECT_EQ(ContestCategory(article), "science");
  article.category = "weird";
  EXPECT_EQ(ContestCategory(article), "other");
  article.language = "ru";
  article.category = "science";
  EXPECT_EQ(ContestCategory(article), "other");
  EXPECT_EQ(ContestLanguage(article), "ru");
  article.language = "de";
  EXPECT_FALSE(IsContestNews(article));
  EXPECT_EQ(ContestLanguage(article), "");
}

TEST(Requests, PageNames) {
  EXPECT_EQ(*PageNameFromPath("/1234.html"), "1234.html");
  EXPECT_EQ(*PageNameFromPath("/a-b_c.html"), "a-b_c.html");
  for (std::string_view bad : {"", "/", "1.html", "/../x.html", "/a/b.html", "/.hidden",
                               "/a b.html", "/a%2Fb.html", "/\xff.html"}) {
    EXPECT_FALSE(PageNameFromPath(bad).ok()) << bad;
  }
  EXPECT_FALSE(PageNameFromPath("/" + std::string(300, 'a')).ok());
}

TEST(Requests, MaxAge) {
  EXPECT_EQ(*MaxAgeFromCacheControl("max-age=3600"), 3600);
  EXPECT_EQ(*MaxAgeFromCacheControl("public, Max-Age=0"), 0);
  EXPECT_EQ(*MaxAgeFromCacheControl("no-cache, max-age=86400 "), 86400);
  for (std::string_view bad : {"", "no-cache", "max-age=", "max-age=-1", "max-age=1e3",
                               "max-age=99999999999999999999", "max-age=12abc"}) {
    auto result = MaxAgeFromCacheControl(bad);
    EXPECT_FALSE(result.ok()) << bad;
    if (!result.ok()) {
      EXPECT_NE(result.status().message().find("max-age"), std::string::npos);
    }
  }
}

TEST(Requests, ContentType) {
  EXPECT_TRUE(IsHtmlContentType("text/html"));
  EXPECT_TRUE(IsHtmlContentType("Text/HTML; charset=utf-8"));
  EXPECT_FALSE(IsHtmlContentType("application/json"));
  EXPECT_FALSE(IsHtmlContentType(""));
}

TEST(Requests, ThreadsQuery) {
  std::multimap<std::string, std::string> params = {
      {"period", "3600"}, {"lang_code", "en"}, {"category", "any"}};
  auto query = ParseThreadsQuery(params);
  ASSERT_TRUE(query.ok());
  EXPECT_EQ(query->period, 3600);
  EXPECT_EQ(query->lang_code, "en");
  EXPECT_EQ(query->category, "any");

  auto fails = [](std::multimap<std::string, std::string> p, std::string_view says) {
    auto result = ParseThreadsQuery(p);
    ASSERT_FALSE(result.ok());
    EXPECT_NE(result.status().message().find(says), std::string::npos) << result.status().message();
  };
  fails({{"lang_code", "en"}, {"category", "any"}}, "period");
  fails({{"period", "0"}, {"lang_code", "en"}, {"category", "any"}}, "period");
  fails({{"period", "-5"}, {"lang_code", "en"}, {"category", "any"}}, "period");
  fails({{"period", "x"}, {"lang_code", "en"}, {"category", "any"}}, "period");
  fails({{"period", "60"}, {"lang_code", "de"}, {"category", "any"}}, "lang_code");
  fails({{"period", "60"}, {"lang_code", "en"}, {"category", "politics"}}, "category");
  fails({{"period", "60"}, {"lang_code", "en"}}, "category");
  fails({{"period", "60"}, {"period", "70"}, {"lang_code", "en"}, {"category", "any"}}, "twice");
}

class TempDir {
 public:
  TempDir() {
    path_ = std::filesystem::temp_directory_path() /
            ("tgnews_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter_++));
    std::filesystem::remove_all(path_);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  std::string path() const { return path_.string(); }

 private:
  static inline int counter_ = 0;
  std::filesystem::path path_;
};

TEST(PageLog, ReplaysPutsReplacementsAndDeletes) {
  TempDir dir;
  {
    std::vector<StoredPage> pages;
    auto log = PageLog::Open(dir.path(), &pages);
    ASSERT_TRUE(log.ok()) << log.status().ToString();
    EXPECT_TRUE(pages.empty());
    ASSERT_TRUE((*log)->AppendPut("a.html", 10, "<p>one\nline</p>").ok());
    ASSERT_TRUE((*log)->AppendPut("b.html", 20, "").ok());
    ASSERT_TRUE((*log)->AppendPut("a.html", 30, "<p>two</p>").ok());
    ASSERT_TRUE((*log)->AppendPut("c.html", 40, "c").ok());
    ASSERT_TRUE((*log)->AppendDelete("c.html").ok());
    ASSERT_TRUE((*log)->AppendDelete("unknown.html").ok());
    ASSERT_TRUE((*log)->AppendPut("d.html", 50, "d").ok());
    ASSERT_TRUE((*log)->AppendPut("c.html", 60, "c again").ok());
  }
  // In the order of first puts, as the running server clustered them: a page
  // put again keeps its place; one deleted and put again comes last.
  std::vector<StoredPage> pages;
  auto log = PageLog::Open(dir.path(), &pages);
  ASSERT_TRUE(log.ok());
  ASSERT_EQ(pages.size(), 4u);
  EXPECT_EQ(pages[0].name, "a.html");
  EXPECT_EQ(pages[0].max_age, 30);
  EXPECT_EQ(pages[0].body, "<p>two</p>");
  EXPECT_EQ(pages[1].name, "b.html");
  EXPECT_EQ(pages[1].body, "");
  EXPECT_EQ(pages[2].name, "d.html");
  EXPECT_EQ(pages[3].name, "c.html");
  EXPECT_EQ(pages[3].body, "c again");
}

TEST(PageLog, TornTailIsDropped) {
  TempDir dir;
  {
    std::vector<StoredPage> pages;
    auto log = PageLog::Open(dir.path(), &pages);
    ASSERT_TRUE(log.ok());
    ASSERT_TRUE((*log)->AppendPut("a.html", 10, "whole").ok());
  }
  {
    std::ofstream out(std::filesystem::path(dir.path()) / "pages.log", std::ios::app);
    out << "P b.html 10 1000\npartial body";
  }
  std::vector<StoredPage> pages;
  auto log = PageLog::Open(dir.path(), &pages);
  ASSERT_TRUE(log.ok());
  ASSERT_EQ(pages.size(), 1u);
  EXPECT_EQ(pages[0].body, "whole");
}

Article NewsArticle(const std::string& language, int64_t time, const std::string& text) {
  Article article;
  article.is_news = true;
  article.language = language;
  article.category = "sports";
  article.title = text.substr(0, 40);
  Timestamp published;
  published.utc_seconds = time;
  article.published = published;
  article.paragraphs.push_back({Paragraph::Kind::kText, text});
  return article;
}

const char* kMatch =
    "Manchester United beat Liverpool three goals to one at Old Trafford on Sunday, with "
    "Marcus Rashford scoring twice in the second half of the Premier League match.";
const char* kBudget =
    "The finance ministry presented a budget that raises taxes on fuel and tobacco while "
    "cutting spending on defence and regional subsidies over the next three years.";

TEST(ThreadIndex, PutReplaceRemoveAndQuery) {
  ThreadIndex index;
  const int64_t t = 1'600'000'000;
  EXPECT_TRUE(index.Put({"1.html", 86400, NewsArticle("en", t, kMatch)}));
  EXPECT_TRUE(index.Put({"2.html", 86400, NewsArticle("en", t + 60, kMatch)}));
  EXPECT_TRUE(index.Put({"3.html", 86400, NewsArticle("ru", t + 120, kBudget)}));
  EXPECT_TRUE(index.Put({"junk.html", 86400, std::nullopt}));
  EXPECT_FALSE(index.Put({"1.html", 86400, NewsArticle("en", t, kMatch)}));
  EXPECT_EQ(index.size(), 4u);
  EXPECT_EQ(index.Now(), t + 120);

  auto en = index.Query(3600, "en", "any");
  size_t articles = 0;
  for (const Thread& thread : en) articles += thread.articles.size();
  EXPECT_EQ(articles, 2u);
  auto ru = index.Query(3600, "ru", "any");
  ASSERT_EQ(ru.size(), 1u);
  EXPECT_EQ(ru[0].articles, std::vector<std::string>{"3.html"});
  EXPECT_EQ(ru[0].category, "other");  // Russian news: "other" (English-trained model)
  EXPECT_TRUE(index.Query(3600, "en", "economy").empty());

  // Period counts back from the newest article (t + 120): 61 s keeps only 2.html.
  auto recent = index.Query(61, "en", "any");
  ASSERT_EQ(recent.size(), 1u);
  EXPECT_EQ(recent[0].articles, std::vector<std::string>{"2.html"});

  EXPECT_TRUE(index.Remove("2.html"));
  EXPECT_FALSE(index.Remove("2.html"));
  EXPECT_TRUE(index.Remove("junk.html"));
  EXPECT_TRUE(index.Query(61, "en", "any").empty());
  EXPECT_EQ(index.Query(3600, "en", "any").size(), 1u);
}

TEST(ThreadIndex, MaxAgeCountsFromTheNewestArticle) {
  ThreadIndex index;
  const int64_t t = 1'600'000'000;
  index.Put({"old.html", 100, NewsArticle("en", t, kMatch)});
  index.Put({"keep.html", 100000, NewsArticle("en", t, kBudget)});
  EXPECT_TRUE(index.TakeExpired().empty());
  index.Put({"new.html", 100000, NewsArticle("en", t + 101, kBudget)});
  EXPECT_EQ(index.TakeExpired(), std::vector<std::string>{"old.html"});
  EXPECT_FALSE(index.Contains("old.html"));
  EXPECT_TRUE(index.Contains("keep.html"));
  for (const Thread& thread : index.Query(1000, "en", "any")) {
    for (const std::string& name : thread.articles) EXPECT_NE(name, "old.html");
  }
}

TEST(ThreadIndex, PutAllGivesTheSameThreadsAsPuts) {
  const int64_t t = 1'600'000'000;
  ThreadIndex one_by_one;
  ThreadIndex all_at_once;
  std::vector<IndexedPage> pages;
  for (int i = 0; i < 6; ++i) {
    IndexedPage page{std::to_string(i) + ".html", 86400,
                     NewsArticle("en", t + i, i % 2 ? kMatch : kBudget)};
    one_by_one.Put(page);
    pages.push_back(page);
  }
  all_at_once.PutAll(pages);
  auto a = one_by_one.Query(86400, "en", "any");
  auto b = all_at_once.Query(86400, "en", "any");
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) EXPECT_EQ(a[i].articles, b[i].articles);
}

TEST(ContestStories, GroupsOutlinesAndForgets) {
  const int64_t t = 1'600'000'000;
  ContestStories stories;
  auto add = [&](const std::string& id, int64_t time, const char* text) {
    Article article = NewsArticle("en", time, text);
    article.id = id;
    stories.Add(std::move(article));
  };
  add("a.html", t, kMatch);
  add("b.html", t + 60, kMatch);
  add("c.html", t + 120, kBudget);
  std::vector<Thread> all = stories.All();
  ASSERT_EQ(all.size(), 2u);
  std::vector<std::string> match = {"a.html", "b.html"};
  const Thread& pair = all[0].articles.size() == 2 ? all[0] : all[1];
  EXPECT_EQ(pair.articles, match);
  EXPECT_EQ(pair.title, std::string(kMatch).substr(0, 40));
  EXPECT_EQ(pair.category, "sports");

  std::vector<std::string> changed = stories.TakeChangedStories();
  EXPECT_EQ(changed.size(), 2u);
  EXPECT_TRUE(stories.TakeChangedStories().empty());

  // A removed article leaves its thread; a thread left empty has no outline.
  EXPECT_TRUE(stories.Remove("c.html"));
  EXPECT_FALSE(stories.Remove("c.html"));
  changed = stories.TakeChangedStories();
  ASSERT_EQ(changed.size(), 1u);
  EXPECT_FALSE(stories.Outline(changed[0]).has_value());
  ASSERT_EQ(stories.All().size(), 1u);
  EXPECT_EQ(stories.All()[0].articles, match);
}

TEST(ContestStories, AnUntitledStoryIsNamedByItsFirstSentence) {
  ContestStories stories;
  Article article = NewsArticle("en", 1'600'000'000, kBudget);
  article.id = "untitled.html";
  article.title.clear();
  article.paragraphs[0].text = "The ministry met. Then it spoke at length about the budget.";
  stories.Add(std::move(article));
  ASSERT_EQ(stories.All().size(), 1u);
  EXPECT_EQ(stories.All()[0].title, "The ministry met.");
}

}  // namespace
}  // namespace newsloom::tgnews
