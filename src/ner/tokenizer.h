// Tokenizer for article text, in the style of the CoNLL-2003 data the tagger
// is trained on: punctuation split off, abbreviations such as "U.S." and
// "Mr." kept whole, possessive "'s" and "n't" split, sentences cut at final
// punctuation. Stateless and thread-safe.
#ifndef NEWSLOOM_NER_TOKENIZER_H_
#define NEWSLOOM_NER_TOKENIZER_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace newsloom::ner {

struct Token {
  std::string_view text;  // a view into the tokenized paragraph
  uint32_t offset = 0;    // byte offset of `text` in the paragraph
};

using Sentence = std::vector<Token>;

// Splits one paragraph (any bytes; invalid UTF-8 is tolerated) into
// sentences of tokens. The views point into `paragraph`, which must outlive
// the result. Never returns an empty sentence.
std::vector<Sentence> TokenizeParagraph(std::string_view paragraph);

}  // namespace newsloom::ner

#endif  // NEWSLOOM_NER_TOKENIZER_H_
