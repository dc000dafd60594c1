// Tests of the arena HTML parser: tokenizer and tree-builder cases as
// {input, expected tree} rows, libxml2's read APIs on the result, and a
// comparison with libxml2 on the shared page set.
#include "extract/html_parser.h"

#include <gtest/gtest.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <zlib.h>

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <random>
#include <string>
#include <string_view>

#include "extract/html_document.h"

namespace newsloom::extract {
namespace {

// Serialises a subtree as compact HTML: no escaping, attributes in order,
// attributes without a value as bare names.
void Serialize(const xmlNode* node, std::string* out) {
  for (; node != nullptr; node = node->next) {
    if (node->type == XML_TEXT_NODE) {
      out->append(reinterpret_cast<const char*>(node->content));
      continue;
    }
    ASSERT_EQ(node->type, XML_ELEMENT_NODE);
    out->append("<").append(reinterpret_cast<const char*>(node->name));
    for (const xmlAttr* attr = node->properties; attr != nullptr; attr = attr->next) {
      out->append(" ").append(reinterpret_cast<const char*>(attr->name));
      if (attr->children != nullptr) {
        out->append("=\"")
            .append(reinterpret_cast<const char*>(attr->children->content))
            .append("\"");
      }
    }
    out->append(">");
    std::string_view name = reinterpret_cast<const char*>(node->name);
    if (name == "br" || name == "img" || name == "meta" || name == "link" || name == "input" ||
        name == "hr") {
      continue;
    }
    Serialize(node->children, out);
    out->append("</").append(reinterpret_cast<const char*>(node->name)).append(">");
  }
}

std::string ParseToString(std::string_view html) {
  Arena arena;
  xmlDoc* doc = ParseHtml(html, arena);
  std::string out;
  Serialize(doc->children, &out);
  return out;
}

// The children of <body>, serialised.
std::string BodyOf(std::string_view html) {
  std::string whole = ParseToString(html);
  size_t begin = whole.find("<body");
  begin = whole.find('>', begin) + 1;
  size_t end = whole.rfind("</body>");
  return whole.substr(begin, end - begin);
}

// Checks every link in the tree: parent, prev/next, children/last, doc.
void CheckLinks(const xmlNode* parent, const xmlDoc* doc, int depth, int* max_depth) {
  *max_depth = std::max(*max_depth, depth);
  const xmlNode* previous = nullptr;
  for (const xmlNode* child = parent->children; child != nullptr; child = child->next) {
    ASSERT_EQ(child->parent, parent);
    ASSERT_EQ(child->prev, previous);
    ASSERT_EQ(child->doc, doc);
    for (const xmlAttr* attr = child->properties; attr != nullptr; attr = attr->next) {
      ASSERT_EQ(attr->type, XML_ATTRIBUTE_NODE);
      ASSERT_EQ(attr->parent, child);
      if (attr->children) {
        ASSERT_EQ(attr->children->parent, reinterpret_cast<const xmlNode*>(attr));
        ASSERT_EQ(attr->children, attr->last);
      }
    }
    CheckLinks(child, doc, depth + 1, max_depth);
    previous = child;
  }
  ASSERT_EQ(parent->last, previous);
}

struct ParseCase {
  const char* html;
  const char* expected_body;
};

void RunBodyCases(const ParseCase* cases, size_t count) {
  for (size_t i = 0; i < count; ++i) {
    EXPECT_EQ(BodyOf(cases[i].html), cases[i].expected_body) << "input: " << cases[i].html;
  }
}

TEST(HtmlParserTokenizerTest, Cases) {
  const ParseCase kCases[] = {
      // Attributes of every quoting kind; names lower-cased, values kept.
      {"<p class=\"a b\" id='c' data-x=d hidden>t</p>",
       "<p class=\"a b\" id=\"c\" data-x=\"d\" hidden>t</p>"},
      {"<p a = \"1\" b= 2 c =3 /d>", "<p a=\"1\" b=\"2\" c=\"3\" d></p>"},
      {"<p a=1 A=2 a=3>x</p>", "<p a=\"1\">x</p>"},
      {"<p title=\"it's\" alt='say \"hi\"'>", "<p title=\"it's\" alt=\"say \"hi\"\"></p>"},
      {"<p empty=\"\">", "<p empty=\"\"></p>"},
      {"<DIV CLASS=\"Up\">T</DIV>", "<div class=\"Up\">T</div>"},
      {"<My-Widget X=1>t</MY-WIDGET>", "<my-widget x=\"1\">t</my-widget>"},
      // Character references in text.
      {"<p>&lt;&gt;&amp;&quot;&apos;&#65;&#x42;&#X43;</p>", "<p><>&\"'ABC</p>"},
      {"<p>&nbsp;&rsquo;&mdash;&hellip;&eacute;</p>", "<p>\u00a0\u2019\u2014\u2026\u00e9</p>"},
      {"<p>&lt &amp AT&T &copy2024 &foo; &notanentity</p>",
       "<p>< & AT&T \u00a92024 &foo; &notanentity</p>"},
      {"<p>&#0;&#x110000;&#xD800;&#99999999999;</p>", "<p>\ufffd\ufffd\ufffd\ufffd</p>"},
      {"<p>&#150;&#x92;&#128512;</p>", "<p>\u2013\u2019\U0001F600</p>"},
      {"<p>&#;&#x;&;& x</p>", "<p>&#;&#x;&;& x</p>"},
      // Character references in attributes; legacy ones stay in URLs.
      {"<a href=\"?a=1&amp;b=2&copy=3&lt=4\" title=\"&copy; 2024\">x</a>",
       "<a href=\"?a=1&b=2&copy=3&lt=4\" title=\"\u00a9 2024\">x</a>"},
      {"<img alt=a&amp;b src=x&y>", "<img alt=\"a&b\" src=\"x&y\">"},
      // Comments, doctype, CDATA, processing instructions: dropped.
      {"<p>a<!-- x <b> -->b</p>", "<p>ab</p>"},
      {"<p>a<!-->b<!--->c<!---->d</p>", "<p>abcd</p>"},
      {"<!DOCTYPE html><p>x</p>", "<p>x</p>"},
      {"<p>a<![CDATA[x]]>b</p>", "<p>ab</p>"},
      // As in browsers, an unterminated CDATA section ends at the first '>'.
      {"<p>a<![CDATA[<b>x</b>]]>b</p>", "<p>ax]]>b</p>"},
      {"<?xml version=\"1.0\"?><p>x</p>", "<p>x</p>"},
      {"<p>a<!-- never closed <b>x</b>", "<p>a</p>"},
      // Literal '<' and bogus end tags.
      {"<p>a < b <3 <</p>", "<p>a < b <3 <</p>"},
      {"<p>a</>b</ x>c</p>", "<p>abc</p>"},
      // Raw text and RCDATA.
      {"<div><script>if (a < b) document.write(\"</div>\");</script>after</div>",
       "<div><script>if (a < b) document.write(\"</div>\");</script>after</div>"},
      {"<div><SCRIPT>x &amp; y</Script >z</div>", "<div><script>x &amp; y</script>z</div>"},
      {"<div><style>p > a { }</style></div>", "<div><style>p > a { }</style></div>"},
      {"<div><script></scripty></script>x</div>", "<div><script></scripty></script>x</div>"},
      {"<textarea>&lt;b&gt; <i></textarea>x", "<textarea><b> <i></textarea>x"},
      {"<iframe><p>not parsed</p></iframe>", "<iframe><p>not parsed</p></iframe>"},
      {"<p>a<plaintext></p><b>", "<p>a</p><plaintext></p><b></plaintext>"},
      {"<div><script>never closed <p>x", "<div><script>never closed <p>x</script></div>"},
      // Noscript content is HTML.
      {"<div>a</div><noscript><p>post</p></noscript>",
       "<div>a</div><noscript><p>post</p></noscript>"},
      // Self-closing syntax.
      {"<div/>x<br/><span />y", "<div></div>x<br><span></span>y"},
  };
  RunBodyCases(kCases, std::size(kCases));
}

TEST(HtmlParserTokenizerTest, NulBytesAreDropped) {
  EXPECT_EQ(BodyOf(std::string_view("<p>a\0b</p><i c=\"\0\">", 20)), "<p>ab</p><i c=\"\"></i>");
}

TEST(HtmlParserTokenizerTest, TitleIsRcdata) {
  EXPECT_EQ(ParseToString("<title>A &amp; <b>B</b></title>"),
            "<html><head><title>A & <b>B</b></title></head><body></body></html>");
}

TEST(HtmlParserTreeTest, ImpliedEndTags) {
  const ParseCase kCases[] = {
      {"<p>a<p>b<div>c</div>", "<p>a</p><p>b</p><div>c</div>"},
      {"<p>a<ul><li>b</ul>", "<p>a</p><ul><li>b</li></ul>"},
      {"<p>a<table><tr><td>b</table>", "<p>a</p><table><tr><td>b</td></tr></table>"},
      {"<p>a<span>b<h2>c</h2>", "<p>a<span>b</span></p><h2>c</h2>"},
      {"<ul><li>a<li>b<ul><li>c</ul><li>d</ul>",
       "<ul><li>a</li><li>b<ul><li>c</li></ul></li><li>d</li></ul>"},
      {"<li>a<div><li>b", "<li>a<div></div></li><li>b</li>"},
      {"<dl><dt>a<dd>b<dt>c</dl>", "<dl><dt>a</dt><dd>b</dd><dt>c</dt></dl>"},
      {"<select><option>a<option>b<optgroup><option>c</select>",
       "<select><option>a</option><option>b</option><optgroup><option>c</option></optgroup>"
       "</select>"},
      {"<table><tr><td>a<td>b<tr><th>c</table>x",
       "<table><tr><td>a</td><td>b</td></tr><tr><th>c</th></tr></table>x"},
      {"<table><thead><tr><td>a<tbody><tr><td>b</table>",
       "<table><thead><tr><td>a</td></tr></thead><tbody><tr><td>b</td></tr></tbody></table>"},
      {"<table><tr><td><table><tr><td>in</table>out<td>next</table>",
       "<table><tr><td><table><tr><td>in</td></tr></table>out</td><td>next</td></tr></table>"},
      {"<a href=1>a<a href=2>b", "<a href=\"1\">a</a><a href=\"2\">b</a>"},
      {"<a href=1><span>a<a href=2>b", "<a href=\"1\"><span>a</span></a><a href=\"2\">b</a>"},
      {"<div><a href=1><div>a<a href=2>b</a></div></a>c</div>",
       "<div><a href=\"1\"><div>a<a href=\"2\">b</a></div></a>c</div>"},
      {"<h1>a<h2>b</h1>c", "<h1>a</h1><h2>b</h2>c"},
  };
  RunBodyCases(kCases, std::size(kCases));
}

TEST(HtmlParserTreeTest, EndTags) {
  const ParseCase kCases[] = {
      {"<div><div>a", "<div><div>a</div></div>"},
      {"<div>a</span></p>b</div>c", "<div>ab</div>c"},
      {"<b><i>x</b>y</i>z", "<b><i>x</i></b>yz"},
      {"<div><span>a</div>b", "<div><span>a</span></div>b"},
      {"<span><div>a</span>b</div>c", "<span><div>ab</div>c</span>"},
      {"<div><ul><li>a</div>b", "<div><ul><li>a</li></ul></div>b"},
      {"<table><tr><td><div>a</td>b</table>", "<table><tr><td><div>a</div></td>b</tr></table>"},
      {"<td><p>a</td>b", "<td><p>a</p></td>b"},
      {"a</br>b", "a<br>b"},
      {"<p>a</p></p>b", "<p>a</p>b"},
      {"<body>a</body></html><p>b", "a<p>b</p>"},
  };
  RunBodyCases(kCases, std::size(kCases));
}

struct DocumentCase {
  const char* html;
  const char* expected;
};

TEST(HtmlParserTreeTest, HeadAndBody) {
  const DocumentCase kCases[] = {
      {"", "<html><head></head><body></body></html>"},
      {"just text", "<html><head></head><body>just text</body></html>"},
      {"  \n ", "<html><head></head><body></body></html>"},
      {"<title>T</title>\n<meta charset=utf-8>\n<p>x<script>s</script>",
       "<html><head><title>T</title><meta charset=\"utf-8\"></head>"
       "<body><p>x<script>s</script></p></body></html>"},
      {"<!DOCTYPE html>\n<html lang=en>\n<head>\n<script>a</script>\n<style>b</style>\n</head>\n"
       "<body class=c>\n<p>x</p>\n</body>\n</html>\n",
       "<html lang=\"en\"><head><script>a</script><style>b</style></head>"
       "<body class=\"c\">\n<p>x</p>\n\n\n</body></html>"},
      {"<head><noscript><img src=x></noscript><link rel=a></head><body>b",
       "<html><head><noscript><img src=\"x\"></noscript><link rel=\"a\"></head>"
       "<body>b</body></html>"},
      {"<head><noscript><div>x</div></noscript>",
       "<html><head><noscript></noscript></head><body><div>x</div></body></html>"},
      {"<div>a</div><body class=b>c",
       "<html><head></head><body class=\"b\"><div>a</div>c</body></html>"},
      {"<header>h</header><nav>n</nav><main><article><section>s</section></article>"
       "<aside>a</aside></main><figure>f</figure><footer>f</footer><noscript>p</noscript>",
       "<html><head></head><body><header>h</header><nav>n</nav><main><article><section>s"
       "</section></article><aside>a</aside></main><figure>f</figure><footer>f</footer>"
       "<noscript>p</noscript></body></html>"},
      {"<div class=\"a", "<html><head></head><body></body></html>"},
      {"<p>x</p><div class=\"a", "<html><head></head><body><p>x</p></body></html>"},
      {"<p>x</p><div", "<html><head></head><body><p>x</p></body></html>"},
      {"<p>x</p></div", "<html><head></head><body><p>x</p></body></html>"},
      {"</p>", "<html><head></head><body></body></html>"},
  };
  for (const DocumentCase& test : kCases) {
    EXPECT_EQ(ParseToString(test.html), test.expected) << "input: " << test.html;
  }
}

TEST(HtmlParserTreeTest, DeepNestingIsBounded) {
  for (const char* tag : {"div", "b", "li", "table"}) {
    std::string html;
    for (int i = 0; i < 10000; ++i) html.append("<").append(tag).append(">");
    html.append("deep text");
    for (int i = 0; i < 10000; ++i) html.append("</").append(tag).append(">");
    html.append("after");
    Arena arena;
    xmlDoc* doc = ParseHtml(html, arena);
    int max_depth = 0;
    CheckLinks(reinterpret_cast<xmlNode*>(doc), doc, 0, &max_depth);
    EXPECT_LE(max_depth, kMaxParserDepth + 2) << tag;
    std::string text = TextOf(xmlDocGetRootElement(doc));
    EXPECT_NE(text.find("deep text"), std::string::npos) << tag;
  }
}

TEST(HtmlParserTreeTest, TextSplitByDroppedMarkupIsOneNode) {
  Arena arena;
  xmlDoc* doc = ParseHtml("<p>a<!-- c -->b</span>c<head>d&amp;</p>", arena);
  xmlNode* p = FindFirst(xmlDocGetRootElement(doc), "p");
  ASSERT_NE(p, nullptr);
  ASSERT_NE(p->children, nullptr);
  EXPECT_EQ(p->children, p->last);
  EXPECT_STREQ(reinterpret_cast<const char*>(p->children->content), "abcd&");
}

// Inputs that would be quadratic if text were re-joined per fragment or
// attributes checked against all earlier ones without a bound: a regression
// makes this test run for minutes (timing itself belongs in benchmarks).
TEST(HtmlParserTreeTest, PathologicalInputsStayFast) {
  std::string comments, stray_tags, attributes, bodies;
  for (int i = 0; i < 200000; ++i) comments.append("a<!---->");
  for (int i = 0; i < 200000; ++i) stray_tags.append("a</x>");
  attributes = "<p";
  for (int i = 0; i < 200000; ++i) attributes.append(" a").append(std::to_string(i));
  attributes.append(">x");
  for (int i = 0; i < 50000; ++i) bodies.append("<body a").append(std::to_string(i)).append(">");
  for (const std::string* html : {&comments, &stray_tags, &attributes, &bodies}) {
    Arena arena;
    xmlDoc* doc = ParseHtml(*html, arena);
    EXPECT_NE(xmlDocGetRootElement(doc), nullptr);
  }
}

TEST(HtmlParserTreeTest, GarbageParses) {
  const std::string_view kInputs[] = {
      "\x01\x02<<>>&&;;<\xff\xfe</</<!<?<!--",
      "<<<<<<<<<<",
      ">>>>",
      "<a<b<c d=\"e\" f='g>",
      "&#x&#&#xffffffffffffff;&",
      "<script>",
      "<title>",
      "</script></title></body></html>",
      "<table><td><tr><th><tbody></td></table></tr>",
      "<select><option><optgroup><option></select></option>",
      "<svg><path d=\"M0 0\"/><title>icon</title></svg>text",
  };
  for (std::string_view input : kInputs) {
    Arena arena;
    xmlDoc* doc = ParseHtml(input, arena);
    ASSERT_NE(xmlDocGetRootElement(doc), nullptr);
    int max_depth = 0;
    CheckLinks(reinterpret_cast<xmlNode*>(doc), doc, 0, &max_depth);
  }
}

bool IsValidUtf8(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    size_t length = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (length == 0 || i + length > text.size()) return false;
    for (size_t k = 1; k < length; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return false;
    }
    i += length;
  }
  return true;
}

void CheckStrings(const xmlNode* node, int depth) {
  for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (child->type == XML_TEXT_NODE) {
      ASSERT_TRUE(IsValidUtf8(reinterpret_cast<const char*>(child->content)));
      continue;
    }
    std::string_view name = reinterpret_cast<const char*>(child->name);
    for (char c : name) ASSERT_FALSE(c >= 'A' && c <= 'Z') << name;
    for (const xmlAttr* attr = child->properties; attr != nullptr; attr = attr->next) {
      if (attr->children) {
        ASSERT_TRUE(IsValidUtf8(reinterpret_cast<const char*>(attr->children->content)));
      }
    }
    CheckStrings(child, depth + 1);
  }
}

