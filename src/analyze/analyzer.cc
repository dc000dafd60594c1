#include "analyze/analyzer.h"

#include <fstream>
#include <sstream>

#include "analyze/language.h"
#include "common/embedded.h"
#include "common/strings.h"

NEWSLOOM_DECLARE_EMBEDDED(category_model);

namespace newsloom::analyze {

namespace {

// The body the model reads: the paragraphs (the description when there are
// none), cut near the model's token budget: no paragraph starts after
// `enough` bytes, and none adds more than the model reads (CountFeatures'
// 32 bytes per token).
void BodyText(const Article& article, size_t max_tokens, std::string* out) {
  const size_t enough = max_tokens * 12;
  const size_t most = max_tokens * 32;
  std::string& body = *out;
  body.clear();
  for (const Paragraph& paragraph : article.paragraphs) {
    if (body.size() >= enough) break;
    if (!body.empty()) body += '\n';
    body.append(paragraph.text, 0, most);
  }
  if (body.empty()) body.assign(article.description, 0, most);
}

// "en-GB", "EN" -> "en".
std::string DeclaredPrimaryTag(std::string_view declared) {
  std::string tag = AsciiLower(TrimView(declared));
  size_t end = tag.find_first_of("-_");
  if (end != std::string::npos) tag.resize(end);
  return tag;
}

}  // namespace

Result<std::unique_ptr<Analyzer>> Analyzer::Open(const std::string& model_path) {
  std::string bytes;
  if (model_path.empty()) {
    bytes = std::string(DefaultModelBytes());
  } else {
    std::ifstream file(model_path, std::ios::binary);
    if (!file) return Status::IOError("cannot read category model " + model_path);
    std::ostringstream contents;
    contents << file.rdbuf();
    bytes = std::move(contents).str();
  }
  auto model = CategoryModel::Parse(bytes);
  if (!model.ok()) {
    std::string name = model_path.empty() ? "the built-in category model" : model_path;
    return Status::Corruption(name + ": " + model.status().message());
  }
  return std::make_unique<Analyzer>(std::move(model).value());
}

Analyzer::Analyzer(CategoryModel model) : model_(std::move(model)) {
  for (size_t c = 0; c < model_.classes().size(); ++c) {
    if (model_.classes()[c] == kNotNewsClass) not_news_class_ = c;
  }
}

std::string_view Analyzer::DefaultModelBytes() { return NEWSLOOM_EMBEDDED(category_model); }

void Analyzer::Analyze(Article& article) const {
  LanguageGuess language = DetectArticleLanguage(article);
  std::string declared = DeclaredPrimaryTag(article.language);
  if (language.reliable || declared.empty()) {
    article.language = language.code;
    article.language_confidence = language.confidence;
  } else {
    article.language = declared;
    article.language_confidence = kDeclaredLanguageConfidence;
  }

  thread_local std::string body;  // reused: no allocation per article
  BodyText(article, model_.settings().max_tokens, &body);
  if (article.title.empty() && body.empty()) {
    article.is_news = false;
    article.category.clear();
    article.category_confidence = 0;
    return;
  }
  CategoryScores scores = model_.Predict(article.title, body);
  const std::vector<float>& probabilities = scores.probabilities;
  float not_news = not_news_class_ ? probabilities[*not_news_class_] : 0.0f;
  bool model_says_news = not_news < kNotNewsThreshold;
  article.is_news = article.is_news && model_says_news;
  if (!article.is_news) {
    article.category.clear();
    article.category_confidence = not_news_class_ ? not_news : 0.0f;
    return;
  }
  // The best news class; its probability among the news classes.
  size_t best = 0;
  float best_probability = -1;
  for (size_t c = 0; c < probabilities.size(); ++c) {
    if (not_news_class_ && c == *not_news_class_) continue;
    if (probabilities[c] > best_probability) {
      best = c;
      best_probability = probabilities[c];
    }
  }
  article.category = model_.classes()[best];
  article.category_confidence = not_news < 1.0f ? best_probability / (1.0f - not_news) : 0.0f;
}

}  // namespace newsloom::analyze
