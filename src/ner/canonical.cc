#include "ner/canonical.h"

#include <algorithm>
#include <array>
#include <vector>

#include "common/strings.h"

namespace newsloom::ner {

namespace {

// Titles that precede a name, longest first where one extends another.
constexpr std::array<std::string_view, 49> kTitles = {"Prime Minister",
                                                      "Deputy Prime Minister",
                                                      "Foreign Minister",
                                                      "Defence Minister",
                                                      "Defense Minister",
                                                      "Finance Minister",
                                                      "Foreign Secretary",
                                                      "Defence Secretary",
                                                      "Defense Secretary",
                                                      "Secretary of State",
                                                      "Secretary-General",
                                                      "Secretary General",
                                                      "Vice President",
                                                      "President-elect",
                                                      "President",
                                                      "Chancellor",
                                                      "Minister",
                                                      "Secretary",
                                                      "Premier",
                                                      "Governor",
                                                      "Senator",
                                                      "Sen.",
                                                      "Rep.",
                                                      "Representative",
                                                      "Mayor",
                                                      "King",
                                                      "Queen",
                                                      "Prince",
                                                      "Princess",
                                                      "Pope",
                                                      "General",
                                                      "Gen.",
                                                      "Chairman",
                                                      "Chairwoman",
                                                      "Chief Executive",
                                                      "CEO",
                                                      "Ambassador",
                                                      "Judge",
                                                      "Justice",
                                                      "Speaker",
                                                      "Leader",
                                                      "Mr.",
                                                      "Mrs.",
                                                      "Ms.",
                                                      "Mr",
                                                      "Mrs",
                                                      "Dr.",
                                                      "Sir"};

constexpr std::array<std::string_view, 4> kPrefixes = {"Deputy ", "Former ", "former ", "Acting "};

// Words that open a sentence, never a name: a span the tagger starts with one
// at a sentence's capital ("Because Internet Explorer", "An IFrame", "Well")
// loses it. "The" stays ("The Hague"), and so do words that are also names
// ("May", "Will", "Under Armour").
constexpr std::array<std::string_view, 70> kSentenceOpeners = {
    "A",     "An",        "As",      "Because", "But",      "And",    "Or",    "So",
    "If",    "When",      "While",   "Well",    "Although", "Though", "After", "Before",
    "Since", "Meanwhile", "However", "Also",    "Yet",      "Then",   "Now",   "Here",
    "There", "This",      "That",    "These",   "Those",    "It",     "Its",   "His",
    "Her",   "Their",     "Our",     "We",      "They",     "He",     "She",   "You",
    "In",    "On",        "At",      "By",      "For",      "From",   "With",  "Without",
    "Of",    "To",        "Into",    "Despite", "During",   "Unlike", "Until", "According",
    "Even",  "Why",       "What",    "How",     "Where",    "Is",     "Are",   "Was",
    "Were",  "Has",       "Have",    "Had",     "Every",    "Another"};

// `text` without the sentence openers it begins with; "" when nothing else.
std::string_view StripSentenceOpeners(std::string_view text) {
  for (bool stripped = true; stripped && !text.empty();) {
    stripped = false;
    const size_t end = text.find(' ');
    const std::string_view first = text.substr(0, end);
    if (std::find(kSentenceOpeners.begin(), kSentenceOpeners.end(), first) !=
        kSentenceOpeners.end()) {
      text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
      while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
      stripped = true;
    }
  }
  return text;
}

bool IsTrimmed(char c) {
  return c == ' ' || c == '"' || c == '\'' || c == '(' || c == ')' || c == ',' || c == ':' ||
         c == ';' || c == '-';
}

// "TOKYO" (a dateline) as "Tokyo" when the gazetteer knows the place; names
// with a lower-case letter, and places it does not know, stay as written.
std::string PlaceCase(std::string_view name, const Gazetteer& gazetteer) {
  int letters = 0;
  for (char c : name) {
    if (IsAsciiLower(c)) return std::string(name);
    letters += IsAsciiUpper(c);
  }
  std::vector<std::string> lower_words;
  for (std::string_view word : Split(name, ' ')) {
    if (!word.empty()) lower_words.push_back(AsciiLower(word));
  }
  if (letters < 2 || lower_words.empty() || lower_words.size() > size_t(kMaxPhraseTokens) ||
      (gazetteer.Lookup(Gazetteer::PhraseHash(lower_words)) & (kCity | kCountry)) == 0) {
    return std::string(name);
  }
  std::string cased;
  for (const std::string& word : lower_words) {
    if (!cased.empty()) cased.push_back(' ');
    for (size_t i = 0; i < word.size(); ++i) {
      bool starts = i == 0 || word[i - 1] == '-';
      cased.push_back(starts && IsAsciiLower(word[i]) ? char(word[i] - 'a' + 'A') : word[i]);
    }
  }
  return cased;
}

}  // namespace

std::string_view StripTitles(std::string_view text) {
  bool changed = true;
  while (changed) {
    changed = false;
    for (std::string_view prefix : kPrefixes) {
      if (text.substr(0, prefix.size()) == prefix) {
        text.remove_prefix(prefix.size());
        changed = true;
      }
    }
    for (std::string_view title : kTitles) {
      // A title counts only when a name follows it.
      if (text.size() > title.size() + 1 && StartsWithIgnoreCase(text, title) &&
          text[title.size()] == ' ') {
        text.remove_prefix(title.size() + 1);
        changed = true;
        break;
      }
    }
  }
  return text;
}

std::string CanonicalName(std::string_view text, Entity::Type* type, const Gazetteer& gazetteer) {
  // ASCII marks and typographic quotes (U+2018, U+2019, U+201C, U+201D) at either end.
  bool trimmed = true;
  while (trimmed && !text.empty()) {
    trimmed = false;
    while (!text.empty() && IsTrimmed(text.front())) text.remove_prefix(1);
    while (!text.empty() && IsTrimmed(text.back())) text.remove_suffix(1);
    for (std::string_view quote : {"\u2018", "\u2019", "\u201C", "\u201D"}) {
      if (text.starts_with(quote)) {
        text.remove_prefix(quote.size());
        trimmed = true;
      }
      if (text.ends_with(quote)) {
        text.remove_suffix(quote.size());
        trimmed = true;
      }
    }
  }
  for (std::string_view possessive : {"'s", "\u2019s", "'"}) {
    if (text.size() > possessive.size() + 1 &&
        text.substr(text.size() - possessive.size()) == possessive) {
      text.remove_suffix(possessive.size());
      break;
    }
  }
  text = StripTitles(StripSentenceOpeners(text));
  if (text.empty()) return "";
  if (*type == Entity::Type::kPerson) return CollapseWhitespace(text);
  std::string_view country = gazetteer.CountryOf(text);
  if (!country.empty()) {
    *type = Entity::Type::kLocation;  // "Japanese" points to Japan, a place
    return std::string(country);
  }
  std::string name = CollapseWhitespace(text);
  return *type == Entity::Type::kLocation ? PlaceCase(name, gazetteer) : name;
}

}  // namespace newsloom::ner