// Random soup of markup fragments: the tree stays well-linked, bounded and
// valid UTF-8 whatever the order.
TEST(HtmlParserTreeTest, RandomMarkupSoup) {
  const std::string_view kPieces[] = {"<div>",
                                      "</div>",
                                      "<p>",
                                      "</p>",
                                      "<li>",
                                      "</li>",
                                      "<ul>",
                                      "</ul>",
                                      "<table>",
                                      "</table>",
                                      "<tr>",
                                      "<td>",
                                      "</td>",
                                      "</tr>",
                                      "<a href='x&amp;y'>",
                                      "</a>",
                                      "<b>",
                                      "</b>",
                                      "<i>",
                                      "</i>",
                                      "<h2>",
                                      "</h2>",
                                      "<br>",
                                      "</br>",
                                      "<img src=x>",
                                      "<script>",
                                      "</script>",
                                      "<style>",
                                      "</style>",
                                      "<title>",
                                      "</title>",
                                      "<textarea>",
                                      "</textarea>",
                                      "<noscript>",
                                      "</noscript>",
                                      "<head>",
                                      "</head>",
                                      "<body class=b>",
                                      "</body>",
                                      "<html lang=en>",
                                      "</html>",
                                      "<!--",
                                      "-->",
                                      "<!DOCTYPE html>",
                                      "<![CDATA[",
                                      "]]>",
                                      "<?php",
                                      "?>",
                                      "<",
                                      ">",
                                      "&",
                                      "&amp;",
                                      "&#x1F600;",
                                      "&#150;",
                                      "&nbsp",
                                      "&#",
                                      "\"",
                                      "'",
                                      "=",
                                      " ",
                                      "\n",
                                      "text",
                                      "caf\u00e9",
                                      "\u2014",
                                      "<select>",
                                      "<option>",
                                      "<dl>",
                                      "<dt>",
                                      "<dd>",
                                      "<svg>",
                                      "<path d=1/>",
                                      "</svg>",
                                      "<my-tag x>",
                                      "</my-tag>",
                                      "<div class=\"a",
                                      "<p/>",
                                      "</>",
                                      "<plaintext>",
                                      "<iframe>",
                                      "</iframe>",
                                      "<xmp>",
                                      "</xmp>",
                                      "<button>",
                                      "</button>"};
  std::mt19937 random(12345);
  std::uniform_int_distribution<size_t> pick(0, std::size(kPieces) - 1);
  for (int round = 0; round < 3000; ++round) {
    std::string html;
    int count = 1 + int(random() % 120);
    for (int i = 0; i < count; ++i) html.append(kPieces[pick(random)]);
    Arena arena(4096);
    xmlDoc* doc = ParseHtml(html, arena);
    xmlNode* root = xmlDocGetRootElement(doc);
    ASSERT_NE(root, nullptr);
    ASSERT_NE(FindFirst(root, "head"), nullptr);
    ASSERT_NE(FindFirst(root, "body"), nullptr);
    int max_depth = 0;
    CheckLinks(reinterpret_cast<xmlNode*>(doc), doc, 0, &max_depth);
    ASSERT_LE(max_depth, kMaxParserDepth + 2);
    CheckStrings(reinterpret_cast<xmlNode*>(doc), 0);
    if (HasFailure()) {
      ADD_FAILURE() << "input: " << html;
      return;
    }
  }
}

