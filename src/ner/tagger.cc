#include "ner/tagger.h"

#include <fstream>
#include <sstream>

#include "common/embedded.h"
#include "ner/canonical.h"
#include "ner/tokenizer.h"

NEWSLOOM_DECLARE_EMBEDDED(ner_model);

namespace newsloom::ner {

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
      entity.canonical = CanonicalName(entity.text, entity.type, model_.gazetteer());
      if (entity.canonical.empty()) continue;
      article.entities.push_back(std::move(entity));
    }
  }
}

}  // namespace newsloom::ner
