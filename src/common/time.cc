#include "common/time.h"

#include <chrono>
#include <cstdio>

namespace newsloom {

namespace {

// The whole days in `seconds` since the epoch, rounded down (toward the past).
int64_t FloorDays(int64_t seconds) {
  return seconds >= 0 ? seconds / 86400 : -((-seconds + 86399) / 86400);
}

}  // namespace

int64_t DaysFromCivil(const CivilDate& date) {
  int64_t y = date.year - (date.month <= 2 ? 1 : 0);
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t year_of_era = y - era * 400;
  int64_t month = date.month;
  int64_t day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + date.day - 1;
  int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

CivilDate CivilFromDays(int64_t days) {
  days += 719468;
  int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  int64_t day_of_era = days - era * 146097;
  int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  int64_t mp = (5 * day_of_year + 2) / 153;
  CivilDate date;
  date.day = int(day_of_year - (153 * mp + 2) / 5 + 1);
  date.month = int(mp < 10 ? mp + 3 : mp - 9);
  date.year = int(year_of_era + era * 400 + (date.month <= 2 ? 1 : 0));
  return date;
}

bool IsValidCivilDate(const CivilDate& date) {
  if (date.year < 1 || date.year > 9999 || date.month < 1 || date.month > 12 || date.day < 1) {
    return false;
  }
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (date.year % 4 == 0 && date.year % 100 != 0) || date.year % 400 == 0;
  int limit = kDays[date.month - 1] + (date.month == 2 && leap ? 1 : 0);
  return date.day <= limit;
}

std::optional<Timestamp> MakeTimestamp(const CivilDate& date, int hour, int minute, int second,
                                       std::optional<int> offset_minutes,
                                       Timestamp::Precision precision) {
  if (!IsValidCivilDate(date) || hour < 0 || hour > 24 || minute < 0 || minute > 59 || second < 0 ||
      second > 60) {
    return std::nullopt;
  }
  if (offset_minutes && (*offset_minutes < -18 * 60 || *offset_minutes > 18 * 60)) {
    return std::nullopt;
  }
  Timestamp stamp;
  int64_t local = DaysFromCivil(date) * 86400 + hour * 3600 + minute * 60 + second;
  stamp.utc_seconds = local - int64_t(offset_minutes.value_or(0)) * 60;
  stamp.offset_minutes = offset_minutes.value_or(0);
  stamp.has_offset = offset_minutes.has_value();
  stamp.precision = precision;
  return stamp;
}

int64_t LocalDaysFromEpoch(const Timestamp& stamp) {
  int64_t local = stamp.utc_seconds;
  if (stamp.has_offset) local += int64_t{stamp.offset_minutes} * 60;
  return FloorDays(local);
}

std::string IsoDay(const CivilDate& date) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
  return buffer;
}

Timestamp Now() {
  Timestamp stamp;
  stamp.utc_seconds = std::chrono::duration_cast<std::chrono::seconds>(
                          std::chrono::system_clock::now().time_since_epoch())
                          .count();
  stamp.has_offset = true;
  return stamp;
}

std::string Timestamp::ToIso8601() const {
  int64_t local = utc_seconds + int64_t(offset_minutes) * 60;
  int64_t days = FloorDays(local);
  int64_t seconds_of_day = local - days * 86400;
  CivilDate date = CivilFromDays(days);
  if (precision == Precision::kDay) return IsoDay(date);
  char buffer[64];
  int n = std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d", date.year,
                        date.month, date.day, int(seconds_of_day / 3600),
                        int(seconds_of_day / 60 % 60), int(seconds_of_day % 60));
  if (has_offset) {
    if (offset_minutes == 0) {
      std::snprintf(buffer + n, sizeof buffer - n, "Z");
    } else {
      int magnitude = offset_minutes < 0 ? -offset_minutes : offset_minutes;
      std::snprintf(buffer + n, sizeof buffer - n, "%c%02d:%02d", offset_minutes < 0 ? '-' : '+',
                    magnitude / 60, magnitude % 60);
    }
  }
  return buffer;
}

}  // namespace newsloom
