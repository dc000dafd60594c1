#include <gtest/gtest.h>

#include <random>
#include <string>

#include "dedup/dedup.h"
#include "dedup/testing.h"

namespace newsloom::dedup {
namespace {

using testing::EditCopy;
using testing::Edits;
using testing::MakeArticle;
using testing::RandomStory;

// prefix + number (GCC 12 warns falsely on Name("s", i)).
std::string Name(const char* prefix, int number) {
  std::string name = prefix;
  name += std::to_string(number);
  return name;
}

TEST(DeduplicatorTest, FindsExactDuplicatesAfterNormalising) {
  std::mt19937_64 random(1);
  Deduplicator deduplicator;
  const std::string story = RandomStory(random);
  EXPECT_EQ(deduplicator.Add(MakeArticle("a", story)), std::nullopt);
  std::string shouted = story;
  for (char& c : shouted) c = char(std::toupper(static_cast<unsigned char>(c)));
  shouted.insert(0, "  ");
  shouted.append(" !!");
  std::optional<Match> match = deduplicator.AddWithMatch(MakeArticle("b", shouted));
  ASSERT_TRUE(match);
  EXPECT_EQ(match->kind, Match::Kind::kExact);
  EXPECT_EQ(match->canonical_id, "a");
  EXPECT_EQ(deduplicator.Add(MakeArticle("c", story)), "a");
  EXPECT_EQ(deduplicator.size(), 3u);
}

TEST(DeduplicatorTest, FindsLightlyEditedCopies) {
  std::mt19937_64 random(2);
  Deduplicator deduplicator;
  const Article original = MakeArticle("wire", RandomStory(random), "Headline");
  ASSERT_EQ(deduplicator.Add(original), std::nullopt);
  const Edits kEdits[] = {
      {.cut_paragraph = true},
      {.boilerplate_lines = 3},
      {.word_edits = 6},
      {.change_headline = true},
      {.cut_paragraph = true, .boilerplate_lines = 2, .word_edits = 3, .change_headline = true},
  };
  int number = 0;
  for (const Edits& edits : kEdits) {
    const Article copy = EditCopy(original, Name("copy", number++), edits, random);
    std::optional<Match> match = deduplicator.Find(copy);
    ASSERT_TRUE(match) << copy.id;
    EXPECT_EQ(match->canonical_id, "wire");
  }
}

// A text copied thousands of times (each copy lightly edited): every copy is
// still found, with the first article as canonical, although a band's bucket
// keeps only its first few copies.
TEST(DeduplicatorTest, FindsEveryCopyOfAMuchCopiedText) {
  std::mt19937_64 random(9);
  Deduplicator deduplicator;
  const Article original = MakeArticle("wire", RandomStory(random), "Headline");
  ASSERT_EQ(deduplicator.Add(original), std::nullopt);
  int found = 0;
  for (int number = 0; number < 3000; ++number) {
    const Article copy = EditCopy(original, Name("copy", number), {.word_edits = 4}, random);
    found += deduplicator.Add(copy) == std::optional<std::string>("wire");
  }
  EXPECT_EQ(found, 3000);
  EXPECT_EQ(deduplicator.size(), 3001u);
}

TEST(DeduplicatorTest, UnrelatedStoriesAreNotDuplicates) {
  std::mt19937_64 random(3);
  Deduplicator deduplicator;
  for (int i = 0; i < 2000; ++i) {
    EXPECT_EQ(deduplicator.Add(MakeArticle(std::to_string(i), RandomStory(random, 4))),
              std::nullopt);
  }
  EXPECT_EQ(deduplicator.size(), 2000u);
}

TEST(DeduplicatorTest, CanonicalIsTheFirstSeen) {
  std::mt19937_64 random(4);
  Deduplicator deduplicator;
  const Article original = MakeArticle("first", RandomStory(random));
  deduplicator.Add(original);
  const Article near = EditCopy(original, "second", {.boilerplate_lines = 2}, random);
  EXPECT_EQ(deduplicator.Add(near), "first");
  // An exact copy of the near-duplicate still points to the first article.
  Article again = near;
  again.id = "third";
  EXPECT_EQ(deduplicator.Add(again), "first");
}

TEST(DeduplicatorTest, RemoveForgetsAnArticle) {
  std::mt19937_64 random(5);
  Deduplicator deduplicator;
  const std::string story = RandomStory(random);
  deduplicator.Add(MakeArticle("a", story));
  deduplicator.Add(MakeArticle("b", story));
  EXPECT_TRUE(deduplicator.Remove("a"));
  EXPECT_FALSE(deduplicator.Remove("a"));
  EXPECT_FALSE(deduplicator.Remove("missing"));
  // "b" is now the canonical article of the group.
  EXPECT_EQ(deduplicator.Add(MakeArticle("c", story)), "b");
  EXPECT_TRUE(deduplicator.Remove("b"));
  EXPECT_TRUE(deduplicator.Remove("c"));
  EXPECT_EQ(deduplicator.Add(MakeArticle("d", story)), std::nullopt);
}

TEST(DeduplicatorTest, SurvivesManyRemovalsAndCompaction) {
  std::mt19937_64 random(6);
  Deduplicator deduplicator;
  std::vector<std::string> stories;
  for (int i = 0; i < 600; ++i) {
    stories.push_back(RandomStory(random, 3));
    deduplicator.Add(MakeArticle(Name("s", i), stories.back()));
  }
  for (int i = 0; i < 500; ++i) ASSERT_TRUE(deduplicator.Remove(Name("s", i)));
  EXPECT_EQ(deduplicator.size(), 100u);
  for (int i = 0; i < 600; ++i) {
    std::optional<std::string> match = deduplicator.Add(MakeArticle(Name("t", i), stories[i]));
    if (i < 500) {
      EXPECT_EQ(match, std::nullopt) << i;
    } else {
      EXPECT_EQ(match, Name("s", i)) << i;
    }
  }
}

TEST(DeduplicatorTest, ShortAndEmptyTexts) {
  Deduplicator deduplicator;
  EXPECT_EQ(deduplicator.Add(MakeArticle("empty", "")), std::nullopt);
  EXPECT_EQ(deduplicator.Add(MakeArticle("empty2", "... !!!")), std::nullopt);
  EXPECT_EQ(deduplicator.size(), 0u);
  EXPECT_EQ(deduplicator.Add(MakeArticle("short", "Storm hits the coast.")), std::nullopt);
  EXPECT_EQ(deduplicator.Add(MakeArticle("short2", "storm hits the coast")), "short");
  // Short texts are matched exactly only.
  EXPECT_EQ(deduplicator.Add(MakeArticle("short3", "Storm hits the north coast.")), std::nullopt);
}

TEST(DeduplicatorTest, HostileInput) {
  Deduplicator deduplicator;
  std::string garbage;
  for (int i = 0; i < 100000; ++i) garbage.push_back(char(i * 7919 % 256));
  EXPECT_EQ(deduplicator.Add(MakeArticle("garbage", garbage)), std::nullopt);
  EXPECT_EQ(deduplicator.Add(MakeArticle("garbage2", garbage)), "garbage");
  EXPECT_EQ(deduplicator.Add(MakeArticle("", "no id but words enough")), std::nullopt);
  EXPECT_EQ(deduplicator.Add(MakeArticle("same", "no id but words enough")), "");
}

TEST(SignatureTest, NearCopiesHaveCloseSimHashes) {
  std::mt19937_64 random(7);
  const Article original = MakeArticle("a", RandomStory(random));
  const Article copy = EditCopy(original, "b", {.word_edits = 2}, random);
  const Article other = MakeArticle("c", RandomStory(random));
  const int near = __builtin_popcountll(Signature(original) ^ Signature(copy));
  const int far = __builtin_popcountll(Signature(original) ^ Signature(other));
  EXPECT_LT(near, 12);
  EXPECT_GT(far, 16);
  EXPECT_EQ(Signature(MakeArticle("e", "")), 0u);
}

}  // namespace
}  // namespace newsloom::dedup
