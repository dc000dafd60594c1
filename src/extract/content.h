// Main-content extraction: which blocks of an HTML page are the article.
//
// The page is cut into text blocks at block-level elements. Each block gets a
// weight (long running text counts for, short and link-dense blocks against),
// the weights are summed up the tree, and the element with the largest sum is
// the main content: the subtree that holds the most article text for the least
// boilerplate. Blocks inside it are then filtered one by one. Elements that are
// chrome by role (nav, aside, footer, hidden ones) or by name (class/id such as
// "share-bar", "comments", "related") are cut before scoring.
// Pure function of the document, thread-safe.
#ifndef NEWSLOOM_EXTRACT_CONTENT_H_
#define NEWSLOOM_EXTRACT_CONTENT_H_

#include <string>
#include <string_view>
#include <vector>

#include "extract/html_document.h"
#include "newsloom/article.h"

namespace newsloom::extract {

// Words that make a paragraph long: running text, not a caption or a link.
inline constexpr int kLongParagraphWords = 25;

// What extraction found, with the measurements the page-kind decision uses.
struct MainContent {
  std::vector<Paragraph> paragraphs;
  int page_chars = 0;          // characters of text in all blocks of the page
  int page_link_chars = 0;     // of which inside links
  int content_chars = 0;       // characters in the chosen paragraphs
  int content_link_chars = 0;  // of which inside links
  int long_paragraphs = 0;     // chosen paragraphs of kLongParagraphWords or more
};

enum class ContentMode {
  kArticle,  // running text: link lists and short fragments weigh against
  kListing,  // a listing, shop or forum index: linked item names are content too
};

// `title` is the page's headline: a heading equal to it is not repeated in the text.
MainContent ExtractMainContent(const HtmlDocument& document, std::string_view title,
                               ContentMode mode = ContentMode::kArticle);

}  // namespace newsloom::extract

#endif  // NEWSLOOM_EXTRACT_CONTENT_H_
