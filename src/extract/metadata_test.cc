#include "extract/metadata.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "common/time.h"

namespace newsloom::extract {
namespace {

// 2026-01-01T00:00:00Z: pages below are dated before it unless a test says otherwise.
Timestamp Fetched() {
  Timestamp stamp;
  stamp.utc_seconds = 1767225600;
  stamp.has_offset = true;
  return stamp;
}

PageMetadata Extract(const std::string& html, std::string_view url = "https://example.com/a") {
  auto document = HtmlDocument::Parse(html);
  EXPECT_TRUE(document.ok());
  if (!document.ok()) return {};
  return ExtractMetadata(*document.value(), url, Fetched());
}

std::string Published(const PageMetadata& metadata) {
  return metadata.published ? metadata.published->ToIso8601() : "";
}

std::string JoinedAuthors(const PageMetadata& metadata) {
  std::string joined;
  for (const std::string& author : metadata.authors) {
    if (!joined.empty()) joined += "; ";
    joined += author;
  }
  return joined;
}

// ---------------------------------------------------------------- CleanTitle

struct CleanTitleRow {
  const char* title;
  const char* site_name;
  const char* expected;
};

constexpr CleanTitleRow kCleanTitleRows[] = {
    {"Storm hits coast | The Daily Planet", "The Daily Planet", "Storm hits coast"},
    {"The Daily Planet - Storm hits coast", "The Daily Planet", "Storm hits coast"},
    {"Storm hits coast \xE2\x80\x93 Daily Planet News", "Daily Planet", "Storm hits coast"},
    // A section name before the site name goes too.
    {"Storm hits coast | Weather | The Daily Planet", "The Daily Planet", "Storm hits coast"},
    {"Storm hits the coast | Weather and climate change | The Daily Planet", "The Daily Planet",
     "Storm hits the coast | Weather and climate change"},
    {"Daily Planet: Storm hits the coast", "Daily Planet", "Storm hits the coast"},
    {"Storm hits coast", "The Daily Planet", "Storm hits coast"},
    {"The Daily Planet", "The Daily Planet", "The Daily Planet"},
    // Without a site name: a short, capitalised trailing part is a name.
    {"Storm hits the coast overnight - Daily Planet", "", "Storm hits the coast overnight"},
    // A host name after the title names the site however short the title.
    {"GAME CHANGER | Newegg.com", "", "GAME CHANGER"},
    // A forum engine's page label follows the site's name, known or not.
    {"NationStates \xE2\x80\xA2 View topic - Football season: MLS is back!", "",
     "Football season: MLS is back!"},
    {"Getting started - example.co.uk", "", "Getting started"},
    {"Big Deal - Today", "", "Big Deal - Today"},
    {"Storm hits the coast overnight | Weather | Daily Planet", "",
     "Storm hits the coast overnight"},
    // ... but not when it reads like part of the headline.
    {"Covid-19 - what you need to know about the new rules", "",
     "Covid-19 - what you need to know about the new rules"},
    {"Storm - Planet", "", "Storm - Planet"},
    // A question or an exclamation is no name; a one-word brand may shout.
    {"Remote repairs with smart glasses \xE2\x80\x93 The Future of Service?", "",
     "Remote repairs with smart glasses \xE2\x80\x93 The Future of Service?"},
    {"Best bread machines \xE2\x80\x93 My Favorites!", "",
     "Best bread machines \xE2\x80\x93 My Favorites!"},
    {"Find the best pet insurance for your dog | Wag!", "",
     "Find the best pet insurance for your dog"},
    {"  Storm   hits\tcoast  ", "", "Storm hits coast"},
    // A blog or forum engine's label after the site's name names no page.
    {"Daily Planet \xC2\xBB Blog Archive \xC2\xBB Storm hits coast", "Daily Planet",
     "Storm hits coast"},
    {"Daily Planet \xE2\x80\xA2 View topic - Which lathe for a beginner?", "Daily Planet",
     "Which lathe for a beginner?"},
    // A separator inside a quotation is part of it; the site name still goes.
    {"Record of the week: \xE2\x80\x98Pale Blue Dot / Lift Off\xE2\x80\x99 | Daily Planet",
     "Daily Planet", "Record of the week: \xE2\x80\x98Pale Blue Dot / Lift Off\xE2\x80\x99"},
    {"Mayor: \xC2\xABNo pause \xE2\x80\x93 not this year\xC2\xBB - Daily Planet", "Daily Planet",
     "Mayor: \xC2\xABNo pause \xE2\x80\x93 not this year\xC2\xBB"},
    // An apostrophe opens nothing; a quotation that never closes splits as usual.
    {"Storm\xE2\x80\x99s toll rises | Daily Planet", "Daily Planet",
     "Storm\xE2\x80\x99s toll rises"},
    {"Mayor: \xE2\x80\x9CNo pause | Daily Planet", "Daily Planet", "Mayor: \xE2\x80\x9CNo pause"},
    {"", "Site", ""},
};

TEST(CleanTitleTest, Table) {
  for (const CleanTitleRow& row : kCleanTitleRows) {
    EXPECT_EQ(CleanTitle(row.title, row.site_name), row.expected)
        << "title: " << row.title << " site: " << row.site_name;
  }
}

// ---------------------------------------------------------------- titles

struct TitleRow {
  const char* head;
  const char* body;
  const char* expected;
};

constexpr TitleRow kTitleRows[] = {
    // The <h1> agrees with a part of <title>: take it.
    {"<title>Storm hits coast | Daily Planet</title>", "<h1>Storm hits coast</h1>",
     "Storm hits coast"},
    // og:title with the site name removed.
    {"<meta property='og:title' content='Storm hits coast - Daily Planet'>"
     "<meta property='og:site_name' content='Daily Planet'>",
     "", "Storm hits coast"},
    // An <h1> that only names the site is a logo, not the headline.
    {"<title>Storm hits coast | Daily Planet</title>"
     "<meta property='og:site_name' content='Daily Planet'>",
     "<h1>Daily Planet</h1>", "Storm hits coast"},
    // On an article, the visible headline wins over an SEO title.
    {"<meta property='og:type' content='article'>"
     "<title>Best umbrellas 2025: top picks | Daily Planet</title>",
     "<article><h1>We tested 40 umbrellas in the storm</h1></article>",
     "We tested 40 umbrellas in the storm"},
    // On other pages a slogan in <h1> loses to the page's name.
    {"<meta property='og:type' content='website'>"
     "<meta property='og:site_name' content='Daily Planet'>"
     "<title>Umbrella Rental | Daily Planet</title>",
     "<h1>Stay dry, whatever the weather</h1>", "Umbrella Rental"},
    // Entities in JSON-LD are decoded.
    {"<script type='application/ld+json'>{\"@type\":\"NewsArticle\","
     "\"headline\":\"Storm&#8217;s end &amp; after\"}</script>",
     "", "Storm\xE2\x80\x99s end & after"},
    // Documentation permalink marks are not part of a heading.
    {"<title>Models | Docs</title>", "<h1>Models<a class='headerlink' href='#m'>\xC2\xB6</a></h1>",
     "Models"},
    // A shop's stated title adds to the name its heading gives; a heading in
    // the middle of it is not the name.
    {"<title>Height Adjustable Standing Desks | Acme</title>", "<h1>Standing desks</h1>",
     "Standing desks"},
    {"<title>Logitech MX Vertical Ergonomic Mouse</title>", "<h1>MX Vertical</h1>",
     "Logitech MX Vertical Ergonomic Mouse"},
    // A bar heading outside the article that repeats the title's last part
    // is the site's name; in the article, the last part is the headline.
    {"<title>What is Ownership? - The Rust Programming Language</title>",
     "<div class='menu-bar'><h1 class='menu-title'>The Rust Programming Language</h1></div>"
     "<main><h2>What is Ownership?</h2></main>",
     "What is Ownership?"},
    {"<title>Psychiatry.org - What Are the Trends in Psychiatry?</title>",
     "<main><h1>What Are the Trends in Psychiatry?</h1></main>",
     "What Are the Trends in Psychiatry?"},
    // A headline cut to a length limit in JSON-LD is whole in og:title.
    {"<meta property='og:title' content='We Help 4 Readers (Including One Trick) - Emily'>"
     "<meta property='og:site_name' content='Emily'>"
     "<script type='application/ld+json'>{\"@type\":\"BlogPosting\","
     "\"headline\":\"We Help 4 Readers (Including\"}</script>",
     "", "We Help 4 Readers (Including One Trick)"},
    // A kicker left out of the headline takes its separator along.
    {"<title>Storm hits coast</title>",
     "<h1><span class='kicker'>Weather</span><span>: </span>Storm hits coast</h1>",
     "Storm hits coast"},
    {"<meta property='og:type' content='article'><title>Our interview</title>",
     "<article><h1><span class='topline'>Interview</span> - Storm hits coast"
     "</h1></article>",
     "Storm hits coast"},
    {"<meta property='og:title' content='How to set up your monitor, laptop, and k'>",
     "<h1>How to set up your monitor, laptop, and keyboard</h1>",
     "How to set up your monitor, laptop, and keyboard"},
    // A label before the stated title in the <h1> (a section, a day) is not
    // the headline's; an article or a quotation is.
    {"<meta property='og:type' content='article'><meta property='og:title' content='Best "
     "agencies of 2025 ranked'>",
     "<article><h1>Blog: Best agencies of 2025 ranked</h1></article>",
     "Best agencies of 2025 ranked"},
    {"<meta property='og:type' content='article'><meta property='og:title' "
     "content='Preparing a transition in Debusine'>",
     "<h1>Dec 18 2025 Preparing a transition in Debusine</h1>",
     "Preparing a transition in Debusine"},
    {"<meta property='og:type' content='article'><meta property='og:title' content='Best home "
     "cameras of 2026'>",
     "<article><h1>The Best home cameras of 2026</h1></article>", "The Best home cameras of 2026"},
    {"<meta property='og:type' content='article'><meta property='og:title' content='Kramer "
     "misses the Games'>",
     "<article><h1>\"Pure emptiness\": Kramer misses the Games</h1></article>",
     "\"Pure emptiness\": Kramer misses the Games"},
    // A cookie notice's heading names the notice.
    {"<meta property='og:type' content='article'><title>Storm hits coast | Daily Planet</title>",
     "<div role='dialog'><h1>Privacy notice</h1></div>", "Storm hits coast"},
    // A lead-in ("Read also:") or a price is not a headline.
    {"<meta property='og:type' content='article'><title>Storm hits coast | Daily Planet</title>",
     "<article><h1>Read also:</h1><h1>\xE2\x82\xAC"
     "5</h1></article>",
     "Storm hits coast"},
    // An og:title cut at an unescaped quotation mark is whole in <title>.
    {"<meta property='og:title' content='Senator calls Biden '><title>Senator calls Biden "
     "\"unfit\"</title>",
     "", "Senator calls Biden \"unfit\""},
    // A site's own <title>, all the page states, over a thread's question.
    {"<title>Forum - The heart of the internet</title>",
     "<main><h1>Enameled cast iron pan and metal</h1></main>", "Enameled cast iron pan and metal"},
    // Not when the <title> names the heading, when the heading is outside
    // the main content, or a word or two (a section's name).
    {"<title>Cast iron pans: enameled or bare? - Forum</title>",
     "<main><h1>Enameled or bare</h1></main>", "Cast iron pans: enameled or bare?"},
    {"<title>Forum - The heart of the internet</title>",
     "<h1>Enameled cast iron pan and metal</h1>", "Forum - The heart of the internet"},
    {"<title>Forum - Five best noise-canceling headphones</title>", "<main><h1>Pulse!</h1></main>",
     "Forum - Five best noise-canceling headphones"},
};

TEST(ExtractMetadataTest, Titles) {
  for (const TitleRow& row : kTitleRows) {
    std::string html = std::string("<html><head>") + row.head + "</head><body>" + row.body +
                       "<p>Text.</p></body></html>";
    EXPECT_EQ(Extract(html).title, row.expected) << html;
  }
}

// ---------------------------------------------------------------- JSON-LD

TEST(ExtractMetadataTest, JsonLdGraph) {
  const std::string html = R"(<html><head>
<script type="application/ld+json">
{"@context": "https://schema.org", "@graph": [
  {"@type": "WebSite", "@id": "https://example.com/#website", "name": "Example News"},
  {"@type": "WebPage", "@id": "https://example.com/a", "datePublished": "2020-01-01"},
  {"@type": ["NewsArticle"], "headline": "Rates rise again",
   "datePublished": "2024-09-23T10:05:00+02:00", "dateModified": "2024-09-24T08:00:00+02:00",
   "author": [{"@id": "https://example.com/#/person/1"}, {"@type": "Person", "name": "John Roe"}],
   "publisher": {"@id": "https://example.com/#org"}},
  {"@type": "Person", "@id": "https://example.com/#/person/1", "name": "Jane Doe"},
  {"@type": "Organization", "@id": "https://example.com/#org", "name": "Example Media"}
]}
</script></head><body><p>Text.</p></body></html>)";
  PageMetadata metadata = Extract(html);
  EXPECT_EQ(metadata.title, "Rates rise again");
  EXPECT_EQ(JoinedAuthors(metadata), "Jane Doe; John Roe");
  EXPECT_EQ(Published(metadata), "2024-09-23T10:05:00+02:00");
  EXPECT_EQ(metadata.site_name, "Example Media");
  ASSERT_EQ(metadata.json_ld_types.size(), 5u);
  EXPECT_EQ(metadata.json_ld_types[2], "NewsArticle");
}

TEST(ExtractMetadataTest, JsonLdArrayAndStringAuthor) {
  const std::string html = R"(<html><head>
<script type="application/ld+json">[{"@type": "BreadcrumbList"},
 {"@type": "BlogPosting", "headline": "A post", "author": "By Jane Doe and John Roe",
  "datePublished": "2023-05-01"}]</script>
<script type="application/ld+json">{ not json </script>
</head><body></body></html>)";
  PageMetadata metadata = Extract(html);
  EXPECT_EQ(JoinedAuthors(metadata), "Jane Doe; John Roe");
  EXPECT_EQ(Published(metadata), "2023-05-01");
}

TEST(ExtractMetadataTest, JsonLdWorkInsideAnItemIsPartOfIt) {
  // A product's reviews are its parts: neither their title nor their
  // author nor their date is the page's.
  auto page = [](const std::string& json) {
    return "<html><head><title>KALLAX shelf unit - IKEA</title><script "
           "type='application/ld+json'>" +
           json + "</script></head><body><p>Text.</p></body></html>";
  };
  PageMetadata product = Extract(page(
      R"({"@type": "Product", "name": "KALLAX shelf unit", "review": [{"@type": "Review",
          "name": "I got the oak stained color", "author": {"@type": "Person", "name": "Dorothy"},
          "datePublished": "2025-03-04"}]})"));
  EXPECT_EQ(product.title, "KALLAX shelf unit");
  EXPECT_EQ(JoinedAuthors(product), "");
  EXPECT_EQ(Published(product), "");
  // A page's own review, alone or as the main entity of its WebPage, is the page's.
  PageMetadata review = Extract(page(
      R"({"@type": "WebPage", "mainEntity": {"@type": "Review", "name": "KALLAX, reviewed",
          "author": {"@type": "Person", "name": "Dorothy"}}})"));
  EXPECT_EQ(review.title, "KALLAX, reviewed");
  EXPECT_EQ(JoinedAuthors(review), "Dorothy");
}

