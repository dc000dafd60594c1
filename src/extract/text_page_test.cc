// Tests of the plain-text page cleaner and of the boilerplate rules and line
// shapes it is built from.
#include "extract/text_page.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "extract/boilerplate.h"
#include "extract/text_page_shape.h"

namespace newsloom::extract {
namespace {

using text_page_internal::EndsMidSentence;
using text_page_internal::EndsWithUrl;
using text_page_internal::IsBodyLine;
using text_page_internal::LooksLikeHeading;
using text_page_internal::LooksLikeHeadline;
using text_page_internal::SplitTrailingAttribution;
using text_page_internal::StartsWithContinuation;
using text_page_internal::StartsWithDateline;

// ---------------------------------------------------------------------------
// Boilerplate rules.

struct LineCase {
  const char* line;
  bool boilerplate;
};

TEST(TextPageBoilerplateTest, IsBoilerplateLine) {
  const LineCase kCases[] = {
      // Teasers, summaries, navigation.
      {"Read Entire Article", true},
      {"  Read more \xE2\x80\xA6", true},
      {"Continue reading", true},
      {"No time to read?", true},
      {"Get a summary", true},
      {"Previous Article", true},
      {"Next Article", true},
      {"You may also like", true},
      {"More from Reuters", true},
      {"Mehr \u00fcber Medien, Politik, Wirtschaft:", true},
      {"Mehr aus L\u00fcbeck", true},
      {"Verwandte Beitr\u00e4ge", true},
      {"Verwandte Themen", true},
      {"More about Django Form classes", false},  // a section of the article
      {"visit website", true},
      {"Advertisement", true},
      {"ADVERTISEMENT:", true},
      {"Scroll to continue with content", true},
      // Calls to action.
      {"Subscribe", true},
      {"Subscribe to our newsletter for the latest news from Asia", true},
      {"Sign up for our newsletter", true},
      {"Share this article", true},
      {"Share: Facebook Twitter WhatsApp", true},
      {"Follow us on Telegram", true},
      {"Read more: Japan's prime minister visits Kyiv", true},
      {"Photo: Reuters", true},
      {"Originally published at The Conversation", true},
      {"Read more on The Japan Times", true},
      {"Tags: Japan, Russia, Ukraine", true},
      // Footers.
      {"\xC2\xA9 New Eastern Outlook", true},
      {"Progleton News @2023", true},
      {"Copyright 2024 Reuters. All rights reserved.", true},
      {"(c) 2023 Example Media Group", true},
      {"Copyright The Moscow Times", true},
      {"Home | World | Asia | Business", true},
      // Counters and stamps.
      {"6 hours ago 1", true},
      {"12 comments", true},
      {"3 min read", true},
      {"Share Tweet Email", true},
      {"Updated Aug 19, 2025 10:45 AM GMT", true},
      {"1.2K shares \xC2\xB7 45 comments", true},
      // Consent and appeals.
      {"We use cookies to improve your experience on our site. By continuing to browse you "
       "agree to our use of cookies.",
       true},
      {"Accept all cookies", true},
      {"Dear readers,", true},
      {"Not ready to support today?", true},
      {"Remind me later.", true},
      {"paiment methods", true},
      // Lines with no words.
      {"***", true},
      {"\xE2\x80\x94", true},
      // Real sentences that merely mention the cue words.
      {"Japan has supported Ukraine in several key areas, including economic support.", false},
      {"The article 5 clause of NATO's treaty commits members to mutual defence.", false},
      {"Share prices in Tokyo fell 3% after the announcement.", false},
      {"Subscribers to the state broadcaster rose by 2 percent last year.", false},
      {"Next year, Japan will host the summit in Hiroshima.", false},
      {"Advertisement revenue at Japanese newspapers fell sharply in 2024.", false},
      {"Copyright law in Japan was amended in 2023.", false},
      {"Opposition parties called on voters to support the bill.", false},
      {"Readers can share their views at public hearings, the ministry said.", false},
      {"Those troops would be supported by forces from about 10 mostly European countries.", false},
      {"Key variables in strengthening relations", false},
      {"Last Year", false},
      {"He said the company would not comment on the contribution of its staff.", false},
      {"[1] BBC News, \"Ukraine crisis\", 28 August 2025, https://www.bbc.co.uk/news/1", false},
      {"Japan Ready to \xE2\x80\x98Play Role\xE2\x80\x99 in Security Guarantees for Ukraine",
       false},
      {"\xE6\x97\xA5\xE6\x9C\xAC\xE6\x94\xBF\xE5\xBA\x9C\xE3\x81\xAF", false},  // Japanese text
      {"", false},
      {"   ", false},
      // Other languages: capitals outside ASCII fold too.
      {"Ähnliche Artikel", true},
      {"Читайте также", true},
      {"Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis zu bieten.", true},
      {"© 2024 Le Monde. Tous droits réservés.", true},
      {"Copyright ⓒ Entermedia.co.kr. 무단전재 및 재배포 금지", true},
      {"기사입력 :[ 2018-08-25 15:24 ]", true},  // a Korean dateline
      {"Die Regierung verwendet Cookies nicht, sagte der Minister.", false},
      {"Sie könnten auch an folgenden Artikeln interessiert sein", true},
      {"Weiterführende Informationen", true},
      {"Aktualisiert am 17.01.2021.", true},
      {"This entry was posted in Allgemein. Bookmark the permalink.", true},
      {"¡Mira lo que tiene nuestro canal de YouTube!", true},
      {"Inhaltsverzeichnis", true},
      {"Sie müssen sich anmelden um Kommentare zu schreiben.", true},
      {"Weitere Informationen zur Studie gab das Ministerium nicht bekannt.", false},
      {"Die Quellen des Flusses liegen in den Alpen.", false},
      // Counters and links home.
      {"1 - 5 of 36", true},
      {"PTI, Washington, Nov 20 2019, 10:18am IST", true},
      {"Rockledge 14 11 6 15 — 44", false},  // a table row
      {"17 Daniel Suarez 846 0 1 4 11", false},
      {"Photo 3 of 12", true},
      {"Back to Gallery", true},
      {"Back to top", true},
      {"Back to school sales rose 4 percent.", false},
      {"Follow me on Twitter or LinkedIn. Check out my website.", true},
      {"Explore further", true},
      {"Two of the five ministers resigned on Monday.", false},
      // A post's metadata row; a specification row is content.
      {"Aufrufe: 1120 | Hinzugef\u00fcgt von: Posh | Tags: Denken, Bilder", true},
      {"Verfasst von: mitundvoneinander | 31. Dezember 2008", true},
      {"Kommentare insgesamt: 0", true},
      {"Author: Jane Doe", false},
      {"CPU: Intel Core i5 | RAM: 16GB | Storage: 512GB SSD", false},
      {"Rating: the council voted 5-2 | the bridge opens in May", false},
      // Teasers of other pages, a post's edit record, script errors.
      {"Auskunft \u00fcber vergangenes Wetter\u2026 mehr \u2022\u2022\u2022", true},
      {"We are a family owned moving company. In business for over 17 years but\u2026 read more",
       true},
      {"The minister wants more.", false},
      {"Edited June 19, 2024 by ColdJ", true},
      {"Asked 8 years, 2 months ago", true},
      {"Edited by the council, the plan runs to 40 pages.", false},
      // A forum member's panel; words that may head a section stay.
      {"Posts: 1,234", true},
      {"Join Date: Aug 2019", true},
      {"Senior Member", true},
      {"1,9922 gold badges14 silver badges18 bronze badges", true},
      {"Location", false},
      {"Messages:", true},
      // Consent notices.
      {"Ich bin damit einverstanden, dass mir externe Inhalte angezeigt werden.", true},
      {"By entering your email, you consent to receive marketing communications.", true},
      {"Residents said they did not consent to receive the new bins.", false},
      {"Kontakt:", true},
      {"Originalartikel:", true},
      {"SUGGESTED CITATION Sauer, Heiko: Expert*innen in der Krise, VerfBlog, 2020/4/09", true},
      {"Re: Open source forum software for old school forums?", true},
      {"Posts: the council's view", false},
  };
  for (const auto& c : kCases) {
    EXPECT_EQ(IsBoilerplateLine(c.line), c.boilerplate) << '"' << c.line << '"';
  }
}

struct AppealCase {
  const char* line;
  AppealCue cue;
};

TEST(TextPageBoilerplateTest, CountAuthorTail) {
  const std::vector<std::string> authors = {"Meg James"};
  std::vector<std::string_view> bio = {
      "Disney said on Tuesday that its streaming service had signed up 10 million users.",
      "The company did not give figures for its other services.",
      "Meg James is a corporate media reporter for the Los Angeles Times.",
      "More From the Los Angeles Times"};
  EXPECT_EQ(CountAuthorTail(bio, authors), 2u);
  std::vector<std::string_view> first_name = {
      "The government unveiled a plan to cut the cost of solar panels by 2030.", "Meg James",
      "Meg joined the paper in 2017 and has covered media since 2009."};
  EXPECT_EQ(CountAuthorTail(first_name, authors), 2u);
  // The story may name the author's namesake earlier on; only the close is looked at.
  std::vector<std::string_view> story = {
      "Meg James is the new chair of the board, the company said.",
      "The vote was unanimous, according to a statement.",
      "Shares rose 3 percent in early trading.", "Analysts welcomed the appointment.",
      "The board meets again in March."};
  EXPECT_EQ(CountAuthorTail(story, authors), 0u);
  EXPECT_EQ(CountAuthorTail(bio, std::vector<std::string>{}), 0u);
  std::vector<std::string_view> mention = {"Megan Jameson is a spokeswoman for the city."};
  EXPECT_EQ(CountAuthorTail(mention, authors), 0u);
}

TEST(TextPageBoilerplateTest, ClassifyAppealLine) {
  const AppealCase kCases[] = {
      {"A Message from The Moscow Times:", AppealCue::kOpener},
      {"Dear readers,", AppealCue::kOpener},
      {"But to continue our work, we need your help.", AppealCue::kOpener},
      {"Not ready to support today?", AppealCue::kOpener},
      {"Every contribution makes a significant impact.", AppealCue::kWeak},
      {"Continue", AppealCue::kWeak},
      {"paiment methods", AppealCue::kWeak},
      {"We are facing unprecedented challenges.", AppealCue::kNone},
      {"Japan will support Ukraine's reconstruction.", AppealCue::kNone},
  };
  for (const auto& c : kCases) EXPECT_EQ(ClassifyAppealLine(c.line), c.cue) << c.line;
}

TEST(TextPageBoilerplateTest, FindAppealBlocksKeepsBodyAroundTheBlock) {
  const std::vector<std::string_view> lines = {
      "Japan is prepared to join Western security guarantees for Ukraine, Ishiba said.",
      "A Message from The Moscow Times:",
      "Dear readers,",
      "We are facing unprecedented challenges.",
      "These actions are direct attempts to silence independent reporting.",
      "Your support, no matter how small, makes a world of difference.",
      "Continue",
      "Remind me later.",
      "Rutte told Fox News the alliance was working on guarantees.",
  };
  std::vector<bool> expected = {false, true, true, true, true, true, true, true, false};
  EXPECT_EQ(FindAppealBlocks(lines), expected);
}

TEST(TextPageBoilerplateTest, LoneOpenerIsNotABlock) {
  const std::vector<std::string_view> lines = {
      "We need your help to find the missing hikers, police told residents on Monday.",
      "The search resumed at dawn in the mountains north of Nagano.",
      "Rescuers said weather conditions were improving.",
      "Two helicopters joined the operation.",
      "Officials expect to finish by Friday.",
  };
  EXPECT_EQ(FindAppealBlocks(lines), std::vector<bool>(lines.size(), false));
}

TEST(TextPageBoilerplateTest, FindNavigationTail) {
  const std::vector<std::string_view> article = {
      "Japanese Prime Minister Fumio Kishida addressed the plenary session of the lower house.",
      "Kishida explained that the relationship between Japan and Russia remains complicated.",
      "Previous Article",
      "Inflation Trends and Household Spending in Spain",
      "Next Article",
      "Neuralink: Milestones in Brain-Computer Implant Trials",
  };
  EXPECT_EQ(FindNavigationTail(article), 2u);

  // A "Related" box early in a long article does not cut the article.
  const std::vector<std::string_view> early = {
      "Japan and Ukraine signed a ten-year security deal that pledged nonlethal aid last year.",
      "Related",
      "Kishida visits Kyiv",
      "Since March, Tokyo has also been part of the coalition providing support to Kyiv as it "
      "fends off the invasion, officials said on Tuesday in Tokyo.",
      "The U.K. and France have already signaled readiness to send peacekeepers to Ukraine, "
      "while the Kremlin has warned that troops would trigger confrontation.",
  };
  EXPECT_EQ(FindNavigationTail(early), early.size());

  // A marker before any body text is not a tail either.
  const std::vector<std::string_view> top = {"Next Article", "Headline",
                                             "A long paragraph of body text follows the "
                                             "navigation links at the top of the page."};
  EXPECT_EQ(FindNavigationTail(top), top.size());
}

TEST(TextPageBoilerplateTest, SentenceEnds) {
  EXPECT_TRUE(EndsSentence("He left."));
  EXPECT_TRUE(
      EndsSentence("\xE2\x80\x9C"
                   "But we\xE2\x80\x99ll help them out.\xE2\x80\x9D"));
  EXPECT_TRUE(EndsSentence("Is it over?"));
  EXPECT_FALSE(EndsSentence("He........"));
  EXPECT_FALSE(EndsSentence("was never signed,"));
  EXPECT_FALSE(EndsSentence("and then \xE2\x80\xA6"));
  EXPECT_TRUE(EndsWithEllipsis("He........"));
  EXPECT_TRUE(EndsWithEllipsis("and then\xE2\x80\xA6"));
  EXPECT_FALSE(EndsWithEllipsis("the U.S."));
}

// ---------------------------------------------------------------------------
// Line shapes.

struct ShapeCase {
  const char* line;
  bool expected;
};

TEST(TextPageShapeTest, LooksLikeHeadline) {
  const ShapeCase kCases[] = {
      {"Telephone conversation between Prime Minister Fumio Kishida, held on February 16, 2022",
       true},
      {"Japan Ready to \xE2\x80\x98Play Role\xE2\x80\x99 in Security Guarantees for Ukraine", true},
      {"Is Japan ready to join the coalition?", true},
      {"\"Peace is possible\": Ishiba in Tokyo", true},
      {"Japan votes", true},
      {"It is likely that there will not be a peace agreement. A peace treaty was never signed,",
       false},
      {"Kishida said the talks would continue.", false},
      {"He........", false},
      {"lower-case start of a line", false},
      {"Background:", false},
      {"Ukraine", false},
  };
  for (const auto& c : kCases) EXPECT_EQ(LooksLikeHeadline(c.line), c.expected) << c.line;
}

TEST(TextPageShapeTest, LooksLikeHeadingAndBody) {
  EXPECT_TRUE(LooksLikeHeading("Key variables in strengthening relations"));
  EXPECT_TRUE(LooksLikeHeading("Background"));
  EXPECT_FALSE(LooksLikeHeading("The talks ended."));
  EXPECT_FALSE(LooksLikeHeading("He said:"));
  EXPECT_TRUE(IsBodyLine("The talks ended on Friday."));
  EXPECT_TRUE(
      IsBodyLine("Since 2014 Japan has supported Ukraine in several key areas including "
                 "economic support and"));
  EXPECT_FALSE(IsBodyLine("Key variables in strengthening relations"));
  EXPECT_FALSE(IsBodyLine("Thanks."));
}

struct AttributionCase {
  const char* line;
  const char* outlet;
  const char* rest;
};

TEST(TextPageShapeTest, SplitTrailingAttribution) {
  const AttributionCase kCases[] = {
      {"Moscow permanently bars Japanese top diplomat from entering Russia - Anadolu Ajans\xC4\xB1",
       "Anadolu Ajans\xC4\xB1",
       "Moscow permanently bars Japanese top diplomat from entering Russia"},
      {"Japan joins the coalition of the willing \xE2\x80\x94 The Japan Times", "The Japan Times",
       "Japan joins the coalition of the willing"},
      {"Tokyo rally marks three years of war | NHK WORLD-JAPAN", "NHK WORLD-JAPAN",
       "Tokyo rally marks three years of war"},
      {"Japan - Russia talks resume", "", "Japan - Russia talks resume"},
      {"The ministry said talks would resume - a first since 2022.", "",
       "The ministry said talks would resume - a first since 2022."},
      {"Ishiba met Trump - officials said on Monday", "",
       "Ishiba met Trump - officials said on Monday"},
      {"Short - Reuters", "", "Short - Reuters"},
      {"No attribution here at all.", "", "No attribution here at all."},
  };
  for (const auto& c : kCases) {
    std::string_view rest;
    EXPECT_EQ(SplitTrailingAttribution(c.line, &rest), c.outlet) << c.line;
    EXPECT_EQ(rest, c.rest) << c.line;
  }
}

TEST(TextPageShapeTest, DatelinesAndContinuations) {
  EXPECT_TRUE(StartsWithDateline("TOKYO: Japanese Foreign Minister Takeshi Iwaya said"));
  EXPECT_TRUE(StartsWithDateline("NEW YORK (AP) \xE2\x80\x94 Stocks fell"));
  EXPECT_TRUE(StartsWithDateline("KYIV - Ukraine said"));
  EXPECT_FALSE(StartsWithDateline("U.S. President Donald Trump said"));
  EXPECT_FALSE(StartsWithDateline("NATO Secretary General Mark Rutte"));
  EXPECT_FALSE(StartsWithDateline("UN: talks"));
  EXPECT_TRUE(StartsWithContinuation("He pledged a lot of help"));
  EXPECT_TRUE(StartsWithContinuation("In addition, the Prime Minister"));
  EXPECT_TRUE(
      StartsWithContinuation("\xE2\x80\x9C"
                             "But we will help them out,\xE2\x80\x9D"));
  EXPECT_FALSE(StartsWithContinuation("Italy and Japan agreed"));
  EXPECT_FALSE(StartsWithContinuation("Theresa May said"));
  EXPECT_TRUE(EndsMidSentence("A peace treaty was never signed,"));
  EXPECT_TRUE(EndsMidSentence("export controls on machinery and semiconductors, which"));
  EXPECT_TRUE(EndsMidSentence("the talks were held in"));
  EXPECT_FALSE(EndsMidSentence("The talks ended."));
  EXPECT_FALSE(EndsMidSentence("Key variables in strengthening relations"));
  EXPECT_FALSE(EndsMidSentence("and"));
  EXPECT_TRUE(EndsWithUrl("[1] BBC News, 28 August 2025, https://www.bbc.co.uk/news/1"));
  EXPECT_FALSE(EndsWithUrl("See https://example.com for details."));
}

// ---------------------------------------------------------------------------
// Whole pages.

std::string Joined(const TextItem& item) {
  std::string text;
  for (const Paragraph& paragraph : item.paragraphs) {
    text += paragraph.text;
    text += '\n';
  }
  return text;
}

bool Contains(const TextItem& item, std::string_view needle) {
  return Joined(item).find(needle) != std::string::npos ||
         item.title.find(needle) != std::string::npos;
}

void ExpectWellFormed(const std::vector<TextItem>& items) {
  for (const TextItem& item : items) {
    EXPECT_FALSE(item.paragraphs.empty());
    for (const Paragraph& paragraph : item.paragraphs) {
      EXPECT_FALSE(paragraph.text.empty());
      EXPECT_EQ(paragraph.text.find("  "), std::string::npos) << paragraph.text;
      EXPECT_NE(paragraph.text.front(), ' ');
      EXPECT_NE(paragraph.text.back(), ' ');
      EXPECT_EQ(paragraph.text.find('\n'), std::string::npos);
    }
  }
}

TEST(TextPageTest, EmptyAndBlankInputGiveNoItems) {
  EXPECT_TRUE(ExtractTextPage("").empty());
  EXPECT_TRUE(ExtractTextPage(" \n\t\n\r\n \xC2\xA0 \n").empty());
  // A page of nothing but boilerplate has no article either.
  EXPECT_TRUE(ExtractTextPage("Advertisement\n\nSubscribe\n\xC2\xA9 Example News\n").empty());
}

TEST(TextPageTest, SingleParagraphPage) {
  auto items = ExtractTextPage(
      "  Japan and the Philippines signed a reciprocal access agreement on Monday,\tallowing "
      "troops to train in each other's territory.  \n");
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].title, "");
  ASSERT_EQ(items[0].paragraphs.size(), 1u);
  EXPECT_EQ(items[0].paragraphs[0].text,
            "Japan and the Philippines signed a reciprocal access agreement on Monday, allowing "
            "troops to train in each other's territory.");
  EXPECT_FALSE(items[0].truncated);
}

