#include "ner/tagger.h"

#include <fstream>
#include <sstream>

#include "common/embedded.h"
#include "common/strings.h"
#include "ner/canonical.h"
#include "ner/tokenizer.h"

NEWSLOOM_DECLARE_EMBEDDED(ner_model);

namespace newsloom::ner {

namespace {

std::string AsciiUpper(std::string_view word) {
  std::string upper(word);
  for (char& c : upper) {
    if (IsAsciiLower(c)) c = char(c - 'a' + 'A');
  }
  return upper;
}

// A headline: short, no final period, most words of four letters or more
// capitalised, and some lowercase letters left (not already all caps).
bool IsTitleCase(const std::vector<std::string_view>& words) {
  if (words.empty() || words.size() > 20) return false;
  std::string_view last = words.back();
  if (last == "." || last == "!" || last == "?" || last == "\"" || last == "\u201D") return false;
  int long_words = 0, capitalised = 0;
  bool lowercase = false;
  for (std::string_view word : words) {
    for (char c : word) lowercase = lowercase || IsAsciiLower(c);
    if (word.size() < 4 || !IsAsciiLetter(word[0])) continue;
    ++long_words;
    if (IsAsciiUpper(word[0])) ++capitalised;
  }
  return lowercase && long_words >= 2 && capitalised * 5 >= long_words * 4;
}

}  // namespace

Result<std::unique_ptr<Tagger>> Tagger::FromBytes(std::string_view bytes) {
  Result<Model> model = Model::Parse(bytes);
  if (!model.ok()) return model.status();
  return std::unique_ptr<Tagger>(new Tagger(std::move(model).value()));
}

Result<std::unique_ptr<Tagger>> Tagger::FromEmbeddedModel() {
  return FromBytes(NEWSLOOM_EMBEDDED(ner_model));
}

Result<std::unique_ptr<Tagger>> Tagger::FromFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError("cannot open " + path);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return FromBytes(buffer.str());
}

std::vector<std::vector<int>> Tagger::TagDocument(
    const std::vector<std::vector<std::string_view>>& sentences) const {
  FeatureExtractor extractor(model_.gazetteer(), model_.classes());
  DocumentMemory memory;
  SentenceFeatures features;
  std::vector<std::vector<int>> labels;
  labels.reserve(sentences.size());
  for (const std::vector<std::string_view>& words : sentences) {
    extractor.Extract(words, &memory, &features);
    labels.push_back(model_.Decode(features));
    memory.Remember(words, labels.back());
  }
  return labels;
}

void Tagger::Tag(Article& article) const {
  article.entities.clear();
  // Every sentence of the article, remembering where it came from.
  struct Source {
    uint32_t paragraph;
    Sentence tokens;
  };
  std::vector<Source> sources;
  std::vector<std::vector<std::string_view>> sentences;
  for (size_t p = 0; p < article.paragraphs.size(); ++p) {
    for (Sentence& sentence : TokenizeParagraph(article.paragraphs[p].text)) {
      std::vector<std::string_view> words;
      words.reserve(sentence.size());
      for (const Token& token : sentence) words.push_back(token.text);
      sentences.push_back(std::move(words));
      sources.push_back({uint32_t(p), std::move(sentence)});
    }
  }
  // Headlines in title case ("Japan Ready to Play Role in Security
  // Guarantees") are tagged as the all-caps headlines of the training data,
  // where capitals say nothing about names.
  std::vector<std::vector<std::string>> uppercased(sentences.size());
  for (size_t s = 0; s < sentences.size(); ++s) {
    if (!IsTitleCase(sentences[s])) continue;
    for (std::string_view& word : sentences[s]) {
      uppercased[s].push_back(AsciiUpper(word));
    }
    for (size_t w = 0; w < sentences[s].size(); ++w) sentences[s][w] = uppercased[s][w];
  }
  std::vector<std::vector<int>> labels = TagDocument(sentences);
  for (size_t s = 0; s < sources.size(); ++s) {
    const std::string& text = article.paragraphs[sources[s].paragraph].text;
    for (const Span& span : SpansFromLabels(labels[s])) {
      const Token& first = sources[s].tokens[span.begin];
      const Token& last = sources[s].tokens[span.end - 1];
      Entity entity;
      entity.type = Entity::Type(span.type);
      entity.paragraph = sources[s].paragraph;
      entity.offset = first.offset;
      entity.text = text.substr(first.offset, last.offset + last.text.size() - first.offset);
      entity.canonical = CanonicalName(entity.text, &entity.type, model_.gazetteer());
      if (entity.canonical.empty()) continue;
      article.entities.push_back(std::move(entity));
    }
  }
}

}  // namespace newsloom::ner
