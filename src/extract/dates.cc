#include "extract/dates.h"

#include <cstdint>

#include "common/strings.h"
#include "common/time.h"

namespace newsloom::extract {

namespace {

// Hand-written scanning instead of std::regex: dates are parsed for every
// candidate of every page, and regex matching would dominate extraction time.

// Bytes that belong to a word: ASCII letters and the two-byte UTF-8 letters of
// Latin-1 and Latin Extended (lead bytes C3..DF). C2 (no-break space and
// punctuation) and three-byte sequences (dashes, CJK) end a word.
size_t WordByteLength(std::string_view text, size_t i) {
  unsigned char c = static_cast<unsigned char>(text[i]);
  if (IsAsciiLetter(char(c))) return 1;
  if (c >= 0xC3 && c <= 0xDF && i + 1 < text.size()) {
    unsigned char next = static_cast<unsigned char>(text[i + 1]);
    if (next >= 0x80 && next <= 0xBF) return 2;
  }
  return 0;
}

// Length of a space-like character at text[i]: ASCII blanks, U+00A0, U+2009,
// U+202F and the other U+2000..U+200B spaces.
size_t SpaceLength(std::string_view text, size_t i) {
  unsigned char c = static_cast<unsigned char>(text[i]);
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
  if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) {
    return 2;
  }
  if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80) {
    unsigned char b = static_cast<unsigned char>(text[i + 2]);
    if ((b >= 0x80 && b <= 0x8B) || b == 0xAF) return 3;
  }
  return 0;
}

size_t SkipSpaces(std::string_view text, size_t i) {
  while (i < text.size()) {
    size_t width = SpaceLength(text, i);
    if (width == 0) break;
    i += width;
  }
  return i;
}

// Reads a run of digits at text[*position] (at most max_digits, and the run
// must end there). Returns the number of digits read, 0 when none.
int ReadNumber(std::string_view text, size_t* position, int max_digits, int* value) {
  size_t i = *position;
  int digits = 0;
  int64_t result = 0;
  while (i < text.size() && IsAsciiDigit(text[i])) {
    if (++digits > max_digits) return 0;
    result = result * 10 + (text[i] - '0');
    ++i;
  }
  if (digits == 0) return 0;
  *value = int(result);
  *position = i;
  return digits;
}

// Lower-cases a word (ASCII and the Latin-1 capitals À..Þ) into a small buffer.
std::string_view LowerWord(std::string_view word, char* buffer, size_t capacity) {
  if (word.size() > capacity) return {};
  for (size_t i = 0; i < word.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(word[i]);
    if (c == 0xC3 && i + 1 < word.size()) {
      unsigned char next = static_cast<unsigned char>(word[i + 1]);
      buffer[i] = char(c);
      buffer[i + 1] = char((next >= 0x80 && next <= 0x9E && next != 0x97) ? next + 0x20 : next);
      ++i;
      continue;
    }
    buffer[i] = LowerAscii(char(c));
  }
  return std::string_view(buffer, word.size());
}

struct MonthName {
  std::string_view name;  // lower-case UTF-8
  int month;
};