TEST(TextPageTest, OrdinaryArticleWithCallsToAction) {
  const char* kPage =
      "Tokyo Stocks Close Higher on Weak Yen\n"
      "\n"
      "By Staff Writer\n"
      "\n"
      "The Nikkei average rose 1.2 percent on Wednesday as a weaker yen lifted exporters, "
      "brokers said.\n"
      "\n"
      "Share this article\n"
      "\n"
      "Automakers led the gains, with Toyota up 2 percent after the company raised its "
      "full-year forecast.\n"
      "\n"
      "Subscribe to our newsletter for the latest market news.\n"
      "\n"
      "Outlook\n"
      "\n"
      "Analysts expect the central bank to keep rates unchanged at its meeting next week.\n"
      "\n"
      "12 comments\n"
      "Related Articles\n"
      "Yen slides to a new low\n"
      "Bank of Japan holds rates\n";
  auto items = ExtractTextPage(kPage);
  ExpectWellFormed(items);
  ASSERT_EQ(items.size(), 1u);
  const TextItem& item = items[0];
  EXPECT_EQ(item.title, "Tokyo Stocks Close Higher on Weak Yen");
  EXPECT_FALSE(item.truncated);
  ASSERT_EQ(item.paragraphs.size(), 4u) << Joined(item);
  EXPECT_TRUE(item.paragraphs[0].text.starts_with("The Nikkei average"));
  EXPECT_TRUE(item.paragraphs[1].text.starts_with("Automakers led"));
  EXPECT_EQ(item.paragraphs[2].text, "Outlook");
  EXPECT_EQ(item.paragraphs[2].kind, Paragraph::Kind::kHeading);
  EXPECT_TRUE(item.paragraphs[3].text.starts_with("Analysts expect"));
  EXPECT_FALSE(Contains(item, "Share this"));
  EXPECT_FALSE(Contains(item, "newsletter"));
  EXPECT_FALSE(Contains(item, "comments"));
  EXPECT_FALSE(Contains(item, "Yen slides"));
}

