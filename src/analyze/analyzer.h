// Analyzer: the analyze stage's language and category step.
//
//   auto analyzer = analyze::Analyzer::Open("");  // the shipped default model
//   if (!analyzer.ok()) ...
//   (*analyzer)->Analyze(article);
//
// Immutable after Open; Analyze is const and thread-safe, so one Analyzer
// serves every worker thread.
#ifndef NEWSLOOM_ANALYZE_ANALYZER_H_
#define NEWSLOOM_ANALYZE_ANALYZER_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "analyze/category_model.h"
#include "newsloom/article.h"
#include "newsloom/status.h"

namespace newsloom::analyze {

// The class name that marks pages that are not news in a category model.
inline constexpr std::string_view kNotNewsClass = "not_news";

// A page is judged not news when the model gives its not-news class at least
// this probability (not merely the largest share: news outside the training
// sets' vocabulary spreads its probability thin). Chosen on Giveme5W1H held
// out of training: half the wrong not-news calls go, wcxb non-articles stay.
inline constexpr float kNotNewsThreshold = 0.5f;

// Confidence given to a declared language that detection could not confirm.
inline constexpr float kDeclaredLanguageConfidence = 0.5f;

class Analyzer {
 public:
  // Loads the category model at `model_path`; an empty path means the model
  // linked into the binary (data/models/category.model). IOError when the
  // file cannot be read, Corruption when it is not a valid model.
  static Result<std::unique_ptr<Analyzer>> Open(const std::string& model_path);

  // An analyzer over an already loaded model.
  explicit Analyzer(CategoryModel model);

  // The bytes of the default model linked into the binary.
  static std::string_view DefaultModelBytes();

  // Sets article.language and language_confidence (the detected language of
  // the main text; the declared one is kept only when detection is unsure),
  // category and category_confidence, and refines is_news: a page stays news
  // only when extraction judged it an article and the model gives its
  // not-news class less than kNotNewsThreshold. A page that is not news gets
  // category "".
  void Analyze(Article& article) const;

  const CategoryModel& model() const { return model_; }

 private:
  CategoryModel model_;
  std::optional<size_t> not_news_class_;  // index of kNotNewsClass in the model, if any
};

}  // namespace newsloom::analyze

#endif  // NEWSLOOM_ANALYZE_ANALYZER_H_