// English, German, French, Spanish, Italian, Portuguese and Dutch month names
// and their usual abbreviations (a trailing dot is skipped by the caller).
constexpr MonthName kMonthNames[] = {
    // English
    {"january", 1},
    {"jan", 1},
    {"february", 2},
    {"feb", 2},
    {"march", 3},
    {"mar", 3},
    {"april", 4},
    {"apr", 4},
    {"may", 5},
    {"june", 6},
    {"jun", 6},
    {"july", 7},
    {"jul", 7},
    {"august", 8},
    {"aug", 8},
    {"september", 9},
    {"sep", 9},
    {"sept", 9},
    {"october", 10},
    {"oct", 10},
    {"november", 11},
    {"nov", 11},
    {"december", 12},
    {"dec", 12},
    // German
    {"januar", 1},
    {"j\xC3\xA4nner", 1},
    {"jaenner", 1},
    {"februar", 2},
    {"m\xC3\xA4rz", 3},
    {"maerz", 3},
    {"m\xC3\xA4r", 3},
    {"mai", 5},
    {"juni", 6},
    {"juli", 7},
    {"oktober", 10},
    {"okt", 10},
    {"dezember", 12},
    {"dez", 12},
    // French
    {"janvier", 1},
    {"janv", 1},
    {"f\xC3\xA9vrier", 2},
    {"fevrier", 2},
    {"f\xC3\xA9v", 2},
    {"f\xC3\xA9vr", 2},
    {"fevr", 2},
    {"mars", 3},
    {"avril", 4},
    {"avr", 4},
    {"juin", 6},
    {"juillet", 7},
    {"juil", 7},
    {"ao\xC3\xBBt", 8},
    {"aout", 8},
    {"septembre", 9},
    {"octobre", 10},
    {"novembre", 11},
    {"d\xC3\xA9"
     "cembre",
     12},
    {"decembre", 12},
    {"d\xC3\xA9"
     "c",
     12},
    // Spanish
    {"enero", 1},
    {"ene", 1},
    {"febrero", 2},
    {"marzo", 3},
    {"abril", 4},
    {"abr", 4},
    {"mayo", 5},
    {"junio", 6},
    {"julio", 7},
    {"agosto", 8},
    {"ago", 8},
    {"septiembre", 9},
    {"setiembre", 9},
    {"octubre", 10},
    {"noviembre", 11},
    {"diciembre", 12},
    {"dic", 12},
    // Italian
    {"gennaio", 1},
    {"gen", 1},
    {"febbraio", 2},
    {"aprile", 4},
    {"maggio", 5},
    {"mag", 5},
    {"giugno", 6},
    {"giu", 6},
    {"luglio", 7},
    {"lug", 7},
    {"settembre", 9},
    {"set", 9},
    {"ottobre", 10},
    {"ott", 10},
    {"dicembre", 12},
    // Portuguese
    {"janeiro", 1},
    {"fevereiro", 2},
    {"fev", 2},
    {"mar\xC3\xA7o", 3},
    {"marco", 3},
    {"maio", 5},
    {"junho", 6},
    {"julho", 7},
    {"setembro", 9},
    {"outubro", 10},
    {"out", 10},
    {"novembro", 11},
    {"dezembro", 12},
    // Dutch
    {"januari", 1},
    {"februari", 2},
    {"maart", 3},
    {"mrt", 3},
    {"mei", 5},
    {"augustus", 8},
};

int LookupMonth(std::string_view word) {
  char buffer[16];
  std::string_view lower = LowerWord(word, buffer, sizeof buffer);
  if (lower.empty()) return 0;
  for (const MonthName& entry : kMonthNames) {
    if (entry.name == lower) return entry.month;
  }
  return 0;
}

// The word starting at text[i] (letters only), or empty.
std::string_view WordAt(std::string_view text, size_t i) {
  size_t end = i;
  while (end < text.size()) {
    size_t width = WordByteLength(text, end);
    if (width == 0) break;
    end += width;
  }
  return text.substr(i, end - i);
}

bool StartsWordIgnoreCase(std::string_view text, size_t i, std::string_view word) {
  if (i + word.size() > text.size()) return false;
  for (size_t k = 0; k < word.size(); ++k) {
    if (LowerAscii(text[i + k]) != word[k]) return false;
  }
  size_t end = i + word.size();
  return end == text.size() || !IsAsciiAlnum(text[end]);
}

struct ZoneName {
  std::string_view name;  // upper-case
  int offset_minutes;
};

constexpr ZoneName kZones[] = {
    {"GMT", 0},       {"UTC", 0},        {"UT", 0},         {"Z", 0},         {"EST", -5 * 60},
    {"EDT", -4 * 60}, {"CST", -6 * 60},  {"CDT", -5 * 60},  {"MST", -7 * 60}, {"MDT", -6 * 60},
    {"PST", -8 * 60}, {"PDT", -7 * 60},  {"BST", 60},       {"CET", 60},      {"CEST", 120},
    {"MEZ", 60},      {"MESZ", 120},     {"EET", 120},      {"EEST", 180},    {"WET", 0},
    {"WEST", 60},     {"AKST", -9 * 60}, {"AKDT", -8 * 60}, {"HST", -10 * 60}};