TEST(TextPageTest, HardWrappedParagraphsAreJoined) {
  const char* kPage =
      "Typhoon Shanshan Hits Southern Japan\n"
      "\n"
      "Typhoon Shanshan made landfall on Kyushu on Thursday, bringing\n"
      "record rainfall and forcing the evacuation of thousands of\n"
      "residents, officials said.\n"
      "\n"
      "Rail services were suspended across the region.\n";
  auto items = ExtractTextPage(kPage);
  ASSERT_EQ(items.size(), 1u);
  ASSERT_EQ(items[0].paragraphs.size(), 2u) << Joined(items[0]);
  EXPECT_EQ(items[0].paragraphs[0].text,
            "Typhoon Shanshan made landfall on Kyushu on Thursday, bringing record rainfall and "
            "forcing the evacuation of thousands of residents, officials said.");
}

TEST(TextPageTest, TeaserEndingInEllipsisIsTruncated) {
  auto items = ExtractTextPage(
      "Japan Weighs New Sanctions\n"
      "The government is considering further measures against Moscow, officials said.\n"
      "The package could include export controls on machinery and\xE2\x80\xA6\n"
      "Read more\n");
  ASSERT_EQ(items.size(), 1u);
  EXPECT_TRUE(items[0].truncated);
  EXPECT_EQ(items[0].paragraphs.size(), 2u);
}

