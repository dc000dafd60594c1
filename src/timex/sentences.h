// Sentence boundaries in English news prose. Pure functions, thread-safe.
#ifndef NEWSLOOM_TIMEX_SENTENCES_H_
#define NEWSLOOM_TIMEX_SENTENCES_H_

#include <cstddef>
#include <string_view>
#include <vector>

namespace newsloom::timex {

// A sentence as a byte range [begin, end) of the text it was found in,
// trimmed of surrounding whitespace, never empty.
struct SentenceSpan {
  size_t begin = 0;
  size_t end = 0;
};

// Splits `text` into sentences. A sentence ends at '.', '!' or '?' (with any
// closing quotes and brackets after it) followed by whitespace and a word that
// does not start in lower case, and at every line break. A period does not end
// a sentence after a title or month abbreviation ("Mr.", "Gen.", "Feb."), a
// single initial ("J. Smith"), or inside a number ("3.5"); after a dotted
// initialism ("U.S.", "U.N.") it does only when a usual sentence opener ("The",
// "He", "But", ...) follows. A bracketed reference number ("[2] Reuters, ...")
// after whitespace starts a new sentence, so reference lists come apart.
// Bytes are not validated: invalid UTF-8 passes through as opaque bytes.
std::vector<SentenceSpan> SplitSentences(std::string_view text);

}  // namespace newsloom::timex

#endif  // NEWSLOOM_TIMEX_SENTENCES_H_
