// Main-content selection and the page-kind signals, on small hand-written pages.
#include "extract/page_kind.h"

#include <gtest/gtest.h>

#include <string>

#include "common/time.h"
#include "extract/boilerplate.h"
#include "extract/content.h"
#include "extract/metadata.h"
#include "extract/test_pages.h"

namespace newsloom::extract {
namespace {

using test_pages::Fetched;
using test_pages::Sentence;

std::string ContentText(const std::string& html) {
  auto document = HtmlDocument::Parse(html);
  EXPECT_TRUE(document.ok());
  if (!document.ok()) return {};
  MainContent content = ExtractMainContent(*document.value(), "");
  std::string text;
  for (const Paragraph& paragraph : content.paragraphs) text += paragraph.text + "\n";
  return text;
}

TEST(ExtractContentTest, ArticleHoldingTheHeadlineIsKeptWhateverItsClassSays) {
  // A CMS content type named "newsletter-article": "newsletter" alone names chrome.
  std::string html =
      "<html><body><nav><a href=/>Home</a></nav><main>"
      "<article class='node node--type-newsletter-article'><h1>Bridge plan</h1>"
      "<div class='field--name-body'><p>" +
      Sentence("bridge") + Sentence("road") + "</p><p>" + Sentence("tunnel") +
      "</p></div></article></main>"
      "<div class='newsletter-signup'><p>Sign up for our weekly newsletter "
      "and never miss a story from us.</p></div></body></html>";
  std::string text = ContentText(html);
  EXPECT_NE(text.find("the bridge would go ahead"), std::string::npos) << text;
  EXPECT_NE(text.find("the tunnel would go ahead"), std::string::npos) << text;
  EXPECT_EQ(text.find("Sign up"), std::string::npos) << text;
}

TEST(ExtractContentTest, PageBuilderLayoutColumnsNamedWidgetHoldTheArticle) {
  // HubSpot cuts a page into "widget-span" columns of "widget-type-rich_text"
  // modules, each with part of the text; a WordPress sidebar widget is chrome.
  std::string html =
      "<html><body><div class='span12 widget-span widget-type-custom_widget'><div "
      "class='hs_cos_wrapper widget-type-rich_text'><h3>Set goals</h3><p>" +
      Sentence("bridge") +
      "</p></div></div><div class='span12 widget-span "
      "widget-type-custom_widget'><div class='widget-type-rich_text'><p>" +
      Sentence("tunnel") +
      "</p></div></div><div class='span12 widget-span "
      "widget-type-custom_widget'><div class='widget-type-rich_text'><p>" +
      Sentence("road") +
      "</p></div></div><div class='widget-area'><div class='widget-title'>"
      "Recent posts</div><p>A list of the most recent posts on this blog, newest first.</p>"
      "</div></body></html>";
  std::string text = ContentText(html);
  EXPECT_NE(text.find("the bridge would go ahead"), std::string::npos) << text;
  EXPECT_NE(text.find("the tunnel would go ahead"), std::string::npos) << text;
  EXPECT_NE(text.find("the road would go ahead"), std::string::npos) << text;
  EXPECT_EQ(text.find("most recent posts"), std::string::npos) << text;
}

TEST(ExtractContentTest, WrapperNamedAfterAMenuHoldingTheHeadlineAndTextIsKept) {
  // A page whose mega-menu outweighs its text, wrapped in an element whose
  // name mentions a menu ("menu-side-transition").
  std::string menu = "<div class='mega-menu'>";
  for (int i = 0; i < 40; ++i) {
    menu += "<a href='/c'>Watches and clocks category " + std::to_string(i) + "</a> ";
  }
  menu += "</div>";
  std::string html = "<html><body>" + menu +
                     "<div class='menu-side-transition' id='wrap'><section><h1>Automatic "
                     "watches</h1><p>" +
                     Sentence("bridge") + Sentence("road") + "</p><p>" + Sentence("tunnel") +
                     Sentence("park") + "</p></section></div></body></html>";
  std::string text = ContentText(html);
  EXPECT_NE(text.find("the bridge would go ahead"), std::string::npos) << text;
  EXPECT_NE(text.find("the tunnel would go ahead"), std::string::npos) << text;
  EXPECT_EQ(text.find("category 7"), std::string::npos) << text;
}

TEST(ExtractContentTest, DrupalNodePromotedToTheFrontPageIsNotAPromo) {
  std::string topics = "<div class='topic-index'>";
  for (int i = 0; i < 40; ++i) {
    topics += "<a href='/t'>Workplace safety and health topic " + std::to_string(i) + "</a> ";
  }
  topics += "</div>";
  std::string html = "<html><body><h1>Electrical safety</h1>" + topics +
                     "<article class='topics is-promoted full'><div "
                     "class='content'><p>" +
                     Sentence("bridge") + "</p><p>" + Sentence("tunnel") +
                     "</p></div></article><div class='promo-box'><p>Save twenty percent on every "
                     "electrical safety course this week only.</p></div></body></html>";
  std::string text = ContentText(html);
  EXPECT_NE(text.find("the bridge would go ahead"), std::string::npos) << text;
  EXPECT_EQ(text.find("Save twenty"), std::string::npos) << text;
}

TEST(ExtractContentTest, SidebarNamedColumnHoldingMostOfItsArticleIsTheBody) {
  std::string menu = "<div class='mega-menu'>";
  for (int i = 0; i < 40; ++i) {
    menu += "<a href='/c'>Farm and garden category " + std::to_string(i) + "</a> ";
  }
  menu += "</div>";
  std::string html = "<html><body>" + menu +
                     "<article class='post'><h1>Farm</h1><div class='sidebar-layout'><div "
                     "class='sidebar-content'><p>" +
                     Sentence("bridge") + Sentence("road") + "</p><p>" + Sentence("tunnel") +
                     "</p></div><div class='sidebar'><p>Popular posts from the farm blog this "
                     "week.</p></div></div></article></body></html>";
  std::string text = ContentText(html);
  EXPECT_NE(text.find("the bridge would go ahead"), std::string::npos) << text;
  EXPECT_NE(text.find("the tunnel would go ahead"), std::string::npos) << text;
  EXPECT_EQ(text.find("Popular posts"), std::string::npos) << text;
}

TEST(ExtractContentTest, RdfaMarkedBodyInsideASidebarLayoutWrapperIsKept) {
  // "content-with-sidebar-wrp" names a layout wrapper; RDFa marks the body inside it.
  std::string related;
  for (int i = 0; i < 6; ++i) related += "<p>" + Sentence("museum " + std::to_string(i)) + "</p>";
  std::string html =
      "<html><body><article class='node-article'><h1>Bridge plan</h1>"
      "<div class='content-with-sidebar-wrp'><div class='field-item' "
      "property='content:encoded'><p>" +
      Sentence("bridge") + "</p><p>" + Sentence("tunnel") +
      "</p></div></div></article><div class='more-news'>" + related + "</div></body></html>";
  std::string text = ContentText(html);
  EXPECT_NE(text.find("the bridge would go ahead"), std::string::npos) << text;
  EXPECT_NE(text.find("the tunnel would go ahead"), std::string::npos) << text;
}

TEST(ExtractContentTest, TheRestOfAnArticleServedInAPaywallWrapperIsKept) {
  std::string related;
  for (int i = 0; i < 6; ++i) related += "<p>" + Sentence("museum " + std::to_string(i)) + "</p>";
  std::string html = "<html><body><article><h1>Bridge plan</h1><p>" + Sentence("bridge") +
                     Sentence("road") + "</p><div class='paywall'><p>" + Sentence("tunnel") +
                     "</p><p>" + Sentence("park") + "</p></div></article><div class='more-news'>" +
                     related + "</div></body></html>";
  std::string text = ContentText(html);
  EXPECT_NE(text.find("the park would go ahead"), std::string::npos) << text;
}

TEST(ExtractContentTest, ReadThisNextOpensTheTail) {
  std::string html = "<html><body><article><h1>Bridge plan</h1><p>" + Sentence("bridge") +
                     Sentence("road") + "</p><p>" + Sentence("tunnel") + Sentence("park") +
                     "</p><h3>Read This Next</h3><p>" + Sentence("library") +
                     "</p></article></body></html>";
  std::string text = ContentText(html);
  EXPECT_NE(text.find("the park would go ahead"), std::string::npos) << text;
  EXPECT_EQ(text.find("library"), std::string::npos) << text;
}

TEST(ExtractContentTest, BylinesAndCreditsStandingAsParagraphsGoCreditsOfPhotosStay) {
  std::string html =
      "<html><body><article><h1>Bridge plan</h1>"
      "<p>By Jane Doe on Monday, November 18th, 2019 at 11:04 a.m.</p><p>" +
      Sentence("bridge") + Sentence("road") + "</p><p>\u00a9 Reuters</p><p>" + Sentence("tunnel") +
      Sentence("park") +
      "</p><p>By Friday, the river had risen again.</p>"
      "<p>Advertisement</p>"
      "<p>(Reporting by Jane Doe; editing by John Roe)</p>"
      "<p>Max Mustermann contributed reporting from Berlin.</p>"
      "</article></body></html>";
  std::string text = ContentText(html);
  EXPECT_EQ(text.find("Jane Doe"), std::string::npos) << text;
  EXPECT_EQ(text.find("Advertisement"), std::string::npos) << text;
  EXPECT_EQ(text.find("contributed reporting"), std::string::npos) << text;
  EXPECT_NE(text.find("By Friday, the river"), std::string::npos) << text;
  EXPECT_NE(text.find("Reuters"), std::string::npos) << text;
}

TEST(ExtractContentTest, PartsOfTheArticleNamedAfterItAreChromeTheBodyIsNot) {
  // "article-author" names the author box even beside a layout class that reads
  // as content ("relative-main"); "article-body" is the text.
  std::string html =
      "<html><body><article><h1>Bridge plan</h1>"
      "<div class='group article-author relative-main'><a class='article-author__name'>"
      "PTI</a><span>Washington</span></div>"
      "<div class='article-body'><p>" +
      Sentence("bridge") + Sentence("road") + "</p><p>" + Sentence("tunnel") +
      "</p></div><div class='post-tags'><a href='/tag/bridges'>Bridges</a></div>"
      "<div class='E-news-letter-btn'>GET IT</div></article></body></html>";
  std::string text = ContentText(html);
  EXPECT_EQ(text.find("PTI"), std::string::npos) << text;
  EXPECT_EQ(text.find("Bridges"), std::string::npos) << text;
  EXPECT_EQ(text.find("GET IT"), std::string::npos) << text;
  EXPECT_NE(text.find("tunnel"), std::string::npos) << text;
}

TEST(ExtractContentTest, ElementsLaidOutApartAreNotGluedIntoOneWord) {
  std::string text = ContentText(
      "<html><body><article><h1>Stir fry</h1><p>" + Sentence("kitchen") + Sentence("market") +
      "</p><div><span>Course: Main</span><span>Cuisine: Chinese</span></div><p><span "
      "class=dropcap>T</span>he wok goes on a high flame, and the <b>Pak</b> choi goes in last "
      "with the garlic and the ginger and the sauce.</p></article></body></html>");
  EXPECT_NE(text.find("Course: Main Cuisine: Chinese"), std::string::npos) << text;
  EXPECT_NE(text.find("The wok goes on"), std::string::npos) << text;  // a drop cap stays
  EXPECT_NE(text.find("the Pak choi"), std::string::npos) << text;
}

TEST(ExtractContentTest, DeeplyNestedChromeNamedArticlesStayBounded) {
  std::string html = "<html><body>";
  for (int i = 0; i < 10000; ++i) html += "<article class='promo'><div class=share>";
  html += "<h1>Deep</h1><p>" + Sentence("bridge") + "</p></body></html>";
  std::string text = ContentText(html);  // must return, whatever it finds
  SUCCEED() << text.size();
}

TEST(ExtractBoilerplateParagraphTest, Table) {
  struct Case {
    const char* paragraph;
    bool boilerplate;
  };
  const Case kCases[] = {
      {"By Meg James Staff Writer", true},
      {"By Louis Jacobson on Monday, November 18th, 2019 at 11:04 a.m.", true},
      {"By the end of the year the bridge will be open.", false},
      {"By Friday, officials said, the road would reopen.", false},
      {"(Reporting by Greg Roumeliotis; Editing by Jane Doe)", true},
      {"Keith Bradsher contributed reporting from Hong Kong.", true},
      {"\u00a9 Reuters", false},
      {"Copyright 2019 The New Arab.", true},
      {"Originally published on Live Science.", false},
      {"Share this article", true},
      {"Schon gelesen?", true},
      {"Read This Next", true},
      {"The council approved the bridge on Tuesday.", false},
      // Photo captions and credits.
      {"Foto: Kay Nietfeld", true},
      {"Golf im TV: Die Turniere im \u00dcberblick. (Foto: Getty)", true},
      {"Lee Elder sprach Tiger Woods Mut zu. | \u00a9 Augusta National/Getty Images", true},
      {"Der Hirschk\u00e4fer (Lucanus cervus). Foto \u00a9 J\u00f6rg Gemsch", true},
      {"Judy Eddy/WENN.com", true},
      {"The bridge (photo: above) opened in 1932 and carries four lanes of traffic.", false},
      {"A court ruled on the bridge. Photo: what the engineers saw when they opened the gate",
       false},
      {"The mayor, who praised the design, said it would open in May (foto: city hall).", false},
      {"Abbildung 4: klassische Schwachschicht.", true},
      {"Figure 12. Throughput by thread count", true},
      {"Figures released on Monday show the bridge cost 4 million.", false},
  };
  for (const Case& c : kCases) {
    EXPECT_EQ(IsBoilerplateParagraph(c.paragraph), c.boilerplate) << c.paragraph;
  }
}

TEST(ExtractBoilerplateParagraphTest, PageMechanicsGoOnEveryKindOfPage) {
  for (const char* line :
       {"Skip to main content", "Skip to Content", "Skip navigation",
        "You need to enable JavaScript to run this app.", "This site requires JavaScript.",
        "Zum Hauptinhalt springen", "Aller au contenu principal",
        "Warning: Creating default object from empty value in /www/htdocs/wp-includes/classes.php "
        "on line 407 Deprecated: preg_replace(): The /e modifier is deprecated, use "
        "preg_replace_callback instead in /www/htdocs/wp-includes/functions.php on line 92",
        "S19aea247-2e76-4905-9b83-15a5a5664cfaG661bd3c3-576f-4713-baee-9dc0dd7c3568p2e2c3720-cfa9-"
        "41e9-9571-b179b489e15f"}) {
    EXPECT_TRUE(IsPageMechanicsLine(line)) << line;
  }
  for (const char* line :
       {"Skip to the end: the bridge opens in May.", "JavaScript frameworks come and go.",
        "Skipping breakfast is not the problem, the study found.",
        "Zum Inhalt der Verhandlungen äußerte sich der Minister nicht.",
        "Warning: the bridge in /docs/plan.php is closed on line 4 of the tram network",
        "Request 2e76a247-2e76-4905-9b83-15a5a5664cfa failed because the bridge database was "
        "offline for maintenance on Tuesday night."}) {
    EXPECT_FALSE(IsPageMechanicsLine(line)) << line;
  }
  // A shop page (listing mode) loses them too.
  auto document = HtmlDocument::Parse(
      "<html><body><a href='#main'>Skip to main content</a><main id=main><h1>Mugs</h1>"
      "<ul><li>White speckle mug $60</li><li>Black speckle mug $60</li></ul></main></body></html>");
  ASSERT_TRUE(document.ok());
  MainContent content = ExtractMainContent(*document.value(), "Mugs", ContentMode::kListing);
  for (const Paragraph& paragraph : content.paragraphs) {
    EXPECT_EQ(paragraph.text.find("Skip to"), std::string::npos) << paragraph.text;
  }
}

PageMetadata Metadata(const std::string& html) {
  auto document = HtmlDocument::Parse(html);
  EXPECT_TRUE(document.ok());
  if (!document.ok()) return {};
  return ExtractMetadata(*document.value(), "https://example.com/a", Fetched());
}

TEST(ExtractPageSignalsTest, CountsWhatTellsPageKindsApart) {
  PageMetadata metadata = Metadata(
      "<html><head><meta name=generator content='XenForo'></head><body>"
      "<div itemscope itemtype='https://schema.org/DiscussionForumPosting "
      "https://schema.org/Thing'>"
      "<article class=message><time datetime=2025-01-01>Jan 1</time>First post</article>"
      "<article class=message><time datetime=2025-01-02>Jan 2</time>A reply</article>"
      "<article class=message><time datetime=2025-01-03>Jan 3</time>Another</article></div>"
      "<form><input type=text name=q><input type=hidden name=t><textarea></textarea>"
      "<select><option>a</option></select><input type=submit></form>"
      "<nav><input type=email></nav></body></html>");
  EXPECT_EQ(metadata.generator, "XenForo");
  EXPECT_EQ(metadata.article_elements, 3);
  EXPECT_EQ(metadata.time_elements, 3);
  EXPECT_EQ(metadata.post_blocks, 3);
  EXPECT_EQ(metadata.form_fields, 3);  // text, textarea, select; not hidden, submit, or in nav
  ASSERT_EQ(metadata.microdata_types.size(), 2u);
  EXPECT_EQ(metadata.microdata_types[0], "DiscussionForumPosting");
  EXPECT_EQ(metadata.microdata_types[1], "Thing");
}

double NewsProbability(const std::string& html, const std::string& url) {
  auto document = HtmlDocument::Parse(html);
  EXPECT_TRUE(document.ok());
  if (!document.ok()) return -1;
  PageMetadata metadata = ExtractMetadata(*document.value(), url, Fetched());
  MainContent content = ExtractMainContent(*document.value(), metadata.title);
  return NewsArticleProbability(ComputePageKindFeatures(metadata, content, url));
}

TEST(ExtractPageKindTest, NewsArticleAndShopPageFallOnEitherSide) {
  std::string body;
  for (const char* topic : {"bridge", "road", "tunnel", "park", "library", "station"}) {
    body += "<p>" + Sentence(topic) + Sentence(topic) + "</p>";
  }
  std::string article =
      "<html><head><title>Council approves the new bridge over the river</title>"
      "<meta property=og:type content=article>"
      "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"headline\":"
      "\"Council approves the new bridge over the river\",\"datePublished\":\"2025-03-04\","
      "\"author\":{\"@type\":\"Person\",\"name\":\"Jane Doe\"}}</script></head><body>"
      "<article><h1>Council approves the new bridge over the river</h1>" +
      body + "</article></body></html>";
  EXPECT_GE(NewsProbability(article, "https://example.com/news/2025/03/04/council-approves-bridge"),
            kNewsArticleThreshold);

  std::string product =
      "<html><head><title>Steel Water Bottle 32oz</title>"
      "<meta property=og:type content=product>"
      "<script type='application/ld+json'>{\"@type\":\"Product\",\"name\":\"Steel Water "
      "Bottle\",\"offers\":{\"@type\":\"Offer\",\"price\":\"20\"}}</script></head><body>"
      "<h1>Steel Water Bottle 32oz</h1><p>$20.00</p><form><select><option>Red</option>"
      "</select><input type=number name=qty></form><ul><li><a href=/p/1>Cup</a></li>"
      "<li><a href=/p/2>Mug</a></li></ul></body></html>";
  EXPECT_LT(NewsProbability(product, "https://shop.example.com/products/steel-bottle"),
            kNewsArticleThreshold);
}

TEST(ExtractPageKindTest, AYearOpeningATitleIsNoCount) {
  // Feature 37: the title is phrased as a headline. "10 tips" opens a
  // numbered piece; "2025 ..." names an edition or a season.
  auto phrased = [](const char* title) {
    PageMetadata metadata;
    metadata.title = title;
    return ComputePageKindFeatures(metadata, MainContent{}, "https://example.com/a")[37];
  };
  EXPECT_EQ(phrased("10 tips for a greener garden"), 1.0);
  EXPECT_EQ(phrased("300 jokes for kids"), 1.0);
  EXPECT_EQ(phrased("20000 leagues under the sea"), 1.0);
  EXPECT_EQ(phrased("2025 Best of Year Award Winners"), 0.0);
  EXPECT_EQ(phrased("2025-26 Football Season: MLS is back"), 0.0);
  EXPECT_EQ(phrased("1999 in review: what a year?"), 1.0);  // still a question
}

}  // namespace
}  // namespace newsloom::extract
