// Calendar helpers for resolving date expressions: weekdays, month and week
// arithmetic, periods at a granularity, and the year rule for year-less dates.
// Pure functions, thread-safe.
#ifndef NEWSLOOM_TIMEX_CALENDAR_H_
#define NEWSLOOM_TIMEX_CALENDAR_H_

#include <cstdint>
#include <optional>
#include <string>

#include "common/time.h"
#include "newsloom/article.h"

namespace newsloom::timex {

using Granularity = DateMention::Granularity;

// 0 = Monday ... 6 = Sunday.
int WeekdayOf(const CivilDate& date);

CivilDate AddDays(const CivilDate& date, int64_t days);

// The first day of the month `months` after (or before, when negative) `date`'s month.
CivilDate AddMonths(const CivilDate& date, int months);

int DaysInMonth(int year, int month);

// First and last day of the period `date` names at `granularity`
// (the day itself, its month, or its year). REQUIRES: granularity resolved.
CivilDate PeriodStart(const CivilDate& date, Granularity granularity);
CivilDate PeriodEnd(const CivilDate& date, Granularity granularity);

// "2024-09-23", "2024-09", "2024"; "" for kUnresolved.
std::string IsoDate(const CivilDate& date, Granularity granularity);

// The coarsest honest description of a range of days: the day when first ==
// last, its month when both lie in one month, its year when in one year.
// Returns kUnresolved when the range spans years.
Granularity GranularityOfRange(const CivilDate& first, const CivilDate& last);

// The year for a date written without one ("Feb. 24", "in September"):
// among the reference year and the years either side, the one whose period
// lies nearest the reference date, where a period after the reference counts
// its distance twice (news mostly reports what has happened). With `weekday`
// (0..6, a weekday written beside the date, "Tuesday (March 4)") the years on
// which the date falls on that weekday are preferred; `weekday_conflict` is set
// when none of the three does. `day` is 0 for a month-only date.
int ChooseYear(int month, int day, const CivilDate& reference, std::optional<int> weekday,
               bool* weekday_conflict);

}  // namespace newsloom::timex

#endif  // NEWSLOOM_TIMEX_CALENDAR_H_
