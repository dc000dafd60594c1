// The walk over a parsed page that collects every metadata candidate
// (internal to src/extract): meta tags, JSON-LD, headings, <time>s, bylines,
// short dated texts. One pass over the tree; later steps only read what it kept.
// Not thread-safe per instance; one Collector per document.
#ifndef NEWSLOOM_EXTRACT_METADATA_COLLECT_H_
#define NEWSLOOM_EXTRACT_METADATA_COLLECT_H_

#include <string>
#include <string_view>
#include <vector>

#include "common/strings.h"
#include "extract/html_document.h"
#include "extract/metadata_json_ld.h"

namespace newsloom::extract::metadata_internal {

// Where in the page an element sits.
struct Flags {
  bool in_content = false;      // inside <article>, <main>, role=main or an Article item
  bool in_boilerplate = false;  // inside nav, footer, aside
  bool in_header = false;       // inside <header>
  bool in_comments = false;     // inside a comments section
  bool in_dialog = false;       // inside a dialog laid over the page (a cookie notice)
};

// A candidate element (or text node) and where it sits.
struct Found {
  xmlNode* node;
  Flags flags;
};

struct MetaEntry {
  std::string key;           // name / property / itemprop / http-equiv, lower-case
  std::string_view content;  // view into the document
};

// The candidates of one document. Pointers and views point into the
// document, which must outlive the Collector.
class Collector {
 public:
  void Visit(xmlNode* root) { Element(root, Flags{}, 0); }

  std::vector<MetaEntry> metas;
  xmlNode* title = nullptr;
  std::string_view canonical;
  JsonLdReader json_ld;
  std::vector<Found> h1s;
  std::vector<Found> times;
  std::vector<Found> author_nodes;   // class/id with byline/author
  std::vector<Found> date_nodes;     // class/id with date/time/published/meta
  std::vector<Found> author_links;   // <a rel=author>, <a href=".../author/...">
  std::vector<Found> byline_texts;   // elements whose text starts "By ..."
  std::vector<Found> byline_labels;  // elements holding just "Written by", "Author:"
  // Short text nodes with digits, which may be a bare date ("Mar 27, 2024"),
  // the first few of each kind: after the first <h1>, inside the article,
  // and anywhere outside navigation and comments.
  std::vector<Found> short_texts_after_h1;
  std::vector<Found> short_texts_in_content;
  std::vector<Found> short_texts_anywhere;  // outside nav, footer, comments
  std::vector<Found> itemprop_authors;
  std::vector<Found> itemprop_dates;
  std::vector<Found> itemprop_headlines;

  // Counts over the whole page, for the page-kind decision.
  int article_elements = 0;  // <article>: one on an article page, many on a listing
  int time_elements = 0;     // <time>: a listing or a thread dates every item
  int post_blocks = 0;       // elements named "reply" / "message" outside navigation
  int form_fields = 0;       // visible <input>, <textarea>, <select>: forms of service pages
  std::vector<std::string> microdata_types;  // itemtype names: "Product", "BlogPosting", ...

 private:
  void Element(xmlNode* node, Flags flags, int depth);
  void Walk(xmlNode* node, Flags flags, int depth);
  void NoteMicrodataTypes(std::string_view itemtype);
  void NoteShortText(xmlNode* text_node, std::string_view text, const Flags& flags);

  bool seen_h1_ = false;  // short texts after the first headline are byline candidates
};

// Lookups over the collected <meta> tags.
class Metas {
 public:
  explicit Metas(const std::vector<MetaEntry>& entries) : entries_(entries) {}

  // The first non-empty content for the key, "" if none.
  std::string_view Get(std::string_view key) const {
    for (const MetaEntry& entry : entries_) {
      if (entry.key == key) {
        std::string_view content = TrimView(entry.content);
        if (!content.empty()) return content;
      }
    }
    return {};
  }

  template <typename Visit>
  void ForEachEntry(Visit visit) const {
    for (const MetaEntry& entry : entries_) {
      visit(std::string_view(entry.key), TrimView(entry.content));
    }
  }

  template <typename Visit>
  void ForEach(std::string_view key, Visit visit) const {
    for (const MetaEntry& entry : entries_) {
      if (entry.key == key) visit(TrimView(entry.content));
    }
  }

 private:
  const std::vector<MetaEntry>& entries_;
};

// Byline wording at the start of a text: "By Jane Doe", or a label alone
// ("Written by", "Author:") whose name follows in the next element.
enum class BylineText { kNone, kByline, kLabel };
BylineText ClassifyBylineText(std::string_view text);

// The value of a microdata element: its content / datetime / title
// attribute, else its text.
std::string ItemValue(const xmlNode* node);

// The name inside an itemprop=author element: a nested itemprop=name, else its text.
std::string ItemAuthorName(xmlNode* node, int depth);

// Candidates in preference order: article/main content first, then the rest;
// comments never.
std::vector<const Found*> ByPreference(const std::vector<Found>& list);

}  // namespace newsloom::extract::metadata_internal

#endif  // NEWSLOOM_EXTRACT_METADATA_COLLECT_H_