TEST(TextPageTest, LastParagraphCutMidSentenceIsTruncated) {
  auto items = ExtractTextPage(
      "Japan Weighs New Sanctions\n"
      "The government is considering further measures against Moscow, officials said.\n"
      "The package could include export controls on machinery and semiconductors, which\n"
      "\xC2\xA9 Example News\n");
  ASSERT_EQ(items.size(), 1u);
  EXPECT_TRUE(items[0].truncated);
  EXPECT_FALSE(Contains(items[0], "Example News"));
}

TEST(TextPageTest, DonationAppealInTheMiddleIsRemoved) {
  const char* kPage =
      "Japan Extends Aid to Ukraine\n"
      "\n"
      "Japan will provide a further $4.5 billion in aid to Ukraine, the foreign ministry said "
      "on Friday.\n"
      "\n"
      "Dear reader,\n"
      "\n"
      "Independent reporting is under threat. Please consider a donation today.\n"
      "\n"
      "Every contribution helps.\n"
      "\n"
      "The aid will fund reconstruction of power plants damaged in Russian strikes, the "
      "ministry added.\n";
  auto items = ExtractTextPage(kPage);
  ASSERT_EQ(items.size(), 1u);
  ASSERT_EQ(items[0].paragraphs.size(), 2u) << Joined(items[0]);
  EXPECT_FALSE(Contains(items[0], "Dear reader"));
  EXPECT_FALSE(Contains(items[0], "donation"));
  EXPECT_TRUE(Contains(items[0], "power plants"));
}

