// Boilerplate detection for lines and paragraphs of scraped pages: the text a
// site wraps around every article (share bars, newsletter and donation appeals,
// copyright footers, navigation to other articles, cookie notices, counters).
//
// Works on text alone, so both the plain-text page cleaner and the HTML
// extractor can use it. Rules are phrase lists plus line shape (short, no
// sentence punctuation), never keyed to one site. Case-insensitive for the
// Latin, Greek and Cyrillic scripts (LowerUtf8); phrases of other scripts
// match as written. Pure functions, thread-safe; every function is linear in
// the length of its input.
#ifndef NEWSLOOM_EXTRACT_BOILERPLATE_H_
#define NEWSLOOM_EXTRACT_BOILERPLATE_H_

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace newsloom::extract {

// True when `line` carries no article content wherever it sits on a page:
// "Advertisement", "Read Entire Article", "No time to read?", "Share this
// article", "Subscribe to our newsletter", "© New Eastern Outlook",
// "Copyright 2024 Reuters", "Progleton News @2023", "6 hours ago 1",
// "12 comments", "August 19, 2025", "Home | World | Asia", cookie notices, and
// lines with no letter or digit at all ("***", "|"). Real sentences that merely
// mention "support", "article" or "share" are not boilerplate.
// A blank line is not boilerplate: it is a separator, for the caller to handle.
bool IsBoilerplateLine(std::string_view line);

// IsBoilerplateLine for a paragraph of an HTML article, where copyright
// credits and "Originally published on ..." attributions are the article's own.
bool IsBoilerplateParagraph(std::string_view paragraph);

// Lines about the page's machinery, never its content on any kind of page:
// skip links ("Skip to main content") and script notices ("You need to
// enable JavaScript to run this app.").
bool IsPageMechanicsLine(std::string_view line);

// How many paragraphs at the end of an article are about its author, not the
// story: the author's name standing alone, or a bio that opens with the
// author's name or first name ("Meg James is a corporate media reporter for
// ...", "Emiliano joined pv magazine in 2017."). Looks at the last few
// paragraphs only; `authors` are the page's byline names.
size_t CountAuthorTail(std::span<const std::string_view> paragraphs,
                       std::span<const std::string> authors);

// How a line relates to a donation or subscription appeal.
enum class AppealCue {
  kNone,
  kWeak,    // belongs to an appeal once one has started ("every contribution", "Continue")
  kOpener,  // starts or closes one on its own ("Dear readers,", "A message from ...:",
            // "we need your help", "Not ready to support today?", "Remind me later")
};
AppealCue ClassifyAppealLine(std::string_view line);

// Marks the lines that form appeal blocks: each block starts at an opener and
// runs to the last cue that follows with at most three cue-less lines between
// cues ("We are facing unprecedented challenges..." inside the block goes with
// it). A block needs two cue lines; a lone opener is left to IsBoilerplateLine.
// `lines` are the page's non-blank lines in order; the result has one entry per line.
std::vector<bool> FindAppealBlocks(std::span<const std::string_view> lines);

// True for a line that introduces links to other articles: "Previous Article",
// "Next Article", "Related articles", "You may also like", "Read next", ...
bool IsNavigationMarker(std::string_view line);

// The index of the first line of the trailing navigation section: the first
// navigation marker that has body text before it and less body text after it
// than before (so a "Related" box in the middle of an article does not cut the
// article). Everything from there to the end is headlines of other articles.
// Returns lines.size() when the page has no such section.
size_t FindNavigationTail(std::span<const std::string_view> lines);

// Line shape, shared by the rules above and the page cleaners.
//
// Ends with ".", "!" or "?" (closing quotes and brackets after it allowed), but
// not with an ellipsis.
bool EndsSentence(std::string_view line);
// Ends with "..", "...", "........" or "…" (closing quotes allowed after it).
bool EndsWithEllipsis(std::string_view line);

}  // namespace newsloom::extract

#endif  // NEWSLOOM_EXTRACT_BOILERPLATE_H_