TEST(HtmlParserTreeTest, LinksAreConsistent) {
  Arena arena;
  xmlDoc* doc = ParseHtml(
      "<title>t</title><p class=a id=b>x<!-- c -->y<b>z</b></p><ul><li>1<li>2</ul>"
      "<table><tr><td>c</table>tail",
      arena);
  int max_depth = 0;
  CheckLinks(reinterpret_cast<xmlNode*>(doc), doc, 0, &max_depth);
  EXPECT_EQ(doc->type, XML_HTML_DOCUMENT_NODE);
  EXPECT_EQ(doc->children, doc->last);
  EXPECT_EQ(doc->children->parent, reinterpret_cast<xmlNode*>(doc));
}

TEST(HtmlParserLibxml2Test, ReadApisWork) {
  Arena arena;
  xmlDoc* doc = ParseHtml(
      "<html lang=en><title>T</title><body><div class=\"main story\" id=x>Hello <b>big</b> "
      "world &amp; more</div><input disabled>",
      arena);
  xmlNode* root = xmlDocGetRootElement(doc);
  ASSERT_NE(root, nullptr);
  EXPECT_STREQ(reinterpret_cast<const char*>(root->name), "html");
  xmlChar* lang = xmlGetProp(root, reinterpret_cast<const xmlChar*>("lang"));
  ASSERT_NE(lang, nullptr);
  EXPECT_STREQ(reinterpret_cast<const char*>(lang), "en");
  xmlFree(lang);

  xmlNode* div = FindFirst(root, "div");
  ASSERT_NE(div, nullptr);
  xmlChar* cls = xmlGetProp(div, reinterpret_cast<const xmlChar*>("class"));
  ASSERT_NE(cls, nullptr);
  EXPECT_STREQ(reinterpret_cast<const char*>(cls), "main story");
  xmlFree(cls);
  EXPECT_EQ(xmlGetProp(div, reinterpret_cast<const xmlChar*>("missing")), nullptr);
  EXPECT_NE(xmlHasProp(div, reinterpret_cast<const xmlChar*>("id")), nullptr);
  EXPECT_EQ(Attribute(div, "id"), "x");

  xmlChar* content = xmlNodeGetContent(div);
  ASSERT_NE(content, nullptr);
  EXPECT_STREQ(reinterpret_cast<const char*>(content), "Hello big world & more");
  xmlFree(content);
  EXPECT_EQ(xmlChildElementCount(div), 1u);
  EXPECT_EQ(xmlFirstElementChild(root), FindFirst(root, "head"));
  EXPECT_EQ(xmlLastElementChild(root), FindFirst(root, "body"));

  xmlNode* input = FindFirst(root, "input");
  ASSERT_NE(input, nullptr);
  EXPECT_NE(xmlHasProp(input, reinterpret_cast<const xmlChar*>("disabled")), nullptr);
  EXPECT_EQ(TextOf(root), "T Hello big world & more");
}

