#include "story/story.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "story/corpus.h"
#include "story/story_test_util.h"

namespace newsloom::story {
namespace {

using testing::ExtractAll;
using testing::FirstUnfaithfulQuote;
using testing::MakeArticle;
using testing::Pointers;

const std::string kSeeds = std::string(NEWSLOOM_SHARED_DATA_DIR) + "/seeds";
const char kMachineWritten[] = "003_e7ef76c8822bc746";

// What the story's warnings say, of those that mention `topic`.
std::vector<std::string> WarningsAbout(const Story& story, std::string_view topic) {
  std::vector<std::string> found;
  for (const Disagreement& disagreement : story.disagreements) {
    if (disagreement.about.find(topic) != std::string::npos) found.push_back(disagreement.about);
  }
  return found;
}

class SeedStoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::is_directory(kSeeds)) GTEST_SKIP() << "no shared data at " << kSeeds;
    for (auto& extracted : ExtractAll({kSeeds})) articles_.push_back(std::move(extracted.article));
    ASSERT_GE(articles_.size(), 5u);
    story_ = BuildStory(Pointers(articles_), StoryOptions{});
  }

  const TimelineEvent* EventAt(const std::string& date, const std::string& words) const {
    for (const TimelineEvent& event : story_.timeline) {
      if (event.date == date && event.text.find(words) != std::string::npos) return &event;
    }
    return nullptr;
  }

  std::vector<Article> articles_;
  Story story_;
};

TEST_F(SeedStoryTest, TimelineHasTheStorysEventsAtTheirDates) {
  struct Expected {
    const char* date;
    const char* words;
  };
  const Expected expected[] = {
      {"2022-02-16", "Telephone conversation"},       // the Feb 2022 call
      {"2025-02-24", "third anniversary"},            // the invasion anniversary
      {"2023-03", "Kishida"},                         // Kishida's visit to Kyiv
      {"2024-09-23", "Summit (September 23, 2024)"},  // the September 2024 summit
      {"2024-11", "Iwaya visited Ukraine"},           // Iwaya's visit
      {"2025-03-04", "entry ban"},                    // the entry ban
      {"2025-08", "talks held in August 2025"},       // the security-guarantee talks
  };
  for (const Expected& row : expected) {
    EXPECT_NE(EventAt(row.date, row.words), nullptr) << row.date << " " << row.words;
  }
  for (size_t i = 1; i < story_.timeline.size(); ++i) {
    EXPECT_LE(story_.timeline[i - 1].date.substr(0, 7), story_.timeline[i].date.substr(0, 7));
  }
}

TEST_F(SeedStoryTest, SummaryIsCitedCentralAndFreeOfBoilerplate) {
  ASSERT_GE(story_.summary.size(), 3u);
  ASSERT_LE(story_.summary.size(), 7u);
  std::set<std::string> cited;
  for (const CitedSentence& sentence : story_.summary) {
    cited.insert(sentence.article);
    EXPECT_FALSE(IsBoilerplateSentence(sentence.text)) << sentence.text;
    EXPECT_EQ(sentence.text.find("support"), std::string::npos) << sentence.text;
  }
  EXPECT_GE(cited.size(), 3u);
  EXPECT_EQ(FirstUnfaithfulQuote(story_, Pointers(articles_)), "");
}

TEST_F(SeedStoryTest, MachineWrittenPageIsFlaggedAndNoOtherAlone) {
  bool office = false, ceasefire = false;
  for (const Disagreement& disagreement : story_.disagreements) {
    std::set<std::string> articles;
    for (const CitedSentence& claim : disagreement.claims) articles.insert(claim.article);
    // Every warning on the seeds involves the machine-written page.
    EXPECT_TRUE(articles.count(kMachineWritten)) << disagreement.about;
    if (disagreement.about.find("Prime Minister") != std::string::npos) office = true;
    if (disagreement.about.find("agreement") != std::string::npos && articles.size() >= 2) {
      ceasefire = true;
    }
  }
  EXPECT_TRUE(office);
  EXPECT_TRUE(ceasefire);
}

TEST_F(SeedStoryTest, LengthOption) {
  StoryOptions options;
  options.summary_sentences = 3;
  EXPECT_EQ(BuildStory(Pointers(articles_), options).summary.size(), 3u);
  options.summary_sentences = 7;
  EXPECT_EQ(BuildStory(Pointers(articles_), options).summary.size(), 7u);
  options.summary_sentences = 100;
  EXPECT_EQ(BuildStory(Pointers(articles_), options).summary.size(), 7u);
}

