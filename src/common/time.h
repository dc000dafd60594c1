// Calendar arithmetic (proleptic Gregorian, no time-zone database needed:
// pages state offsets explicitly or not at all).
#ifndef NEWSLOOM_COMMON_TIME_H_
#define NEWSLOOM_COMMON_TIME_H_

#include <cstdint>
#include <optional>
#include <string>

#include "newsloom/article.h"

namespace newsloom {

struct CivilDate {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31
};

// Days since 1970-01-01 for a civil date, and back (Howard Hinnant's algorithm).
int64_t DaysFromCivil(const CivilDate& date);
CivilDate CivilFromDays(int64_t days);

bool IsValidCivilDate(const CivilDate& date);

// "2024-09-23".
std::string IsoDay(const CivilDate& date);

// The day (since 1970-01-01) a timestamp falls on in the zone the page gave,
// UTC when it gave none.
int64_t LocalDaysFromEpoch(const Timestamp& stamp);

// A Timestamp from local wall-clock fields and the offset they are in.
// Returns nothing when a field is out of range.
std::optional<Timestamp> MakeTimestamp(const CivilDate& date, int hour, int minute, int second,
                                       std::optional<int> offset_minutes,
                                       Timestamp::Precision precision);

// The current time, UTC, to the second.
Timestamp Now();

}  // namespace newsloom

#endif  // NEWSLOOM_COMMON_TIME_H_
