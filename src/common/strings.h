// Small string helpers shared by every stage. ASCII-only case handling:
// Unicode case folding belongs to analyze (ICU).
#ifndef NEWSLOOM_COMMON_STRINGS_H_
#define NEWSLOOM_COMMON_STRINGS_H_

#include <string>
#include <string_view>
#include <vector>

namespace newsloom {

bool IsAsciiSpace(char c);
inline bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }
inline bool IsAsciiLetter(char c) { return IsAsciiUpper(c) || IsAsciiLower(c); }
inline bool IsAsciiAlnum(char c) { return IsAsciiDigit(c) || IsAsciiLetter(c); }
inline char LowerAscii(char c) { return IsAsciiUpper(c) ? char(c - 'A' + 'a') : c; }
// The value of hexadecimal digit `c` (either case), or -1.
inline int HexDigitValue(char c) {
  if (IsAsciiDigit(c)) return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
std::string_view TrimView(std::string_view text);
std::string AsciiLower(std::string_view text);
bool ContainsIgnoreCase(std::string_view haystack, std::string_view needle);
bool EqualsIgnoreCase(std::string_view a, std::string_view b);
bool StartsWithIgnoreCase(std::string_view text, std::string_view prefix);
bool EndsWithIgnoreCase(std::string_view text, std::string_view suffix);

// Collapses every run of Unicode-or-ASCII whitespace (including U+00A0 and
// the other Zs spaces, zero-width spaces) into one ASCII space and trims.
std::string CollapseWhitespace(std::string_view text);

// Splits on a single character; keeps empty pieces.
std::vector<std::string_view> Split(std::string_view text, char separator);

// Number of words (runs of letters or digits, UTF-8 aware enough for scoring).
int CountWords(std::string_view text);

}  // namespace newsloom

#endif  // NEWSLOOM_COMMON_STRINGS_H_
