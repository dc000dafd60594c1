#include "analyze/category_model.h"

#include <gtest/gtest.h>

#include <cmath>

#include "analyze/category_trainer.h"

namespace newsloom::analyze {
namespace {

std::vector<TrainingExample> SmallCorpus() {
  const char* sports[] = {"The striker scored twice as the club won the league match",
                          "The coach praised the team after the cup final victory",
                          "The tennis champion won the match in straight sets",
                          "The goalkeeper saved a penalty in the second half of the game"};
  const char* economy[] = {"Shares fell as the central bank raised interest rates",
                           "The company reported higher quarterly profits and sales",
                           "Inflation rose and the currency weakened against the dollar",
                           "Investors sold bonds as markets feared a recession"};
  std::vector<TrainingExample> examples;
  for (int round = 0; round < 5; ++round) {
    for (const char* text : sports) examples.push_back({"Match report", text, "sports"});
    for (const char* text : economy) examples.push_back({"Markets", text, "economy"});
  }
  return examples;
}

TrainOptions SmallOptions() {
  TrainOptions options;
  options.features.hash_bits = 12;
  options.epochs = 10;
  return options;
}

TEST(CategoryModelTest, LearnsASmallCorpus) {
  auto model = TrainCategoryModel(SmallCorpus(), SmallOptions());
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  ASSERT_EQ(model->classes(), (std::vector<std::string>{"economy", "sports"}));
  CategoryScores scores = model->Predict("", "The team won the match and the cup");
  EXPECT_EQ(model->classes()[scores.best], "sports");
  scores = model->Predict("", "Bank raises rates as inflation hits markets");
  EXPECT_EQ(model->classes()[scores.best], "economy");
  EXPECT_NEAR(scores.probabilities[0] + scores.probabilities[1], 1.0f, 1e-5);
}

TEST(CategoryModelTest, NaiveBayesScalingLearnsAndOffIsPlainRegression) {
  for (double nb_weight : {0.0, 0.5, 1.0}) {
    TrainOptions options = SmallOptions();
    options.nb_weight = nb_weight;
    auto model = TrainCategoryModel(SmallCorpus(), options);
    ASSERT_TRUE(model.ok()) << model.status().ToString();
    CategoryScores scores = model->Predict("", "The team won the match and the cup");
    EXPECT_EQ(model->classes()[scores.best], "sports") << nb_weight;
    scores = model->Predict("", "Bank raises rates as inflation hits markets");
    EXPECT_EQ(model->classes()[scores.best], "economy") << nb_weight;
  }
  TrainOptions options = SmallOptions();
  options.nb_weight = 1.5;
  EXPECT_FALSE(TrainCategoryModel(SmallCorpus(), options).ok());
}

TEST(CategoryModelTest, NaiveBayesInterpolationLearnsAndIsValidated) {
  TrainOptions options = SmallOptions();
  options.nb_interpolation = 0.3;
  auto model = TrainCategoryModel(SmallCorpus(), options);
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  EXPECT_EQ(model->classes()[model->Predict("", "The team won the match and the cup").best],
            "sports");
  EXPECT_EQ(model->classes()[model->Predict("", "Bank raises rates as inflation hits").best],
            "economy");
  // It changes the model: the naive Bayes weights really are added.
  auto plain = TrainCategoryModel(SmallCorpus(), SmallOptions());
  ASSERT_TRUE(plain.ok());
  EXPECT_NE(model->Serialize(), plain->Serialize());
  options.nb_interpolation = -1;
  EXPECT_FALSE(TrainCategoryModel(SmallCorpus(), options).ok());
}

TEST(CategoryModelTest, CrossValidationChoosesFromTheGridDeterministically) {
  TrainOptions options = SmallOptions();
  options.cv_folds = 5;
  options.l2 = 0.5;  // not in the grid: selection must replace it
  TrainReport report;
  auto model = TrainCategoryModel(SmallCorpus(), options, &report);
  const TrainOptions& selected = report.options;
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  EXPECT_NE(selected.l2, 0.5);
  EXPECT_TRUE(selected.features.title_weight == 0.6f || selected.features.title_weight == 0.3f);
  EXPECT_EQ(model->settings().title_weight, selected.features.title_weight);
  EXPECT_TRUE(selected.nb_interpolation == 0 || selected.nb_interpolation == 0.1 ||
              selected.nb_interpolation == 0.3);
  EXPECT_EQ(model->classes()[model->Predict("", "The team won the match and the cup").best],
            "sports");
  EXPECT_GE(report.cv_accuracy, 0.9);  // the corpus is easy
  EXPECT_LE(report.cv_accuracy, 1.0);
  TrainReport again;
  auto second = TrainCategoryModel(SmallCorpus(), options, &again);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(model->Serialize(), second->Serialize());
  EXPECT_EQ(selected.l2, again.options.l2);
  // Fewer examples than folds: selection is skipped, the given values are used.
  std::vector<TrainingExample> tiny = {{"", "goal match", "sports"}, {"", "bank rates", "economy"}};
  TrainReport kept;
  ASSERT_TRUE(TrainCategoryModel(tiny, options, &kept).ok());
  EXPECT_EQ(kept.options.l2, 0.5);
  EXPECT_EQ(kept.cv_accuracy, -1);
}

TrainOptions SvmOptions() {
  TrainOptions options = SmallOptions();
  options.loss = Loss::kSquaredHinge;
  return options;
}

TEST(CategoryModelTest, SvmLearnsASmallCorpusDeterministically) {
  for (double nb_weight : {0.0, 0.5}) {
    TrainOptions options = SvmOptions();
    options.nb_weight = nb_weight;
    auto model = TrainCategoryModel(SmallCorpus(), options);
    ASSERT_TRUE(model.ok()) << model.status().ToString();
    CategoryScores scores = model->Predict("", "The team won the match and the cup");
    EXPECT_EQ(model->classes()[scores.best], "sports") << nb_weight;
    EXPECT_GT(scores.probabilities[scores.best], 0.5f);
    scores = model->Predict("", "Bank raises rates as inflation hits markets");
    EXPECT_EQ(model->classes()[scores.best], "economy") << nb_weight;
    EXPECT_NEAR(scores.probabilities[0] + scores.probabilities[1], 1.0f, 1e-5);
    auto again = TrainCategoryModel(SmallCorpus(), options);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(model->Serialize(), again->Serialize());
  }
}

TEST(CategoryModelTest, SvmLogitScaleSharpensWithoutChangingTheAnswer) {
  TrainOptions options = SvmOptions();
  options.logit_scale = 1;
  auto soft = TrainCategoryModel(SmallCorpus(), options);
  options.logit_scale = 8;
  auto sharp = TrainCategoryModel(SmallCorpus(), options);
  ASSERT_TRUE(soft.ok() && sharp.ok());
  for (const char* text : {"The team won the match and the cup", "Bank raises rates"}) {
    CategoryScores a = soft->Predict("", text);
    CategoryScores b = sharp->Predict("", text);
    EXPECT_EQ(a.best, b.best) << text;
    EXPECT_GT(b.probabilities[b.best], a.probabilities[a.best]) << text;
  }
}

TEST(CategoryModelTest, SvmCrossValidationChoosesCostAndFitsTheScale) {
  TrainOptions options = SvmOptions();
  options.cv_folds = 5;
  options.cost = 77;          // not in the grid: selection must replace it
  options.logit_scale = 0.5;  // replaced by the fitted scale
  TrainReport report;
  auto model = TrainCategoryModel(SmallCorpus(), options, &report);
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  EXPECT_EQ(report.options.loss, Loss::kSquaredHinge);
  EXPECT_TRUE(report.options.cost == 0.3 || report.options.cost == 1.0 ||
              report.options.cost == 0.1);
  EXPECT_EQ(report.options.l2, options.l2);  // logistic regression's knob is left alone
  EXPECT_NE(report.options.logit_scale, 0.5);
  // Out-of-fold answers are all right and well separated, so likelihood
  // favours a sharp scale: at least the default's.
  EXPECT_GE(report.options.logit_scale, 4.0);
  EXPECT_LE(report.options.logit_scale, 64.0);
  EXPECT_EQ(report.cv_accuracy, 1.0);
  EXPECT_EQ(model->classes()[model->Predict("", "The team won the match and the cup").best],
            "sports");
}

TEST(CategoryModelTest, SvmTrainsOnHostileExamples) {
  std::vector<TrainingExample> examples = SmallCorpus();
  std::string binary;
  for (int i = 0; i < 4096; ++i) binary += static_cast<char>(i * 37);
  examples.push_back({"", "", "sports"});  // no features at all
  examples.push_back({binary, binary, "economy"});
  examples.push_back({"", std::string(size_t(4) << 20, 'x'), "sports"});
  TrainOptions options = SvmOptions();
  options.cv_folds = 3;
  TrainReport report;
  auto model = TrainCategoryModel(examples, options, &report);
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  EXPECT_TRUE(std::isfinite(report.options.logit_scale));
  EXPECT_GT(report.options.logit_scale, 0);
  CategoryScores scores = model->Predict("", "The team won the match and the cup");
  EXPECT_EQ(model->classes()[scores.best], "sports");
  EXPECT_NEAR(scores.probabilities[0] + scores.probabilities[1], 1.0f, 1e-5);
}

TEST(CategoryModelTest, SvmSettingsAreValidated) {
  for (double cost : {0.0, -1.0, std::nan("")}) {
    TrainOptions options = SvmOptions();
    options.cost = cost;
    EXPECT_FALSE(TrainCategoryModel(SmallCorpus(), options).ok()) << cost;
  }
  for (double scale : {0.0, -2.0, 1e9}) {
    TrainOptions options = SvmOptions();
    options.logit_scale = scale;
    EXPECT_FALSE(TrainCategoryModel(SmallCorpus(), options).ok()) << scale;
  }
}

TEST(CategoryModelTest, TrainingIsDeterministic) {
  auto first = TrainCategoryModel(SmallCorpus(), SmallOptions());
  auto second = TrainCategoryModel(SmallCorpus(), SmallOptions());
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_EQ(first->Serialize(), second->Serialize());
}

TEST(CategoryModelTest, SaveLoadRoundTrip) {
  auto model = TrainCategoryModel(SmallCorpus(), SmallOptions());
  ASSERT_TRUE(model.ok());
  std::string bytes = model->Serialize();
  auto loaded = CategoryModel::Parse(bytes);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ(loaded->Serialize(), bytes);
  EXPECT_EQ(loaded->classes(), model->classes());
  const char* texts[] = {"The team won", "Rates rose", "", "\xff\xfe"};
  for (const char* text : texts) {
    EXPECT_EQ(loaded->Predict("Title", text).probabilities,
              model->Predict("Title", text).probabilities);
  }
}

TEST(CategoryModelTest, TitleInBodyIsStoredAsVersion2AndRoundTrips) {
  auto plain = TrainCategoryModel(SmallCorpus(), SmallOptions());
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(plain->Serialize()[7], '\1');  // without flags: version 1, bytes as before
  TrainOptions options = SmallOptions();
  options.features.title_in_body = true;
  auto model = TrainCategoryModel(SmallCorpus(), options);
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  std::string bytes = model->Serialize();
  EXPECT_EQ(bytes[7], '\2');
  auto loaded = CategoryModel::Parse(bytes);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_TRUE(loaded->settings().title_in_body);
  EXPECT_EQ(loaded->Serialize(), bytes);
  // The loaded model reads titles the same way as the trained one.
  EXPECT_EQ(loaded->Predict("striker", "").probabilities,
            model->Predict("striker", "").probabilities);
  EXPECT_EQ(model->classes()[model->Predict("Cup final", "The team won the match").best], "sports");
  // An unknown version byte is refused.
  std::string future = bytes;
  future[7] = '\3';
  EXPECT_EQ(CategoryModel::Parse(future).status().code(), Status::Code::kCorruption);
  // So are unknown feature flags, even under a valid checksum.
  std::string flagged = bytes;
  flagged[8 + 12] = '\x02';  // the flags word follows magic, hash_bits, max_tokens, title_weight
  flagged.resize(flagged.size() - sizeof(uint64_t));
  uint64_t checksum = 14695981039346656037ull;  // FNV-1a, as the format says
  for (char c : flagged) checksum = (checksum ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  flagged.append(reinterpret_cast<const char*>(&checksum), sizeof(checksum));
  EXPECT_EQ(CategoryModel::Parse(flagged).status().code(), Status::Code::kCorruption);
}

TEST(CategoryModelTest, CorruptAndTruncatedFilesAreRefused) {
  auto model = TrainCategoryModel(SmallCorpus(), SmallOptions());
  ASSERT_TRUE(model.ok());
  std::string bytes = model->Serialize();
  EXPECT_FALSE(CategoryModel::Parse("").ok());
  EXPECT_FALSE(CategoryModel::Parse("garbage that is not a model at all").ok());
  for (size_t cut : {size_t(1), size_t(9), bytes.size() / 2, bytes.size() - 1}) {
    auto truncated = CategoryModel::Parse(std::string_view(bytes).substr(0, cut));
    EXPECT_FALSE(truncated.ok()) << cut;
    EXPECT_EQ(truncated.status().code(), Status::Code::kCorruption);
  }
  for (size_t position : {size_t(10), size_t(30), bytes.size() / 2, bytes.size() - 3}) {
    std::string damaged = bytes;
    damaged[position] ^= 0x5a;
    EXPECT_FALSE(CategoryModel::Parse(damaged).ok()) << position;
  }
}

TEST(CategoryModelTest, BadTrainingInputIsAnError) {
  EXPECT_FALSE(TrainCategoryModel({}, SmallOptions()).ok());
  EXPECT_FALSE(TrainCategoryModel({{"a", "b", "one"}, {"c", "d", "one"}}, SmallOptions()).ok());
  EXPECT_FALSE(TrainCategoryModel({{"a", "b", ""}, {"c", "d", "two"}}, SmallOptions()).ok());
}

TEST(CategoryModelTest, HostileTextIsHandled) {
  auto model = TrainCategoryModel(SmallCorpus(), SmallOptions());
  ASSERT_TRUE(model.ok());
  std::string huge(size_t(8) << 20, 'x');
  std::string binary;
  for (int i = 0; i < 4096; ++i) binary += static_cast<char>(i * 37);
  for (const std::string& text : {std::string(), huge, binary}) {
    CategoryScores scores = model->Predict(text, text);
    ASSERT_EQ(scores.probabilities.size(), 2u);
    EXPECT_NEAR(scores.probabilities[0] + scores.probabilities[1], 1.0f, 1e-5);
  }
}

}  // namespace
}  // namespace newsloom::analyze
