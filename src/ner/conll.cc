#include "ner/conll.h"

#include "common/strings.h"
#include "common/utf8.h"

namespace newsloom::ner {

namespace {

std::vector<std::string_view> Columns(std::string_view line) {
  std::vector<std::string_view> columns;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    size_t start = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t') ++i;
    if (i > start) columns.push_back(line.substr(start, i - start));
  }
  return columns;
}

}  // namespace

Result<ConllCorpus> ParseConll(std::string_view text, bool require_tags) {
  if (text.find('\0') != std::string_view::npos) {
    return Status::InvalidArgument("not CoNLL text: input holds NUL bytes");
  }
  if (!IsValidUtf8(text)) return Status::InvalidArgument("not CoNLL text: invalid UTF-8");
  ConllCorpus corpus;
  corpus.documents.emplace_back();
  ConllSentence sentence;
  auto close_sentence = [&] {
    if (!sentence.words.empty()) corpus.documents.back().sentences.push_back(std::move(sentence));
    sentence = ConllSentence();
  };
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    start = end + 1;
    corpus.lines.emplace_back(line);
    std::vector<std::string_view> columns = Columns(line);
    if (columns.empty()) {
      close_sentence();
      continue;
    }
    if (columns[0] == "-DOCSTART-") {
      close_sentence();
      if (!corpus.documents.back().sentences.empty()) corpus.documents.emplace_back();
      continue;
    }
    if (require_tags && columns.size() < 2) {
      return Status::InvalidArgument("line " + std::to_string(corpus.lines.size()) +
                                     ": expected a word and a tag column");
    }
    sentence.words.emplace_back(columns[0]);
    sentence.tags.emplace_back(columns.size() >= 2 ? columns.back() : std::string_view());
    sentence.lines.push_back(corpus.lines.size() - 1);
  }
  close_sentence();
  if (corpus.documents.back().sentences.empty()) corpus.documents.pop_back();
  return corpus;
}

}  // namespace newsloom::ner
