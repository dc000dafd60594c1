// UTF-8 validation and repair. Every string that leaves ingest is valid UTF-8.
#ifndef NEWSLOOM_COMMON_UTF8_H_
#define NEWSLOOM_COMMON_UTF8_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace newsloom {

bool IsValidUtf8(std::string_view text);

// Replaces every invalid sequence by U+FFFD and drops NUL bytes.
std::string RepairUtf8(std::string_view text);

// Appends the UTF-8 encoding of code_point (U+FFFD for invalid ones).
void AppendUtf8(uint32_t code_point, std::string* out);

// Decodes the code point at text[*position] and advances; U+FFFD on bad input.
uint32_t DecodeUtf8(std::string_view text, size_t* position);

// Lower case for ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic
// letters (simple one-to-one mappings); every other byte as it is. For
// matching phrases in the languages news is written in, not for display.
std::string LowerUtf8(std::string_view text);

// Text that was UTF-8, read as Latin-1 or Windows-1252 and written out as
// UTF-8 again ("Investorâ\u0080\u0099s", "Investorâ€™s" for "Investor’s"):
// each such run decoded back to its character. Only runs that form one valid
// UTF-8 sequence of a script or punctuation block such text comes from are
// touched, so real "é’" or "ß" + soft hyphen stay. nullopt when `text`
// (valid UTF-8) has no such run.
std::optional<std::string> RepairMojibake(std::string_view text);

}  // namespace newsloom

#endif  // NEWSLOOM_COMMON_UTF8_H_
