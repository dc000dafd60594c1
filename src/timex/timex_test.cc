#include "timex/timex.h"

#include <gtest/gtest.h>

#include <string>

namespace newsloom::timex {
namespace {

constexpr CivilDate kPublished{2025, 3, 6};  // a Thursday

struct Row {
  const char* text;
  const char* expected_text;  // the expression as written
  const char* expected_date;  // ISO at its granularity, "" when unresolved
};

void ExpectSingle(const Row& row, const Anchor& anchor) {
  SCOPED_TRACE(row.text);
  std::string text = row.text;
  std::vector<TimeExpression> found = FindTimeExpressions(text, anchor);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(text.substr(found[0].begin, found[0].end - found[0].begin), row.expected_text);
  EXPECT_EQ(found[0].Iso(), row.expected_date);
}

TEST(TimexTest, AbsoluteForms) {
  const Row rows[] = {
      {"The summit (September 23, 2024) ended.", "September 23, 2024", "2024-09-23"},
      {"On Sept. 23 2024 they met.", "Sept. 23 2024", "2024-09-23"},
      {"They met on 23 September 2024 in New York.", "23 September 2024", "2024-09-23"},
      {"It began on the 24th of February 2022.", "24th of February 2022", "2022-02-24"},
      {"Kishida visited Kyiv in March 2023.", "March 2023", "2023-03"},
      {"By March of 2023 it had changed.", "March of 2023", "2023-03"},
      {"The call was logged 2022-02-16 by the ministry.", "2022-02-16", "2022-02-16"},
      {"The call was logged 2022/02/16.", "2022/02/16", "2022-02-16"},
      {"In 2022, Japan announced sanctions.", "2022", "2022"},
      {"Since 2014 Japan has supported Ukraine.", "2014", "2014"},
      {"Prices rose in mid-2020 and fell.", "2020", "2020"},
      {"Russia invaded on Feb 24, 2022.", "Feb 24, 2022", "2022-02-24"},
      {"He left on December 1st, 2019.", "December 1st, 2019", "2019-12-01"},
  };
  for (const Row& row : rows) ExpectSingle(row, Anchor{kPublished, {}, {}});
  for (const Row& row : rows) ExpectSingle(row, Anchor{});  // no anchor needed
}

TEST(TimexTest, YearlessDatesTakeTheNearestYearBeforeOrAround) {
  const Row rows[] = {
      {"They gathered on Feb. 24 in Tokyo.", "Feb. 24", "2025-02-24"},
      {"It happened on 24 February.", "24 February", "2025-02-24"},
      {"The treaty was agreed in September.", "September", "2024-09"},
      {"A vote is due in March.", "March", "2025-03"},
      // Two months ahead costs four: the previous April is 11 months back.
      {"The vote was held in May.", "May", "2025-05"},
      {"The ban came on December 30.", "December 30", "2024-12-30"},
  };
  for (const Row& row : rows) ExpectSingle(row, Anchor{kPublished, {}, {}});
}

TEST(TimexTest, WeekdayBesideADatePicksAndChecksTheYear) {
  // March 4 fell on a Tuesday in 2025.
  ExpectSingle({"Iwaya said on Tuesday (March 4) that the ban was unacceptable.",
                "Tuesday (March 4)", "2025-03-04"},
               Anchor{{}, CivilDate{2025, 9, 5}, {}});
  std::vector<TimeExpression> found =
      FindTimeExpressions("It was Friday, March 4, 2025.", Anchor{});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_TRUE(found[0].weekday_conflict);
  EXPECT_EQ(found[0].Iso(), "2025-03-04");
}

TEST(TimexTest, RelativeForms) {
  const Row rows[] = {
      {"Ishiba said on Tuesday that Japan is ready.", "Tuesday", "2025-03-04"},
      {"Ishiba spoke on Thursday.", "Thursday", "2025-03-06"},
      {"He left last Thursday.", "last Thursday", "2025-02-27"},
      {"They meet next Monday.", "next Monday", "2025-03-10"},
      {"The report came out yesterday.", "yesterday", "2025-03-05"},
      {"Talks resume today.", "today", "2025-03-06"},
      {"Talks resume tomorrow.", "tomorrow", "2025-03-07"},
      {"Shots were heard last night.", "last night", "2025-03-05"},
      {"Ishiba took office last month.", "last month", "2025-02"},
      {"Prices rose this month.", "this month", "2025-03"},
      {"Sales will rise next year.", "next year", "2026"},
      {"Last year, Japan signed a deal.", "Last year", "2024"},
      {"It came earlier this year.", "earlier this year", "2025"},
      // Monday 3 to Thursday 6 March: all in March.
      {"The summit earlier this week was tense.", "earlier this week", "2025-03"},
      // 24 February to 2 March spans two months of one year.
      {"Putin met him last week.", "last week", "2025"},
      {"Russia invaded three years ago.", "three years ago", "2022"},
      {"It closed 10 days ago.", "10 days ago", "2025-02-24"},
      {"It opened a month ago.", "a month ago", "2025-02"},
      {"It closed two weeks ago.", "two weeks ago", "2025-02"},
      {"They invaded exactly three years ago on Feb. 24.", "three years ago on Feb. 24",
       "2022-02-24"},
      {"It snowed last March.", "last March", "2024-03"},
      {"Elections are due next September.", "next September", "2025-09"},
  };
  for (const Row& row : rows) ExpectSingle(row, Anchor{kPublished, {}, {}});
}

TEST(TimexTest, UnresolvableExpressionsAreKeptNotGuessed) {
  const Row no_publication[] = {
      {"Ishiba said on Tuesday that Japan is ready.", "Tuesday", ""},
      {"Ishiba took office last month.", "last month", ""},
      {"Russia invaded three years ago.", "three years ago", ""},
      {"The summit earlier this week was tense.", "earlier this week", ""},
      {"They gathered on Feb. 24 in Tokyo.", "Feb. 24", ""},
      {"They invaded exactly three years ago on Feb. 24.", "three years ago on Feb. 24", ""},
  };
  for (const Row& row : no_publication) ExpectSingle(row, Anchor{});
  // The inferred anchor gives year-less dates a year, never relative ones a date.
  Anchor inferred{{}, CivilDate{2024, 11, 30}, {}};
  ExpectSingle({"They met in September.", "September", "2024-09"}, inferred);
  ExpectSingle({"Ishiba took office last month.", "last month", ""}, inferred);
  ExpectSingle({"It closed a few days ago.", "a few days ago", ""}, Anchor{kPublished, {}, {}});
}

TEST(TimexTest, GranularityIsReported) {
  auto found = FindTimeExpressions("On 2024-09-23, in March 2023 and in 2019.", Anchor{});
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0].granularity, Granularity::kDay);
  EXPECT_EQ(found[1].granularity, Granularity::kMonth);
  EXPECT_EQ(found[2].granularity, Granularity::kYear);
}

