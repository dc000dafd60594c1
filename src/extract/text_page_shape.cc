#include "extract/text_page_shape.h"

#include <algorithm>

#include "common/strings.h"
#include "extract/boilerplate.h"

namespace newsloom::extract::text_page_internal {

namespace {

constexpr int kMinBodyWords = 13;
constexpr int kMinSentenceWords = 3;
constexpr int kMaxHeadlineWords = 25;
constexpr int kMaxHeadingWords = 12;
constexpr int kMaxOutletWords = 5;
constexpr size_t kMaxOutletBytes = 60;
constexpr int kMinAttributedWords = 4;

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// Opening quotes and brackets a headline may start with.
std::string_view StripOpeners(std::string_view text) {
  constexpr std::string_view kOpeners[] = {"\"",           "'",       "(", "[", "\xE2\x80\x9C",
                                           "\xE2\x80\x98", "\xC2\xAB"};
  bool changed = true;
  while (changed && !text.empty()) {
    changed = false;
    for (std::string_view opener : kOpeners) {
      if (text.starts_with(opener)) {
        text.remove_prefix(opener.size());
        changed = true;
      }
    }
  }
  return text;
}

// Ends like prose or a cut fragment rather than a title.
bool EndsLikeProseOrFragment(std::string_view text) {
  if (text.empty() || EndsWithEllipsis(text)) return true;
  constexpr std::string_view kEndings[] = {".", ",", ";", ":", "-", "\xE2\x80\x93", "\xE2\x80\x94"};
  return std::any_of(std::begin(kEndings), std::end(kEndings),
                     [&](std::string_view ending) { return text.ends_with(ending); });
}

bool IsNameConnector(std::string_view word) {
  constexpr std::string_view kConnectors[] = {"of", "the", "and", "for", "de",  "la",  "le",
                                              "el", "di",  "du",  "der", "des", "del", "da",
                                              "on", "al",  "&",   "in",  "van", "von"};
  return std::find(std::begin(kConnectors), std::end(kConnectors), word) != std::end(kConnectors);
}

bool LooksLikeOutletName(std::string_view name) {
  if (name.empty() || name.size() > kMaxOutletBytes) return false;
  int words = CountWords(name);
  if (words < 1 || words > kMaxOutletWords || !StartsCapitalised(name)) return false;
  char last = name.back();
  if (last == '.' || last == ',' || last == ';' || last == ':' || last == '!' || last == '?') {
    return false;
  }
  if (name.find(", ") != std::string_view::npos || name.find('"') != std::string_view::npos) {
    return false;
  }
  for (std::string_view word : Split(name, ' ')) {
    if (word.empty()) return false;
    if (!StartsCapitalised(word) && !IsNameConnector(word)) return false;
  }
  return true;
}

}  // namespace

bool StartsCapitalised(std::string_view line) {
  line = StripOpeners(line);
  if (line.empty()) return false;
  char first = line.front();
  return IsAsciiUpper(first) || IsAsciiDigit(first) || static_cast<unsigned char>(first) >= 0x80;
}

bool IsBodyLine(std::string_view line) {
  int words = CountWords(line);
  return words >= kMinBodyWords || (words >= kMinSentenceWords && EndsSentence(line));
}

bool LooksLikeHeadline(std::string_view line) {
  int words = CountWords(line);
  return words >= 2 && words <= kMaxHeadlineWords && StartsCapitalised(line) &&
         !EndsLikeProseOrFragment(line);
}

bool LooksLikeHeading(std::string_view line) {
  int words = CountWords(line);
  return words >= 1 && words <= kMaxHeadingWords && StartsCapitalised(line) &&
         !EndsLikeProseOrFragment(line) && !EndsSentence(line);
}

std::string_view SplitTrailingAttribution(std::string_view line, std::string_view* rest) {
  *rest = line;
  constexpr std::string_view kSeparators[] = {" - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " | "};
  size_t best = std::string_view::npos;
  size_t separator_size = 0;
  for (std::string_view separator : kSeparators) {
    size_t position = line.rfind(separator);
    if (position != std::string_view::npos && (best == std::string_view::npos || position > best)) {
      best = position;
      separator_size = separator.size();
    }
  }
  if (best == std::string_view::npos) return {};
  std::string_view outlet = TrimView(line.substr(best + separator_size));
  std::string_view before = TrimView(line.substr(0, best));
  if (!LooksLikeOutletName(outlet) || CountWords(before) < kMinAttributedWords) return {};
  *rest = before;
  return outlet;
}

bool StartsWithDateline(std::string_view line) {
  // A run of capitals (with spaces, dots, commas, apostrophes) of at least
  // three letters, then ":", "(", or a dash.
  size_t i = 0;
  int letters = 0;
  while (i < line.size()) {
    char c = line[i];
    if (IsAsciiUpper(c)) {
      ++letters;
    } else if (c != ' ' && c != '.' && c != ',' && c != '\'') {
      break;
    }
    ++i;
  }
  if (letters < 3 || i == line.size()) return false;
  std::string_view after = line.substr(i);
  // The run must end at a word boundary: "U.S. President" stops at "r".
  if (i > 0 && IsAsciiUpper(line[i - 1]) && !after.starts_with(":") && !after.starts_with("(")) {
    return false;
  }
  return after.starts_with(":") || after.starts_with("(") || after.starts_with("-") ||
         after.starts_with("\xE2\x80\x93") || after.starts_with("\xE2\x80\x94");
}

bool StartsWithContinuation(std::string_view line) {
  // clang-format off
  constexpr std::string_view kStarters[] = {
      "he", "she", "they", "it", "its", "his", "her", "their", "this", "these", "those", "that",
      "however", "but", "and", "also", "meanwhile", "furthermore", "moreover", "both", "such",
      "then", "still", "yet", "thus", "so", "nevertheless", "additionally", "in addition",
      "the two", "as a result", "at the same time", "on the other hand", "in turn", "instead",
      "otherwise", "therefore",
  };
  // clang-format on
  std::string lower = AsciiLower(StripOpeners(line.substr(0, std::min<size_t>(line.size(), 40))));
  return std::any_of(std::begin(kStarters), std::end(kStarters), [&](std::string_view starter) {
    if (!std::string_view(lower).starts_with(starter)) return false;
    return lower.size() == starter.size() || !IsAsciiLower(lower[starter.size()]);
  });
}

bool EndsMidSentence(std::string_view line) {
  std::string_view text = TrimView(line);
  if (text.empty()) return false;
  constexpr std::string_view kCutEndings[] = {",", ";", " -", "\xE2\x80\x93", "\xE2\x80\x94"};
  if (std::any_of(std::begin(kCutEndings), std::end(kCutEndings),
                  [&](std::string_view ending) { return text.ends_with(ending); })) {
    return true;
  }
  size_t space = text.rfind(' ');
  if (space == std::string_view::npos) return false;
  std::string_view last = text.substr(space + 1);
  constexpr std::string_view kFunctionWords[] = {
      "the",  "a",     "an",    "of",   "to",    "and",  "or",    "but",    "which",   "that",
      "who",  "whom",  "whose", "in",   "on",    "at",   "for",   "with",   "by",      "from",
      "as",   "is",    "was",   "were", "are",   "be",   "been",  "has",    "have",    "had",
      "its",  "their", "his",   "her",  "our",   "into", "than",  "while",  "because", "if",
      "when", "where", "said",  "says", "would", "will", "could", "should", "not",
  };
  return std::find(std::begin(kFunctionWords), std::end(kFunctionWords), last) !=
         std::end(kFunctionWords);
}

bool IsCutText(std::string_view line) { return EndsWithEllipsis(line) || EndsMidSentence(line); }

bool HasEllipsis(std::string_view line) {
  return line.find("...") != std::string_view::npos ||
         line.find("\xE2\x80\xA6") != std::string_view::npos;
}

bool EndsWithUrl(std::string_view line) {
  std::string_view trimmed = TrimView(line);
  size_t space = trimmed.rfind(' ');
  std::string_view last = space == std::string_view::npos ? trimmed : trimmed.substr(space + 1);
  return last.find("://") != std::string_view::npos || last.starts_with("www.");
}

}  // namespace newsloom::extract::text_page_internal
