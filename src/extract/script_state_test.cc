// HtmlFromScriptState on hand-written script blobs, and a page rendered by
// script extracted end to end.
#include "extract/script_state.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "common/strings.h"
#include "extract/extract.h"
#include "extract/test_pages.h"

namespace newsloom::extract {
namespace {

using test_pages::Fetched;
using test_pages::Sentence;

std::string StateOf(const std::string& html) {
  auto document = HtmlDocument::Parse(html);
  EXPECT_TRUE(document.ok());
  if (!document.ok()) return {};
  return HtmlFromScriptState(**document);
}

// A JSON string literal holding `html`, escaped the way React stores do.
std::string Escaped(const std::string& html) {
  std::string out;
  for (char c : html) {
    if (c == '<') {
      out += "\\u003c";
    } else if (c == '"') {
      out += "\\\"";
    } else {
      out += c;
    }
  }
  return out;
}

// The articles ExtractPage finds in an HTML page.
Result<std::vector<Article>> ExtractHtml(std::string html) {
  ingest::RawPage page;
  page.id = "page";
  page.format = ingest::RawPage::Format::kHtml;
  page.body = std::move(html);
  return ExtractPage(page, Fetched());
}

TEST(ScriptStateTest, DecodesParagraphFragmentsInPageOrder) {
  std::string first = "<p>" + Sentence("bridge") + "</p>";
  std::string second = "<p class=\"lead\">" + Sentence("tunnel") + "</p>";
  std::string html =
      "<html><body><div id=app></div><script>window.__STATE__ = {\"body\":[{\"html\":\"" +
      Escaped(first) + "\"},{\"html\":\"" + Escaped(second) + "\"}]};</script></body></html>";
  EXPECT_EQ(StateOf(html), first + "\n" + second + "\n");
}

TEST(ScriptStateTest, DecodesUnicodeEscapesAndSurrogatePairs) {
  std::string html =
      "<script>var s = \"<p>Caf\\u00e9 \\ud83d\\ude00 " + Sentence("park") + "</p>\";</script>";
  EXPECT_EQ(StateOf(html), "<p>Caf\u00e9 \U0001F600 " + Sentence("park") + "</p>\n");
}

TEST(ScriptStateTest, DecodesControlCharacterEscapesAsSpaces) {
  std::string html =
      "<script>var s = \"<p>one\\u0000two\\u001fthree " + Sentence("lake") + "\";</script>";
  EXPECT_EQ(StateOf(html), "<p>one two three " + Sentence("lake") + "\n");
}

// A fragment without a closing tag is read as lines of text, not parsed;
// fuzz_extract_text found a NUL reaching a paragraph that way.
TEST(ScriptStateTest, AnUnclosedFragmentGivesTextWithoutNul) {
  Result<std::vector<Article>> articles = ExtractHtml(
      "<html><head><title>Ferry plan</title></head><body><div id=root></div>"
      "<script>self.__DATA__={\"body\":\"<p>" +
      Sentence("harbour") + " \\u0000 " + Sentence("ferry") + Sentence("quay") + Sentence("pier") +
      "\"}</script></body></html>");
  ASSERT_TRUE(articles.ok());
  ASSERT_EQ(articles->size(), 1u);
  ASSERT_FALSE(articles->front().paragraphs.empty());
  for (const Paragraph& paragraph : articles->front().paragraphs) {
    EXPECT_EQ(paragraph.text.find('\0'), std::string::npos) << paragraph.text;
  }
}

TEST(ScriptStateTest, SkipsJsonLdShortFragmentsRepeatsAndTextWithoutParagraphs) {
  std::string body = "<p>" + Sentence("school") + "</p>";
  std::string html = "<script type=\"application/ld+json\">{\"articleBody\":\"" + body +
                     "\"}</script>"
                     "<script>a = \"<p>Hi</p>\"; b = \"" +
                     Sentence("road") + "\"; c = \"" + body + "\"; d = \"" + body + "\";</script>";
  EXPECT_EQ(StateOf(html), body + "\n");
}

TEST(ScriptStateTest, ResynchronisesAfterAQuoteThatNeverCloses) {
  std::string body = "<p>" + Sentence("library") + "</p>";
  std::string html = "<script>// it said \"hello\nvar x = \"" + body + "\";\nvar y = \"</script>";
  EXPECT_EQ(StateOf(html), body + "\n");
}

TEST(ScriptStateTest, HugeAndBrokenScriptsStayBounded) {
  std::string script;
  for (int i = 0; i < 60000; ++i)
    script += "\"<p>" + std::to_string(i) + Sentence("tower") + "</p>\",";
  std::string state = StateOf("<script>" + script + "\"\\u12</script>");
  EXPECT_LT(state.size(), size_t(5) << 20);
  EXPECT_FALSE(state.empty());
}

TEST(ScriptStateTest, AShellPageTakesItsTextFromTheStateBlob) {
  std::string paragraphs = "<p>" + Sentence("bridge") + Sentence("road") + "</p><p>" +
                           Sentence("tunnel") + Sentence("park") + "</p><p>" + Sentence("school") +
                           "</p>";
  Result<std::vector<Article>> articles = ExtractHtml(
      "<html><head><title>Bridge plan</title></head><body><div id=root></div>"
      "<script>self.__DATA__={\"article\":{\"body\":\"" +
      Escaped(paragraphs) + "\"}}</script></body></html>");
  ASSERT_TRUE(articles.ok());
  ASSERT_EQ(articles->size(), 1u);
  ASSERT_EQ(articles->front().paragraphs.size(), 3u);
  EXPECT_EQ(articles->front().paragraphs[2].text, TrimView(Sentence("school")));
}

TEST(ScriptStateTest, APageWithVisibleTextKeepsItsMarkup) {
  std::string shown =
      "<p>" + Sentence("bridge") + Sentence("road") + "</p><p>" + Sentence("tunnel") + "</p>";
  std::string hidden = "<p>" + Sentence("casino") + Sentence("stadium") + Sentence("harbour") +
                       Sentence("airport") + Sentence("market") + "</p>";
  Result<std::vector<Article>> articles = ExtractHtml(
      "<html><head><title>Bridge plan</title></head><body><article>" + shown +
      "</article><script>x={\"html\":\"" + Escaped(hidden) + "\"}</script></body></html>");
  ASSERT_TRUE(articles.ok());
  ASSERT_EQ(articles->size(), 1u);
  for (const Paragraph& paragraph : articles->front().paragraphs) {
    EXPECT_EQ(paragraph.text.find("casino"), std::string::npos);
  }
}

}  // namespace
}  // namespace newsloom::extract
