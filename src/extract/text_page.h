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
  // The headline line, when the page starts with one (section or site names
  // above it skipped, a " | Site" suffix removed). Always "" for a digest
  // lede: a lede has no headline of its own, and its first sentence is text.
  std::string title;
  // The article's text, boilerplate removed; never empty, no paragraph empty,
  // each whitespace-collapsed. kText, kHeading (a short line without final
  // punctuation between body paragraphs) or kListItem (a bulleted line, bullet
  // removed). A digest lede is one kText paragraph.
  std::vector<Paragraph> paragraphs;
  // The outlet a digest line names after " - " ("Anadolu Ajansı"; removed from
  // the text), or the site after " | " in the title; "" otherwise. A leading
  // dateline ("TOKYO:") names a place, not an outlet.
  std::string site_name;
  // The text stops mid-article: a dangling fragment ("He........", dropped
  // from the text), a last paragraph ending in "..." / "…" or mid-sentence
  // ("was never signed,"); for a digest lede also words left out ("... ").
  bool truncated = false;
};

// One item for an ordinary page; one item per lede for a digest page (many
// short ledes from different outlets, one per line, with no headline).
// Returns no items when nothing but whitespace or boilerplate is left.
// `text` is UTF-8 with "\n" or "\r\n" line ends; paragraphs are separated by
// blank lines or by line ends (both occur), and hard-wrapped lines are joined.
std::vector<TextItem> ExtractTextPage(std::string_view text);

}  // namespace newsloom::extract

#endif  // NEWSLOOM_EXTRACT_TEXT_PAGE_H_