TEST(HtmlParserDocumentTest, HtmlDocumentUsesTheParser) {
  auto document = HtmlDocument::Parse("<title>T</title><p>body text</p>");
  ASSERT_TRUE(document.ok());
  ASSERT_NE((*document)->head(), nullptr);
  ASSERT_NE((*document)->body(), nullptr);
  EXPECT_EQ(TextOf((*document)->body()), "body text");
  EXPECT_FALSE(HtmlDocument::Parse("").ok());
  EXPECT_FALSE(HtmlDocument::Parse(" \n\t").ok());
}

TEST(HtmlParserDocumentTest, TextOfAtMostReadsOnlyShortSubtrees) {
  auto document = HtmlDocument::Parse("<div><span>Posted</span><p>May 1, 2024</p></div>");
  ASSERT_TRUE(document.ok());
  xmlNode* body = (*document)->body();
  std::optional<std::string> text = TextOfAtMost(body, 200);
  ASSERT_TRUE(text.has_value());
  EXPECT_EQ(*text, TextOf(body));
  EXPECT_FALSE(TextOfAtMost(body, 5).has_value());
  std::string long_page = "<div>";
  for (int i = 0; i < 100000; ++i) long_page += "<p>words and more words</p>";
  auto large = HtmlDocument::Parse(long_page);
  ASSERT_TRUE(large.ok());
  EXPECT_FALSE(TextOfAtMost((*large)->body(), 200).has_value());
}

