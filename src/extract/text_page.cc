#include "extract/text_page.h"

#include <algorithm>
#include <cstdint>
#include <span>
#include <string>
#include <tuple>
#include <utility>

#include "common/strings.h"
#include "extract/boilerplate.h"
#include "extract/text_page_shape.h"

namespace newsloom::extract {

namespace {

using text_page_internal::EndsWithUrl;
using text_page_internal::HasEllipsis;
using text_page_internal::IsBodyLine;
using text_page_internal::IsCutText;
using text_page_internal::LooksLikeHeading;
using text_page_internal::LooksLikeHeadline;
using text_page_internal::SplitTrailingAttribution;
using text_page_internal::StartsCapitalised;
using text_page_internal::StartsWithContinuation;
using text_page_internal::StartsWithDateline;

// A digest has at least this many ledes.
constexpr size_t kMinDigestLedes = 4;
// Ledes are full sentences: every one this long, and this long on average.
constexpr int kMinLedeWords = 6;
constexpr int kMinAverageLedeWords = 12;
// Lines before the first body paragraph this short and without a sentence end
// are section names, bylines and dates, not article text.
constexpr int kMaxHeaderCrumbWords = 6;
// Section and site names above the headline ("World", "The Moscow Times").
constexpr int kMaxSectionWords = 3;
constexpr size_t kMaxSectionLines = 3;
// A cut-off line this long is the end of the text; shorter, a dangling fragment.
constexpr int kMinCutBodyWords = 4;
// Lines after the last paragraph are kept as a list when this many in a row
// share their punctuation.
constexpr size_t kMinTailListLines = 5;
constexpr size_t kMinTailBulletLines = 3;

// One non-blank line of the page.
struct Line {
  std::string text;  // whitespace collapsed, never empty
  size_t number;     // position among all input lines, blank ones included
  int block;         // blank-line separated block it belongs to
};

// One paragraph candidate: a line, or lines joined because they wrap one paragraph.
struct Unit {
  std::string text;  // without the bullet of a list item
  int line_count = 1;
  bool list_item = false;  // the line started with a bullet ("• ", "- ", "* ")
};

// The length of the bullet and space a list item starts with, or 0.
size_t BulletLength(std::string_view line) {
  constexpr std::string_view kBullets[] = {
      "- ",
      "* ",
      "+ ",
      "\xE2\x80\xA2 ",  // •
      "\xC2\xB7 ",      // ·
      "\xE2\x96\xAA ",  // ▪
      "\xE2\x97\xA6 ",  // ◦
      "\xE2\x80\x93 ",  // –
  };
  for (std::string_view bullet : kBullets) {
    if (line.starts_with(bullet) && line.size() > bullet.size()) return bullet.size();
  }
  return 0;
}

std::vector<Line> SplitLines(std::string_view text) {
  std::vector<Line> lines;
  int block = 0;
  bool previous_blank = false;
  size_t number = 0;
  for (std::string_view raw : Split(text, '\n')) {
    std::string collapsed = CollapseWhitespace(raw);
    if (collapsed.empty()) {
      if (!previous_blank) ++block;
      previous_blank = true;
    } else {
      lines.push_back(Line{std::move(collapsed), number, block});
      previous_blank = false;
    }
    ++number;
  }
  return lines;
}

// Drops appeal blocks, the trailing navigation section and boilerplate lines.
std::vector<Line> RemoveBoilerplate(std::vector<Line> lines) {
  std::vector<std::string_view> views;
  views.reserve(lines.size());
  for (const Line& line : lines) views.push_back(line.text);
  std::vector<bool> in_appeal = FindAppealBlocks(views);
  size_t navigation = FindNavigationTail(views);

  std::vector<Line> kept;
  for (size_t i = 0; i < navigation; ++i) {
    if (in_appeal[i] || IsBoilerplateLine(lines[i].text)) continue;
    kept.push_back(std::move(lines[i]));
  }
  return kept;
}

// Hard-wrapped paragraphs: a line that stops mid-sentence followed directly
// (same block, no line removed between) by one starting in lower case.
bool ContinuesOnNextLine(const Line& line, const Line& next) {
  if (next.block != line.block || next.number != line.number + 1) return false;
  char first = next.text.front();
  if (first < 'a' || first > 'z') return false;
  return !EndsSentence(line.text) && !line.text.ends_with(":");
}

std::vector<Unit> JoinWrappedLines(const std::vector<Line>& lines) {
  std::vector<Unit> units;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (i > 0 && ContinuesOnNextLine(lines[i - 1], lines[i])) {
      units.back().text += ' ';
      units.back().text += lines[i].text;
      ++units.back().line_count;
    } else {
      size_t bullet = BulletLength(lines[i].text);
      units.push_back(Unit{lines[i].text.substr(bullet), 1, bullet > 0});
    }
  }
  return units;
}

// Whether a lede, without its trailing outlet name, ends like a sentence.
bool LedeEndsSentence(std::string_view lede) {
  std::string_view rest;
  SplitTrailingAttribution(lede, &rest);
  return EndsSentence(rest) || EndsWithUrl(rest);
}

// An ellipsis with text after it, outside quotation marks: words left out of
// a snippet ("Sikorski was speaking ... a logistical hub"). Inside a quote it
// is the reporter's elision, normal in any article.
bool HasSnippetEllipsis(std::string_view text) {
  int straight_quotes = 0;
  int open_quotes = 0;  // “ minus ”
  for (size_t i = 0; i < text.size(); ++i) {
    std::string_view rest = text.substr(i);
    if (rest.front() == '"') {
      ++straight_quotes;
    } else if (rest.starts_with("\xE2\x80\x9C")) {
      ++open_quotes;
    } else if (rest.starts_with("\xE2\x80\x9D")) {
      --open_quotes;
    }
    size_t length = rest.starts_with("...") ? 3 : rest.starts_with("\xE2\x80\xA6") ? 3 : 0;
    if (length == 0) continue;
    bool quoted = straight_quotes % 2 == 1 || open_quotes > 0;
    std::string_view after = TrimView(rest.substr(length));
    while (!after.empty() && (after.front() == '.' || after.front() == ' ')) after.remove_prefix(1);
    if (!quoted && !after.empty()) return true;
    i += length - 1;
  }
  return false;
}

// A digest: many one-line ledes from different outlets. Each lede is a
// capitalised sentence, not a heading, and opens a story of its own (few start with "He",
// "These", "However"). At least two, and a quarter of them, carry the marks of
// a snippet: an outlet after " - ", words left out ("..." outside a quote), a
// dateline after the first line, or a cut-off end before the last line (an
// article has its dateline first and a teaser is cut last, so those do not
// count). Most ledes still end as sentences or with an ellipsis, which tells
// them from the lines of a hard-wrapped article.
bool IsDigest(std::span<const Unit> units, size_t min_ledes = kMinDigestLedes) {
  if (units.size() < min_ledes) return false;
  size_t snippet_marks = 0;
  size_t continuations = 0;
  size_t sentence_ends = 0;
  size_t total_words = 0;
  for (size_t i = 0; i < units.size(); ++i) {
    const std::string& text = units[i].text;
    int words = CountWords(text);
    if (units[i].line_count != 1 || words < kMinLedeWords) return false;
    total_words += size_t(words);
    std::string_view rest;
    bool attributed = !SplitTrailingAttribution(text, &rest).empty();
    bool ends_sentence = attributed || LedeEndsSentence(text);
    if (!StartsCapitalised(text) || (!attributed && LooksLikeHeading(text))) return false;
    if (ends_sentence || EndsWithEllipsis(text)) ++sentence_ends;
    bool first = i == 0;
    bool last = i + 1 == units.size();
    if (attributed || HasSnippetEllipsis(text) || (!first && StartsWithDateline(text)) ||
        (!last && !ends_sentence)) {
      ++snippet_marks;
    }
    if (!first && StartsWithContinuation(text)) ++continuations;
  }
  return snippet_marks >= 2 && snippet_marks * 4 >= units.size() &&
         continuations * 4 < units.size() && sentence_ends * 2 >= units.size() &&
         total_words >= size_t(kMinAverageLedeWords) * units.size();
}

// A lede or final paragraph that stops mid-sentence.
bool EndsCut(std::string_view text) {
  if (EndsWithEllipsis(text)) return true;
  return !EndsSentence(text) && !EndsWithUrl(text);
}

std::vector<TextItem> SplitDigest(const std::vector<Unit>& units) {
  std::vector<TextItem> items;
  items.reserve(units.size());
  for (const Unit& unit : units) {
    TextItem item;
    std::string_view lede;
    item.site_name = std::string(SplitTrailingAttribution(unit.text, &lede));
    // An ellipsis inside a lede means words were left out; an attributed
    // lede without a period is a headline-style sentence, not a cut one.
    item.truncated =
        HasEllipsis(lede) || (item.site_name.empty() ? EndsCut(lede) : EndsWithEllipsis(lede));
    item.paragraphs.push_back(Paragraph{Paragraph::Kind::kText, std::string(lede)});
    items.push_back(std::move(item));
  }
  return items;
}

// The index of the headline among the first units, or units.size() when the
// page does not start with one. Section and site names above it ("World",
// "The Moscow Times") are skipped when a longer headline follows them.
size_t FindTitle(const std::vector<Unit>& units) {
  size_t candidate = 0;
  while (candidate + 1 < units.size() && candidate < kMaxSectionLines &&
         CountWords(units[candidate].text) <= kMaxSectionWords &&
         !EndsSentence(units[candidate].text) && LooksLikeHeadline(units[candidate + 1].text) &&
         CountWords(units[candidate + 1].text) > CountWords(units[candidate].text)) {
    ++candidate;
  }
  if (!LooksLikeHeadline(units[candidate].text)) return units.size();
  bool body_follows = std::any_of(units.begin() + std::ptrdiff_t(candidate) + 1, units.end(),
                                  [](const Unit& unit) { return IsBodyLine(unit.text); });
  return body_follows ? candidate : units.size();
}

// A digest has no headline. A first lede in headline style that names its
// outlet ("Moscow bars ... entering Russia - Anadolu Ajansı") passes for one,
// so then the ledes after it must show the marks of a digest on their own as well.
bool IsDigestPage(const std::vector<Unit>& units, size_t title_index) {
  if (title_index == units.size()) return IsDigest(units);
  if (title_index != 0) return false;
  std::string_view rest;
  if (SplitTrailingAttribution(units[0].text, &rest).empty()) return false;
  return IsDigest(units) && IsDigest(std::span<const Unit>(units).subspan(1), kMinDigestLedes - 1);
}

// "Headline | Site": the title without the site, and the site.
std::pair<std::string, std::string> SplitTitleSite(std::string_view title) {
  size_t bar = title.rfind(" | ");
  if (bar == std::string_view::npos) return {std::string(title), ""};
  std::string_view rest;
  std::string_view site = SplitTrailingAttribution(title, &rest);
  if (site.empty() || rest.size() != bar) return {std::string(title), ""};
  return {std::string(rest), std::string(site)};
}

// Running text, or a sentence of it that the page cut off ("The package could
// include export controls on machinery and…").
bool IsBodyOrCutBody(std::string_view text) {
  return IsBodyLine(text) || (IsCutText(text) && CountWords(text) >= kMinCutBodyWords);
}

// The punctuation a line uses, as a bit set: lines of one list share it
// ("June 24 – Bristow, VA @ Jiffy Lube Live"; "England (Group A): 10th
// appearance"). Periods, commas and apostrophes are left out: they are everywhere.
uint64_t PunctuationSignature(std::string_view text) {
  constexpr std::string_view kMarks = "!\"#$%&()*+-/:;<=>?@[]^_{|}~";
  uint64_t signature = 0;
  for (char c : text) {
    size_t bit = kMarks.find(c);
    if (bit != std::string_view::npos) signature |= uint64_t{1} << bit;
  }
  if (text.find("\xE2\x80\x93") != std::string_view::npos ||
      text.find("\xE2\x80\x94") != std::string_view::npos) {
    signature |= uint64_t{1} << kMarks.size();  // en and em dashes
  }
  return signature;
}

// The end of the last list among the lines after the article's last body
// paragraph, or `last_body` when there is none. A list is a run of at least
// kMinTailListLines lines with the same non-empty punctuation signature (tour
// dates, qualified teams), which links to other articles do not have, or of
// kMinTailBulletLines bulleted lines.
size_t EndOfTailList(const std::vector<Unit>& units, size_t last_body, std::vector<bool>* in_list) {
  size_t end = last_body;
  // Runs of equal punctuation signature.
  size_t run_start = last_body + 1;
  for (size_t i = last_body + 1; i <= units.size(); ++i) {
    bool run_continues =
        i < units.size() && i > run_start &&
        PunctuationSignature(units[i].text) == PunctuationSignature(units[run_start].text);
    if (run_continues) continue;
    if (i - run_start >= kMinTailListLines && PunctuationSignature(units[run_start].text) != 0) {
      std::fill(in_list->begin() + std::ptrdiff_t(run_start), in_list->begin() + std::ptrdiff_t(i),
                true);
      end = i - 1;
    }
    run_start = i;
  }
  // Runs of bulleted lines.
  run_start = last_body + 1;
  for (size_t i = last_body + 1; i <= units.size(); ++i) {
    if (i < units.size() && units[i].list_item) continue;
    if (i - run_start >= kMinTailBulletLines) end = std::max(end, i - 1);
    run_start = i + 1;
  }
  return end;
}

// The article body: units between the title and the end. Before the first
// body paragraph, short lines without a sentence end (bylines, dates) go;
// after the last one, every line that is not running text or a list goes
// (navigation, or a dangling fragment such as "He........", which means the
// page was cut). Short capitalised lines between body paragraphs are
// headings; bulleted lines and tail lists are list items.
void BuildBody(const std::vector<Unit>& units, size_t begin, TextItem* item) {
  size_t first_body = units.size();
  size_t last_body = units.size();
  for (size_t i = begin; i < units.size(); ++i) {
    if (!IsBodyOrCutBody(units[i].text)) continue;
    if (first_body == units.size()) first_body = i;
    last_body = i;
  }
  if (first_body == units.size()) {
    // No running text to judge the other lines by: keep them all.
    for (size_t i = begin; i < units.size(); ++i) {
      item->paragraphs.push_back(Paragraph{Paragraph::Kind::kText, units[i].text});
    }
    item->truncated = !item->paragraphs.empty() && EndsWithEllipsis(item->paragraphs.back().text);
    return;
  }
  for (size_t i = begin; i < first_body; ++i) {
    const std::string& text = units[i].text;
    if (CountWords(text) <= kMaxHeaderCrumbWords && !EndsSentence(text)) continue;
    item->paragraphs.push_back(Paragraph{Paragraph::Kind::kText, text});
  }
  std::vector<bool> in_list(units.size(), false);
  size_t last_kept = EndOfTailList(units, last_body, &in_list);
  for (size_t i = first_body; i <= last_kept; ++i) {
    const std::string& text = units[i].text;
    Paragraph::Kind kind = Paragraph::Kind::kText;
    if (units[i].list_item || in_list[i]) {
      kind = Paragraph::Kind::kListItem;
    } else if (!IsBodyOrCutBody(text) && LooksLikeHeading(text)) {
      kind = Paragraph::Kind::kHeading;
    }
    item->paragraphs.push_back(Paragraph{kind, text});
  }
  bool dangling_fragment = std::any_of(units.begin() + std::ptrdiff_t(last_kept) + 1, units.end(),
                                       [](const Unit& unit) { return IsCutText(unit.text); });
  item->truncated = dangling_fragment || EndsCut(units[last_body].text);
}

}  // namespace

std::vector<TextItem> ExtractTextPage(std::string_view text) {
  std::vector<Unit> units = JoinWrappedLines(RemoveBoilerplate(SplitLines(text)));
  if (units.empty()) return {};

  size_t title_index = FindTitle(units);
  if (IsDigestPage(units, title_index)) return SplitDigest(units);

  TextItem item;
  size_t body_begin = 0;
  if (title_index < units.size()) {
    std::tie(item.title, item.site_name) = SplitTitleSite(units[title_index].text);
    body_begin = title_index + 1;
  }
  BuildBody(units, body_begin, &item);
  if (item.paragraphs.empty()) return {};
  return {std::move(item)};
}

}  // namespace newsloom::extract
