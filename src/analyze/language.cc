#include "analyze/language.h"

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

#include <algorithm>

#include "common/utf8.h"

namespace newsloom::analyze {

namespace {

// Cuts `text` to at most `max_bytes` without splitting a UTF-8 sequence.
std::string_view CutAtCharacter(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end);
}

// CLD2 names some languages with a script or region ("zh-Hant"); keep the
// primary tag, as Article::language holds.
std::string PrimaryTag(const char* code) {
  std::string tag = code == nullptr ? "" : code;
  tag = tag.substr(0, tag.find('-'));
  if (tag.empty() || tag == "un" || tag == "xxx") return "und";
  return tag;
}

}  // namespace

LanguageGuess DetectLanguage(std::string_view text, size_t max_bytes) {
  LanguageGuess guess;
  text = CutAtCharacter(text, max_bytes);
  if (text.empty()) return guess;

  CLD2::Language top3[3];
  int percent3[3] = {0, 0, 0};
  double normalized_score3[3] = {0, 0, 0};
  int text_bytes = 0;
  bool reliable = false;
  int valid_prefix_bytes = 0;
  CLD2::CLDHints hints = {nullptr, nullptr, CLD2::UNKNOWN_ENCODING, CLD2::UNKNOWN_LANGUAGE};
  auto detect = [&](std::string_view input) {
    return CLD2::ExtDetectLanguageSummaryCheckUTF8(
        input.data(), static_cast<int>(input.size()), /*is_plain_text=*/true, &hints,
        /*flags=*/0, top3, percent3, normalized_score3, /*resultchunkvector=*/nullptr, &text_bytes,
        &reliable, &valid_prefix_bytes);
  };
  // CLD2 checks the UTF-8 itself and gives up on invalid input; only then
  // is the text repaired, so valid text is read once.
  CLD2::Language language = detect(text);
  std::string repaired;
  if (static_cast<size_t>(valid_prefix_bytes) < text.size()) {
    repaired = RepairUtf8(text);
    language = detect(repaired);
  }
  if (language == CLD2::UNKNOWN_LANGUAGE) return guess;

  float share = std::clamp(percent3[0] / 100.0f, 0.0f, 1.0f);
  guess.reliable = reliable;
  guess.confidence = reliable ? share : share * 0.5f;
  guess.code = reliable ? PrimaryTag(CLD2::LanguageCode(language)) : "und";
  if (guess.code == "und") guess.reliable = false;
  return guess;
}

LanguageGuess DetectArticleLanguage(const Article& article) {
  // The opening of the main text is enough for CLD2 (a few sentences) and
  // bounds its cost, which grows with the bytes read.
  constexpr size_t kMaxBytes = 256;
  thread_local std::string text;  // reused: no allocation per article
  text.assign(article.title, 0, kMaxBytes);
  for (const Paragraph& paragraph : article.paragraphs) {
    if (text.size() >= kMaxBytes) break;
    text += '\n';
    text.append(paragraph.text, 0, kMaxBytes);  // DetectLanguage cuts at a character
  }
  return DetectLanguage(text, kMaxBytes);
}

LanguageGuess DetectTitleLanguage(std::string_view title) { return DetectLanguage(title, 1024); }

}  // namespace newsloom::analyze