TEST(TimexTest, NumbersThatAreNotDates) {
  const char* texts[] = {
      "A 10-year security deal worth 2,000 yen.",
      "The 30-nation coalition met.",
      "Progleton News @2023",
      "He scored 2019 points in the 1990s.",
      "Article 5 collective defense clause.",
      "It may rise; the march began.",
      "At 4:30 the March 12:30 train left.",
      "Call 2024-99-99 now.",
      "His June 2-3 dates.",  // a range is not read as a single day
      "The mark of 31 Mays.",
      "Over three decades of relations.",
  };
  for (const char* text : texts) {
    SCOPED_TRACE(text);
    for (const TimeExpression& found : FindTimeExpressions(text, Anchor{kPublished, {}, {}})) {
      ADD_FAILURE() << "found " << std::string(text).substr(found.begin, found.end - found.begin);
    }
  }
}

TEST(TimexTest, SeveralDatesInOneSentence) {
  std::string text =
      "the Foreign Ministers' Meeting (September 23, 2024), the Summit (September 23, 2024), "
      "and the Telephone Conversation (September 10, 2024)";
  auto found = FindTimeExpressions(text, Anchor{});
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[2].Iso(), "2024-09-10");
}

TEST(TimexTest, AnchorForInfersFromTheLatestWrittenDate) {
  Article article;
  article.paragraphs.push_back(
      {Paragraph::Kind::kText, "Since 2014 ties grew. In March 2023 Kishida went."});
  article.paragraphs.push_back(
      {Paragraph::Kind::kText, "Iwaya visited in November 2024, and in September they agreed."});
  Anchor anchor = AnchorFor(article);
  EXPECT_FALSE(anchor.publication);
  ASSERT_TRUE(anchor.inferred);
  EXPECT_EQ(IsoDate(*anchor.inferred, Granularity::kDay), "2024-11-30");
  AnnotateDates(&article);
  ASSERT_EQ(article.dates.size(), 4u);
  EXPECT_EQ(article.dates[3].text, "September");
  EXPECT_EQ(article.dates[3].date, "2024-09");
  EXPECT_EQ(article.dates[3].paragraph, 1u);
  EXPECT_EQ(article.paragraphs[1].text.substr(article.dates[3].offset, 9), "September");

  article.published = Timestamp{};
  article.published->utc_seconds = 1741219200;  // 2025-03-06T00:00:00Z
  article.published->has_offset = true;
  article.published->offset_minutes = -300;  // still 5 March in New York
  EXPECT_EQ(IsoDate(*AnchorFor(article).publication, Granularity::kDay), "2025-03-05");
}