TEST(StoryTest, TimelineMergesTheSameEventAcrossSources) {
  std::vector<Article> articles = {
      MakeArticle("a", "Pact signed",
                  {"On September 23, 2024, Ishiba met Zelensky in New York to sign a security "
                   "pact between the two countries.",
                   "Russia condemned the meeting on Monday."},
                  "2024-09-25"),
      MakeArticle("b", "Leaders meet",
                  {"Ishiba met Zelensky in New York yesterday to sign a security pact."},
                  "2024-09-24"),
      MakeArticle("c", "Background",
                  {"In March 2023, Kishida became the first Japanese leader to visit Kyiv."},
                  "2024-09-26")};
  Story story = BuildStory(Pointers(articles), StoryOptions{});
  ASSERT_EQ(story.timeline.size(), 3u);
  EXPECT_EQ(story.timeline[0].date, "2023-03");
  EXPECT_EQ(story.timeline[1].date, "2024-09-23");
  // The article quoted first, then the others oldest first.
  EXPECT_NE(story.timeline[1].text.find("yesterday"), std::string::npos) << story.timeline[1].text;
  EXPECT_EQ(story.timeline[1].articles, (std::vector<std::string>{"b", "a"}));
  EXPECT_EQ(story.timeline[2].date, "2024-09-23");  // Monday before the 25th
  EXPECT_NE(story.timeline[2].text.find("condemned"), std::string::npos);
  EXPECT_EQ(FirstUnfaithfulQuote(story, Pointers(articles)), "");
}

TEST(StoryTest, FiguresThatDisagree) {
  std::vector<Article> articles = {
      MakeArticle("a", "", {"The strike killed 12 people in the city of Kharkiv on Monday."}),
      MakeArticle("b", "", {"At least 15 people were killed in the strike on Kharkiv."}),
      MakeArticle("c", "", {"More than 300 protesters gathered in front of the station."}),
      MakeArticle("d", "", {"About 350 protesters gathered at the station in Tokyo."}),
      MakeArticle("e", "",
                  {"The city has 12 hospitals and 15 schools, officials in Kharkiv said."})};
  Story story = BuildStory(Pointers(articles), StoryOptions{});
  int figures = 0;
  for (const Disagreement& disagreement : story.disagreements) {
    if (disagreement.about.find("figures") == std::string::npos) continue;
    ++figures;
    ASSERT_EQ(disagreement.claims.size(), 2u) << disagreement.about;
    EXPECT_EQ(disagreement.claims[0].article, "a");
    EXPECT_EQ(disagreement.claims[1].article, "b");
  }
  EXPECT_EQ(figures, 1);
}

TEST(StoryTest, FiguresOfOtherThingsAreNoDisagreement) {
  std::vector<Article> articles = {
      // "missed" is no event of people; the injury is said too far off.
      MakeArticle("games1", "",
                  {"Injured Saints running back Reggie Bush will miss the last 2 games."}),
      MakeArticle("games2", "", {"Bush missed eight games with a fracture in his right leg."}),
      // The count of the nationality, not of the pirates.
      MakeArticle("pirates1", "",
                  {"The navy arrested 23 pirates (12 Somali and 11 Yemeni) in the Gulf of Aden."}),
      MakeArticle(
          "pirates2", "",
          {"The navy says it has arrested 23 Somali and Yemeni pirates in the Gulf of Aden."}),
      // The dead of an older quake, not the wounded of this one.
      MakeArticle("quake1", "",
                  {"The 2005 quake in Zarand, killing 612 people and wounding 1,400, was worse."}),
      MakeArticle("quake2", "",
                  {"As many as 80 people were also wounded in the quake in Zarand."})};
  Story story = BuildStory(Pointers(articles), StoryOptions{});
  EXPECT_EQ(WarningsAbout(story, "figures"), std::vector<std::string>{});
}

TEST(StoryTest, OneWarningForOneDisputedQuantity) {
  // Two sources agree and a third says otherwise: one warning, each figure
  // named once.
  std::vector<Article> articles = {
      MakeArticle("a", "", {"The quake on Qeshm island injured five people, officials said."}),
      MakeArticle("b", "", {"Officials said the quake on Qeshm island injured five people."}),
      MakeArticle("c", "", {"The quake on Qeshm island injured two people, the agency said."})};
  Story story = BuildStory(Pointers(articles), StoryOptions{});
  const std::vector<std::string> warnings = WarningsAbout(story, "figures");
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0],
            "Different figures for the same quantity: \"five people\" vs \"two people\"");
}

