// Tokenizer: a word is a run of letters, digits and non-ASCII characters
// that are not punctuation, with a few joiners allowed inside it.
#include "ner/tokenizer.h"

#include <array>
#include <string>

#include "common/strings.h"

namespace newsloom::ner {

namespace {

// Words that keep their final period ("Mr. Smith", "Corp."), lowercase.
constexpr std::array<std::string_view, 44> kAbbreviations = {
    "mr",  "mrs", "ms",  "dr",   "prof", "sr",  "jr",  "st",   "gen", "gov",    "sen",
    "rep", "lt",  "col", "capt", "sgt",  "rev", "inc", "corp", "ltd", "co",     "bros",
    "vs",  "no",  "jan", "feb",  "mar",  "apr", "jun", "jul",  "aug", "sep",    "sept",
    "oct", "nov", "dec", "mt",   "ft",   "ave", "plc", "cos",  "etc", "approx", "dept"};

// Length in bytes of the UTF-8 sequence starting with `lead` (1 for junk).
size_t SequenceLength(unsigned char lead) {
  if (lead >= 0xF0 && lead < 0xF8) return 4;
  if (lead >= 0xE0) return lead < 0xF0 ? 3 : 1;
  if (lead >= 0xC0) return 2;
  return 1;
}

// Non-ASCII characters that act as punctuation: typographic quotes,
// dashes, ellipsis, guillemets, bullets, the pound and euro signs, NBSP.
bool IsUnicodePunctuation(std::string_view sequence) {
  static constexpr std::array<std::string_view, 18> kPunctuation = {
      "\u2018", "\u2019", "\u201A", "\u201B", "\u201C", "\u201D", "\u201E", "\u201F", "\u2013",
      "\u2014", "\u2015", "\u2026", "\u00AB", "\u00BB", "\u2022", "\u00A3", "\u20AC", "\u00A0"};
  for (std::string_view mark : kPunctuation) {
    if (sequence == mark) return true;
  }
  return false;
}

bool IsApostrophe(std::string_view text, size_t i, size_t* length) {
  if (text[i] == '\'') {
    *length = 1;
    return true;
  }
  if (text.substr(i, 3) == "\u2019") {
    *length = 3;
    return true;
  }
  return false;
}

class Splitter {
 public:
  explicit Splitter(std::string_view text) : text_(text) {}

  std::vector<Sentence> Run() {
    size_t i = 0;
    while (i < text_.size()) {
      unsigned char c = text_[i];
      if (IsAsciiSpace(char(c))) {
        ++i;
      } else if (IsWordStart(i)) {
        i = Word(i);
      } else {
        size_t length = c < 0x80 ? 1 : SequenceLength(c);
        if (i + length > text_.size()) length = text_.size() - i;
        // Runs of the same ASCII mark ("--", "...") are one token.
        if (c < 0x80) {
          while (i + length < text_.size() && text_[i + length] == char(c)) ++length;
        }
        Emit(i, length);
        i += length;
      }
    }
    if (!current_.empty()) sentences_.push_back(std::move(current_));
    return std::move(sentences_);
  }

 private:
  // A character that can be part of a word.
  bool IsWordChar(size_t i) const {
    unsigned char c = text_[i];
    if (c < 0x80) return IsAsciiAlnum(char(c));
    size_t length = SequenceLength(c);
    return !IsUnicodePunctuation(text_.substr(i, length));
  }

  bool IsWordStart(size_t i) const { return IsWordChar(i); }

  // Scans a word from `start`, emits it (and split-off clitics), returns the end.
  size_t Word(size_t start) {
    size_t i = start;
    while (i < text_.size()) {
      unsigned char c = text_[i];
      if (c >= 0x80) {
        size_t length = SequenceLength(c);
        if (IsUnicodePunctuation(text_.substr(i, length))) {
          size_t apostrophe = 0;
          // A typographic apostrophe inside a word ("O’Brien") joins.
          if (IsApostrophe(text_, i, &apostrophe) && i + apostrophe < text_.size() &&
              IsAsciiLetter(text_[i + apostrophe]) && !IsClitic(i)) {
            i += apostrophe;
            continue;
          }
          break;
        }
        i += length;
        continue;
      }
      if (IsAsciiAlnum(char(c))) {
        ++i;
        continue;
      }
      bool next_alnum = i + 1 < text_.size() && IsWordChar(i + 1);
      bool previous_digit = IsAsciiDigit(text_[i - 1]);
      bool next_digit = i + 1 < text_.size() && IsAsciiDigit(text_[i + 1]);
      if ((c == '-' || c == '&' || c == '/') && next_alnum) {
        ++i;  // "Anglo-Dutch", "AT&T", "1996/97"
      } else if ((c == '.' || c == ',' || c == ':') && previous_digit && next_digit) {
        ++i;  // "3.5", "1,000", "10:30"
      } else if (c == '\'' && next_alnum && !IsClitic(i)) {
        ++i;  // "O'Neill"
      } else if (c == '.' && IsLetterDotRun(start, i)) {
        ++i;  // "U.S."
      } else {
        break;
      }
    }
    // "U.S." already ends with its period. An abbreviation takes the period.
    if (i < text_.size() && text_[i] == '.' && IsAbbreviation(text_.substr(start, i - start))) {
      ++i;
    }
    std::string_view word = text_.substr(start, i - start);
    // Split "don't" into "do" "n't".
    if (word.size() > 3 && EndsWithIgnoreCase(word, "n't")) {
      Emit(start, word.size() - 3);
      Emit(start + word.size() - 3, 3);
    } else {
      Emit(start, word.size());
    }
    // A clitic right after: "'s", "'re", "'ll", "'d", "'m", "'ve".
    size_t apostrophe = 0;
    if (i < text_.size() && IsApostrophe(text_, i, &apostrophe) && IsClitic(i)) {
      size_t end = i + apostrophe;
      while (end < text_.size() && IsAsciiLetter(text_[end])) ++end;
      Emit(i, end - i);
      i = end;
    }
    return i;
  }

