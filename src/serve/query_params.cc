#include "serve/query_params.h"

#include <string>

#include "common/strings.h"

namespace newsloom::serve {

namespace {

// Days from 1970-01-01 to the given proleptic Gregorian date.
int64_t DaysFromCivil(int64_t year, int month, int day) {
  year -= month <= 2;
  int64_t era = (year >= 0 ? year : year - 399) / 400;
  int64_t year_of_era = year - era * 400;
  int64_t day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

bool ReadNumber(std::string_view text, size_t& position, size_t digits, int& value) {
  if (position + digits > text.size()) return false;
  value = 0;
  for (size_t i = 0; i < digits; ++i) {
    char c = text[position + i];
    if (!IsAsciiDigit(c)) return false;
    value = value * 10 + (c - '0');
  }
  position += digits;
  return true;
}

bool Expect(std::string_view text, size_t& position, char c) {
  if (position >= text.size() || text[position] != c) return false;
  ++position;
  return true;
}

}  // namespace

Result<int64_t> ParseTimeParameter(std::string_view text) {
  text = TrimView(text);
  Status bad = Status::InvalidArgument("bad time \"" + std::string(text.substr(0, 40)) +
                                       "\": use UTC seconds or ISO 8601 (2024-09-23T10:05Z)");
  if (text.empty() || text.size() > 40) return bad;
  bool all_digits = true;
  for (char c : text) all_digits = all_digits && IsAsciiDigit(c);
  if (all_digits) {
    if (text.size() > 12) return bad;
    return int64_t(std::stoll(std::string(text)));
  }
  size_t position = 0;
  int year, month, day, hour = 0, minute = 0, second = 0;
  if (!ReadNumber(text, position, 4, year) || !Expect(text, position, '-') ||
      !ReadNumber(text, position, 2, month) || !Expect(text, position, '-') ||
      !ReadNumber(text, position, 2, day)) {
    return bad;
  }
  if (month < 1 || month > 12 || day < 1 || day > 31) return bad;
  int offset_minutes = 0;
  if (position < text.size()) {
    if (text[position] != 'T' && text[position] != ' ') return bad;
    ++position;
    if (!ReadNumber(text, position, 2, hour) || !Expect(text, position, ':') ||
        !ReadNumber(text, position, 2, minute)) {
      return bad;
    }
    if (position < text.size() && text[position] == ':' &&
        !(++position, ReadNumber(text, position, 2, second))) {
      return bad;
    }
    if (hour > 23 || minute > 59 || second > 60) return bad;
    if (position < text.size()) {
      char sign = text[position++];
      if (sign == 'Z' && position == text.size()) {
      } else if (sign == '+' || sign == '-') {
        int offset_hours, offset_part;
        if (!ReadNumber(text, position, 2, offset_hours) || !Expect(text, position, ':') ||
            !ReadNumber(text, position, 2, offset_part) || position != text.size()) {
          return bad;
        }
        offset_minutes = (offset_hours * 60 + offset_part) * (sign == '-' ? -1 : 1);
      } else {
        return bad;
      }
    }
  }
  return DaysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second -
         int64_t(offset_minutes) * 60;
}

Result<int> ParseLimit(std::string_view text, int max) {
  text = TrimView(text);
  int value = 0;
  if (text.empty() || text.size() > 7) return Status::InvalidArgument("bad limit");
  for (char c : text) {
    if (!IsAsciiDigit(c)) return Status::InvalidArgument("bad limit");
    value = value * 10 + (c - '0');
  }
  if (value < 1 || value > max) {
    return Status::InvalidArgument("limit must be between 1 and " + std::to_string(max));
  }
  return value;
}

}  // namespace newsloom::serve