TEST(HtmlParserArenaTest, LargeAndSmallAllocations) {
  Arena arena(4096);
  for (int i = 0; i < 1000; ++i) {
    void* node = arena.Allocate(sizeof(xmlNode));
    EXPECT_EQ(reinterpret_cast<uintptr_t>(node) % 16, 0u);
    char* text = arena.AllocateChars(size_t(i % 37) + 1);
    text[i % 37] = 'x';
    arena.TrimLastChars(text + 1);
  }
  char* big = arena.AllocateChars(1 << 20);
  big[(1 << 20) - 1] = 'x';
  EXPECT_GE(arena.bytes_reserved(), size_t(1) << 20);
}

// ---------------------------------------------------------------------------
// The shared page set: every page parses, and the document's text is close in
// length to what libxml2 finds.

std::string Gunzip(const std::filesystem::path& path) {
  std::string out;
  gzFile file = gzopen(path.c_str(), "rb");
  if (file == nullptr) return out;
  char buffer[65536];
  int read;
  while ((read = gzread(file, buffer, sizeof(buffer))) > 0) out.append(buffer, size_t(read));
  gzclose(file);
  return out;
}

std::string Libxml2Text(const std::string& html) {
  int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                HTML_PARSE_COMPACT;
  xmlDoc* doc = htmlReadMemory(html.data(), int(html.size()), nullptr, "UTF-8", options);
  if (doc == nullptr) return {};
  std::string text = TextOf(xmlDocGetRootElement(doc));
  xmlFreeDoc(doc);
  return text;
}

