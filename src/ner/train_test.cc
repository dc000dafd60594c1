// Training end to end on a small sample of CoNLL-2003 (skips without the
// shared data): the model learns, is deterministic and survives a round trip.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "ner/trainer.h"

namespace newsloom::ner {
namespace {

const std::filesystem::path kShared = NEWSLOOM_SHARED_DATA_DIR;

TEST(TrainTest, SmallSampleLearnsDeterministically) {
  std::filesystem::path train = kShared / "ner" / "eng.train";
  std::filesystem::path gazetteers = kShared / "gazetteers";
  if (!std::filesystem::exists(train) || !std::filesystem::exists(gazetteers)) {
    GTEST_SKIP() << "no shared data at " << kShared;
  }
  std::ifstream in(train, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  Result<ConllCorpus> corpus = ParseConll(buffer.str(), true);
  ASSERT_TRUE(corpus.ok()) << corpus.status().ToString();
  std::vector<ConllDocument> sample(corpus->documents.begin(), corpus->documents.begin() + 20);
  Result<Gazetteer> gazetteer = LoadGazetteerFiles(gazetteers.string());
  ASSERT_TRUE(gazetteer.ok()) << gazetteer.status().ToString();
  EXPECT_GT(gazetteer->phrase_count(), 20000u);
  EXPECT_EQ(gazetteer->CountryOf("Japanese"), "Japan");
  EXPECT_EQ(gazetteer->CountryOf("U.S."), "United States");
  EXPECT_EQ(gazetteer->CountryOf("French"), "France");

  TrainOptions options;
  options.epochs = 3;
  int epochs_seen = 0;
  Model model = TrainModel(sample, *gazetteer, WordClasses(), options,
                           [&](int, const Model&) { ++epochs_seen; });
  EXPECT_EQ(epochs_seen, 3);
  Score score = Evaluate(model, sample);
  EXPECT_GT(score.gold, 100);
  EXPECT_GT(score.F1(), 0.85) << "the sample it was trained on";

  std::string bytes = model.Serialize();
  Model again = TrainModel(sample, *gazetteer, WordClasses(), options, nullptr);
  EXPECT_EQ(again.Serialize(), bytes);
  Result<Model> parsed = Model::Parse(bytes);
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_EQ(Evaluate(*parsed, sample).correct, score.correct);
}

TEST(TrainTest, WordClassesGroupSimilarWords) {
  std::vector<std::vector<std::string>> sentences;
  for (const char* city : {"Paris", "London", "Berlin", "Madrid"}) {
    for (int i = 0; i < 10; ++i) sentences.push_back({"he", "flew", "to", city, "today"});
  }
  for (const char* verb : {"said", "added", "noted"}) {
    for (int i = 0; i < 10; ++i) sentences.push_back({"the", "minister", verb, "that"});
  }
  WordClasses classes = LearnWordClasses(sentences, 4, 5, 5);
  EXPECT_EQ(classes.ClassOf("Paris"), classes.ClassOf("Madrid"));
  EXPECT_EQ(classes.ClassOf("said"), classes.ClassOf("noted"));
  EXPECT_NE(classes.ClassOf("Paris"), classes.ClassOf("said"));
  EXPECT_EQ(classes.ClassOf("unseen"), WordClasses::kUnknown);
}

}  // namespace
}  // namespace newsloom::ner
