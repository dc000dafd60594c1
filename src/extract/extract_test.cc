// ExtractPage end to end on small hand-written pages: what happens after the
// main content is chosen (author tails, dangling headings, charset repair).
#include "extract/extract.h"

#include <gtest/gtest.h>

#include <string>

#include "common/strings.h"
#include "extract/test_pages.h"

namespace newsloom::extract {
namespace {

using test_pages::Fetched;
using test_pages::Sentence;

// The one article of an HTML page.
Article ExtractHtml(std::string html) {
  ingest::RawPage page;
  page.id = "page";
  page.format = ingest::RawPage::Format::kHtml;
  page.body = std::move(html);
  Result<std::vector<Article>> articles = ExtractPage(page, Fetched());
  EXPECT_TRUE(articles.ok());
  if (!articles.ok() || articles->size() != 1) return {};
  return articles->front();
}

// A news article page by Meg James with `tail` after four paragraphs of text.
Article ExtractNews(const std::string& title, const std::string& tail) {
  return ExtractHtml(
      "<html><head><title>" + title +
      "</title><meta property='og:type' content='article'>"
      "<meta name='author' content='Meg James'>"
      "<meta property='article:published_time' content='2025-11-20T10:00:00Z'></head>"
      "<body><article><h1>" +
      title + "</h1><p>" + Sentence("bridge") + Sentence("road") + "</p><p>" + Sentence("tunnel") +
      Sentence("park") + "</p><p>" + Sentence("library") + "</p><p>" + Sentence("school") + "</p>" +
      tail + "</article></body></html>");
}

std::string LastParagraph(const Article& article) {
  return article.paragraphs.empty() ? "" : article.paragraphs.back().text;
}

TEST(ExtractPageTest, TheAuthorsBioClosingTheTextGoes) {
  Article article = ExtractNews(
      "Bridge plan approved",
      "<p>Meg James is a corporate media reporter for the Los Angeles Times, covering the "
      "business of television.</p>");
  ASSERT_EQ(article.authors, std::vector<std::string>{"Meg James"});
  EXPECT_NE(LastParagraph(article).find("school would go ahead"), std::string::npos)
      << LastParagraph(article);
}

TEST(ExtractPageTest, AHeadingWithNothingUnderItGoes) {
  Article article =
      ExtractNews("Bridge plan approved", "<h2>Ähnliche Beiträge</h2><p>Kontakt:</p>");
  EXPECT_NE(LastParagraph(article).find("school would go ahead"), std::string::npos)
      << LastParagraph(article);
  // A sentence that introduces an embed stays.
  article = ExtractNews("Bridge plan approved",
                        "<p>Residents took to social media to share their views:</p>");
  EXPECT_EQ(LastParagraph(article), "Residents took to social media to share their views:");
}

TEST(ExtractPageTest, TextOnceReadWithTheWrongCharsetIsRepaired) {
  Article article = ExtractNews("The Investorâ€™s Guide to Bridges", "");
  EXPECT_EQ(article.title, "The Investor’s Guide to Bridges");
}

TEST(ExtractPageTest, InvisibleFormattingCharactersAreDropped) {
  Article article = ExtractNews("Wehr&shy;anlage\u200b Markt",
                                "<p>W\u00e4h&shy;rend Sie \u00fcber den Markt schlen\u00adden, "
                                "staunen Sie.\u2060</p>");
  EXPECT_EQ(article.title, "Wehranlage Markt");
  ASSERT_FALSE(article.paragraphs.empty());
  EXPECT_EQ(article.paragraphs.back().text,
            "W\u00e4hrend Sie \u00fcber den Markt schlenden, staunen Sie.");
}

TEST(ExtractPageTest, AHeaderHoldingRunningTextIsKept) {
  Article article = ExtractHtml(
      "<html><head><title>Bridge plan approved</title></head><body>"
      "<header><a href='/'>Home</a> <a href='/news'>News</a></header>"
      "<article><header><h3>Bridge plan approved</h3><div><p>" +
      Sentence("bridge") + Sentence("road") + "</p><p>" + Sentence("tunnel") + Sentence("park") +
      "</p></div></header></article><footer><p>" +
      // A long footer: the <header> no longer holds most of the page.
      Sentence("a") + Sentence("b") + Sentence("c") + Sentence("d") + Sentence("e") +
      "</p></footer></body></html>");
  std::string text;
  for (const Paragraph& paragraph : article.paragraphs) text += paragraph.text + "\n";
  EXPECT_NE(text.find("the bridge would"), std::string::npos) << text;
  EXPECT_NE(text.find("the tunnel would"), std::string::npos) << text;
  EXPECT_EQ(text.find("Home News"), std::string::npos) << text;
}

// Three paragraphs of running text with a table of 60 short rows between
// them; `header` opens the table.
Article ExtractWithTable(const std::string& header) {
  std::string table = "<table>" + header + "<tbody>";
  for (int row = 0; row < 60; ++row) {
    table += "<tr><td>District " + std::to_string(row) + "</td><td>" + std::to_string(90 - row) +
             ".5</td></tr>";
  }
  table += "</tbody></table>";
  return ExtractHtml(
      "<html><head><title>Bridge plan approved</title>"
      "<meta property='og:type' content='article'>"
      "<meta property='article:published_time' content='2025-11-20T10:00:00Z'>"
      "</head><body><div><p>" +
      Sentence("bridge") + Sentence("road") + "</p><p>" + Sentence("tunnel") + Sentence("park") +
      "</p>" + table + "<p>" + Sentence("library") + Sentence("school") +
      "</p></div></body></html>");
}

std::string TextOf(const Article& article) {
  std::string text;
  for (const Paragraph& paragraph : article.paragraphs) text += paragraph.text + "\n";
  return text;
}

TEST(ExtractPageTest, TheRowsOfADataTableBelongToTheArticle) {
  // Columns headed: a data table, its rows are the article's, however short.
  std::string text =
      TextOf(ExtractWithTable("<thead><tr><th>District</th><th>Score</th></tr>"
                              "</thead>"));
  EXPECT_NE(text.find("the bridge would"), std::string::npos) << text;
  EXPECT_NE(text.find("District 59"), std::string::npos) << text;
  EXPECT_NE(text.find("the library would"), std::string::npos) << text;
  text = TextOf(ExtractWithTable("<tr><th>District</th><th>Score</th></tr>"));
  EXPECT_NE(text.find("the bridge would"), std::string::npos) << text;
  // No headed columns: short rows are fragments, as short lines elsewhere,
  // and outweigh the text around them.
  text = TextOf(ExtractWithTable(""));
  EXPECT_EQ(text.find("District 59"), std::string::npos) << text;
}

TEST(ExtractPageTest, AStreamedPartOfThePageIsRead) {
  // React's streaming renderer sends the article after the shell, hidden, and
  // a script moves it into the placeholder; other hidden boxes stay hidden.
  Article article = ExtractHtml(
      "<html><head><title>Bridge plan approved</title></head><body>"
      "<ul><li><a href='/'>Home</a></li><li><a href='/news'>News</a></li></ul>"
      "<main><template id='B:0'></template><p>Loading</p></main>"
      "<div hidden id='modal'><p>" +
      Sentence("newsletter") + Sentence("offer") +
      "</p></div>"
      "<div hidden id='S:0'><div><h1>Bridge plan approved</h1><p>" +
      Sentence("bridge") + Sentence("road") + "</p><p>" + Sentence("tunnel") + Sentence("park") +
      "</p></div></div><script>$RC('B:0','S:0')</script></body></html>");
  std::string text = TextOf(article);
  EXPECT_NE(text.find("the bridge would"), std::string::npos) << text;
  EXPECT_NE(text.find("the park would"), std::string::npos) << text;
  EXPECT_EQ(text.find("the newsletter would"), std::string::npos) << text;
}

TEST(ExtractPageTest, ALayoutWithASidebarAndAnEditorWidgetHoldTheText) {
  // The layout "has" a sidebar, and a page builder's text-editor widget holds
  // the opening; a long footer keeps either from holding most of the page.
  Article article = ExtractHtml(
      "<html><head><title>Bridge plan approved</title>"
      "<meta property='og:type' content='article'></head><body>"
      "<div class='page-content-has-sidebar'><main>"
      "<div class='so-panel widget widget_sow-editor'><p>" +
      Sentence("bridge") + "</p></div><div><p>" + Sentence("tunnel") + Sentence("park") +
      "</p><p>" + Sentence("road") +
      "</p></div></main>"
      "<div class='sidebar'><p>" +
      Sentence("newsletter") + "</p></div></div><div><p>" + Sentence("a") + Sentence("b") +
      Sentence("c") + Sentence("d") + Sentence("e") + Sentence("f") + Sentence("g") +
      "</p></div></body></html>");
  std::string text = TextOf(article);
  EXPECT_NE(text.find("the bridge would"), std::string::npos) << text;
  EXPECT_NE(text.find("the tunnel would"), std::string::npos) << text;
  EXPECT_EQ(text.find("the newsletter would"), std::string::npos) << text;
}

TEST(ExtractPageTest, ABuildersNumberedModulesHoldTheText) {
  // HubSpot numbers its page sections "widget_<digits>"; a WordPress sidebar
  // widget is named by its type and stays out.
  Article article = ExtractHtml(
      "<html><head><title>Marketing hub</title></head><body><main>"
      "<section id='widget_1755012816893'><h2>Forms</h2><p>" +
      Sentence("bridge") + Sentence("road") + "</p></section><section id='widget_193128310698'><p>" +
      Sentence("tunnel") + Sentence("park") + "</p></section></main>"
      "<div class='widget widget_recent_entries'><p>" + Sentence("newsletter") +
      "</p></div></body></html>");
  std::string text = TextOf(article);
  EXPECT_NE(text.find("the bridge would"), std::string::npos) << text;
  EXPECT_NE(text.find("the tunnel would"), std::string::npos) << text;
  EXPECT_EQ(text.find("the newsletter would"), std::string::npos) << text;
}

TEST(ExtractPageTest, AUtilityClassWithACssValueNamesNothing) {
  // Tailwind writes arbitrary values into class names; "--banner-height"
  // there is a CSS variable, not a banner.
  Article article = ExtractHtml(
      "<html><head><title>Hosting</title></head><body><main>"
      "<div class='stack lg:first:pt-[calc(var(--banner-min-height)+2rem)]'><h2>Deploy</h2><p>" +
      Sentence("bridge") + Sentence("road") + "</p></div><div class='stack'><p>" +
      Sentence("tunnel") + Sentence("park") + "</p></div></main><footer><p>" +
      Sentence("newsletter") + "</p></footer></body></html>");
  std::string text = TextOf(article);
  EXPECT_NE(text.find("the bridge would"), std::string::npos) << text;
  EXPECT_NE(text.find("the tunnel would"), std::string::npos) << text;
  EXPECT_EQ(text.find("the newsletter would"), std::string::npos) << text;
}

TEST(ExtractPageTest, HeroBannersAreALandingPagesSections) {
  // A shop's landing page is a row of hero banners, each a heading and a
  // pitch; a banner that is no hero (a notice) stays out.
  std::string heroes;
  for (const char* topic : {"bridge", "tunnel", "harbour"}) {
    heroes += std::string("<div class='experience-commerce_assets-heroBanner'><h2>") + topic +
              "</h2><p>" + Sentence(topic) + Sentence(std::string(topic) + " plan") + "</p></div>";
  }
  std::string text = TextOf(ExtractHtml(
      "<html><head><title>Watches</title></head><body><main>" + heroes +
      "<div class='site-banner'><p>" + Sentence("newsletter") + "</p></div></main></body></html>"));
  EXPECT_NE(text.find("the bridge would"), std::string::npos) << text;
  EXPECT_NE(text.find("the harbour plan would"), std::string::npos) << text;
  EXPECT_EQ(text.find("the newsletter would"), std::string::npos) << text;
}

TEST(ExtractPageTest, TheHeadersOfListedArticlesAreTheirTeasers) {
  // A topic page lists its stories as <article> elements, each headline and
  // lede in the story's <header>; the page's own <header> stays out.
  std::string teasers;
  for (const char* topic : {"bridge", "tunnel", "harbour"}) {
    teasers += std::string("<article><header><h2><a href='/") + topic + "'>" + topic +
               " news</a></h2><p>" + Sentence(topic) + "</p></header><p>" +
               Sentence(std::string(topic) + " plan") + "</p></article>";
  }
  std::string text = TextOf(ExtractHtml(
      "<html><head><title>Headphones</title></head><body><header><p>" + Sentence("newsletter") +
      "</p></header><main>" + teasers + "</main></body></html>"));
  EXPECT_NE(text.find("the bridge would"), std::string::npos) << text;
  EXPECT_NE(text.find("the harbour would"), std::string::npos) << text;
  EXPECT_EQ(text.find("the newsletter would"), std::string::npos) << text;
}

TEST(ExtractPageTest, AnElementHiddenOnOneScreenSizeIsShownOnOthers) {
  // "product--mobile-hide" hides the description on phones only; a plain
  // "hide" box stays out.
  std::string text = TextOf(ExtractHtml(
      "<html><head><title>Trail pack</title></head><body><main>"
      "<div class='product product--mobile-hide'><h1>Trail pack</h1><p>" +
      Sentence("bridge") + Sentence("road") + "</p><p>" + Sentence("tunnel") + "</p></div>"
      "<div class='hide-on-small-only'><p>" + Sentence("park") + Sentence("school") + "</p></div>"
      "<div class='hide'><p>" + Sentence("newsletter") + "</p></div></main></body></html>"));
  EXPECT_NE(text.find("the bridge would"), std::string::npos) << text;
  EXPECT_NE(text.find("the park would"), std::string::npos) << text;
  EXPECT_EQ(text.find("the newsletter would"), std::string::npos) << text;
}

TEST(ExtractPageTest, AChromeNamedSectionHoldingRunningTextIsKept) {
  // A landing page's sections are "banner"s; the one that holds two long
  // paragraphs (less than half the page's text) is text, the one with a
  // short notice stays out.
  std::string text = TextOf(ExtractHtml(
      "<html><head><title>Gym rentals</title></head><body><main><h1>Gym rentals</h1>"
      "<div class='banner has-hover'><p>" +
      Sentence("bridge") + Sentence("road") + Sentence("school") + "</p><p>" +
      Sentence("tunnel") + Sentence("park") + Sentence("library") + "</p></div>"
      "<div><p>" + Sentence("harbour") + Sentence("station") + Sentence("museum") +
      Sentence("market") + "</p><p>" + Sentence("pool") + Sentence("court") + Sentence("zoo") +
      Sentence("pier") + "</p></div><div class='banner'><p>Free shipping on all orders</p></div></main></body></html>"));
  EXPECT_NE(text.find("the bridge would"), std::string::npos) << text;
  EXPECT_NE(text.find("the harbour would"), std::string::npos) << text;
  EXPECT_EQ(text.find("Free shipping"), std::string::npos) << text;
}

TEST(ExtractPageTest, CustomerReviewsAreCommentsNotTheProductsText) {
  // Shoppers' reviews sit inside the product's own content block; like an
  // article's comments they are readers' words, not the page's.
  Article article = ExtractHtml(
      "<html><head><title>Trail pack</title></head><body><main><div class='product-content'>"
      "<h1>Trail pack</h1><p>" +
      Sentence("bridge") + Sentence("road") + "</p><p>" + Sentence("tunnel") + Sentence("park") +
      "</p><p>" + Sentence("school") + Sentence("library") +
      "</p><div class='product-reviews'><h2>Reviews</h2><p>" + Sentence("casino") + "</p><p>" +
      Sentence("harbour") + "</p></div></div></main></body></html>");
  std::string text = TextOf(article);
  EXPECT_NE(text.find("the bridge would"), std::string::npos) << text;
  EXPECT_NE(text.find("the tunnel would"), std::string::npos) << text;
  EXPECT_EQ(text.find("casino"), std::string::npos) << text;
  EXPECT_EQ(text.find("harbour"), std::string::npos) << text;
}

TEST(ExtractPageTest, AListOfShortItemsBelongsToTheArticle) {
  // 24 ingredients between two paragraphs: list content, not fragments.
  std::string list = "<ul>";
  for (int item = 1; item <= 24; ++item)
    list += "<li>" + std::to_string(item * 10) + " g oats</li>";
  list += "</ul>";
  std::string text = TextOf(
      ExtractHtml("<html><head><title>Porridge</title><meta property='og:type' content='article'>"
                  "<meta name='author' content='Meg James'>"
                  "<meta property='article:published_time' content='2025-11-20T10:00:00Z'></head>"
                  "<body><div><p>" +
                  Sentence("bridge") + Sentence("road") + "</p>" + list + "<p>" +
                  Sentence("tunnel") + Sentence("park") + "</p></div></body></html>"));
  EXPECT_NE(text.find("the bridge would"), std::string::npos) << text;
  EXPECT_NE(text.find("240 g oats"), std::string::npos) << text;
  EXPECT_NE(text.find("the park would"), std::string::npos) << text;
}

TEST(ExtractPageTest, ACollapsedAccordionSectionIsRead) {
  // Each step's text sits in a region its heading button opens; a hidden
  // box that no button names stays out.
  std::string steps;
  for (const char* step : {"survey", "permit", "install"}) {
    steps += std::string("<h3><a role='button' aria-controls='s-") + step + "' id='h-" + step +
             "'>Step: " + step + "</a></h3><div id='s-" + step +
             "' style='display: none' role='region' aria-labelledby='h-" + step + "'><p>" +
             Sentence(step) + Sentence(std::string(step) + " plan") + "</p></div>";
  }
  std::string text = TextOf(ExtractHtml(
      "<html><head><title>Solar steps</title><meta property='og:type' content='article'>"
      "<meta name='author' content='Meg James'>"
      "<meta property='article:published_time' content='2025-11-20T10:00:00Z'></head>"
      "<body><article><h1>Solar steps</h1><p>" +
      Sentence("roof") + "</p>" + steps + "<div style='display:none'><p>" + Sentence("newsletter") +
      "</p></div></article></body></html>"));
  EXPECT_NE(text.find("the survey would"), std::string::npos) << text;
  EXPECT_NE(text.find("the install plan would"), std::string::npos) << text;
  EXPECT_EQ(text.find("the newsletter would"), std::string::npos) << text;
}

TEST(ExtractPageTest, AHiddenTabPanelIsRead) {
  // Each tab's text sits in a panel the tab names (aria-labelledby), hidden
  // until the tab is clicked, by the hidden attribute or a bare <dd>'s; a
  // hidden dialog stays out though it names its title the same way.
  std::string text = TextOf(ExtractHtml(
      "<html><head><title>Solar kits</title></head><body><main><h1>Solar kits</h1>"
      "<div role='tablist'><button id='t-roof'>Roof</button><button id='t-shed'>Shed</button>"
      "</div><div role='tabpanel' aria-labelledby='t-roof'><p>" +
      Sentence("roof") + Sentence("bridge") + "</p></div>"
      "<div role='tabpanel' aria-labelledby='t-shed' hidden><p>" +
      Sentence("shed") + Sentence("tunnel") + "</p></div><dl><dt id='q-1'>Warranty</dt>"
      "<dd aria-labelledby='q-1' hidden><p>" +
      Sentence("warranty") + Sentence("park") + "</p></dd></dl>"
      "<div role='dialog' aria-labelledby='d-1' hidden><h2 id='d-1'>Sign up</h2><p>" +
      Sentence("newsletter") + "</p></div></main></body></html>"));
  EXPECT_NE(text.find("the roof would"), std::string::npos) << text;
  EXPECT_NE(text.find("the shed would"), std::string::npos) << text;
  EXPECT_NE(text.find("the warranty would"), std::string::npos) << text;
  EXPECT_EQ(text.find("the newsletter would"), std::string::npos) << text;
}

// A page rendered by script: the markup holds a menu, the JSON-LD the text.
Article ExtractScriptRendered(const std::string& article_body) {
  return ExtractHtml(
      "<html><head><title>Bridge plan approved</title>"
      "<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"headline\": "
      "\"Bridge plan approved\", \"articleBody\": \"" +
      article_body +
      "\"}</script></head><body><ul><li><a href='/'>Home</a></li><li><a "
      "href='/news'>News</a></li></ul><div id='app'></div></body></html>");
}

TEST(ExtractPageTest, AScriptRenderedPageTakesItsTextFromTheJsonLdBody) {
  const std::string first = Sentence("bridge") + std::string(TrimView(Sentence("road")));
  const std::string second = Sentence("tunnel") + std::string(TrimView(Sentence("park")));
  Article html = ExtractScriptRendered("<p>" + first + "</p><p>" + second + "</p>");
  ASSERT_EQ(html.paragraphs.size(), 2u);
  EXPECT_EQ(html.paragraphs[0].text, first);
  EXPECT_EQ(html.paragraphs[1].text, second);
  Article text = ExtractScriptRendered(first + "\\n\\n" + second);
  ASSERT_EQ(text.paragraphs.size(), 2u);
  EXPECT_EQ(text.paragraphs[1].text, second);
  // A short teaser in the JSON-LD does not replace what the markup gave.
  Article teaser = ExtractScriptRendered("Bridge.");
  for (const Paragraph& paragraph : teaser.paragraphs) EXPECT_NE(paragraph.text, "Bridge.");
}

}  // namespace
}  // namespace newsloom::extract