// ---------------------------------------------------------------- OpenGraph and meta

TEST(ExtractMetadataTest, OpenGraphAndMeta) {
  const std::string html = R"(<html lang="en-US"><head>
<meta property="og:title" content="Storm hits coast">
<meta property="og:site_name" content="Daily Planet">
<meta property="og:type" content="Article">
<meta property="og:url" content="https://planet.example/storm">
<meta property="og:description" content="A storm &amp; its aftermath.">
<meta property="article:published_time" content="2024-03-02T08:30:00Z">
<meta property="article:author" content="https://facebook.com/someone">
<meta name="author" content="Lois Lane">
</head><body><p>Text.</p></body></html>)";
  PageMetadata metadata = Extract(html, "");
  EXPECT_EQ(metadata.title, "Storm hits coast");
  EXPECT_EQ(metadata.site_name, "Daily Planet");
  EXPECT_EQ(metadata.og_type, "article");
  EXPECT_EQ(metadata.url, "https://planet.example/storm");
  EXPECT_EQ(metadata.canonical_url, "https://planet.example/storm");
  EXPECT_EQ(metadata.description, "A storm & its aftermath.");
  EXPECT_EQ(metadata.language, "en");
  EXPECT_EQ(JoinedAuthors(metadata), "Lois Lane");
  EXPECT_EQ(Published(metadata), "2024-03-02T08:30:00Z");
}

