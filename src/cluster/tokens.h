// A small word tokenizer for clustering: runs of letters (any non-ASCII
// letter counts) or numbers, with whether each is capitalised and whether it
// opens a sentence. Unicode punctuation (quotes, dashes, no-break spaces) and
// invalid UTF-8 bytes separate words. Stateless and thread-safe.
#ifndef NEWSLOOM_CLUSTER_TOKENS_H_
#define NEWSLOOM_CLUSTER_TOKENS_H_

#include <string>
#include <string_view>
#include <vector>

namespace newsloom::cluster {

struct Token {
  std::string_view text;        // a view into the input
  std::string lower;            // ASCII-lowercased text; digits as written without ',' separators
  bool capitalised = false;     // starts with an ASCII capital letter
  bool sentence_start = false;  // first word of the text or after . ! ? :
  bool number = false;          // starts with a digit
};

// Splits `text` into tokens, at most `max_tokens` of them.
std::vector<Token> Tokenize(std::string_view text, size_t max_tokens);

}  // namespace newsloom::cluster

#endif  // NEWSLOOM_CLUSTER_TOKENS_H_
