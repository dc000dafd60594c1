// HtmlDocument: a parsed HTML page (libxml2's error-tolerant HTML parser).
//
// libxml2 stays inside the extract stage: nothing outside src/extract sees an
// xmlNode. Not thread-safe for mutation; concurrent const reads are fine.
#ifndef NEWSLOOM_EXTRACT_HTML_DOCUMENT_H_
#define NEWSLOOM_EXTRACT_HTML_DOCUMENT_H_

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <memory>
#include <string>
#include <string_view>

#include "newsloom/status.h"

namespace newsloom::extract {

// Walkers stop descending below this depth; libxml2 itself refuses documents
// nested deeper than 256 unless told otherwise, so this only guards our own
// recursion against future parser changes.
inline constexpr int kMaxTreeDepth = 512;

class HtmlDocument {
 public:
  // Parses UTF-8 HTML. Broken markup is repaired, never an error; an input
  // that yields no element at all is Corruption.
  static Result<std::unique_ptr<HtmlDocument>> Parse(std::string_view utf8_html);

  ~HtmlDocument();
  HtmlDocument(const HtmlDocument&) = delete;
  HtmlDocument& operator=(const HtmlDocument&) = delete;

  xmlNode* root() const;  // the <html> element; never null
  xmlNode* head() const;  // <head>, or null
  xmlNode* body() const;  // <body>, or null

 private:
  explicit HtmlDocument(xmlDoc* doc) : doc_(doc) {}
  xmlDoc* doc_;
};

// Lower-case ASCII tag name of an element ("" for non-elements).
std::string_view TagName(const xmlNode* node);
bool IsElement(const xmlNode* node);
bool HasTag(const xmlNode* node, std::string_view lower_tag);

// The attribute's value, or "" when absent.
std::string Attribute(const xmlNode* node, const char* name);

// All text below node, whitespace collapsed; skips script, style, noscript, template.
std::string TextOf(const xmlNode* node);

// First descendant element (depth-first, including node itself) with the tag.
xmlNode* FindFirst(xmlNode* node, std::string_view lower_tag);

}  // namespace newsloom::extract

#endif  // NEWSLOOM_EXTRACT_HTML_DOCUMENT_H_
