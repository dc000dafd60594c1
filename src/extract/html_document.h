// HtmlDocument: a parsed HTML page, as a tree of libxml2 structs.
//
// The tree is built by ParseHtml (html_parser.h) in an arena the document
// owns; it has libxml2's shape, so libxml2's read-only tree APIs work on it.
// libxml2 stays inside the extract stage: nothing outside src/extract sees an
// xmlNode. Not thread-safe for mutation; concurrent const reads are fine.
#ifndef NEWSLOOM_EXTRACT_HTML_DOCUMENT_H_
#define NEWSLOOM_EXTRACT_HTML_DOCUMENT_H_

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "extract/html_parser.h"
#include "newsloom/status.h"

namespace newsloom::extract {

// Walkers stop descending below this depth; the parser never builds a tree
// deeper than this (kMaxParserDepth), so this only guards our own recursion.
inline constexpr int kMaxTreeDepth = 512;

class HtmlDocument {
 public:
  // Parses UTF-8 HTML. Broken markup is repaired, never an error; an input
  // that is empty or only whitespace is Corruption.
  static Result<std::unique_ptr<HtmlDocument>> Parse(std::string_view utf8_html);

  ~HtmlDocument();
  HtmlDocument(const HtmlDocument&) = delete;
  HtmlDocument& operator=(const HtmlDocument&) = delete;

  xmlNode* root() const;  // the <html> element; never null
  xmlNode* head() const;  // <head>, or null
  xmlNode* body() const;  // <body>, or null

 private:
  HtmlDocument(std::unique_ptr<Arena> arena, xmlDoc* doc) : arena_(std::move(arena)), doc_(doc) {}
  std::unique_ptr<Arena> arena_;  // owns every node and string of doc_
  xmlDoc* doc_;                   // in arena_
};

// Lower-case ASCII tag name of an element ("" for non-elements).
std::string_view TagName(const xmlNode* node);
bool IsElement(const xmlNode* node);
bool HasTag(const xmlNode* node, std::string_view lower_tag);

// The attribute's value, or "" when absent. AttributeView points into the
// tree and lives as long as the document.
std::string_view AttributeView(const xmlNode* node, const char* name);
std::string Attribute(const xmlNode* node, const char* name);

// All text below node, whitespace collapsed; skips script, style, noscript, template.
std::string TextOf(const xmlNode* node);

// The text and CDATA children of node, joined as they are (a <script>'s
// source), without the text of its elements.
std::string OwnText(const xmlNode* node);

// TextOf when it is at most max_bytes long, else nothing; a larger subtree is
// read only a bounded way (a label's wrapper around a whole page costs little).
std::optional<std::string> TextOfAtMost(const xmlNode* node, size_t max_bytes);

// First descendant element (depth-first, including node itself) with the tag.
xmlNode* FindFirst(xmlNode* node, std::string_view lower_tag);

}  // namespace newsloom::extract

#endif  // NEWSLOOM_EXTRACT_HTML_DOCUMENT_H_
