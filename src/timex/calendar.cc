#include "timex/calendar.h"

#include <cstdio>
#include <limits>

namespace newsloom::timex {

int WeekdayOf(const CivilDate& date) {
  int64_t days = DaysFromCivil(date);
  // 1970-01-01 was a Thursday (3 when Monday is 0).
  int64_t weekday = (days + 3) % 7;
  if (weekday < 0) weekday += 7;
  return static_cast<int>(weekday);
}

CivilDate AddDays(const CivilDate& date, int64_t days) {
  return CivilFromDays(DaysFromCivil(date) + days);
}

CivilDate AddMonths(const CivilDate& date, int months) {
  int64_t index = int64_t(date.year) * 12 + (date.month - 1) + months;
  int64_t year = index >= 0 ? index / 12 : -((-index + 11) / 12);
  int month = static_cast<int>(index - year * 12) + 1;
  return CivilDate{static_cast<int>(year), month, 1};
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 30;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

CivilDate PeriodStart(const CivilDate& date, Granularity granularity) {
  switch (granularity) {
    case Granularity::kYear:
      return {date.year, 1, 1};
    case Granularity::kMonth:
      return {date.year, date.month, 1};
    default:
      return date;
  }
}

CivilDate PeriodEnd(const CivilDate& date, Granularity granularity) {
  switch (granularity) {
    case Granularity::kYear:
      return {date.year, 12, 31};
    case Granularity::kMonth:
      return {date.year, date.month, DaysInMonth(date.year, date.month)};
    default:
      return date;
  }
}

std::string IsoDate(const CivilDate& date, Granularity granularity) {
  char buffer[32];
  switch (granularity) {
    case Granularity::kDay:
      return IsoDay(date);
    case Granularity::kMonth:
      std::snprintf(buffer, sizeof buffer, "%04d-%02d", date.year, date.month);
      return buffer;
    case Granularity::kYear:
      std::snprintf(buffer, sizeof buffer, "%04d", date.year);
      return buffer;
    case Granularity::kUnresolved:
      break;
  }
  return "";
}

Granularity GranularityOfRange(const CivilDate& first, const CivilDate& last) {
  if (first.year != last.year) return Granularity::kUnresolved;
  if (first.month != last.month) return Granularity::kYear;
  if (first.day != last.day) return Granularity::kMonth;
  return Granularity::kDay;
}

int ChooseYear(int month, int day, const CivilDate& reference, std::optional<int> weekday,
               bool* weekday_conflict) {
  const int64_t reference_days = DaysFromCivil(reference);
  Granularity granularity = day == 0 ? Granularity::kMonth : Granularity::kDay;
  auto cost = [&](int year) {
    CivilDate date{year, month, day == 0 ? 1 : day};
    int64_t start = DaysFromCivil(PeriodStart(date, granularity));
    int64_t end = DaysFromCivil(PeriodEnd(date, granularity));
    if (reference_days < start) return 2 * (start - reference_days);
    if (reference_days > end) return reference_days - end;
    return int64_t{0};
  };
  auto matches = [&](int year) {
    if (!weekday || day == 0) return true;
    CivilDate date{year, month, day};
    return IsValidCivilDate(date) && WeekdayOf(date) == *weekday;
  };
  bool any_match = false;
  for (int year = reference.year - 1; year <= reference.year + 1; ++year) {
    any_match = any_match || matches(year);
  }
  if (weekday_conflict) *weekday_conflict = !any_match;
  int best = reference.year;
  int64_t best_cost = std::numeric_limits<int64_t>::max();
  for (int year = reference.year - 1; year <= reference.year + 1; ++year) {
    if (any_match && !matches(year)) continue;
    if (day == 29 && month == 2 && !IsValidCivilDate({year, 2, 29})) continue;
    int64_t year_cost = cost(year);
    if (year_cost < best_cost) best = year, best_cost = year_cost;
  }
  return best;
}

}  // namespace newsloom::timex
