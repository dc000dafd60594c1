// ner::Tagger: finds the names in an article (people, organisations,
// places, other names) with the trained model. Immutable after loading; the
// const methods are thread-safe, so one Tagger serves every worker thread.
#ifndef NEWSLOOM_NER_TAGGER_H_
#define NEWSLOOM_NER_TAGGER_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ner/model.h"
#include "newsloom/article.h"
#include "newsloom/status.h"

namespace newsloom::ner {

class Tagger {
 public:
  // The model linked into the program (data/models/ner.model).
  static Result<std::unique_ptr<Tagger>> FromEmbeddedModel();
  // A model from its bytes (a model file's content).
  static Result<std::unique_ptr<Tagger>> FromBytes(std::string_view bytes);
  static Result<std::unique_ptr<Tagger>> FromFile(const std::string& path);

  // Tags one document given as sentences of words; returns the BILOU labels
  // (labels.h) of each sentence. Earlier sentences inform later ones.
  std::vector<std::vector<int>> TagDocument(
      const std::vector<std::vector<std::string_view>>& sentences) const;

  // Replaces article.entities with the names found in its paragraphs, in
  // text order, each with its canonical form (titles stripped, demonyms and
  // country aliases mapped to the country: "Japanese" -> "Japan").
  void Tag(Article& article) const;

  const Model& model() const { return model_; }

 private:
  explicit Tagger(Model model) : model_(std::move(model)) {}
  Model model_;
};

}  // namespace newsloom::ner

#endif  // NEWSLOOM_NER_TAGGER_H_
