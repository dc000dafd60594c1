// Turns what a user typed into a safe FTS5 MATCH expression.
#ifndef NEWSLOOM_STORE_FTS_QUERY_H_
#define NEWSLOOM_STORE_FTS_QUERY_H_

#include <string>
#include <string_view>

namespace newsloom::store {

// Every word (letters, digits, any non-ASCII UTF-8) becomes a quoted FTS5
// string, so operators and quotes typed by the user cannot break the query;
// a word followed by '*' stays a prefix query. Words are ANDed. Returns ""
// when the text holds no word. At most 32 words are kept.
std::string ToFtsQuery(std::string_view text);

}  // namespace newsloom::store

#endif  // NEWSLOOM_STORE_FTS_QUERY_H_