// A numeric offset "+09:00", "+0900", "+09", "-5" at text[*position].
bool ReadNumericOffset(std::string_view text, size_t* position, int* offset_minutes) {
  size_t i = *position;
  if (i >= text.size() || (text[i] != '+' && text[i] != '-' &&
                           !(text[i] == '\xE2' && i + 2 < text.size() && text[i + 1] == '\x88' &&
                             text[i + 2] == '\x92'))) {
    return false;
  }
  int sign = 1;
  if (text[i] == '+') {
    ++i;
  } else if (text[i] == '-') {
    sign = -1;
    ++i;
  } else {  // U+2212 MINUS SIGN
    sign = -1;
    i += 3;
  }
  size_t digits_start = i;
  int value = 0;
  int digits = ReadNumber(text, &i, 4, &value);
  int hours = 0;
  int minutes = 0;
  if (digits == 4) {
    hours = value / 100;
    minutes = value % 100;
  } else if (digits == 1 || digits == 2) {
    hours = value;
    if (i + 2 < text.size() && text[i] == ':' && IsAsciiDigit(text[i + 1]) &&
        IsAsciiDigit(text[i + 2])) {
      minutes = (text[i + 1] - '0') * 10 + (text[i + 2] - '0');
      i += 3;
    }
  } else {
    return false;
  }
  if (i - digits_start == 0 || hours > 18 || minutes > 59) return false;
  if (i < text.size() && IsAsciiDigit(text[i])) return false;
  *offset_minutes = sign * (hours * 60 + minutes);
  *position = i;
  return true;
}

// A zone after a time: "Z", a numeric offset, "GMT+2", or a known abbreviation.
// Sets *offset (or leaves it empty for an unknown zone) and advances.
void ReadZone(std::string_view text, size_t* position, std::optional<int>* offset) {
  size_t i = *position;
  int numeric = 0;
  if (ReadNumericOffset(text, &i, &numeric)) {
    *offset = numeric;
    *position = i;
    return;
  }
  i = SkipSpaces(text, i);
  if (ReadNumericOffset(text, &i, &numeric)) {
    *offset = numeric;
    *position = i;
    return;
  }
  if (i < text.size() && text[i] == '(') ++i;
  size_t end = i;
  while (end < text.size() && IsAsciiLetter(text[end])) ++end;
  if (end == i || end - i > 4) return;
  if (end < text.size() && IsAsciiDigit(text[end])) return;
  char upper[5] = {};
  for (size_t k = i; k < end; ++k) {
    char c = text[k];
    if (c >= 'a' && c <= 'z') {
      // Only "Z"/"z" and upper-case abbreviations count; "at", "am" are words.
      if (end - i > 1) return;
      c = char(c - 'a' + 'A');
    }
    upper[k - i] = c;
  }
  std::string_view name(upper, end - i);
  for (const ZoneName& zone : kZones) {
    if (zone.name == name) {
      int total = zone.offset_minutes;
      size_t after = end;
      int extra = 0;
      if ((name == "GMT" || name == "UTC") && ReadNumericOffset(text, &after, &extra)) {
        total = extra;
        end = after;
      }
      if (end < text.size() && text[end] == ')') ++end;
      *offset = total;
      *position = end;
      return;
    }
  }
}

struct TimeOfDay {
  int hour = 0;
  int minute = 0;
  int second = 0;
  Timestamp::Precision precision = Timestamp::Precision::kDay;
  std::optional<int> offset;
};

