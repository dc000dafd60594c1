#include "cluster/hash_index.h"

#include <gtest/gtest.h>

#include <cstdint>

namespace newsloom::cluster {
namespace {

TEST(HashIndexTest, FindsWhatWasInsertedThroughGrowth) {
  HashIndex index;
  EXPECT_EQ(index.Find(42), HashIndex::kAbsent);
  // Keys that share their low or high bits, and zero, across several growths.
  for (uint32_t value = 0; value < 50000; ++value) {
    index.Insert(static_cast<uint64_t>(value) << 32, value);
    index.Insert(value + 1, value + 50000);
  }
  EXPECT_EQ(index.size(), 100000u);
  for (uint32_t value = 0; value < 50000; ++value) {
    ASSERT_EQ(index.Find(static_cast<uint64_t>(value) << 32), value);
    ASSERT_EQ(index.Find(value + 1), value + 50000);
  }
  EXPECT_EQ(index.Find(~uint64_t{0}), HashIndex::kAbsent);
  EXPECT_GE(index.MemoryBytes(), 100000u * 12);
}

TEST(HashIndexTest, KeysStoredTwiceAreToldApartByTheCaller) {
  HashIndex index;
  index.Insert(7, 1);
  index.Insert(7, 2);  // another word with the same hash
  EXPECT_EQ(index.Find(7), 1u);
  EXPECT_EQ(index.FindIf(7, [](uint32_t value) { return value == 2; }), 2u);
  EXPECT_EQ(index.FindIf(7, [](uint32_t value) { return value == 3; }), HashIndex::kAbsent);
  const size_t bytes = index.MemoryBytes();
  index.Clear();
  EXPECT_EQ(index.size(), 0u);
  EXPECT_EQ(index.Find(7), HashIndex::kAbsent);
  EXPECT_EQ(index.MemoryBytes(), bytes);  // the table is kept for reuse
  index.Insert(7, 3);
  EXPECT_EQ(index.Find(7), 3u);
}

}  // namespace
}  // namespace newsloom::cluster