TEST(ExtractMetadataTest, LanguageFallbacks) {
  EXPECT_EQ(Extract("<html><head><meta http-equiv='content-language' content='de-AT'>"
                    "</head><body></body></html>")
                .language,
            "de");
  EXPECT_EQ(Extract("<html><head><meta property='og:locale' content='fr_FR'>"
                    "</head><body></body></html>")
                .language,
            "fr");
  EXPECT_EQ(Extract("<html lang='x-klingon-123'><body></body></html>").language, "");
}

// ---------------------------------------------------------------- urls

struct CanonicalRow {
  const char* page_url;
  const char* head;
  const char* expected;
};

constexpr CanonicalRow kCanonicalRows[] = {
    {"https://example.com/news/a?x=1", "<link rel='canonical' href='/news/a'>",
     "https://example.com/news/a"},
    {"https://example.com/news/a", "<link rel='canonical' href='b'>", "https://example.com/news/b"},
    {"https://example.com/news/a", "<link rel='canonical' href='//cdn.example.com/a'>",
     "https://cdn.example.com/a"},
    {"https://example.com/news/a", "<link rel='canonical' href='https://other.example/a'>",
     "https://other.example/a"},
    {"https://example.com/news/a", "<meta property='og:url' content='/og/a'>",
     "https://example.com/og/a"},
    {"https://example.com/news/a", "", "https://example.com/news/a"},
    {"", "<link rel='canonical' href='/relative'>", ""},
};

