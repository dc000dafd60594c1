// CoNLL-2003 column files: one token per line (word first, tag last),
// blank lines between sentences, "-DOCSTART-" lines between documents.
#ifndef NEWSLOOM_NER_CONLL_H_
#define NEWSLOOM_NER_CONLL_H_

#include <string>
#include <string_view>
#include <vector>

#include "newsloom/status.h"

namespace newsloom::ner {

struct ConllSentence {
  std::vector<std::string> words;
  std::vector<std::string> tags;  // the last column, "" when the line has one column
  std::vector<size_t> lines;      // index of each token's line in ConllCorpus::lines
};

struct ConllDocument {
  std::vector<ConllSentence> sentences;
};

struct ConllCorpus {
  std::vector<std::string> lines;  // every input line, without its line break
  std::vector<ConllDocument> documents;
};

// Parses CoNLL text. Columns are separated by spaces or tabs. Fails with a
// one-line reason on binary input (NUL bytes), invalid UTF-8 or, when
// `require_tags`, a token line without a tag column.
Result<ConllCorpus> ParseConll(std::string_view text, bool require_tags);

}  // namespace newsloom::ner

#endif  // NEWSLOOM_NER_CONLL_H_
