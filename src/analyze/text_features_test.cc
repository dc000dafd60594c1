#include "analyze/text_features.h"

#include <gtest/gtest.h>

namespace newsloom::analyze {
namespace {

struct TokenizeCase {
  const char* text;
  std::vector<std::string> expected;
};

TEST(TextFeaturesTest, Tokenize) {
  const TokenizeCase cases[] = {
      {"Hello, World!", {"hello", "world"}},
      {"Obama's plan doesn't work", {"obamas", "plan", "doesnt", "work"}},
      {"Profits rose 76% to $1.13bn", {"profits", "rose", "00", "to", "0", "00bn"}},
      {"“Quoted” — dash", {"quoted", "dash"}},
      {"МОСКВА Москва", {"москва", "москва"}},
      {"CAFÉ café", {"café", "café"}},
      {"", {}},
      {"bad \xff\xfe bytes", {"bad", "bytes"}},
  };
  for (const TokenizeCase& row : cases)
    EXPECT_EQ(Tokenize(row.text, 100), row.expected) << row.text;
}

TEST(TextFeaturesTest, TokenLimit) { EXPECT_EQ(Tokenize("a b c d e", 3).size(), 3u); }

TEST(TextFeaturesTest, TitleAndBodyUseSeparateBuckets) {
  FeatureSettings settings;
  std::vector<FeatureCount> title;
  std::vector<FeatureCount> body;
  CountFeatures("election", "election", settings, &title, &body);
  // One unigram, one prefix ("elect") and one length bucket each; no bucket shared.
  ASSERT_EQ(title.size(), 3u);
  ASSERT_EQ(body.size(), 3u);
  for (const FeatureCount& t : title) {
    for (const FeatureCount& b : body) EXPECT_NE(t.bucket, b.bucket);
  }
}

TEST(TextFeaturesTest, WeightedBlocksHaveTheirNorms) {
  FeatureSettings settings;
  std::vector<FeatureCount> title;
  std::vector<FeatureCount> body;
  CountFeatures("Markets fall", "Shares fell sharply as markets fell and fell again", settings,
                &title, &body);
  std::vector<float> idf(size_t(1) << settings.hash_bits, 1.0f);
  std::vector<WeightedFeature> features;
  WeighFeatures(title, body, idf, settings, &features);
  double body_norm = 0;
  double title_norm = 0;
  for (size_t i = 0; i < features.size(); ++i) {
    double square = double(features[i].value) * features[i].value;
    (i < body.size() ? body_norm : title_norm) += square;
  }
  EXPECT_NEAR(body_norm, 1.0, 1e-4);
  EXPECT_NEAR(title_norm, double(settings.title_weight) * settings.title_weight, 1e-4);
}

}  // namespace
}  // namespace newsloom::analyze