// "10:05", "10:05:30.123", "10.05 am", "10:05 p.m.", "10h05", each with an
// optional zone.
bool ReadTime(std::string_view text, size_t* position, TimeOfDay* time) {
  size_t i = *position;
  int hour = 0;
  int hour_digits = ReadNumber(text, &i, 2, &hour);
  if (hour_digits == 0 || i >= text.size()) return false;
  char separator = text[i];
  if (separator != ':' && separator != '.' && separator != 'h') return false;
  ++i;
  int minute = 0;
  size_t minute_start = i;
  if (ReadNumber(text, &i, 2, &minute) != 2 || i - minute_start != 2) return false;
  int second = 0;
  Timestamp::Precision precision = Timestamp::Precision::kMinute;
  if (separator == ':' && i < text.size() && text[i] == ':') {
    size_t second_position = i + 1;
    if (ReadNumber(text, &second_position, 2, &second) == 2) {
      i = second_position;
      precision = Timestamp::Precision::kSecond;
      if (i + 1 < text.size() && (text[i] == '.' || text[i] == ',') && IsAsciiDigit(text[i + 1])) {
        ++i;
        while (i < text.size() && IsAsciiDigit(text[i])) ++i;
      }
    }
  }
  // am / pm / a.m. / p.m.
  size_t after = SkipSpaces(text, i);
  if (after < text.size()) {
    char c = LowerAscii(text[after]);
    if (c == 'a' || c == 'p') {
      size_t k = after + 1;
      if (k < text.size() && text[k] == '.') ++k;
      if (k < text.size() && LowerAscii(text[k]) == 'm') {
        ++k;
        if (k < text.size() && text[k] == '.') ++k;
        if (k >= text.size() || !IsAsciiAlnum(text[k])) {
          if (hour < 1 || hour > 12) return false;
          if (c == 'a' && hour == 12) hour = 0;
          if (c == 'p' && hour != 12) hour += 12;
          i = k;
        }
      }
    }
  }
  if (hour > 23 || minute > 59 || second > 60) return false;
  ReadZone(text, &i, &time->offset);
  time->hour = hour;
  time->minute = minute;
  time->second = second;
  time->precision = precision;
  *position = i;
  return true;
}

// After a date: an optional time, introduced by "T", spaces, ",", "at", "@",
// "-", "|", "um", "à", "a las", "alle", "om".
void ReadOptionalTime(std::string_view text, size_t position, TimeOfDay* time) {
  size_t i = position;
  if (i < text.size() && (text[i] == 'T' || text[i] == 't') && i + 1 < text.size() &&
      IsAsciiDigit(text[i + 1])) {
    ++i;
  } else {
    for (int step = 0; step < 4; ++step) {
      size_t next = SkipSpaces(text, i);
      if (next < text.size() && (text[next] == ',' || text[next] == '@' || text[next] == '-' ||
                                 text[next] == '|' || text[next] == '/')) {
        ++next;
      } else if (next + 2 < text.size() && text.compare(next, 3, "\xE2\x80\x93") == 0) {
        next += 3;
      } else if (StartsWordIgnoreCase(text, next, "at") || StartsWordIgnoreCase(text, next, "um") ||
                 StartsWordIgnoreCase(text, next, "om") ||
                 StartsWordIgnoreCase(text, next, "alle") ||
                 StartsWordIgnoreCase(text, next, "las") || StartsWordIgnoreCase(text, next, "a")) {
        while (next < text.size() && IsAsciiLetter(text[next])) ++next;
      } else if (next + 1 < text.size() && text.compare(next, 2, "\xC3\xA0") == 0) {
        next += 2;
      }
      if (next == i) break;
      i = next;
    }
    i = SkipSpaces(text, i);
  }
  TimeOfDay parsed;
  if (i < text.size() && IsAsciiDigit(text[i]) && ReadTime(text, &i, &parsed)) *time = parsed;
}

// Consumes an ordinal suffix ("st", "nd", "rd", "th", "er", "º") after a day number.
size_t SkipOrdinal(std::string_view text, size_t i) {
  static constexpr std::string_view kSuffixes[] = {"st", "nd", "rd", "th", "er", "e"};
  for (std::string_view suffix : kSuffixes) {
    if (i + suffix.size() <= text.size()) {
      bool match = true;
      for (size_t k = 0; k < suffix.size(); ++k) {
        if (LowerAscii(text[i + k]) != suffix[k]) match = false;
      }
      size_t end = i + suffix.size();
      if (match && (end == text.size() || !IsAsciiLetter(text[end]))) return end;
    }
  }
  if (i + 1 < text.size() && text.compare(i, 2, "\xC2\xBA") == 0) return i + 2;
  return i;
}