TEST(StoryTest, DatesThatDisagreeButNotAnniversaries) {
  std::vector<Article> articles = {
      MakeArticle("a", "",
                  {"The peace summit opened in Geneva on March 3, 2024, with leaders of "
                   "ten countries."}),
      MakeArticle("b", "",
                  {"The peace summit opened in Geneva on March 5, 2024, with leaders of "
                   "ten countries."}),
      MakeArticle("c", "", {"Crowds marked the invasion anniversary in Kyiv on Feb. 24, 2023."}),
      MakeArticle("d", "", {"Crowds marked the invasion anniversary in Kyiv on Feb. 24, 2024."})};
  Story story = BuildStory(Pointers(articles), StoryOptions{});
  ASSERT_EQ(story.disagreements.size(), 1u);
  EXPECT_NE(story.disagreements[0].about.find("2024-03-03 vs 2024-03-05"), std::string::npos);
}

TEST(StoryTest, ClaimsThatContradict) {
  std::vector<Article> articles = {
      MakeArticle("a", "", {"Russia and Ukraine agreed to a ceasefire on Friday, officials said."}),
      MakeArticle("b", "", {"There is still no ceasefire between Russia and Ukraine, Kyiv said."}),
      MakeArticle("c", "", {"Japan hopes for a peace treaty with Russia over the islands."}),
      MakeArticle("d", "",
                  {"A peace treaty between Japan and the Soviet Union was never signed."})};
  Story story = BuildStory(Pointers(articles), StoryOptions{});
  ASSERT_EQ(story.disagreements.size(), 1u);
  ASSERT_EQ(story.disagreements[0].claims.size(), 2u);
  EXPECT_EQ(story.disagreements[0].claims[0].article, "a");
  EXPECT_EQ(story.disagreements[0].claims[1].article, "b");
}

TEST(StoryTest, ArticlesThatContradictThemselves) {
  std::vector<Article> articles = {
      MakeArticle("late", "",
                  {"The talks collapsed on March 3, 2024, in Istanbul.",
                   "Talks will resume on April 3, 2024."},
                  "2024-01-10"),
      MakeArticle("fine", "", {"The talks will resume on April 3, 2024, in Istanbul."},
                  "2024-01-10"),
      MakeArticle("weekday", "", {"The vote was held on Friday, March 4, 2025, in Tokyo."}),
      MakeArticle("offices", "",
                  {"Prime Minister Ishiba thanked Prime Minister Kishida for the "
                   "offer of energy supplies."}),
      MakeArticle("knowledge", "",
                  {"Japanese Prime Minister Fumio Kishida spoke in Tokyo.",
                   "Japanese Prime Minister Shigeru Ishiba spoke later, after "
                   "former Prime Minister Kishida."}),
      MakeArticle("abroad", "", {"Prime Minister Starmer met Prime Minister Ishiba in London."})};
  Story story = BuildStory(Pointers(articles), StoryOptions{});
  std::set<std::string> flagged;
  for (const Disagreement& disagreement : story.disagreements) {
    for (const CitedSentence& claim : disagreement.claims) flagged.insert(claim.article);
  }
  EXPECT_EQ(flagged, (std::set<std::string>{"late", "weekday", "offices"}));
}

TEST(StoryTest, AHeadlineInTitleCaseNamesNoOfficeHolder) {
  // "Prime Minister Calls Bank Workers" is a verb and its object, not a name.
  std::vector<Article> articles = {
      MakeArticle("headline", "Greek Prime Minister Calls Bank Workers' Riot Deaths 'Murder'",
                  {"Greek Prime Minister Calls Bank Workers' Riot Deaths 'Murder'",
                   "Prime Minister George Papandreou vowed that those responsible would be "
                   "brought to justice."}),
      MakeArticle("other", "", {"Greek Prime Minister George Papandreou spoke in Athens."})};
  Story story = BuildStory(Pointers(articles), StoryOptions{});
  EXPECT_EQ(WarningsAbout(story, "Prime Minister"), std::vector<std::string>{});
  // Written as running text, the same two names are a contradiction.
  articles[0].paragraphs[0].text =
      "Greek Prime Minister Antonis Samaras said the deaths were murder.";
  story = BuildStory(Pointers(articles), StoryOptions{});
  EXPECT_FALSE(WarningsAbout(story, "Prime Minister").empty());
}

