// EngineImpl: the in-process engine. See include/newsloom/engine.h.
#ifndef NEWSLOOM_ENGINE_ENGINE_IMPL_H_
#define NEWSLOOM_ENGINE_ENGINE_IMPL_H_

#include "newsloom/engine.h"

namespace newsloom {

class EngineImpl final : public Engine {
 public:
  explicit EngineImpl(const Options& options);

  ExtractSummary Extract(const std::vector<std::string>& paths,
                         const ExtractCallbacks& callbacks) override;

 private:
  Options options_;
};

}  // namespace newsloom

#endif  // NEWSLOOM_ENGINE_ENGINE_IMPL_H_