TEST(ExtractMetadataTest, CanonicalUrl) {
  for (const CanonicalRow& row : kCanonicalRows) {
    std::string html = std::string("<html><head>") + row.head + "</head><body></body></html>";
    EXPECT_EQ(Extract(html, row.page_url).canonical_url, row.expected) << row.head;
  }
}

// ---------------------------------------------------------------- authors

struct AuthorRow {
  const char* html;
  const char* expected;
};

constexpr AuthorRow kAuthorRows[] = {
    {"<meta name='author' content='Jane Doe and John Roe'>", "Jane Doe; John Roe"},
    {"<meta name='author' content='Jane Doe, John Roe & Max Mustermann'>",
     "Jane Doe; John Roe; Max Mustermann"},
    {"<meta name='author' content='By Jane Doe | Reuters'>", "Jane Doe"},
    {"<meta name='author' content='Von Max Mustermann'>", "Max Mustermann"},
    {"<meta name='author' content='Jane Doe, Staff Writer'>", "Jane Doe"},
    {"<meta name='author' content='Jane Doe (jane@example.com)'>", "Jane Doe"},
    {"<meta name='author' content='Jane Doe, MD, PhD'>", "Jane Doe, MD, PhD"},
    {"<meta name='author' content='admin'>", ""},
    {"<meta name='author' content='Staff'>", ""},
    {"<meta name='citation_author' content='Roy, Aniruddha'>", "Aniruddha Roy"},
    {"<meta name='byl' content='By JANE DOE and JOHN ROE'>", "JANE DOE; JOHN ROE"},
    {"<meta name='author' content='jane doe; jane doe'>", "jane doe"},
};

