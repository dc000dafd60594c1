// Language identification with CLD2 (Compact Language Detector 2).
//
// Pure functions of their input; thread-safe (CLD2's tables are read-only).
#ifndef NEWSLOOM_ANALYZE_LANGUAGE_H_
#define NEWSLOOM_ANALYZE_LANGUAGE_H_

#include <string>
#include <string_view>

#include "newsloom/article.h"

namespace newsloom::analyze {

// What CLD2 made of a text.
struct LanguageGuess {
  std::string code = "und";  // BCP 47 primary tag ("en", "ru", "zh"), "und" when unsure
  float confidence = 0;      // 0..1: share of the text in `code`, lowered when CLD2 is unsure
  bool reliable = false;     // CLD2 judged the text long and clear enough
};

// Detects the language of a UTF-8 text. Invalid UTF-8 is repaired first;
// only the first `max_bytes` bytes are read (enough for any article).
LanguageGuess DetectLanguage(std::string_view text, size_t max_bytes = 8192);

// The language of an article's main text: title and paragraphs, never the
// description or anything extraction dropped (sidebars, menus).
LanguageGuess DetectArticleLanguage(const Article& article);

// The language of a title alone. Titles are short, so this is "und" more often.
LanguageGuess DetectTitleLanguage(std::string_view title);

}  // namespace newsloom::analyze

#endif  // NEWSLOOM_ANALYZE_LANGUAGE_H_