TEST(TextPageTest, SyntheticDigestSplitsIntoLedes) {
  const char* kPage =
      "Toyota raised its annual profit forecast on Wednesday as a weaker yen boosted overseas "
      "earnings - Nikkei Asia\n"
      "SEOUL: South Korea's exports rose for a tenth straight month in August, led by strong "
      "demand for chips.\n"
      "Typhoon Shanshan made landfall in southern Japan on Thursday ... forcing thousands to "
      "evacuate their homes.\n"
      "Taiwan's central bank left interest rates unchanged at its quarterly meeting, citing "
      "easing inflation,\n"
      "Vietnam's parliament approved a new land law aimed at curbing speculation in the "
      "property market.\n";
  auto items = ExtractTextPage(kPage);
  ExpectWellFormed(items);
  ASSERT_EQ(items.size(), 5u);
  EXPECT_EQ(items[0].site_name, "Nikkei Asia");
  EXPECT_FALSE(Contains(items[0], "Nikkei Asia"));
  EXPECT_FALSE(items[0].truncated);
  EXPECT_EQ(items[1].site_name, "");  // a dateline is not an outlet
  EXPECT_TRUE(items[2].truncated);
  EXPECT_TRUE(items[3].truncated);
  EXPECT_FALSE(items[4].truncated);
  for (const TextItem& item : items) EXPECT_EQ(item.title, "");
}