TEST(ExtractMetadataTest, AuthorSplittingAndCleaning) {
  for (const AuthorRow& row : kAuthorRows) {
    std::string html = std::string("<html><head>") + row.html + "</head><body></body></html>";
    EXPECT_EQ(JoinedAuthors(Extract(html)), row.expected) << row.html;
  }
}

TEST(ExtractMetadataTest, BylineInPageText) {
  EXPECT_EQ(JoinedAuthors(Extract("<html><body><article><h1>Title here</h1>"
                                  "<p class='byline'>By Jane Doe | March 3, 2024</p>"
                                  "<p>Text.</p></article></body></html>")),
            "Jane Doe");
  EXPECT_EQ(JoinedAuthors(Extract("<html><body><article><h1>Title here</h1>"
                                  "<div><p>Written by</p><p>Edzel Tabing</p></div>"
                                  "</article></body></html>")),
            "Edzel Tabing");
  EXPECT_EQ(JoinedAuthors(Extract("<html><body><article><h1>Title here</h1>"
                                  "<p>By batching requests, we save money.</p>"
                                  "</article></body></html>")),
            "");
  EXPECT_EQ(JoinedAuthors(Extract("<html><body><article>"
                                  "<a rel='author' href='/author/jd'>Jane Doe</a>"
                                  "</article></body></html>")),
            "Jane Doe");
}

