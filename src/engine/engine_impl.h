// EngineImpl: the in-process engine. See include/newsloom/engine.h.
#ifndef NEWSLOOM_ENGINE_ENGINE_IMPL_H_
#define NEWSLOOM_ENGINE_ENGINE_IMPL_H_

#include <memory>

#include "engine/article_analysis.h"
#include "newsloom/engine.h"

namespace newsloom {

class EngineImpl final : public Engine {
 public:
  // `analysis` is null when the options ask for no analysis.
  EngineImpl(const Options& options, std::unique_ptr<const ArticleAnalysis> analysis);

  ExtractSummary Extract(const std::vector<std::string>& paths,
                         const ExtractCallbacks& callbacks) override;

 private:
  Options options_;
  std::unique_ptr<const ArticleAnalysis> analysis_;  // shared read-only by the workers
};

}  // namespace newsloom

#endif  // NEWSLOOM_ENGINE_ENGINE_IMPL_H_
