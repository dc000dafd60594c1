#include "ingest/feed.h"

#include <gtest/gtest.h>

#include <string>

#include "ingest/ingest.h"
#include "ingest/testing.h"

namespace newsloom::ingest {
namespace {

using testing::EncodeFromUtf8;
using testing::GzipCompress;

constexpr std::string_view kRss = R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
  <title>Example News</title>
  <link>https://example.com/</link>
  <language>en-gb</language>
  <atom:link href="https://example.com/feed" rel="self"/>
  <item>
    <title>Storm &amp; floods hit the coast</title>
    <link>https://example.com/storm</link>
    <pubDate>Mon, 23 Sep 2024 10:05:00 GMT</pubDate>
    <dc:creator>Jane Doe</dc:creator>
    <description>&lt;p&gt;Heavy rain fell.&lt;/p&gt;</description>
    <content:encoded><![CDATA[<p>Heavy rain fell overnight.</p><p>Roads were closed.</p>]]></content:encoded>
  </item>
  <item>
    <title>Markets rise</title>
    <guid isPermaLink="true">https://example.com/markets</guid>
    <description>Shares rose on Monday.</description>
  </item>
  <item><description></description></item>
</channel>
</rss>)";

constexpr std::string_view kAtom = R"(<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">
  <title>Exemple</title>
  <entry>
    <title type="html">Le &lt;b&gt;budget&lt;/b&gt; adopt&#233;</title>
    <link rel="self" href="https://exemple.fr/self"/>
    <link rel="alternate" href="https://exemple.fr/budget"/>
    <updated>2024-09-24T08:00:00+02:00</updated>
    <published>2024-09-23T18:00:00+02:00</published>
    <author><name>Marie Curie</name></author>
    <summary>Le budget a été adopté.</summary>
    <content type="html">&lt;p&gt;Le budget a été adopté.&lt;/p&gt;&lt;p&gt;Deuxième.&lt;/p&gt;</content>
  </entry>
</feed>)";

TEST(FeedTest, Rss) {
  Result<std::vector<ReadRecord>> records = ReadFeedRecords("feeds/news.rss", kRss, ReadOptions());
  ASSERT_TRUE(records.ok()) << records.status().ToString();
  ASSERT_EQ(records->size(), 3u);
  const RawPage& first = (*records)[0].page;
  EXPECT_TRUE((*records)[0].status.ok());
  EXPECT_EQ(first.format, RawPage::Format::kRecord);
  EXPECT_EQ(first.id, "news-1");
  EXPECT_EQ(first.origin, "feeds/news.rss:1");
  EXPECT_EQ(first.title, "Storm & floods hit the coast");
  EXPECT_EQ(first.url, "https://example.com/storm");
  EXPECT_EQ(first.published, "Mon, 23 Sep 2024 10:05:00 GMT");
  EXPECT_EQ(first.authors, std::vector<std::string>{"Jane Doe"});
  EXPECT_EQ(first.language, "en-gb");
  EXPECT_EQ(first.description, "Heavy rain fell.");
  EXPECT_NE(first.body.find("Heavy rain fell overnight.\n"), std::string::npos) << first.body;
  EXPECT_NE(first.body.find("Roads were closed."), std::string::npos);
  const RawPage& second = (*records)[1].page;
  EXPECT_EQ(second.url, "https://example.com/markets");
  EXPECT_EQ(second.body, "Shares rose on Monday.");
  EXPECT_EQ((*records)[2].status.code(), Status::Code::kInvalidArgument);
  EXPECT_EQ((*records)[2].status.message(), "item 3: no title, link or text");
}

TEST(FeedTest, Atom) {
  Result<std::vector<ReadRecord>> records = ReadFeedRecords("a.atom", kAtom, ReadOptions());
  ASSERT_TRUE(records.ok()) << records.status().ToString();
  ASSERT_EQ(records->size(), 1u);
  const RawPage& entry = (*records)[0].page;
  EXPECT_EQ(entry.title, "Le budget adopt\xC3\xA9");
  EXPECT_EQ(entry.url, "https://exemple.fr/budget");
  EXPECT_EQ(entry.published, "2024-09-23T18:00:00+02:00");
  EXPECT_EQ(entry.authors, std::vector<std::string>{"Marie Curie"});
  EXPECT_EQ(entry.language, "fr");
  EXPECT_NE(entry.body.find("Deuxi\xC3\xA8me."), std::string::npos);
}

TEST(FeedTest, RoutedByReadBufferWithEncodingAndGzip) {
  std::string latin1 = EncodeFromUtf8(
      "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><channel><item><title>Caf\xC3\xA9"
      "</title></item></channel></rss>",
      "ISO-8859-1");
  for (const auto& [name, bytes] :
       {std::pair<std::string, std::string>{"x.xml", latin1}, {"x.rss.gz", GzipCompress(latin1)}}) {
    Result<std::vector<ReadRecord>> records = ReadBuffer(name, bytes, ReadOptions());
    ASSERT_TRUE(records.ok()) << records.status().ToString();
    ASSERT_EQ(records->size(), 1u);
    EXPECT_EQ((*records)[0].page.title, "Caf\xC3\xA9");
  }
}

TEST(FeedTest, RdfFeed) {
  constexpr std::string_view kRdf = R"(<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
  <channel><title>T</title></channel>
  <item><title>One</title><link>http://a.com/1</link></item>
  <item><title>Two</title><link>http://a.com/2</link></item>
</rdf:RDF>)";
  Result<std::vector<ReadRecord>> records = ReadFeedRecords("a.rdf", kRdf, ReadOptions());
  ASSERT_TRUE(records.ok()) << records.status().ToString();
  ASSERT_EQ(records->size(), 2u);
  EXPECT_EQ((*records)[1].page.url, "http://a.com/2");
}

TEST(FeedTest, HostileFeeds) {
  std::string deep = "<rss><channel><item><description>";
  for (int i = 0; i < 100000; ++i) deep += "<b>";
  deep += "</description></item></channel></rss>";
  const std::string laughs = R"(<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaaaaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">]>
<rss><channel><item><title>&f;&f;&f;&f;</title><description>x</description></item></channel></rss>)";
  const std::string external = R"(<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<rss><channel><item><title>&x;</title><link>http://a.com/</link></item></channel></rss>)";
  const std::string inputs[] = {
      deep,
      laughs,
      external,
      "<rss>",
      "<feed><entry>",
      "<rss><channel><item><title>\xFF\xFE bad utf8</title></item></channel></rss>",
      "not xml at all",
      "<html><body>x</body></html>"};
  for (const std::string& input : inputs) {
    Result<std::vector<ReadRecord>> records = ReadFeedRecords("a.rss", input, ReadOptions());
    if (!records.ok()) continue;
    for (const ReadRecord& record : *records) {
      EXPECT_LT(record.page.title.size(), 100000u);
      EXPECT_EQ(record.page.title.find("root:"), std::string::npos);
    }
  }
  EXPECT_FALSE(ReadFeedRecords("a.rss", "not xml at all", ReadOptions()).ok());
  EXPECT_FALSE(ReadFeedRecords("a.rss", "<html><body>x</body></html>", ReadOptions()).ok());
}

}  // namespace
}  // namespace newsloom::ingest