TEST(StoryTest, SummaryPicksDistinctCentralSentences) {
  std::string repeated = "Japan will join security guarantees for Ukraine, Ishiba said on Tuesday.";
  std::vector<Article> articles = {
      MakeArticle("a", "Japan to join guarantees",
                  {repeated, "Subscribe to our newsletter for more news every day.",
                   "Why does it matter to readers in Asia today?",
                   "The guarantees would be backed by European troops and U.S. intelligence."}),
      MakeArticle("b", "Japan joins guarantees for Ukraine",
                  {repeated, "European officials met to plan troop deployments to Ukraine."}),
      MakeArticle("c", "Guarantees for Ukraine",
                  {"Trump said Putin would accept security guarantees for Ukraine.",
                   "The weather in Tokyo was mild and sunny for most of the week."})};
  StoryOptions options;
  options.summary_sentences = 4;
  Story story = BuildStory(Pointers(articles), options);
  ASSERT_EQ(story.summary.size(), 4u);
  int repeats = 0;
  std::set<std::string> cited;
  for (const CitedSentence& sentence : story.summary) {
    repeats += sentence.text == repeated;
    cited.insert(sentence.article);
    EXPECT_EQ(sentence.text.find("Subscribe"), std::string::npos);
    EXPECT_EQ(sentence.text.find("?"), std::string::npos);
  }
  EXPECT_EQ(repeats, 1);
  EXPECT_EQ(cited.size(), 3u);
  EXPECT_EQ(FirstUnfaithfulQuote(story, Pointers(articles)), "");
}

TEST(StoryTest, ArticleSummaryKeepsTextOrder) {
  Article article =
      MakeArticle("x", "Japan and Ukraine sign a security pact",
                  {"Japan and Ukraine signed a ten-year security pact in New York on Monday.",
                   "The pact covers aid, reconstruction and the sharing of security information.",
                   "Officials said the weather was fine.",
                   "Ukraine thanked Japan for the security pact and for its reconstruction aid."});
  std::vector<CitedSentence> summary = SummarizeArticle(article, 2);
  ASSERT_EQ(summary.size(), 2u);
  EXPECT_EQ(summary[0].article, "x");
  EXPECT_LT(article.Text().find(summary[0].text), article.Text().find(summary[1].text));
  EXPECT_EQ(SummarizeArticle(Article{}, 3).size(), 0u);
}

TEST(StoryTest, HostileInput) {
  EXPECT_TRUE(BuildStory({}, StoryOptions{}).summary.empty());
  std::string huge;
  for (int i = 0; i < 5000; ++i) huge += "On March 3, 2024, 12 people were killed in Kharkiv. ";
  std::string run_on(1 << 20, 'x');
  std::vector<Article> articles = {
      Article{},
      MakeArticle("empty", "", {}),
      MakeArticle("no-dates", "Nothing", {"Nothing happened here at all, they said calmly."}),
      MakeArticle("huge", "Huge", {huge}),
      MakeArticle("run-on", "Run on", {run_on}),
      MakeArticle("invalid", "\xff\xfe",
                  {"\xc3\x28 In March 2023 \xe2\x82 the \x80 talks began.",
                   "[1] \xff http://x [2] \xe2\x80\x9c"})};
  articles[0].id = "default";
  std::string long_title;
  for (int i = 0; i < 10000; ++i) long_title += "Talks began on March 3, 2024. ";
  articles.push_back(MakeArticle("long-title", long_title, {"Talks went on."}));
  Story story = BuildStory(Pointers(articles), StoryOptions{});
  EXPECT_EQ(FirstUnfaithfulQuote(story, Pointers(articles)), "");
  EXPECT_LE(story.timeline.size(), 20u);
}

TEST(StoryTest, ManyDatedSentencesStayBounded) {
  // Every sentence a different day and figure: the pairwise finders see a bounded number.
  std::vector<Article> articles;
  for (int a = 0; a < 30; ++a) {
    std::vector<std::string> paragraphs;
    for (int s = 0; s < 400; ++s) {
      int day = (a * 400 + s) % 28 + 1, month = (a * 400 + s) / 28 % 12 + 1;
      paragraphs.push_back("Officials said " + std::to_string(s + a) + " people were killed on " +
                           std::to_string(day) + " " +
                           std::vector<std::string>{"January", "February", "March", "April", "May",
                                                    "June", "July", "August", "September",
                                                    "October", "November", "December"}[month - 1] +
                           " 2024 in the city.");
    }
    articles.push_back(MakeArticle("a" + std::to_string(a), "", paragraphs));
  }
  Story story = BuildStory(Pointers(articles), StoryOptions{});
  EXPECT_EQ(story.timeline.size(), 20u);
  EXPECT_LE(story.disagreements.size(), 10u);
  EXPECT_EQ(FirstUnfaithfulQuote(story, Pointers(articles)), "");
}

}  // namespace
}  // namespace newsloom::story
