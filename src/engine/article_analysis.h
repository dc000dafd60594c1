// ArticleAnalysis: the per-article half of the pipeline after extraction,
// run on the worker threads: language and category (analyze), names (ner),
// date expressions (timex) and the near-duplicate signature (dedup).
// Immutable after Open; Run is const and thread-safe.
#ifndef NEWSLOOM_ENGINE_ARTICLE_ANALYSIS_H_
#define NEWSLOOM_ENGINE_ARTICLE_ANALYSIS_H_

#include <memory>
#include <vector>

#include "analyze/analyzer.h"
#include "ner/tagger.h"
#include "newsloom/article.h"
#include "newsloom/options.h"
#include "newsloom/status.h"

namespace newsloom {

class ArticleAnalysis {
 public:
  // Loads the models `options` asks for; null when it asks for no analysis.
  static Result<std::unique_ptr<const ArticleAnalysis>> Open(const Options& options);

  // Analyze, then TagNamesAndDates.
  void Run(Article& article) const;
  // Run on every article one page gave (the ledes of a digest page), those
  // without a date of their own resolving year-less dates against the latest
  // date written anywhere on the page.
  void RunPage(std::vector<Article>& articles) const;

  // Language, category and the near-duplicate signature (when the options
  // asked for analysis).
  void Analyze(Article& article) const;
  // Names and date expressions (when the options asked for them): the
  // costliest half, which a caller may keep for the articles it will use.
  void TagNamesAndDates(Article& article) const;

 private:
  ArticleAnalysis(std::unique_ptr<analyze::Analyzer> analyzer, std::unique_ptr<ner::Tagger> tagger)
      : analyzer_(std::move(analyzer)), tagger_(std::move(tagger)) {}

  std::unique_ptr<const analyze::Analyzer> analyzer_;  // set when options.analyze
  std::unique_ptr<const ner::Tagger> tagger_;          // set when options.entities_and_dates
};

}  // namespace newsloom

#endif  // NEWSLOOM_ENGINE_ARTICLE_ANALYSIS_H_