TEST(TextPageTest, HeadlessArticleIsNotADigest) {
  // Line-separated paragraphs of one article: they continue each other.
  const char* kPage =
      "Japan's prime minister met the Ukrainian president in New York on Monday to discuss "
      "reconstruction aid.\n"
      "He pledged further support for demining and the restoration of power plants.\n"
      "The two leaders also agreed to hold regular talks on security cooperation.\n"
      "They condemned military cooperation between Russia and North Korea.\n"
      "However, no new financial commitments were announced at the meeting.\n";
  auto items = ExtractTextPage(kPage);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].paragraphs.size(), 5u);
  EXPECT_EQ(items[0].title, "");
}

TEST(TextPageTest, ArticleWithDatelineAndTeaserEndIsNotADigest) {
  // A dateline opens the first paragraph and the teaser is cut in the last:
  // both are normal for one article.
  const char* kPage =
      "TOKYO (Reuters) - Japan's parliament passed a record defence budget on Friday as the "
      "government accelerates a military build-up.\n"
      "The budget includes funds for long-range missiles and new destroyers.\n"
      "Opposition lawmakers criticised the spending as excessive given Japan's public debt.\n"
      "Finance Minister Katsunobu Kato defended the plan at a news conference.\n"
      "Economists expect the spending to add to pressure on the yen, which\n";
  auto items = ExtractTextPage(kPage);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].paragraphs.size(), 5u);
  EXPECT_TRUE(items[0].truncated);
}

