// Line-shape predicates used by the plain-text page cleaner (text_page.cc),
// declared here so they can be tested one by one. Internal to the extract
// stage. Lines are whitespace-collapsed UTF-8; case rules are ASCII-only, and a
// non-ASCII first letter counts as capitalised. Pure functions, thread-safe.
#ifndef NEWSLOOM_EXTRACT_TEXT_PAGE_SHAPE_H_
#define NEWSLOOM_EXTRACT_TEXT_PAGE_SHAPE_H_

#include <string_view>

namespace newsloom::extract::text_page_internal {

// The first letter (after opening quotes and brackets) is a capital, a digit,
// or outside ASCII, where no case rule is applied.
bool StartsCapitalised(std::string_view line);

// Running text: at least 13 words, or at least 3 words ending a sentence.
bool IsBodyLine(std::string_view line);

// A headline: 2 to 25 words, starts with a capital, digit or quote, and does
// not end like prose or a fragment (".", ",", ";", ":", "-", ellipsis).
bool LooksLikeHeadline(std::string_view line);

// A section heading inside an article: a headline shape of at most 12 words
// ("Key variables in strengthening relations").
bool LooksLikeHeading(std::string_view line);

// Splits "Moscow bars ... from entering Russia - Anadolu Ajansı" into the text
// before the last " - ", " – ", " — " or " | " (stored in *rest) and the
// outlet after it, which is returned. The outlet must look like a name: one to
// five capitalised words (small connectors such as "of", "the", "de" allowed),
// no sentence punctuation; the text before it needs at least four words.
// Returns "" and leaves *rest = line when the line names no outlet.
std::string_view SplitTrailingAttribution(std::string_view line, std::string_view* rest);

// Starts with a dateline in capitals: "TOKYO:", "NEW YORK (AP) —", "KYIV - ".
// A dateline names a place, never an outlet.
bool StartsWithDateline(std::string_view line);

// Starts with a word that refers back to an earlier sentence ("He", "They",
// "These", "However", "In addition", "Both"): the line continues an article.
bool StartsWithContinuation(std::string_view line);

// Stops where no sentence can: after a comma, a semicolon, a dash, or a word
// such as "the", "and", "which", "of" ("... semiconductors, which").
bool EndsMidSentence(std::string_view line);

// Text cut off by the page: ends with an ellipsis or mid-sentence.
bool IsCutText(std::string_view line);

// Contains "..." or "…" anywhere (a snippet with words left out).
bool HasEllipsis(std::string_view line);

// The last word is a URL ("https://...", "www...."): the line is a reference
// or link, and its missing final period says nothing about truncation.
bool EndsWithUrl(std::string_view line);

}  // namespace newsloom::extract::text_page_internal

#endif  // NEWSLOOM_EXTRACT_TEXT_PAGE_SHAPE_H_