// Skips spaces, optional punctuation and a Spanish/Portuguese "de"/"del".
size_t SkipDateGlue(std::string_view text, size_t i, bool allow_comma) {
  i = SkipSpaces(text, i);
  if (i < text.size() && (text[i] == '.' || (allow_comma && text[i] == ','))) {
    i = SkipSpaces(text, i + 1);
  }
  if (StartsWordIgnoreCase(text, i, "de")) {
    i = SkipSpaces(text, i + 2);
  } else if (StartsWordIgnoreCase(text, i, "del")) {
    i = SkipSpaces(text, i + 3);
  }
  return i;
}

bool ReadYear(std::string_view text, size_t* position, int* year) {
  size_t i = *position;
  if (ReadNumber(text, &i, 4, year) != 4) return false;
  // A capitalised word glued to the year is the next element's text, two
  // spans joined without a space ("Dec 17, 2025Julian K. Arni").
  bool glued_word = i + 1 < text.size() && IsAsciiUpper(text[i]) && IsAsciiLower(text[i + 1]);
  if (i < text.size() && IsAsciiAlnum(text[i]) && text[i] != 'T' && !glued_word) return false;
  *position = i;
  return true;
}

struct DateMatch {
  CivilDate date;
  size_t end = 0;  // where a time of day may follow
  bool allow_time = true;
};

// Dates beginning with a number at text[i].
std::optional<DateMatch> DateAtNumber(std::string_view text, size_t i) {
  size_t position = i;
  int first = 0;
  int digits = ReadNumber(text, &position, 8, &first);
  if (digits == 4 && position < text.size()) {
    char separator = text[position];
    // 2024-09-23, 2024/09/23, 2024.09.23
    if (separator == '-' || separator == '/' || separator == '.') {
      size_t k = position + 1;
      int month = 0;
      int day = 0;
      if (ReadNumber(text, &k, 2, &month) > 0 && k < text.size() && text[k] == separator) {
        ++k;
        if (ReadNumber(text, &k, 2, &day) > 0) {
          if (k < text.size() && IsAsciiDigit(text[k])) return std::nullopt;
          return DateMatch{{first, month, day}, k, true};
        }
      }
      return std::nullopt;
    }
    // 2023 Jan 7, 2023 January 7 (citations, some Asian sites)
    if (SpaceLength(text, position) > 0) {
      size_t k = SkipSpaces(text, position);
      std::string_view word = WordAt(text, k);
      int month = word.empty() ? 0 : LookupMonth(word);
      if (month != 0) {
        k = SkipDateGlue(text, k + word.size(), false);
        int day = 0;
        if (ReadNumber(text, &k, 2, &day) > 0 && (k >= text.size() || !IsAsciiDigit(text[k]))) {
          return DateMatch{{first, month, day}, k, true};
        }
      }
      return std::nullopt;
    }
    // 2024年9月23日
    if (text.compare(position, 3, "\xE5\xB9\xB4") == 0) {
      size_t k = position + 3;
      int month = 0;
      int day = 0;
      if (ReadNumber(text, &k, 2, &month) > 0 && text.compare(k, 3, "\xE6\x9C\x88") == 0) {
        k += 3;
        if (ReadNumber(text, &k, 2, &day) > 0 &&
            (text.compare(k, 3, "\xE6\x97\xA5") == 0 || text.compare(k, 3, "\xE5\x8F\xB7") == 0)) {
          return DateMatch{{first, month, day}, k + 3, true};
        }
      }
    }
    return std::nullopt;
  }
  if (digits == 8) {
    // 20240923, 20240923T100500Z
    CivilDate date{first / 10000, first / 100 % 100, first % 100};
    if (date.year < 1900 || date.year > 2100) return std::nullopt;
    return DateMatch{date, position, true};
  }
  if (digits == 1 || digits == 2) {
    int day = first;
    if (position < text.size() &&
        (text[position] == '.' || text[position] == '/' || text[position] == '-')) {
      char separator = text[position];
      size_t k = position + 1;
      int second = 0;
      int year = 0;
      if (ReadNumber(text, &k, 2, &second) > 0 && k < text.size() && text[k] == separator) {
        ++k;
        if (ReadYear(text, &k, &year)) {
          int month = second;
          if (separator != '.') {
            // Slashes and dashes are written day-first in Europe and
            // month-first in the US: accept only what is unambiguous.
            if (day > 12 && second <= 12) {
              month = second;
            } else if (second > 12 && day <= 12) {
              month = day;
              day = second;
            } else {
              return std::nullopt;
            }
          }
          return DateMatch{{year, month, day}, k, true};
        }
      }
    }
    // 23 September 2024, 23. September 2024, 23rd Sept. 2024, 23 de septiembre de 2024
    size_t k = SkipOrdinal(text, position);
    k = SkipDateGlue(text, k, false);
    std::string_view word = WordAt(text, k);
    int month = word.empty() ? 0 : LookupMonth(word);
    if (month == 0) return std::nullopt;
    k = SkipDateGlue(text, k + word.size(), true);
    int year = 0;
    if (!ReadYear(text, &k, &year)) return std::nullopt;
    return DateMatch{{year, month, day}, k, true};
  }
  return std::nullopt;
}