TEST(ExtractMetadataTest, SiteNameAuthorOnlyAsLastResort) {
  // The site signing its own post is kept when no person is named...
  EXPECT_EQ(JoinedAuthors(Extract("<html><head><meta property='og:site_name' content='Acme'>"
                                  "<meta name='author' content='Acme'></head>"
                                  "<body></body></html>")),
            "Acme");
  // ... but a person named in the byline is preferred.
  EXPECT_EQ(JoinedAuthors(Extract("<html><head><meta property='og:site_name' content='Acme'>"
                                  "<meta name='author' content='Acme'></head><body><article>"
                                  "<span class='author-name'>Jane Doe</span></article>"
                                  "</body></html>")),
            "Jane Doe");
}

// ---------------------------------------------------------------- dates

TEST(ExtractMetadataTest, FutureDateRejected) {
  // 2030 is after the fetch time: the next source (the url) is used.
  const std::string html =
      "<html><head><meta property='article:published_time' content='2030-01-01T00:00:00Z'>"
      "</head><body></body></html>";
  EXPECT_EQ(Published(Extract(html, "https://example.com/2024/09/23/story")), "2024-09-23");
  EXPECT_EQ(Published(Extract(html, "https://example.com/story")), "");
}

TEST(ExtractMetadataTest, PublishedPreferredOverModified) {
  const std::string html =
      "<html><head><meta property='article:modified_time' content='2024-05-02'>"
      "<meta property='article:published_time' content='2024-05-01'></head>"
      "<body></body></html>";
  EXPECT_EQ(Published(Extract(html)), "2024-05-01");
  EXPECT_EQ(Published(Extract("<html><head><meta property='article:modified_time' "
                              "content='2024-05-02'></head><body></body></html>")),
            "2024-05-02");
}

TEST(ExtractMetadataTest, RepublishedPageTakesTheDayItShows) {
  // Declared first publication, declared update, and the one <time> the
  // article shows: the update's day, unlabelled, is the page's date.
  const std::string head =
      "<html><head><meta property='article:published_time' content='2012-09-12T16:45:28Z'>"
      "<meta property='article:modified_time' content='2021-09-08T18:02:10Z'></head><body>";
  auto page = [&](const std::string& body) { return head + body + "</body></html>"; };
  EXPECT_EQ(Published(Extract(page("<article><h1>T</h1><p><time datetime='2021-09-08T18:02:10Z'>"
                                   "September 8, 2021</time></p></article>"))),
            "2021-09-08T18:02:10Z");
  // Shown as an update, by its words or its class: the first publication stays.
  EXPECT_EQ(Published(Extract(page("<article><h1>T</h1><p>Updated on <time "
                                   "datetime='2021-09-08T18:02:10Z'>September 8, 2021</time></p>"
                                   "</article>"))),
            "2012-09-12T16:45:28Z");
  EXPECT_EQ(Published(Extract(page("<article><h1>T</h1><div class='post-date__modified'><time "
                                   "datetime='2021-09-08'>9/8/2021</time></div></article>"))),
            "2012-09-12T16:45:28Z");
  // A thread dates every post; its latest post is the update.
  std::string thread = "<article><h1>T</h1>";
  for (int post = 1; post <= 4; ++post) {
    thread += "<div><p>Reply</p><time datetime='2021-09-08'>Sep 8</time></div>";
  }
  EXPECT_EQ(Published(Extract(page(thread + "</article>"))), "2012-09-12T16:45:28Z");
  // The shown day is neither: ShownDayOtherThanBothDeclaredOnesWins.
  EXPECT_EQ(Published(Extract(page("<article><h1>T</h1><time datetime='2019-01-02'>Jan 2</time>"
                                   "</article>"))),
            "2019-01-02");
}

