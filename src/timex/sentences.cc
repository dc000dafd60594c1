#include "timex/sentences.h"

#include <array>

#include "common/strings.h"

namespace newsloom::timex {
namespace {

// Words that end in a period without ending the sentence (compared lower-case).
constexpr std::array<std::string_view, 52> kAbbreviations = {
    "mr",  "mrs",  "ms",   "dr",   "prof", "sen",  "rep", "gov", "gen",  "col", "lt",
    "sgt", "capt", "cmdr", "adm",  "maj",  "st",   "jr",  "sr",  "rev",  "hon", "pres",
    "inc", "ltd",  "co",   "corp", "vs",   "no",   "nos", "mt",  "ft",   "fig", "approx",
    "jan", "feb",  "mar",  "apr",  "jun",  "jul",  "aug", "sep", "sept", "oct", "nov",
    "dec", "est",  "dept", "univ", "ave",  "blvd", "e.g", "i.e"};

// After an initialism like "U.S." these words still open a new sentence.
constexpr std::array<std::string_view, 32> kSentenceOpeners = {
    "The", "A",    "An",    "He",    "She",   "It",      "They", "We",   "I",    "In",    "But",
    "And", "This", "That",  "These", "Those", "There",   "His",  "Her",  "Its",  "Their", "On",
    "At",  "As",   "After", "When",  "While", "However", "Our",  "Some", "Many", "If"};

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

bool IsClosing(char c) { return c == '"' || c == '\'' || c == ')' || c == ']'; }

// Length of a UTF-8 closing quote (U+2019, U+201D) at `position`, else 0.
size_t ClosingQuoteAt(std::string_view text, size_t position) {
  if (position + 3 <= text.size() && static_cast<unsigned char>(text[position]) == 0xE2 &&
      static_cast<unsigned char>(text[position + 1]) == 0x80) {
    unsigned char third = static_cast<unsigned char>(text[position + 2]);
    if (third == 0x99 || third == 0x9D) return 3;
  }
  return 0;
}

// The word (letters, digits, dots) that ends just before the period at `dot`.
std::string_view WordBefore(std::string_view text, size_t dot) {
  size_t begin = dot;
  while (begin > 0 && (IsAsciiAlnum(text[begin - 1]) || text[begin - 1] == '.')) --begin;
  return text.substr(begin, dot - begin);
}

// The word that starts at `position` (letters only).
std::string_view WordAt(std::string_view text, size_t position) {
  size_t end = position;
  while (end < text.size() && IsAsciiLetter(text[end])) ++end;
  return text.substr(position, end - position);
}

bool IsAbbreviation(std::string_view word) {
  std::string lower = AsciiLower(word);
  for (std::string_view abbreviation : kAbbreviations) {
    if (lower == abbreviation) return true;
  }
  return false;
}

// "U.S", "U.N", "a.m": letters separated by dots (the final dot excluded).
bool IsInitialism(std::string_view word) {
  if (word.size() < 3) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    bool letter_place = i % 2 == 0;
    if (letter_place ? !IsAsciiLetter(word[i]) : word[i] != '.') return false;
  }
  return true;
}

bool IsOpener(std::string_view word) {
  for (std::string_view opener : kSentenceOpeners) {
    if (word == opener) return true;
  }
  return false;
}

// Does the period at `dot` end a sentence whose next word starts at `next`?
bool PeriodEnds(std::string_view text, size_t dot, size_t next) {
  std::string_view word = WordBefore(text, dot);
  if (word.empty()) return true;  // "..." or a period after a quote or bracket
  if (word.size() == 1 && IsAsciiUpper(word[0])) return false;  // "J. Smith"
  if (EqualsIgnoreCase(word, "no") || EqualsIgnoreCase(word, "nos")) {
    return !IsAsciiDigit(text[next]);  // "No. 5", but "he said no. Then"
  }
  if (IsAbbreviation(word)) return false;
  if (IsInitialism(word)) return IsOpener(WordAt(text, next));
  return true;
}

// A "[12]" reference marker starting at `position`, followed by a space.
bool ReferenceMarkerAt(std::string_view text, size_t position) {
  if (text[position] != '[') return false;
  size_t i = position + 1;
  size_t digits = 0;
  while (i < text.size() && IsAsciiDigit(text[i]) && digits < 4) ++i, ++digits;
  return digits > 0 && i + 1 < text.size() && text[i] == ']' && text[i + 1] == ' ';
}

void Emit(std::string_view text, size_t begin, size_t end, std::vector<SentenceSpan>* out) {
  while (begin < end && (IsSpace(text[begin]) || text[begin] == '\n')) ++begin;
  while (end > begin && (IsSpace(text[end - 1]) || text[end - 1] == '\n')) --end;
  if (end > begin) out->push_back({begin, end});
}

}  // namespace

std::vector<SentenceSpan> SplitSentences(std::string_view text) {
  std::vector<SentenceSpan> sentences;
  size_t start = 0;
  size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (c == '\n') {
      Emit(text, start, i, &sentences);
      start = ++i;
      continue;
    }
    if (c == '[' && i > start && IsSpace(text[i - 1]) && ReferenceMarkerAt(text, i)) {
      Emit(text, start, i, &sentences);
      start = i++;
      continue;
    }
    if (c != '.' && c != '!' && c != '?') {
      ++i;
      continue;
    }
    // Take the whole run of terminators and closing marks: `end` is one past it.
    size_t end = i + 1;
    while (end < text.size()) {
      if (text[end] == '.' || text[end] == '!' || text[end] == '?' || IsClosing(text[end])) {
        ++end;
      } else if (size_t quote = ClosingQuoteAt(text, end)) {
        end += quote;
      } else {
        break;
      }
    }
    size_t next = end;
    while (next < text.size() && IsSpace(text[next])) ++next;
    bool spaced = next > end;
    bool ends = spaced && next < text.size() && !IsAsciiLower(text[next]);
    if (ends && c == '.' && end == i + 1) ends = PeriodEnds(text, i, next);
    if (ends) {
      Emit(text, start, end, &sentences);
      start = next;
    }
    i = end;
  }
  Emit(text, start, text.size(), &sentences);
  return sentences;
}

}  // namespace newsloom::timex
