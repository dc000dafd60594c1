#include "cluster/background.h"

#include <gtest/gtest.h>

#include <string>

#include "cluster/clusterer.h"

namespace newsloom::cluster {
namespace {

std::vector<WeightedTerm> Terms(std::initializer_list<uint64_t> hashes) {
  std::vector<WeightedTerm> terms;
  for (uint64_t hash : hashes) terms.push_back({hash, 1.0f, TermKind::kWord});
  return terms;
}

TEST(DocumentFrequencies, CountsRoundTripAndDropRareTerms) {
  DocumentFrequencyCounter counter;
  counter.Add(Terms({7, 9}));
  counter.Add(Terms({7}));
  counter.Add({});  // an article without terms is not counted
  counter.Add(Terms({7, 11}));
  const std::string bytes = counter.Finish(2).Serialize();
  auto table = DocumentFrequencies::Parse(bytes);
  ASSERT_TRUE(table.ok()) << table.status().ToString();
  EXPECT_EQ(table->documents(), 3u);
  EXPECT_EQ(table->size(), 1u);
  EXPECT_EQ(table->Of(7), 3u);
  EXPECT_EQ(table->Of(9), 0u);  // below min_documents
  EXPECT_EQ(table->Serialize(), bytes);
}

TEST(DocumentFrequencies, RejectsMalformedBytes) {
  DocumentFrequencyCounter counter;
  counter.Add(Terms({1, 2, 3}));
  const std::string good = counter.Finish(1).Serialize();
  EXPECT_FALSE(DocumentFrequencies::Parse("").ok());
  EXPECT_FALSE(DocumentFrequencies::Parse("not a table at all, really").ok());
  EXPECT_FALSE(DocumentFrequencies::Parse(good.substr(0, good.size() - 1)).ok());
  EXPECT_FALSE(DocumentFrequencies::Parse(good + "x").ok());
  std::string unordered = good;
  std::swap(unordered[24], unordered[36]);  // first bytes of the first two hashes
  EXPECT_FALSE(DocumentFrequencies::Parse(unordered).ok());
}

TEST(DocumentFrequencies, BuiltInTableIsLinkedAndCountsCommonWords) {
  const DocumentFrequencies& table = DocumentFrequencies::BuiltIn();
  ASSERT_GT(table.documents(), 1000u);
  // "govern" (the stem of government) is in many newswire stories; a made-up
  // word in none.
  const uint32_t common = table.Of(TermHash(TermKind::kWord, "govern"));
  EXPECT_GT(common, table.documents() / 100);
  EXPECT_EQ(table.Of(TermHash(TermKind::kWord, "zqxjvw")), 0u);
}

}  // namespace
}  // namespace newsloom::cluster