// Dates beginning with a month name: "September 23, 2024", "Sept. 23rd 2024".
std::optional<DateMatch> DateAtWord(std::string_view text, size_t i, std::string_view word) {
  int month = LookupMonth(word);
  if (month == 0) return std::nullopt;
  size_t k = SkipDateGlue(text, i + word.size(), false);
  int day = 0;
  if (ReadNumber(text, &k, 2, &day) == 0) return std::nullopt;
  k = SkipOrdinal(text, k);
  k = SkipDateGlue(text, k, true);
  int year = 0;
  if (!ReadYear(text, &k, &year)) return std::nullopt;
  return DateMatch{{year, month, day}, k, true};
}

std::optional<Timestamp> FromEpoch(std::string_view digits) {
  int64_t value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  if (digits.size() >= 12 && digits.size() <= 13) value /= 1000;
  // 2000-01-01 .. 2100-01-01: outside that a number is an id, not a time.
  if (value < 946684800 || value > 4102444800) return std::nullopt;
  Timestamp stamp;
  stamp.utc_seconds = value;
  stamp.has_offset = true;
  stamp.precision = Timestamp::Precision::kSecond;
  return stamp;
}

std::optional<Timestamp> Finish(const DateMatch& match, std::string_view text) {
  if (!IsValidCivilDate(match.date)) return std::nullopt;
  TimeOfDay time;
  if (match.allow_time) ReadOptionalTime(text, match.end, &time);
  return MakeTimestamp(match.date, time.hour, time.minute, time.second, time.offset,
                       time.precision);
}

// A compact ISO time after an eight-digit date: "T100500Z", "T1005+0900".
std::optional<Timestamp> FinishCompact(const DateMatch& match, std::string_view text) {
  size_t i = match.end;
  if (i < text.size() && (text[i] == 'T' || text[i] == 't')) {
    size_t k = i + 1;
    int value = 0;
    int digits = ReadNumber(text, &k, 6, &value);
    if (digits == 4 || digits == 6) {
      int hour = digits == 6 ? value / 10000 : value / 100;
      int minute = digits == 6 ? value / 100 % 100 : value % 100;
      int second = digits == 6 ? value % 100 : 0;
      std::optional<int> offset;
      ReadZone(text, &k, &offset);
      return MakeTimestamp(
          match.date, hour, minute, second, offset,
          digits == 6 ? Timestamp::Precision::kSecond : Timestamp::Precision::kMinute);
    }
  }
  if (!IsValidCivilDate(match.date)) return std::nullopt;
  return MakeTimestamp(match.date, 0, 0, 0, std::nullopt, Timestamp::Precision::kDay);
}

}  // namespace