  // The apostrophe at i starts "'s", "'re", ... followed by a non-letter.
  bool IsClitic(size_t i) const {
    size_t apostrophe = 0;
    if (!IsApostrophe(text_, i, &apostrophe)) return false;
    size_t end = i + apostrophe;
    size_t letters = end;
    while (letters < text_.size() && IsAsciiLetter(text_[letters])) ++letters;
    std::string lower = AsciiLower(text_.substr(end, letters - end));
    if (letters < text_.size() && IsWordChar(letters)) return false;
    return lower == "s" || lower == "re" || lower == "ll" || lower == "d" || lower == "m" ||
           lower == "ve";
  }

  // text_[start, dot) is single letters separated by periods ("U", "U.S")
  // and the character after the dot is a letter or ends the word.
  bool IsLetterDotRun(size_t start, size_t dot) const {
    for (size_t k = start; k < dot; ++k) {
      bool letter_slot = (k - start) % 2 == 0;
      if (letter_slot ? !IsAsciiLetter(text_[k]) : text_[k] != '.') return false;
    }
    if ((dot - start) % 2 == 0) return false;
    if (dot + 1 >= text_.size()) return dot > start + 1;
    char next = text_[dot + 1];
    if (IsAsciiLetter(next)) return dot + 2 >= text_.size() || text_[dot + 2] == '.';
    return dot > start + 1 || IsAsciiUpper(text_[start]);
  }

  static bool IsAbbreviation(std::string_view word) {
    if (word.empty() || word.back() == '.') return false;
    if (word.size() == 1 && IsAsciiUpper(word[0])) return true;  // "J. Smith"
    std::string lower = AsciiLower(word);
    for (std::string_view abbreviation : kAbbreviations) {
      if (lower == abbreviation) return true;
    }
    return false;
  }

  void Emit(size_t start, size_t length) {
    if (length == 0) return;
    std::string_view token = text_.substr(start, length);
    // A quote or bracket right after the final mark closes the sentence;
    // after a space it opens the next one.
    bool closing =
        pending_final_ && start == previous_end_ &&
        (token == "\"" || token == "'" || token == "\u201D" || token == "\u2019" || token == ")");
    if (ends_sentence_ && !closing && StartsSentence(token)) {
      sentences_.push_back(std::move(current_));
      current_.clear();
    }
    current_.push_back({token, uint32_t(start)});
    bool final_mark =
        token == "." || token == "!" || token == "?" || token == "\u2026" ||
        (token.size() > 1 && token.find_first_not_of(".!?") == std::string_view::npos);
    pending_final_ = final_mark || closing;
    ends_sentence_ = pending_final_;
    previous_end_ = start + length;
  }

  // A token that may open a sentence: capital, digit, quote, bracket.
  static bool StartsSentence(std::string_view token) {
    unsigned char c = token[0];
    if (c >= 0x80) return true;
    return IsAsciiUpper(char(c)) || IsAsciiDigit(char(c)) || c == '"' || c == '\'' || c == '(' ||
           c == '[';
  }

  std::string_view text_;
  std::vector<Sentence> sentences_;
  Sentence current_;
  bool pending_final_ = false;
  bool ends_sentence_ = false;
  size_t previous_end_ = 0;
};

}  // namespace

std::vector<Sentence> TokenizeParagraph(std::string_view paragraph) {
  if (paragraph.size() > UINT32_MAX) paragraph = paragraph.substr(0, UINT32_MAX);
  return Splitter(paragraph).Run();
}

}  // namespace newsloom::ner