TEST(ExtractMetadataTest, PageShowingOnlyItsUpdateDayTakesThatDay) {
  // Declared publication and update; the byline's date element shows only
  // the update's day, unlabelled: the page presents itself as of that day.
  const std::string head =
      "<html><head><meta property='article:published_time' content='2024-09-06T13:12:36Z'>"
      "<meta property='article:modified_time' content='2025-11-14T06:49:57Z'></head><body>"
      "<article><h1>Machine learning in e-commerce</h1>";
  auto page = [&](const std::string& body) {
    return head + body + "<p>Shops use models.</p></article></body></html>";
  };
  EXPECT_EQ(Published(Extract(page("<div class='datepanel'><span class='blog_dt'>November 14, "
                                   "2025</span></div>"))),
            "2025-11-14T06:49:57Z");
  // The first publication shown too: it stays the date.
  EXPECT_EQ(Published(Extract(page("<div class='datepanel'>September 6, 2024</div><div "
                                   "class='datepanel'>November 14, 2025</div>"))),
            "2024-09-06T13:12:36Z");
  // Shown as an update, by its words or by hAtom's class="updated" inside
  // the date element, it is one.
  EXPECT_EQ(Published(Extract(page("<div class='datepanel'>Last updated: November 14, "
                                   "2025</div>"))),
            "2024-09-06T13:12:36Z");
  EXPECT_EQ(Published(Extract(page("<span class='meta-date'><span class='updated'>2025-11-14"
                                   "</span></span>"))),
            "2024-09-06T13:12:36Z");
  // Nothing shown: the declared publication.
  EXPECT_EQ(Published(Extract(page(""))), "2024-09-06T13:12:36Z");
}

TEST(ExtractMetadataTest, DayShownAsPublishedOutranksADeclaredOne) {
  // The JSON-LD stamps a CMS re-publication; readers are told another day.
  const std::string head =
      "<html><head><script type='application/ld+json'>{\"@type\": \"NewsArticle\", "
      "\"datePublished\": \"2025-11-29T12:28:31-05:00\"}</script></head><body><article><h1>T</h1>";
  auto page = [&](const std::string& body) { return head + body + "</article></body></html>"; };
  EXPECT_EQ(Published(Extract(page("<p>Published <time datetime='2025-08-13'>August 13, "
                                   "2025</time></p>"))),
            "2025-08-13");
  EXPECT_EQ(Published(Extract(page("<p><time pubdate datetime='2025-08-13'>Aug 13</time></p>"))),
            "2025-08-13");
  EXPECT_EQ(Published(Extract(page("<div class='post-date'>By Claire Wilson, Published Apr 26, "
                                   "2023</div>"))),
            "2023-04-26");
  // One shown as an update does not.
  EXPECT_EQ(Published(Extract(page("<p>Published, then updated <time "
                                   "datetime='2025-08-13'>Aug 13</time></p>"))),
            "2025-11-29T12:28:31-05:00");
}

TEST(ExtractMetadataTest, TemplatedJsonLdDateYieldsToTheShownDay) {
  // "Jun 24, 2025" in JSON-LD is a template's print of the CMS publish time.
  auto page = [](const std::string& stated, const std::string& body) {
    return "<html><head><script type='application/ld+json'>{\"@type\": \"BlogPosting\", "
           "\"datePublished\": \"" +
           stated + "\"}</script></head><body><article><h1>How much to charge</h1>" + body +
           "<p>Pricing a class is hard.</p></article></body></html>";
  };
  EXPECT_EQ(Published(Extract(page("Jun 24, 2025", "<div>August 25, 2024</div>"))), "2024-08-25");
  // Written as ISO 8601, the declaration stands; so does a templated one
  // that the page does not contradict.
  EXPECT_EQ(Published(Extract(page("2025-06-24", "<div>August 25, 2024</div>"))), "2025-06-24");
  EXPECT_EQ(Published(Extract(page("Jun 24, 2025", ""))), "2025-06-24");
}

TEST(ExtractMetadataTest, ShownDayOtherThanBothDeclaredOnesWins) {
  // Declared publication and update, and the article's one <time> shows a
  // third day: the declarations are an import's stamps.
  const std::string head =
      "<html><head><meta property='article:published_time' content='2013-03-11T11:11:07-07:00'>"
      "<meta property='article:modified_time' content='2026-02-18T07:49:16-08:00'></head><body>";
  auto page = [&](const std::string& body) { return head + body + "</body></html>"; };
  EXPECT_EQ(Published(Extract(page("<article><h1>T</h1><p><time datetime='2023-03-20'>March 20, "
                                   "2023</time></p></article>"))),
            "2023-03-20");
  // A day off the declared one is the same moment in another zone.
  EXPECT_EQ(Published(Extract(page("<article><h1>T</h1><p><time datetime='2013-03-12'>March 12, "
                                   "2013</time></p></article>"))),
            "2013-03-11T11:11:07-07:00");
  // Labelled as an update, it is one.
  EXPECT_EQ(Published(Extract(page("<article><h1>T</h1><p>Last updated <time "
                                   "datetime='2023-03-20'>March 20, 2023</time></p></article>"))),
            "2013-03-11T11:11:07-07:00");
}