std::optional<Timestamp> ParseDateTime(std::string_view text) {
  // Whole-string epoch seconds or milliseconds.
  {
    size_t begin = SkipSpaces(text, 0);
    size_t end = text.size();
    while (end > begin && SpaceLength(text, end - 1) == 1) --end;
    std::string_view trimmed = text.substr(begin, end - begin);
    bool all_digits = !trimmed.empty();
    for (char c : trimmed) all_digits = all_digits && IsAsciiDigit(c);
    if (all_digits && (trimmed.size() == 9 || trimmed.size() == 10 || trimmed.size() == 12 ||
                       trimmed.size() == 13)) {
      return FromEpoch(trimmed);
    }
  }
  for (size_t i = 0; i < text.size();) {
    char c = text[i];
    bool boundary = i == 0 || !IsAsciiAlnum(text[i - 1]);
    if (IsAsciiDigit(c)) {
      size_t run_end = i;
      while (run_end < text.size() && IsAsciiDigit(text[run_end])) ++run_end;
      if (boundary) {
        if (std::optional<DateMatch> match = DateAtNumber(text, i)) {
          std::optional<Timestamp> stamp =
              run_end - i == 8 ? FinishCompact(*match, text) : Finish(*match, text);
          if (stamp) return stamp;
        }
      }
      i = run_end;
      continue;
    }
    size_t width = WordByteLength(text, i);
    if (width > 0) {
      std::string_view word = WordAt(text, i);
      if (boundary && word.size() >= 3 && word.size() <= 12) {
        if (std::optional<DateMatch> match = DateAtWord(text, i, word)) {
          if (std::optional<Timestamp> stamp = Finish(*match, text)) return stamp;
        }
      }
      i += word.size();
      continue;
    }
    ++i;
  }
  return std::nullopt;
}

std::optional<Timestamp> DateFromUrl(std::string_view url) {
  // Only the path: a host may contain digits and a query string ids.
  size_t path_start = 0;
  if (size_t scheme = url.find("://"); scheme != std::string_view::npos) {
    path_start = url.find('/', scheme + 3);
    if (path_start == std::string_view::npos) return std::nullopt;
  }
  size_t path_end = url.find_first_of("?#", path_start);
  if (path_end == std::string_view::npos) path_end = url.size();
  std::string_view path = url.substr(0, path_end);

  auto two_digits = [&](size_t at, int* value) {
    if (at + 1 >= path.size() || !IsAsciiDigit(path[at]) || !IsAsciiDigit(path[at + 1]))
      return false;
    *value = (path[at] - '0') * 10 + (path[at + 1] - '0');
    return true;
  };
  auto ends_cleanly = [&](size_t at) { return at >= path.size() || !IsAsciiDigit(path[at]); };

  for (size_t i = path_start; i + 4 <= path.size(); ++i) {
    if (i > 0 && IsAsciiAlnum(path[i - 1])) continue;
    size_t k = i;
    int year = 0;
    if (ReadNumber(path, &k, 8, &year) == 0) continue;
    size_t digits = k - i;
    CivilDate date;
    bool found = false;
    auto is_separator = [&](size_t at) {
      return at < path.size() &&
             (path[at] == '/' || path[at] == '-' || path[at] == '_' || path[at] == '.');
    };
    int first = 0;
    int second = 0;
    if (digits == 4 && is_separator(k)) {
      // /2024/09/23/, /2024-09-23-slug, /2012-06/04/
      if (two_digits(k + 1, &first) && is_separator(k + 3) && two_digits(k + 4, &second) &&
          ends_cleanly(k + 6)) {
        date = {year, first, second};
        found = true;
      }
    } else if (digits == 2 && is_separator(k) && path[k] != '/') {
      // /meldungen/29-10-2021
      int four = 0;
      size_t end = k + 4;
      if (two_digits(k + 1, &first) && is_separator(k + 3) && path[k + 3] == path[k] &&
          ReadNumber(path, &end, 4, &four) == 4 && ends_cleanly(end)) {
        date = {four, first, year};
        found = true;
      }
    } else if (digits == 8 && ends_cleanly(k)) {
      // /20240923/, else day first: /08112021-event
      date = {year / 10000, year / 100 % 100, year % 100};
      found = date.year >= 1990 && date.year <= 2100 && IsValidCivilDate(date);
      if (!found) {
        date = {year % 10000, year / 10000 % 100, year / 1000000};
        found = true;
      }
    }
    if (found && date.year >= 1990 && date.year <= 2100 && IsValidCivilDate(date)) {
      return MakeTimestamp(date, 0, 0, 0, std::nullopt, Timestamp::Precision::kDay);
    }
  }
  return std::nullopt;
}

}  // namespace newsloom::extract
