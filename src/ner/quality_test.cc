// Quality gate: the shipped model on CoNLL-2003 eng.testa must keep its
// measured entity F1 (0.926 with scripts/train_ner_model.sh, conlleval
// counting), less a small margin. Skips without the shared data.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "ner/tagger.h"
#include "ner/trainer.h"

namespace newsloom::ner {
namespace {

constexpr double kMinimumF1 = 0.915;

TEST(NerQualityGate, ShippedModelOnTesta) {
  std::filesystem::path testa = std::filesystem::path(NEWSLOOM_SHARED_DATA_DIR) / "ner/eng.testa";
  if (!std::filesystem::exists(testa)) GTEST_SKIP() << "no shared data at " << testa;
  std::ifstream in(testa, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  Result<ConllCorpus> corpus = ParseConll(buffer.str(), true);
  ASSERT_TRUE(corpus.ok()) << corpus.status().ToString();
  auto tagger = Tagger::FromEmbeddedModel();
  ASSERT_TRUE(tagger.ok()) << tagger.status().ToString();
  Score score = Evaluate((*tagger)->model(), corpus->documents);
  EXPECT_EQ(score.gold, 5942);
  EXPECT_GE(score.F1(), kMinimumF1) << "correct " << score.correct << " of " << score.gold
                                    << " gold, " << score.predicted << " predicted";
}

}  // namespace
}  // namespace newsloom::ner
