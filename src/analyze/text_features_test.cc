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

TEST(TextFeaturesTest, TitleInBodyAddsTheTitleWordsToTheBody) {
  FeatureSettings settings;
  std::vector<FeatureCount> title;
  std::vector<FeatureCount> body;
  CountFeatures("", "election", settings, &title, &body);
  const std::vector<FeatureCount> body_word = body;
  CountFeatures("election", "vote", settings, &title, &body);
  const std::vector<FeatureCount> title_alone = title;
  const std::vector<FeatureCount> body_alone = body;
  settings.title_in_body = true;
  CountFeatures("election", "vote", settings, &title, &body);
  // The title block is unchanged; the body gains the title word's body
  // buckets (unigram and prefix, first) and no second length bucket.
  EXPECT_EQ(title.size(), title_alone.size());
  ASSERT_EQ(body.size(), body_alone.size() + 2);
  EXPECT_EQ(body[0].bucket, body_word[0].bucket);
  EXPECT_EQ(body[1].bucket, body_word[1].bucket);
}

TEST(TextFeaturesTest, ABlankBodyIsReadAsTheTitle) {
  const FeatureSettings settings;
  std::vector<FeatureCount> title;
  std::vector<FeatureCount> body;
  CountFeatures("Bomb kills two at a bank", "Bomb kills two at a bank", settings, &title, &body);
  const std::vector<FeatureCount> expected = body;
  for (std::string_view blank : {"", " \n\t "}) {
    CountFeatures("Bomb kills two at a bank", blank, settings, &title, &body);
    ASSERT_EQ(body.size(), expected.size()) << "body \"" << blank << "\"";
    for (size_t i = 0; i < body.size(); ++i) {
      EXPECT_EQ(body[i].bucket, expected[i].bucket);
      EXPECT_EQ(body[i].count, expected[i].count);
    }
  }
  // A body with words of its own is read as it is.
  CountFeatures("Bomb kills two at a bank", "Markets", settings, &title, &body);
  EXPECT_EQ(body.size(), 3u);  // unigram, prefix, length
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