TEST(HtmlParserSharedDataTest, TextMatchesLibxml2) {
  std::filesystem::path dir =
      std::filesystem::path(NEWSLOOM_SHARED_DATA_DIR) / "extract/scrapinghub/html";
  if (!std::filesystem::is_directory(dir)) GTEST_SKIP() << dir << " is not present";
  int pages = 0;
  size_t ours_total = 0, theirs_total = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".gz") continue;
    std::string html = Gunzip(entry.path());
    if (html.empty()) continue;
    Arena arena;
    xmlDoc* doc = ParseHtml(html, arena);
    int max_depth = 0;
    CheckLinks(reinterpret_cast<xmlNode*>(doc), doc, 0, &max_depth);
    std::string ours = TextOf(xmlDocGetRootElement(doc));
    std::string theirs = Libxml2Text(html);
    double ratio = double(ours.size() + 1) / double(theirs.size() + 1);
    EXPECT_TRUE(ratio > 0.9 && ratio < 1.1)
        << entry.path().filename() << ": " << ours.size() << " vs libxml2 " << theirs.size();
    ours_total += ours.size();
    theirs_total += theirs.size();
    ++pages;
  }
  EXPECT_GT(pages, 0);
  double ratio = double(ours_total) / double(std::max<size_t>(theirs_total, 1));
  EXPECT_NEAR(ratio, 1.0, 0.03) << ours_total << " vs libxml2 " << theirs_total;
}

}  // namespace
}  // namespace newsloom::extract
