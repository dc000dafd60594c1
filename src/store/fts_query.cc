#include "store/fts_query.h"

#include "common/strings.h"

namespace newsloom::store {

namespace {

bool IsWordByte(char c) { return IsAsciiAlnum(c) || (static_cast<unsigned char>(c) >= 0x80); }

}  // namespace

std::string ToFtsQuery(std::string_view text) {
  constexpr int kMaxWords = 32;
  std::string query;
  int words = 0;
  size_t i = 0;
  while (i < text.size() && words < kMaxWords) {
    if (!IsWordByte(text[i])) {
      ++i;
      continue;
    }
    size_t start = i;
    while (i < text.size() && IsWordByte(text[i])) ++i;
    if (!query.empty()) query += ' ';
    query += '"';
    query.append(text.substr(start, i - start));
    query += '"';
    if (i < text.size() && text[i] == '*') query += '*';
    ++words;
  }
  return query;
}

}  // namespace newsloom::store