TEST(TextPageTest, BlankLineSeparatedDigest) {
  const char* kPage =
      "Japan and Britain signed a new economic partnership covering defence and artificial "
      "intelligence - Nikkei Asia\n\n"
      "Hundreds of Ukrainians gathered in front of Shibuya Station to mark the anniversary of "
      "the invasion.\n\n"
      "SEOUL: South Korea's exports rose for a tenth straight month, led by strong demand for "
      "chips.\n\n"
      "Poland's foreign minister said his country could serve as a logistical hub ... for "
      "those who want to send forces.\n";
  auto items = ExtractTextPage(kPage);
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(items[0].site_name, "Nikkei Asia");
  EXPECT_TRUE(items[3].truncated);
}

TEST(TextPageTest, SiteNameAboveTheHeadlineIsSkipped) {
  auto items = ExtractTextPage(
      "The Moscow Times\n"
      "Japan Ready to Play Role in Security Guarantees\n"
      "Japan is prepared to join Western security guarantees for Ukraine, Prime Minister "
      "Shigeru Ishiba said on Tuesday.\n");
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].title, "Japan Ready to Play Role in Security Guarantees");
  ASSERT_EQ(items[0].paragraphs.size(), 1u);
}

TEST(TextPageTest, BulletedLinesBetweenParagraphsAreListItems) {
  auto items = ExtractTextPage(
      "Japan's Support for Ukraine\n"
      "Since 2014, Japan has supported Ukraine in several key areas, officials said.\n"
      "\xE2\x80\xA2 economic support\n"
      "\xE2\x80\xA2 humanitarian assistance\n"
      "Tokyo has not taken a hardline stance against Moscow, analysts noted.\n");
  ASSERT_EQ(items.size(), 1u);
  ASSERT_EQ(items[0].paragraphs.size(), 4u);
  EXPECT_EQ(items[0].paragraphs[1].kind, Paragraph::Kind::kListItem);
  EXPECT_EQ(items[0].paragraphs[1].text, "economic support");
  EXPECT_EQ(items[0].paragraphs[2].kind, Paragraph::Kind::kListItem);
}

TEST(TextPageTest, TitleSiteSuffixIsSplitOff) {
  auto items = ExtractTextPage(
      "Japan aims for peace treaty with Russia | Example Times\n"
      "Japan will keep seeking a peace treaty with Russia, the prime minister said on Monday.\n");
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].title, "Japan aims for peace treaty with Russia");
  EXPECT_EQ(items[0].site_name, "Example Times");
}

TEST(TextPageTest, WindowsLineEndings) {
  auto items = ExtractTextPage(
      "Japan Weighs New Sanctions\r\n\r\nThe government is considering further measures "
      "against Moscow, officials said.\r\n\r\nRead Entire Article\r\n");
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].title, "Japan Weighs New Sanctions");
  ASSERT_EQ(items[0].paragraphs.size(), 1u);
  EXPECT_EQ(items[0].paragraphs[0].text,
            "The government is considering further measures against Moscow, officials said.");
}

// ---------------------------------------------------------------------------
// The seeds in ../shared/data/seeds.

class TextPageSeedTest : public ::testing::Test {
 protected:
  // Returns the extracted items, or skips the test when the seed is missing.
  bool Load(const char* name, std::vector<TextItem>* items) {
    std::string path = std::string(NEWSLOOM_SHARED_DATA_DIR) + "/seeds/" + name;
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::stringstream buffer;
    buffer << in.rdbuf();
    *items = ExtractTextPage(buffer.str());
    ExpectWellFormed(*items);
    return true;
  }
};

#define LOAD_SEED_OR_SKIP(name, items)                                                           \
  if (!Load(name, &items)) {                                                                     \
    GTEST_SKIP() << "seed " << name << " not found under " << NEWSLOOM_SHARED_DATA_DIR "/seeds"; \
  }

