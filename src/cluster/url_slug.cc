#include "cluster/url_slug.h"

#include <algorithm>
#include <vector>

#include "common/strings.h"
#include "extract/dates.h"

namespace newsloom::cluster {

namespace {

constexpr size_t kMaxUrlBytes = 1024;
constexpr size_t kMinSlugWords = 3;

bool IsSlugSeparator(char c) { return c == '-' || c == '_' || c == '+'; }

// Appends the words of one path or query segment when it reads as a slug.
void AddSegment(std::string_view segment, std::string& out) {
  // A file suffix (".html", ".aspx") is not a word of the headline.
  if (const size_t dot = segment.rfind('.'); dot != std::string_view::npos) {
    segment = segment.substr(0, dot);
  }
  std::vector<std::string_view> words;
  size_t letters_only = 0;
  size_t at = 0;
  while (at < segment.size()) {
    size_t end = at;
    while (end < segment.size() && IsAsciiAlnum(segment[end])) ++end;
    if (end == at) {
      // Anything but a slug separator between words (percent escapes,
      // punctuation) means this is not a plain slug.
      if (!IsSlugSeparator(segment[at])) return;
      ++at;
      continue;
    }
    const std::string_view word = segment.substr(at, end - at);
    bool has_digit = false;
    for (char c : word) has_digit |= IsAsciiDigit(c);
    if (!has_digit) {
      words.push_back(word);
      ++letters_only;
    }
    at = end;
  }
  if (letters_only < kMinSlugWords) return;
  for (std::string_view word : words) {
    if (!out.empty()) out.push_back(' ');
    for (char c : word) out.push_back(LowerAscii(c));
  }
}

}  // namespace

std::string UrlSlugWords(std::string_view url) {
  url = url.substr(0, std::min(url.size(), kMaxUrlBytes));
  // Skip the scheme and the host.
  if (const size_t scheme = url.find("://"); scheme != std::string_view::npos) {
    url.remove_prefix(scheme + 3);
    const size_t path = url.find_first_of("/?#");
    url.remove_prefix(path == std::string_view::npos ? url.size() : path);
  }
  if (const size_t fragment = url.find('#'); fragment != std::string_view::npos) {
    url = url.substr(0, fragment);
  }
  std::string out;
  size_t at = 0;
  while (at <= url.size()) {
    size_t end = url.find_first_of("/?&=;", at);
    if (end == std::string_view::npos) end = url.size();
    if (end > at) AddSegment(url.substr(at, end - at), out);
    at = end + 1;
  }
  return out;
}

std::optional<int64_t> UrlDay(std::string_view url) {
  std::optional<Timestamp> date =
      extract::DateFromUrl(url.substr(0, std::min(url.size(), kMaxUrlBytes)));
  if (!date) return std::nullopt;
  return date->utc_seconds / 86400;  // a day's midnight, UTC: >= 0 from 1990 on
}

}  // namespace newsloom::cluster
