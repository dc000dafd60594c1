// Scraped pages saved as plain text (the seeds): boilerplate lines removed,
// truncated teasers marked, digest pages split into one item per lede.
// Pure functions, thread-safe.
#ifndef NEWSLOOM_EXTRACT_TEXT_PAGE_H_
#define NEWSLOOM_EXTRACT_TEXT_PAGE_H_

#include <string>
#include <string_view>
#include <vector>

#include "newsloom/article.h"

namespace newsloom::extract {

struct TextItem {
  std::string title;                 // the headline line, when the page starts with one
  std::vector<Paragraph> paragraphs; // the article's text, boilerplate removed
  std::string site_name;             // the outlet a digest line names ("Anadolu Ajansı"), or ""
  bool truncated = false;            // the text stops mid-article ("He........", "...")
};

// One item for an ordinary page; one item per lede for a digest page (many
// short ledes from different outlets, one per line, with no headline).
std::vector<TextItem> ExtractTextPage(std::string_view text);

}  // namespace newsloom::extract

#endif  // NEWSLOOM_EXTRACT_TEXT_PAGE_H_