TEST(ExtractMetadataTest, DateWrappersAroundALargePageAreReadBoundedly) {
  // Every "date" wrapper holds the whole page: each is read only as far as
  // a short label's length, so this stays linear in the page.
  std::string html =
      "<html><head><meta property='article:published_time' content='2024-05-01'></head><body>";
  for (int i = 0; i < 60; ++i) html += "<div class='post-meta date'>";
  for (int i = 0; i < 20000; ++i) html += "<p>Published words and more words here.</p>";
  html += "<time datetime='2024-05-01'>May 1</time></body></html>";
  EXPECT_EQ(Published(Extract(html)), "2024-05-01");
}

TEST(ExtractMetadataTest, EmbeddedVideoDoesNotDateThePage) {
  // A thread's page embeds a video whose JSON-LD carries its upload date;
  // the page's own meta dates the page. An article's JSON-LD still comes first.
  const std::string video =
      "<script type='application/ld+json'>{\"@type\":\"VideoObject\",\"name\":\"Clip\","
      "\"uploadDate\":\"2024-06-07T02:17:25Z\"}</script>";
  const std::string meta = "<meta property='article:published_time' content='2024-06-02'>";
  EXPECT_EQ(Published(Extract("<html><head>" + video + meta + "</head><body></body></html>")),
            "2024-06-02");
  EXPECT_EQ(Published(Extract("<html><head>" + video + "</head><body></body></html>")),
            "2024-06-07T02:17:25Z");
  const std::string article =
      "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"headline\":\"H\","
      "\"datePublished\":\"2024-06-01\"}</script>";
  EXPECT_EQ(Published(Extract("<html><head>" + article + meta + "</head><body></body></html>")),
            "2024-06-01");
}

struct DateSourceRow {
  const char* body;
  const char* expected;
};

constexpr DateSourceRow kDateSourceRows[] = {
    {"<article><time datetime='2024-02-03T10:00:00Z'>Feb 3</time></article>",
     "2024-02-03T10:00:00Z"},
    {"<div class='sidebar'><time class='updated' datetime='2024-02-05'>x</time></div>"
     "<article><time datetime='2024-02-03'>Feb 3</time></article>",
     "2024-02-03"},
    {"<div itemprop='datePublished' content='2022-07-08'></div>", "2022-07-08"},
    // Cards of related stories carry their own dates.
    {"<main><h1>Title</h1><p>Text</p><div class='related-posts'><span class='card-date'>"
     "Dec 19, 2025</span></div></main><div class='post-date'>July 8, 2025</div>",
     "2025-07-08"},
    // A complementary column inside the article holds its date; the page's does not.
    {"<main><h1>Title</h1><aside role='complementary'><p class='article-date'>May 25, 2023</p>"
     "</aside><p>Text</p></main>",
     "2023-05-25"},
    {"<main><h1>Title</h1><p class='post-meta'>Updated May 9, 2024 \xC2\xB7 Published May 1, 2024"
     "</p></main>",
     "2024-05-01"},
    {"<main><h1>Title</h1><div><span>Mar 27, 2024</span></div><p>Text</p></main>", "2024-03-27"},
    {"<main><h1>Title</h1><p>Nothing dated, yesterday.</p></main>", ""},
};

TEST(ExtractMetadataTest, DateSources) {
  for (const DateSourceRow& row : kDateSourceRows) {
    std::string html = std::string("<html><body>") + row.body + "</body></html>";
    EXPECT_EQ(Published(Extract(html)), row.expected) << row.body;
  }
}

TEST(ExtractMetadataTest, EmptyAndBrokenDocuments) {
  PageMetadata metadata = Extract("<p>just a fragment");
  EXPECT_EQ(metadata.title, "");
  EXPECT_TRUE(metadata.authors.empty());
  EXPECT_FALSE(metadata.published);
  EXPECT_EQ(metadata.canonical_url, "https://example.com/a");
}

}  // namespace
}  // namespace newsloom::extract
