#include "cluster/url_slug.h"

#include <gtest/gtest.h>

#include <string>

#include "common/time.h"

namespace newsloom::cluster {
namespace {

TEST(UrlSlugTest, Table) {
  struct Row {
    std::string_view url;
    std::string_view words;
  };
  const Row rows[] = {
      {"https://www.nytimes.com/2017/10/02/us/stephen-paddock-vegas-shooter.html",
       "stephen paddock vegas shooter"},
      {"https://www.washingtonpost.com/world/the_americas/10-us-citizens-2-locals-killed-in-"
       "costa-rica-plane-crash/2017/12/31/0e6191a4_story.html?utm_term=.c55f",
       "us citizens locals killed in costa rica plane crash"},
      {"https://www.npr.org/templates/search/index.php?searchinput=Costa+Rica+plane+crash",
       "costa rica plane crash"},
      {"http://abcnews.go.com/Technology/wireStory/russian-space-experts-regain-control-52044233",
       "russian space experts regain control"},
      // Ids, dates, two-word sections and the host are not a headline.
      {"http://africa.chinadaily.com.cn/world/2017-09/15/content_32041310.htm", ""},
      {"https://www.thetimes.co.uk/article/shv735jvt", ""},
      {"https://some-long-host-name.example.com/", ""},
      // Percent escapes and other punctuation: not a plain slug.
      {"https://example.com/caf%C3%A9-au-lait-prices-rise", ""},
      {"/relative/flood-waters-rise-again#comments", "flood waters rise again"},
      {"", ""},
      {"\xff\xfe-\xff-\xfe", ""},
  };
  for (const Row& row : rows) EXPECT_EQ(UrlSlugWords(row.url), row.words) << row.url;
}

TEST(UrlSlugTest, LongUrlIsCut) {
  std::string url = "https://example.com/";
  for (int i = 0; i < 10000; ++i) url += "word-";
  EXPECT_LE(UrlSlugWords(url).size(), 1024u);
}

TEST(UrlSlugTest, DayOfTheAddress) {
  EXPECT_EQ(UrlDay("https://www.telegraph.co.uk/formula-1/2016/11/13/max-verstappen-third/"),
            DaysFromCivil({2016, 11, 13}));
  EXPECT_EQ(UrlDay("http://africa.chinadaily.com.cn/world/2017-09/15/content_32041310.htm"),
            DaysFromCivil({2017, 9, 15}));
  EXPECT_EQ(UrlDay("https://example.com/news/2020-02-29-leap-day-story"),
            DaysFromCivil({2020, 2, 29}));
  EXPECT_EQ(UrlDay("https://example.com/2017/13/40/not-a-day/"), std::nullopt);
  EXPECT_EQ(UrlDay("https://example.com/2019/02/29/not-a-leap-year/"), std::nullopt);
  EXPECT_EQ(UrlDay("https://example.com/news/12345/article-1234-56-78"), std::nullopt);
  EXPECT_EQ(UrlDay("https://example.com/1850/01/02/too-old/"), std::nullopt);
  EXPECT_EQ(UrlDay("https://2017.example.com/?d=2017/01/02"), std::nullopt);
  EXPECT_EQ(UrlDay("https://example.com/2017/01/02#2018/01/02"), DaysFromCivil({2017, 1, 2}));
  EXPECT_EQ(UrlDay(""), std::nullopt);
  EXPECT_EQ(UrlDay("\xff\xfe/2017/01/02"), DaysFromCivil({2017, 1, 2}));
  std::string url = "https://example.com/";
  for (int i = 0; i < 10000; ++i) url += "1/";
  EXPECT_EQ(UrlDay(url), std::nullopt);
}

}  // namespace
}  // namespace newsloom::cluster
