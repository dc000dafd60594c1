#include "cluster/url_slug.h"

#include <gtest/gtest.h>

#include <string>

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

}  // namespace
}  // namespace newsloom::cluster
