#include "engine/article_analysis.h"

#include "dedup/dedup.h"
#include "timex/timex.h"

namespace newsloom {

Result<std::unique_ptr<const ArticleAnalysis>> ArticleAnalysis::Open(const Options& options) {
  if (!options.analyze && !options.entities_and_dates) {
    return std::unique_ptr<const ArticleAnalysis>();
  }
  std::unique_ptr<analyze::Analyzer> analyzer;
  if (options.analyze) {
    auto opened = analyze::Analyzer::Open(options.category_model);
    if (!opened.ok()) return opened.status();
    analyzer = std::move(opened).value();
  }
  std::unique_ptr<ner::Tagger> tagger;
  if (options.entities_and_dates) {
    auto opened = ner::Tagger::FromEmbeddedModel();
    if (!opened.ok()) return opened.status();
    tagger = std::move(opened).value();
  }
  return std::unique_ptr<const ArticleAnalysis>(
      new ArticleAnalysis(std::move(analyzer), std::move(tagger)));
}

void ArticleAnalysis::Run(Article& article) const {
  Analyze(article);
  TagNamesAndDates(article);
}

void ArticleAnalysis::RunPage(std::vector<Article>& articles) const {
  for (Article& article : articles) Analyze(article);
  if (tagger_ == nullptr) return;
  for (Article& article : articles) tagger_->Tag(article);
  timex::AnnotatePageDates(articles);
}

void ArticleAnalysis::Analyze(Article& article) const {
  if (analyzer_ == nullptr) return;
  analyzer_->Analyze(article);
  article.signature = dedup::Signature(article);
}

void ArticleAnalysis::TagNamesAndDates(Article& article) const {
  if (tagger_ == nullptr) return;
  tagger_->Tag(article);
  timex::AnnotateDates(&article);
}

}  // namespace newsloom
