#include "cluster/clusterer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace newsloom::cluster {
namespace {

constexpr int64_t kDay = 86400;
constexpr int64_t kStart = 1700000000;

Article MakeArticle(std::string id, std::string title, std::string text, int64_t published,
                    std::string source = "example.com") {
  Article article;
  article.id = std::move(id);
  article.title = std::move(title);
  article.paragraphs.push_back({Paragraph::Kind::kText, std::move(text)});
  article.source = std::move(source);
  Timestamp stamp;
  stamp.utc_seconds = published;
  article.published = stamp;
  return article;
}

const char* kQuakeText =
    "A magnitude 7.1 earthquake struck the coast of Kumamoto in southern Japan on Saturday, "
    "collapsing buildings in Mashiki and killing at least 41 people, officials said. Rescue "
    "teams from the Japan Self-Defense Forces searched the rubble in Kumamoto overnight.";
const char* kMergerText =
    "Bayer agreed to buy Monsanto for 66 billion dollars in cash, the German drugmaker said in "
    "Leverkusen, ending months of talks. Monsanto shareholders will receive 128 dollars a share "
    "and regulators in Brussels and Washington must approve the seed deal.";

std::vector<Article> Stream() {
  return {
      MakeArticle("q1", "Magnitude 7.1 earthquake hits Kumamoto, Japan", kQuakeText, kStart),
      MakeArticle("m1", "Bayer agrees to buy Monsanto for $66 billion", kMergerText, kStart + 60),
      MakeArticle("q2", "Kumamoto earthquake: 41 dead in Mashiki as rescuers search rubble",
                  kQuakeText, kStart + 3600, "other.org"),
      MakeArticle("m2", "Monsanto accepts Bayer's $66 billion takeover offer", kMergerText,
                  kStart + 7200, "third.net"),
  };
}

TEST(ClustererTest, SameEventJoinsDifferentEventDoesNot) {
  Clusterer clusterer;
  std::vector<std::string> ids;
  for (const Article& article : Stream()) ids.push_back(clusterer.Add(article));
  EXPECT_EQ(ids[0], ids[2]);
  EXPECT_EQ(ids[1], ids[3]);
  EXPECT_NE(ids[0], ids[1]);
  EXPECT_EQ(clusterer.story_count(), 2u);
  EXPECT_EQ(clusterer.article_count(), 4u);
}

TEST(ClustererTest, IdsAreStableAcrossRuns) {
  Clusterer first, second;
  const std::vector<std::string> a = ClusterBatch(Stream(), first);
  const std::vector<std::string> b = ClusterBatch(Stream(), second);
  EXPECT_EQ(a, b);
  // Derived from the founding article, so the ids do not depend on the run.
  EXPECT_EQ(a[0].size(), 17u);
  EXPECT_EQ(a[0][0], 's');
}

TEST(ClustererTest, BatchOrdersByPublicationTime) {
  std::vector<Article> reversed = Stream();
  std::reverse(reversed.begin(), reversed.end());
  Clusterer forward, backward;
  const std::vector<std::string> a = ClusterBatch(Stream(), forward);
  const std::vector<std::string> b = ClusterBatch(reversed, backward);
  EXPECT_EQ(a[0], b[3]);  // same founding article, same story id
  EXPECT_EQ(a[1], b[2]);
}

TEST(ClustererTest, SerializeKeepsIdsAcrossRestart) {
  std::vector<Article> stream = Stream();
  Clusterer before;
  const std::string quake = before.Add(stream[0]);
  const std::string merger = before.Add(stream[1]);
  auto restored = Clusterer::Deserialize(before.Serialize());
  ASSERT_TRUE(restored.ok()) << restored.status().ToString();
  EXPECT_EQ(restored->StoryOf("q1"), quake);
  EXPECT_EQ(restored->Add(stream[2]), quake);
  EXPECT_EQ(restored->Add(stream[3]), merger);
  EXPECT_EQ(restored->Add(stream[0]), quake);  // an article seen before keeps its story
  EXPECT_EQ(restored->article_count(), 4u);
}

TEST(ClustererTest, SerializeRoundTripsTheWholeState) {
  Clusterer before;
  for (const Article& article : Stream()) before.Add(article);
  const std::string bytes = before.Serialize();
  auto restored = Clusterer::Deserialize(bytes);
  ASSERT_TRUE(restored.ok()) << restored.status().ToString();
  // Join statistics (how loosely each story's articles joined) included.
  EXPECT_EQ(restored->Serialize(), bytes);
}

TEST(ClustererTest, DeserializeRejectsGarbage) {
  EXPECT_FALSE(Clusterer::Deserialize("").ok());
  EXPECT_FALSE(Clusterer::Deserialize("not a snapshot at all").ok());
  Clusterer clusterer;
  for (const Article& article : Stream()) clusterer.Add(article);
  const std::string bytes = clusterer.Serialize();
  // Every truncation and a flipped byte in each position come back as values, never crashes.
  for (size_t size = 0; size < bytes.size(); size += 7) {
    EXPECT_FALSE(Clusterer::Deserialize(bytes.substr(0, size)).ok()) << size;
  }
  for (size_t at = 8; at < bytes.size(); at += 5) {
    std::string corrupt = bytes;
    corrupt[at] = static_cast<char>(corrupt[at] ^ 0xFF);
    auto result = Clusterer::Deserialize(corrupt);
    if (result.ok()) result->Add(Stream()[0]);
  }
}

// Two title fights of one champion: the words and names overlap as much as
// two reports of one fight might, and the round, the record, the crowd and the
// date tell them apart.
TEST(ClustererTest, FiguresTellTwoEventsOfOneTopicApart) {
  const Article first_fight = MakeArticle(
      "f1", "Klitschko stops Rahman in round 7 to keep heavyweight belts",
      "Wladimir Klitschko stopped Hasim Rahman in round 7 on December 13 to keep his "
      "heavyweight belts. The champion improved his record to 52-3 with 46 knockouts before "
      "14,000 fans, and the referee waved the bout off after 44 seconds of the round.",
      kStart);
  const Article first_again = MakeArticle(
      "f1b", "Klitschko keeps heavyweight belts, stops Rahman in round 7",
      "Hasim Rahman was stopped by Wladimir Klitschko in round 7 on December 13. Klitschko, now "
      "52-3 with 46 knockouts, kept his heavyweight belts before 14,000 fans after 44 seconds "
      "of the round.",
      kStart + 3600, "other.org");
  const Article second_fight = MakeArticle(
      "f2", "Klitschko too strong for Thompson, keeps heavyweight belts in round 6",
      "Tony Thompson was no match for Wladimir Klitschko on July 7 in Bern: the champion "
      "knocked him down twice and ended it in round 6, moving to 59-3 with 50 knockouts in "
      "front of 27,000 fans to keep his heavyweight belts.",
      kStart + 2 * 3600, "third.net");

  // Short reports share more words than long ones do: a higher bar to join,
  // and not lowered for loose stories.
  Options options;
  options.threshold = 0.5;
  options.cohesion_factor = 0;
  Clusterer clusterer(options);
  const std::string a = clusterer.Add(first_fight);
  const std::string b = clusterer.Add(first_again);
  const std::string c = clusterer.Add(second_fight);
  EXPECT_EQ(a, b);
  EXPECT_NE(a, c);

  // Without the figures' share, the names of the titles still tell them
  // apart: each names an opponent the other never mentions.
  Options names_options = options;
  names_options.number_weight = 0;
  Clusterer names(names_options);
  const std::string e = names.Add(first_fight);
  EXPECT_EQ(names.Add(first_again), e);
  EXPECT_NE(names.Add(second_fight), e);

  // Without either, the second fight joins the first.
  Options blind_options = names_options;
  blind_options.conflict_weight = 0;
  Clusterer blind(blind_options);
  const std::string d = blind.Add(first_fight);
  blind.Add(first_again);
  EXPECT_EQ(blind.Add(second_fight), d);
}

// A name of the title the story never mentions is no conflict by itself: a
// report leading with a reaction (here a minister) still joins, as long as it
// mentions the names the story's titles share.
TEST(ClustererTest, ANewNameInTheTitleAloneIsNoConflict) {
  Options options;
  options.cohesion_factor = 0;
  Clusterer clusterer(options);
  const std::string quake = clusterer.Add(MakeArticle(
      "q1", "Strong earthquake strikes Qeshm island off Iran",
      "A strong earthquake struck Qeshm island off the southern coast of Iran on Sunday, "
      "destroying villages and killing at least ten people, officials said.",
      kStart));
  EXPECT_EQ(clusterer.Add(MakeArticle(
                "q2", "Minister Vahidi visits Qeshm after Iran earthquake",
                "Interior minister Ahmad Vahidi flew to Qeshm island on Monday, a day after the "
                "earthquake off the southern coast of Iran destroyed villages and killed ten.",
                kStart + 3600, "other.org")),
            quake);
}

// A page whose own date is months after the day its address gives (a later
// edit, a crawl) is placed at the address's day, so it still joins the story
// it reported on instead of finding it dormant.
TEST(ClustererTest, TheAddressDatesAPageEditedLater) {
  const char* kRace =
      "Lewis Hamilton won the Brazilian Grand Prix at Interlagos after two red flags, with "
      "Max Verstappen third after a drive through the rain from sixteenth on the grid.";
  Article late = MakeArticle("r2", "Verstappen storms home third at Brazilian Grand Prix",
                             "Max Verstappen drove through the rain from sixteenth to third at "
                             "Interlagos as Lewis Hamilton won the Brazilian Grand Prix.",
                             kStart + 130 * kDay, "other.org");
  late.url = "https://other.org/formula-1/2023/11/14/verstappen-storms-home-third/";
  Options options;
  options.revive_threshold = 0;  // only the date decides
  Clusterer clusterer(options);
  const std::string race = clusterer.Add(
      MakeArticle("r1", "Hamilton wins Brazilian Grand Prix after two red flags", kRace, kStart));
  EXPECT_EQ(clusterer.Add(late), race);

  // Without the address, the page finds the story dormant.
  late.url.clear();
  late.id = "r3";
  EXPECT_NE(clusterer.Add(late), race);
}

// Two loosely related reports join when they come the same day, not when
// weeks apart (the recency boost), and not without the boost.
TEST(ClustererTest, ReportsTheSameDayJoinMoreReadily) {
  const Article first = MakeArticle(
      "p1", "Ferry sinks off Lombok, dozens rescued",
      "A passenger ferry sank off the island of Lombok on Tuesday after taking on water in "
      "heavy seas; rescuers pulled dozens of people from the water, officials said.",
      kStart);
  Article second = MakeArticle(
      "p2", "Search goes on for missing passengers near Lombok",
      "Navy divers and fishing boats kept searching the strait near Lombok for passengers still "
      "missing, as families waited at the port for news.",
      kStart + 3600, "other.org");
  const auto joins = [&](double threshold, double boost, int64_t gap) {
    Options options;
    options.cohesion_factor = 0;
    options.threshold = threshold;
    options.recent_boost = boost;
    options.revive_threshold = 0;  // a strong match ignores time altogether
    Clusterer clusterer(options);
    const std::string story = clusterer.Add(first);
    Article later = second;
    later.published->utc_seconds = kStart + gap;
    return clusterer.Add(later) == story;
  };
  // The lowest threshold the pair does not reach without the boost.
  double threshold = 0.05;
  while (threshold < 1 && joins(threshold, 0, 3600)) threshold += 0.01;
  ASSERT_LT(threshold, 0.95);
  EXPECT_TRUE(joins(threshold, 0.5, 3600));
  EXPECT_FALSE(joins(threshold, 0.5, 20 * kDay));
}

// Snapshots written before the title names (version 3) and before the
// numbers channel (version 2) still load. An article of lowercase words only
// has no name, number or date, so its version 3 bytes are those of version 2
// but for the magic, and those of version 4 without the story's last eight
// (no titled members, no title names).
TEST(ClustererTest, ReadsVersionTwoAndThreeSnapshots) {
  const char* text =
      "the old volcano erupted again overnight, sending ash over the valley and forcing farmers "
      "in the villages below to leave their fields and herds behind.";
  Clusterer clusterer;
  const std::string story =
      clusterer.Add(MakeArticle("v1", "volcano erupts, villages evacuated", text, kStart));
  std::string bytes = clusterer.Serialize();
  ASSERT_EQ(bytes.substr(0, 8), "NLCLUST4");
  ASSERT_EQ(bytes.substr(bytes.size() - 8), std::string(8, '\0'));
  bytes.resize(bytes.size() - 8);
  for (const char version : {'3', '2'}) {
    bytes[7] = version;
    auto restored = Clusterer::Deserialize(bytes);
    ASSERT_TRUE(restored.ok()) << restored.status().ToString();
    EXPECT_EQ(restored->StoryOf("v1"), story);
    EXPECT_EQ(restored->Add(MakeArticle("v2", "volcano erupts again, villages evacuated", text,
                                        kStart + 3600, "other.org")),
              story);
  }
}

TEST(ClustererTest, DormantStoryTakesNoMoreArticles) {
  Options options;
  options.quiet_seconds = 3 * kDay;
  options.revive_threshold = 0;
  Clusterer clusterer(options);
  std::vector<Article> stream = Stream();
  const std::string first = clusterer.Add(stream[0]);
  Article late = stream[2];
  late.published->utc_seconds = kStart + 10 * kDay;
  EXPECT_NE(clusterer.Add(late), first);
  Article soon = stream[2];
  soon.id = "q3";
  soon.published->utc_seconds = kStart + kDay;
  EXPECT_EQ(clusterer.Add(soon), first);
}

// A report of the same event ten days on (the same text under another
// headline) wakes a dormant story when the bar for that is below its
// similarity, and not when the bar is above it or the story has expired.
TEST(ClustererTest, StrongMatchWakesADormantStory) {
  struct Row {
    double revive_threshold;
    int64_t revive_seconds;
    bool joins;
  };
  const Row rows[] = {
      {0.5, 30 * kDay, true},
      {0.99, 30 * kDay, false},
      {0.5, 5 * kDay, false},  // expired
      {0, 30 * kDay, false},   // off
  };
  for (const Row& row : rows) {
    Options options;
    options.quiet_seconds = 3 * kDay;
    options.revive_threshold = row.revive_threshold;
    options.revive_seconds = row.revive_seconds;
    Clusterer clusterer(options);
    std::vector<Article> stream = Stream();
    const std::string first = clusterer.Add(stream[0]);
    Article late = stream[2];
    late.published->utc_seconds = kStart + 10 * kDay;
    EXPECT_EQ(clusterer.Add(late) == first, row.joins) << row.revive_threshold;
  }
}

TEST(ClustererTest, DuplicatesJoinTheirCanonicalStory) {
  Clusterer clusterer;
  std::vector<Article> stream = Stream();
  const std::string quake = clusterer.Add(stream[0]);
  clusterer.Add(stream[1]);
  // Text of the merger, but marked a duplicate of the quake article: dedup decides.
  Article copy = stream[3];
  copy.id = "copy";
  copy.duplicate_of = "q1";
  EXPECT_EQ(clusterer.Add(copy), quake);
  bool seen = false;
  clusterer.ForEachStory([&](const StoryView& story) {
    if (story.id != quake) return;
    ASSERT_EQ(story.members.size(), 2u);
    EXPECT_TRUE(story.members[1]->duplicate);
    seen = true;
  });
  EXPECT_TRUE(seen);
}

TEST(ClustererTest, BridgingArticleMergesIntoTheOlderStory) {
  Options options;
  options.threshold = 0.3;
  options.merge_threshold = 0.3;
  Clusterer clusterer(options);
  // Two halves of one event, too different to join, then an article that holds both.
  const char* half_a =
      "Volcano Fuego erupted near Escuintla in Guatemala, sending ash over Alotenango village.";
  const char* half_b =
      "Lahars buried homes in San Miguel Los Lotes as rescuers from CONRED evacuated families.";
  const std::string older = clusterer.Add(MakeArticle("a", "Fuego volcano erupts", half_a, kStart));
  const std::string younger =
      clusterer.Add(MakeArticle("b", "Lahars bury San Miguel Los Lotes", half_b, kStart + 60));
  ASSERT_NE(older, younger);
  const std::string bridge =
      clusterer.Add(MakeArticle("c", "Fuego volcano erupts; lahars bury San Miguel Los Lotes",
                                std::string(half_a) + " " + half_b, kStart + 120));
  EXPECT_EQ(bridge, older);
  EXPECT_EQ(clusterer.StoryOf("b"), older);
  EXPECT_EQ(clusterer.story_count(), 1u);
  clusterer.ForEachStory([&](const StoryView& story) {
    ASSERT_EQ(story.merged_ids.size(), 1u);
    EXPECT_EQ(story.merged_ids[0], younger);
  });
}

// A page whose body is the site's navigation still reports its event under
// its headline and in its address.
TEST(ClustererTest, HeadlineAndAddressJoinAPageOfNavigation) {
  const char* kMicrobes =
      "NASA astronauts aboard the International Space Station have sequenced and identified "
      "bacteria in orbit for the first time, using the Genes in Space-3 kit. Until now samples "
      "had to be flown back to Earth for testing, biochemist Sarah Wallace said.";
  const char* kNavigation =
      "Subscribe to updates. Free test series. Monthly magazines. Categories: agriculture, "
      "art, biodiversity, book reviews, budget, business and economy, case studies, culture, "
      "current affairs, daily answer writing, editorials, education, ethics, geography.";
  std::vector<Article> stream = {
      MakeArticle("a", "Astronauts identify unknown microbes in space for first time", kMicrobes,
                  kStart, "science.example"),
      MakeArticle("b", "Astronauts Identify Unknown Microbes In Space For First Time", kNavigation,
                  kStart + kDay, "digest.example"),
      MakeArticle("c", "Budget talks stall as ministers argue over farm subsidies",
                  "Finance ministers ended a second day of budget talks without a deal, split "
                  "over how much of the farm subsidy fund to cut next year.",
                  kStart + kDay, "digest.example"),
  };
  stream[1].url = "https://digest.example/2023/11/15/astronauts-identify-unknown-microbes/";
  Clusterer clusterer;
  const std::vector<std::string> stories = ClusterBatch(stream, clusterer);
  EXPECT_EQ(stories[0], stories[1]);
  EXPECT_NE(stories[1], stories[2]);
}

TEST(ClustererTest, HostileArticlesGetAStoryAndNoCrash) {
  Clusterer clusterer;
  Article empty;
  EXPECT_FALSE(clusterer.Add(empty).empty());
  Article invalid = MakeArticle("bad", "\xff\xfe\xc0\x80 \xe2\x82", std::string(5000, '\xff'), 0);
  EXPECT_FALSE(clusterer.Add(invalid).empty());
  std::string huge;
  for (int i = 0; i < 200000; ++i) huge += "Word" + std::to_string(i % 5000) + " ";
  EXPECT_FALSE(clusterer.Add(MakeArticle("huge", huge.substr(0, 100000), huge, kStart)).empty());
  Article self_duplicate = MakeArticle("self", "Self", "Self duplicate.", kStart);
  self_duplicate.duplicate_of = "self";
  EXPECT_FALSE(clusterer.Add(self_duplicate).empty());
  Article unknown_canonical = MakeArticle("orphan", "Orphan", "Its canonical is unknown.", kStart);
  unknown_canonical.duplicate_of = "never-seen";
  EXPECT_FALSE(clusterer.Add(unknown_canonical).empty());
  // Two articles with the same id: the second keeps the first's story.
  EXPECT_EQ(clusterer.Add(MakeArticle("bad", "Other", "Other text entirely.", kStart)),
            clusterer.StoryOf("bad"));
  auto restored = Clusterer::Deserialize(clusterer.Serialize());
  ASSERT_TRUE(restored.ok());
  EXPECT_EQ(restored->article_count(), clusterer.article_count());
}

}  // namespace
}  // namespace newsloom::cluster