TEST(TimexTest, WithoutOtherDatesAWeekdayPinsTheYearUpToTheFetch) {
  const std::string text = "Iwaya said on Tuesday (March 4) that the ban was unacceptable.";
  // Fetched in November 2026: March 4 was last a Tuesday in 2025.
  Anchor fetched_only{{}, {}, CivilDate{2026, 11, 22}};
  std::vector<TimeExpression> found = FindTimeExpressions(text, fetched_only);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].Iso(), "2025-03-04");
  EXPECT_TRUE(found[0].weekday_pinned);
  // No such Tuesday in the four years before a fetch in 2024 (the last was in
  // 2014): kept as text, not guessed.
  found = FindTimeExpressions(text, Anchor{{}, {}, CivilDate{2024, 6, 1}});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_FALSE(found[0].resolved());
  // Without a weekday a fetch date gives no year.
  found = FindTimeExpressions("They met on March 4.", fetched_only);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_FALSE(found[0].resolved());
}

TEST(TimexTest, LedesOfADigestPageShareThePagesLatestWrittenDate) {
  Timestamp fetched;
  fetched.utc_seconds = 1795305600;  // 2026-11-22T00:00:00Z
  std::vector<Article> page(3);
  page[0].paragraphs.push_back(
      {Paragraph::Kind::kText, "Iwaya said on Tuesday (March 4) that the ban was unacceptable."});
  page[1].paragraphs.push_back(
      {Paragraph::Kind::kText, "Supporters gathered on Feb. 24 in front of Shibuya Station."});
  page[2].paragraphs.push_back({Paragraph::Kind::kText, "People rallied on Monday in Tokyo."});
  for (Article& article : page) article.fetched = fetched;
  AnnotatePageDates(page);
  ASSERT_EQ(page[1].dates.size(), 1u);
  EXPECT_EQ(page[1].dates[0].date, "2025-02-24");
  // A relative date needs a publication date; the page's anchor is not one.
  ASSERT_EQ(page[2].dates.size(), 1u);
  EXPECT_EQ(page[2].dates[0].date, "");
  // The story stage, reading the article back, keeps the anchor its dates carry.
  EXPECT_EQ(IsoDate(*AnchorFor(page[1]).inferred, Granularity::kDay), "2025-02-24");
  // One article alone is not a page of ledes: "Feb. 24" has no year to take.
  std::vector<Article> alone(page.begin() + 1, page.begin() + 2);
  AnnotatePageDates(alone);
  ASSERT_EQ(alone[0].dates.size(), 1u);
  EXPECT_EQ(alone[0].dates[0].date, "");
}

TEST(TimexTest, HostileInput) {
  std::string invalid = "On \xff\xfe Feb\xc3. 24 \x80\x80 in 20\xe2\x80\x99 24 March";
  for (const auto& found : FindTimeExpressions(invalid, Anchor{kPublished, {}, {}})) {
    EXPECT_LE(found.end, invalid.size());
  }
  std::string huge;
  for (int i = 0; i < 20000; ++i) huge += "On Tuesday, 3 March 2025, in 2024 and 2,000 ";
  auto found = FindTimeExpressions(huge, Anchor{kPublished, {}, {}});
  EXPECT_EQ(found.size(), 40000u);
  EXPECT_TRUE(FindTimeExpressions("", Anchor{}).empty());
  EXPECT_TRUE(FindTimeExpressions("last", Anchor{kPublished, {}, {}}).empty());
  EXPECT_TRUE(FindTimeExpressions("February", Anchor{kPublished, {}, {}}).empty());
  EXPECT_TRUE(FindTimeExpressions("2024-", Anchor{kPublished, {}, {}}).empty());
  for (const auto& found : FindTimeExpressions("31 February 2024 or Feb. 30", Anchor{})) {
    EXPECT_NE(found.granularity, Granularity::kDay);  // no such days
  }
}

TEST(CalendarTest, ChooseYear) {
  bool conflict = false;
  EXPECT_EQ(ChooseYear(12, 30, {2025, 1, 5}, {}, &conflict), 2024);
  EXPECT_EQ(ChooseYear(6, 10, {2024, 12, 28}, {}, &conflict), 2024);
  EXPECT_EQ(ChooseYear(1, 2, {2024, 12, 28}, {}, &conflict), 2025);  // 5 days ahead: 10 < 361
  EXPECT_EQ(ChooseYear(2, 29, {2025, 3, 1}, {}, &conflict), 2024);
  EXPECT_EQ(ChooseYear(3, 4, {2025, 9, 5}, 1, &conflict), 2025);
  EXPECT_FALSE(conflict);
  EXPECT_EQ(WeekdayOf({2025, 2, 24}), 0);  // a Monday
}

}  // namespace
}  // namespace newsloom::timex