TEST_F(TextPageSeedTest, Seed000DigestSplitsIntoElevenLedes) {
  std::vector<TextItem> items;
  LOAD_SEED_OR_SKIP("000_a71115a02254e010.txt", items);
  ASSERT_EQ(items.size(), 11u);
  int anadolu = 0;
  for (const TextItem& item : items) {
    ASSERT_EQ(item.paragraphs.size(), 1u);
    EXPECT_EQ(item.title, "");
    if (item.site_name == "Anadolu Ajans\xC4\xB1") {
      ++anadolu;
      EXPECT_TRUE(item.paragraphs[0].text.starts_with("Moscow permanently bars"));
      EXPECT_FALSE(item.paragraphs[0].text.ends_with("Ajans\xC4\xB1"));
      EXPECT_EQ(item.paragraphs[0].text.find(" - Anadolu"), std::string::npos);
    } else {
      EXPECT_EQ(item.site_name, "");
    }
  }
  EXPECT_EQ(anadolu, 1);
  // The first lede stops at "was never signed,"; the Sikorski one has words left out.
  EXPECT_TRUE(items[0].truncated);
  EXPECT_TRUE(items[0].paragraphs[0].text.ends_with("was never signed,"));
  EXPECT_TRUE(items[5].truncated);
  EXPECT_FALSE(items[1].truncated);
  EXPECT_TRUE(items[7].paragraphs[0].text.starts_with("TOKYO:"));
  EXPECT_EQ(items[7].site_name, "");
}

TEST_F(TextPageSeedTest, Seed001TeaserIsTruncatedAndKeepsItsHeading) {
  std::vector<TextItem> items;
  LOAD_SEED_OR_SKIP("001_e11c02aa0c6797d3.txt", items);
  ASSERT_EQ(items.size(), 1u);
  const TextItem& item = items[0];
  EXPECT_EQ(item.title,
            "Japan and Ukraine: high-level security talks, effective variables, perspective");
  EXPECT_TRUE(item.truncated);
  EXPECT_FALSE(Contains(item, "visit website"));
  EXPECT_FALSE(Contains(item, "\xC2\xA9"));
  EXPECT_FALSE(Contains(item, "He...."));
  EXPECT_TRUE(item.paragraphs.back().text.starts_with("In March 2023"));
  int headings = 0;
  for (const Paragraph& paragraph : item.paragraphs) {
    if (paragraph.kind != Paragraph::Kind::kHeading) continue;
    ++headings;
    EXPECT_EQ(paragraph.text, "Key variables in strengthening relations");
  }
  EXPECT_EQ(headings, 1);
  EXPECT_EQ(item.paragraphs.size(), 9u);
}

TEST_F(TextPageSeedTest, Seed002DropsTheAppealAndFooter) {
  std::vector<TextItem> items;
  LOAD_SEED_OR_SKIP("002_887f832ead80bb63.txt", items);
  ASSERT_EQ(items.size(), 1u);
  const TextItem& item = items[0];
  EXPECT_EQ(item.title,
            "Japan Ready to \xE2\x80\x98Play Role\xE2\x80\x99 in Security Guarantees for Ukraine");
  EXPECT_FALSE(item.truncated);
  for (const char* kept : {"Ishiba", "Rutte", "Trump told reporters", "according to Bloomberg"}) {
    EXPECT_TRUE(Contains(item, kept)) << kept;
  }
  for (const char* dropped :
       {"Dear readers", "Remind me later", "Read Entire Article", "6 hours ago", "Progleton",
        "A Message from", "paiment", "unprecedented challenges", "Continue\n"}) {
    EXPECT_FALSE(Contains(item, dropped)) << dropped;
  }
  EXPECT_EQ(item.paragraphs.size(), 8u);
}

TEST_F(TextPageSeedTest, Seed003TitleAndReferencesLine) {
  std::vector<TextItem> items;
  LOAD_SEED_OR_SKIP("003_e7ef76c8822bc746.txt", items);
  ASSERT_EQ(items.size(), 1u);
  const TextItem& item = items[0];
  EXPECT_EQ(item.title,
            "Telephone conversation between Prime Minister Fumio Kishida, held on February 16, "
            "2022");
  EXPECT_TRUE(Contains(item, "[1] BBC News"));
  EXPECT_FALSE(item.truncated);
  EXPECT_EQ(item.paragraphs.size(), 10u);
}

TEST_F(TextPageSeedTest, Seed004DropsSummaryWidgetAndNavigation) {
  std::vector<TextItem> items;
  LOAD_SEED_OR_SKIP("004_22c7fb5415bc449d.txt", items);
  ASSERT_EQ(items.size(), 1u);
  const TextItem& item = items[0];
  EXPECT_EQ(item.title,
            "Japan aims for peace treaty with Russia while maintaining sanctions stance");
  for (const char* dropped : {"Previous Article", "Next Article", "Neuralink", "Inflation Trends",
                              "No time to read", "Get a summary"}) {
    EXPECT_FALSE(Contains(item, dropped)) << dropped;
  }
  EXPECT_EQ(item.paragraphs.size(), 6u);
  EXPECT_TRUE(item.paragraphs.back().text.ends_with("Asia-Pacific region."));
  EXPECT_FALSE(item.truncated);
}

}  // namespace
}  // namespace newsloom::extract
