#include "dedup/shingles.h"

#include <gtest/gtest.h>

#include <string>

#include "dedup/sketch.h"

namespace newsloom::dedup {
namespace {

struct SameWordsCase {
  const char* a;
  const char* b;
  bool same;
};

// Texts that normalise to the same words, and texts that must not.
constexpr SameWordsCase kSameWordsCases[] = {
    {"Hello, world!", "hello world", true},
    {"Cousin\xE2\x80\x99s death", "cousin's death", true},
    {"  many\t\nspaces  here ", "many spaces here", true},
    {"A \xE2\x80\x94 dash \xE2\x80\xA6", "a dash", true},
    {"caf\xC3\xA9 au lait", "caf au lait", false},
    {"Stra\xC3\x9F"
     "e",
     "strasse", false},
    {"one two", "two one", false},
    {"1,000 votes", "1 000 votes", true},
    {"100 votes", "1000 votes", false},
};

TEST(WordHashesTest, NormalisesWhitespaceCaseAndPunctuation) {
  for (const SameWordsCase& row : kSameWordsCases) {
    const bool same =
        NormalizedTextHash(WordHashes(row.a)) == NormalizedTextHash(WordHashes(row.b));
    EXPECT_EQ(same, row.same) << row.a << " | " << row.b;
  }
}

TEST(WordHashesTest, CountsWords) {
  EXPECT_EQ(WordHashes("").size(), 0u);
  EXPECT_EQ(WordHashes("... !!! \xE2\x80\x9C\xE2\x80\x9D").size(), 0u);
  EXPECT_EQ(WordHashes("The U.S. economy, \xE2\x80\x9Cgrew\xE2\x80\x9D 3%").size(), 6u);
  EXPECT_EQ(NormalizedTextHash({}), 0u);
}

TEST(WordHashesTest, SurvivesInvalidUtf8) {
  const std::string garbage = "\xFF\xFE\xC3 abc \xE2\x80 def \x80\x80\xF4\x90\x80\x80";
  const std::vector<uint64_t> words = WordHashes(garbage);
  EXPECT_GE(words.size(), 2u);
}

TEST(ShingleHashesTest, OneShinglePerWindow) {
  EXPECT_EQ(ShingleHashes(WordHashes("a b c d e")).size(), 3u);
  EXPECT_EQ(ShingleHashes(WordHashes("a b")).size(), 1u);
  EXPECT_EQ(ShingleHashes(WordHashes("")).size(), 0u);
  // Order matters inside a shingle.
  EXPECT_NE(ShingleHashes(WordHashes("a b c")), ShingleHashes(WordHashes("c b a")));
}

TEST(SketchTest, EstimatesJaccard) {
  // Sets with a known overlap: 1000 shared shingles and 1000 of each side's own.
  std::vector<uint64_t> a, b;
  for (uint64_t i = 0; i < 1000; ++i) {
    a.push_back(Mix64(i));
    b.push_back(Mix64(i));
    a.push_back(Mix64(i + 100000));
    b.push_back(Mix64(i + 200000));
  }
  const double estimate = EstimatedJaccard(ComputeMinHash(a), ComputeMinHash(b));
  EXPECT_NEAR(estimate, 1.0 / 3, 0.25);
  EXPECT_EQ(EstimatedJaccard(ComputeMinHash(a), ComputeMinHash(a)), 1.0);
  EXPECT_LT(__builtin_popcountll(ComputeSimHash(a) ^ ComputeSimHash(a)), 1);
  EXPECT_EQ(ComputeSimHash({}), 0u);
}

}  // namespace
}  // namespace newsloom::dedup
