#include "common/time.h"

#include <gtest/gtest.h>

namespace newsloom {
namespace {

TEST(TimeTest, CivilRoundTrip) {
  for (int64_t days : {-719468LL, -1LL, 0LL, 19000LL, 20000LL, 2932896LL}) {
    EXPECT_EQ(DaysFromCivil(CivilFromDays(days)), days);
  }
  EXPECT_EQ(DaysFromCivil({1970, 1, 1}), 0);
  EXPECT_EQ(DaysFromCivil({2000, 3, 1}), 11017);
}

TEST(TimeTest, ValidatesDates) {
  EXPECT_TRUE(IsValidCivilDate({2024, 2, 29}));
  EXPECT_FALSE(IsValidCivilDate({2023, 2, 29}));
  EXPECT_FALSE(IsValidCivilDate({1900, 2, 29}));
  EXPECT_FALSE(IsValidCivilDate({2024, 13, 1}));
}

struct IsoCase {
  CivilDate date;
  int hour, minute, second;
  std::optional<int> offset;
  Timestamp::Precision precision;
  const char* expected;
};

TEST(TimeTest, FormatsIso8601InThePagesZone) {
  using P = Timestamp::Precision;
  const IsoCase kCases[] = {
      {{2024, 9, 23}, 0, 0, 0, std::nullopt, P::kDay, "2024-09-23"},
      {{2024, 9, 23}, 10, 5, 0, std::nullopt, P::kSecond, "2024-09-23T10:05:00"},
      {{2024, 9, 23}, 10, 5, 0, 0, P::kSecond, "2024-09-23T10:05:00Z"},
      {{2024, 9, 23}, 10, 5, 0, 540, P::kSecond, "2024-09-23T10:05:00+09:00"},
      {{2024, 9, 23}, 1, 0, 0, -330, P::kSecond, "2024-09-23T01:00:00-05:30"},
      // Before the epoch the day still rounds toward the past.
      {{1969, 12, 31}, 23, 0, 0, std::nullopt, P::kSecond, "1969-12-31T23:00:00"},
      {{1969, 12, 31}, 0, 0, 0, std::nullopt, P::kDay, "1969-12-31"},
  };
  for (const auto& c : kCases) {
    auto stamp = MakeTimestamp(c.date, c.hour, c.minute, c.second, c.offset, c.precision);
    ASSERT_TRUE(stamp.has_value());
    EXPECT_EQ(stamp->ToIso8601(), c.expected);
  }
  EXPECT_FALSE(MakeTimestamp({2024, 2, 30}, 0, 0, 0, std::nullopt, P::kDay).has_value());
}

}  // namespace
}  // namespace newsloom
