#include "timex/timex.h"

#include <algorithm>
#include <array>
#include <charconv>

#include "common/strings.h"
#include "timex/tokens.h"

namespace newsloom::timex {
namespace {

constexpr std::array<std::string_view, 12> kMonths = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};
constexpr std::array<std::string_view, 7> kWeekdays = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
constexpr std::array<std::string_view, 21> kNumberWords = {
    "zero",     "one",     "two",     "three",     "four",     "five",     "six",
    "seven",    "eight",   "nine",    "ten",       "eleven",   "twelve",   "thirteen",
    "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"};
// Words after which a bare year or a bare month name is a date ("in 2019", "since March").
constexpr std::array<std::string_view, 21> kDatePrepositions = {
    "in",     "since", "by",      "until", "till", "from",       "during",
    "before", "after", "through", "early", "late", "mid",        "of",
    "around", "circa", "between", "and",   "to",   "throughout", "or"};

bool IsCapitalized(const Token& token) { return token.IsWord() && IsAsciiUpper(token.text[0]); }

// 1..12 for a capitalised month name or abbreviation ("Sept", "Feb"), else 0.
// `abbreviated` tells whether the short form was used.
int MonthOf(const Token& token, bool* abbreviated) {
  if (!IsCapitalized(token) || token.text.size() < 3 || token.text.size() > 9) return 0;
  for (size_t m = 0; m < kMonths.size(); ++m) {
    if (EqualsIgnoreCase(token.text, kMonths[m])) {
      *abbreviated = false;
      return static_cast<int>(m) + 1;
    }
  }
  if (EqualsIgnoreCase(token.text, "sept")) {
    *abbreviated = true;
    return 9;
  }
  if (token.text.size() == 3 && !EqualsIgnoreCase(token.text, "may")) {
    for (size_t m = 0; m < kMonths.size(); ++m) {
      if (EqualsIgnoreCase(kMonths[m].substr(0, 3), token.text)) {
        *abbreviated = true;
        return static_cast<int>(m) + 1;
      }
    }
  }
  return 0;
}

// 0..6 for a capitalised weekday name, else -1.
int WeekdayOfToken(const Token& token) {
  if (!IsCapitalized(token) || token.text.size() < 6 || token.text.size() > 9) return -1;
  for (size_t d = 0; d < kWeekdays.size(); ++d) {
    if (EqualsIgnoreCase(token.text, kWeekdays[d])) return static_cast<int>(d);
  }
  return -1;
}

int NumberValue(const Token& token) {
  if (!token.IsNumber() || token.text.size() > 6) return -1;
  int value = -1;
  std::from_chars(token.text.data(), token.text.data() + token.text.size(), value);
  return value;
}

// A count written as digits or a word ("three", "a"): the value, or -1.
int CountValue(const Token& token) {
  if (token.IsNumber()) return token.text.size() <= 3 ? NumberValue(token) : -1;
  if (token.Is("a") || token.Is("an")) return 1;
  for (size_t n = 0; n < kNumberWords.size(); ++n) {
    if (token.Is(kNumberWords[n])) return static_cast<int>(n);
  }
  return -1;
}

bool IsYear(const Token& token) {
  if (!token.IsNumber() || token.text.size() != 4) return false;
  int year = NumberValue(token);
  return year >= 1900 && year <= 2100;
}

bool IsDay(const Token& token) {
  if (!token.IsNumber() || token.text.size() > 2) return false;
  int day = NumberValue(token);
  return day >= 1 && day <= 31;
}

// A period relative to the publication date, such as a week.
enum class Unit { kDay, kWeek, kWeekend, kMonth, kYear, kDecade };

std::optional<Unit> UnitOf(const Token& token) {
  if (!token.IsWord()) return std::nullopt;
  std::string word = AsciiLower(token.text);
  if (word.size() > 1 && word.back() == 's') word.pop_back();
  if (word == "day") return Unit::kDay;
  if (word == "week") return Unit::kWeek;
  if (word == "weekend") return Unit::kWeekend;
  if (word == "month") return Unit::kMonth;
  if (word == "year") return Unit::kYear;
  if (word == "decade") return Unit::kDecade;
  return std::nullopt;
}

struct Match {
  size_t last = 0;  // index of the last token of the expression
  TimeExpression expression;
};

// A date as written, before resolution: month and day may be missing.
struct Written {
  size_t first = 0;
  size_t last = 0;
  int year = 0;   // 0 when not written
  int month = 0;  // 0 when not written
  int day = 0;    // 0 when not written
};

class Matcher {
 public:
  Matcher(std::string_view text, const Anchor& anchor)
      : text_(text), tokens_(Tokenize(text)), anchor_(anchor) {}

  std::vector<TimeExpression> Run() {
    std::vector<TimeExpression> found;
    size_t i = 0;
    while (i < tokens_.size()) {
      std::optional<Match> match = MatchAt(i);
      if (match) {
        found.push_back(match->expression);
        i = match->last + 1;
      } else {
        ++i;
      }
    }
    return found;
  }

 private:
  const Token* At(size_t i) const { return i < tokens_.size() ? &tokens_[i] : nullptr; }
  bool WordAt(size_t i, std::string_view word) const { return At(i) && At(i)->Is(word); }

  // The previous word, looking past a hyphen ("mid-March").
  const Token* WordBefore(size_t i) const {
    if (i == 0) return nullptr;
    size_t previous = i - 1;
    if (tokens_[previous].Is('-') && !tokens_[i].space_before && previous > 0) --previous;
    return tokens_[previous].IsWord() ? &tokens_[previous] : nullptr;
  }

  bool AfterDatePreposition(size_t i) const {
    const Token* before = WordBefore(i);
    if (!before) return false;
    for (std::string_view word : kDatePrepositions) {
      if (before->Is(word)) return true;
    }
    return false;
  }

  // Digits glued to the token after `i` ("2024-25", "2,000", "4:30") mean it is not a date part.
  bool GluedNumberAfter(size_t i) const {
    const Token* next = At(i + 1);
    const Token* after = At(i + 2);
    if (!next || next->space_before) return false;
    if (next->IsNumber() || next->IsWord() || next->Is('%')) return true;  // "2020s"
    return (next->Is(':') || next->Is(',') || next->Is('.') || next->Is('-') || next->Is('/')) &&
           after && !after->space_before && after->IsNumber();
  }

  TimeExpression Expression(size_t first, size_t last) const {
    TimeExpression expression;
    expression.begin = tokens_[first].begin;
    expression.end = tokens_[last].end;
    return expression;
  }

  // The latest year, up to four before `fetched`, in which month/day falls on
  // `weekday` no later than `fetched`; 0 when none does. Weekdays repeat on a
  // date after 5, 6 or 11 years, so the window holds at most one such year.
  static int PinnedYear(int month, int day, int weekday, const CivilDate& fetched) {
    for (int year = fetched.year; year >= fetched.year - 4; --year) {
      CivilDate date{year, month, day};
      if (!IsValidCivilDate(date) || DaysFromCivil(date) > DaysFromCivil(fetched)) continue;
      if (WeekdayOf(date) == weekday) return year;
    }
    return 0;
  }

  std::optional<CivilDate> YearReference() const {
    if (anchor_.publication) return anchor_.publication;
    return anchor_.inferred;
  }

  // "September 23, 2024", "Feb. 24", "March 2023", "March of 2023", "September".
  std::optional<Written> MonthFirst(size_t i, bool allow_bare_month) const {
    bool abbreviated = false;
    int month = MonthOf(tokens_[i], &abbreviated);
    if (month == 0) return std::nullopt;
    Written written{i, i, 0, month, 0};
    size_t j = i + 1;
    bool dotted = abbreviated && At(j) && At(j)->Is('.') && !At(j)->space_before;
    if (dotted) ++j;
    if (At(j) && At(j)->space_before && IsDay(*At(j)) && !GluedNumberAfterDay(j)) {
      written.day = NumberValue(*At(j));
      written.last = j;
      j = SkipOrdinal(j);
      written.last = j - 1;
      size_t k = j;
      if (At(k) && At(k)->Is(',')) ++k;
      if (At(k) && At(k)->space_before && IsYear(*At(k)) && !GluedNumberAfter(k)) {
        written.year = NumberValue(*At(k));
        written.last = k;
      }
      if (!IsValidCivilDate({written.year ? written.year : 2000, month, written.day})) {
        return std::nullopt;
      }
      return written;
    }
    size_t k = j;
    if (WordAt(k, "of")) ++k;
    if (At(k) && At(k)->space_before && IsYear(*At(k)) && !GluedNumberAfter(k)) {
      written.year = NumberValue(*At(k));
      written.last = k;
      return written;
    }
    if (!allow_bare_month || (abbreviated && !dotted)) return std::nullopt;
    if (!AfterDatePreposition(i)) return std::nullopt;
    if (dotted) written.last = i + 1;
    return written;
  }

  // A day number followed by glued digits or a colon is a time or a figure.
  bool GluedNumberAfterDay(size_t j) const {
    const Token* next = At(j + 1);
    if (!next || next->space_before) return false;
    if (next->Is("st") || next->Is("nd") || next->Is("rd") || next->Is("th")) return false;
    return !(next->Is(',') || next->Is('.') || next->Is(')') || next->Is(';') ||
             (next->kind == Token::Kind::kPunct && next->text.size() > 1));
  }

  size_t SkipOrdinal(size_t j) const {
    const Token* next = At(j + 1);
    if (next && !next->space_before &&
        (next->Is("st") || next->Is("nd") || next->Is("rd") || next->Is("th"))) {
      return j + 2;
    }
    return j + 1;
  }

  // "24 February", "24th of February 2022", "28 August 2025".
  std::optional<Written> DayFirst(size_t i) const {
    if (!IsDay(tokens_[i])) return std::nullopt;
    if (i > 0 && !tokens_[i].space_before &&
        (tokens_[i - 1].IsNumber() || tokens_[i - 1].Is('-') || tokens_[i - 1].Is('.'))) {
      return std::nullopt;
    }
    size_t j = SkipOrdinal(i);
    if (WordAt(j, "of")) ++j;
    bool abbreviated = false;
    const Token* month_token = At(j);
    if (!month_token || !month_token->space_before) return std::nullopt;
    int month = MonthOf(*month_token, &abbreviated);
    if (month == 0) return std::nullopt;
    Written written{i, j, 0, month, NumberValue(tokens_[i])};
    size_t k = j + 1;
    if (abbreviated && At(k) && At(k)->Is('.') && !At(k)->space_before) written.last = k++;
    if (At(k) && At(k)->Is(',')) ++k;
    if (At(k) && At(k)->space_before && IsYear(*At(k)) && !GluedNumberAfter(k)) {
      written.year = NumberValue(*At(k));
      written.last = k;
    }
    if (!IsValidCivilDate({written.year ? written.year : 2000, month, written.day})) {
      return std::nullopt;
    }
    return written;
  }

  std::optional<Written> AnyWritten(size_t i, bool allow_bare_month) const {
    if (i >= tokens_.size()) return std::nullopt;
    if (auto written = MonthFirst(i, allow_bare_month)) return written;
    return DayFirst(i);
  }

  // Resolves a written date; a year-less one takes its year from the anchor.
  TimeExpression Resolve(const Written& written, std::optional<int> weekday) const {
    TimeExpression expression = Expression(written.first, written.last);
    Granularity granularity = written.day ? Granularity::kDay : Granularity::kMonth;
    int year = written.year;
    if (year == 0) {
      expression.yearless = true;
      std::optional<CivilDate> reference = YearReference();
      if (!reference) {
        if (!weekday || !written.day || !anchor_.fetched) return expression;
        year = PinnedYear(written.month, written.day, *weekday, *anchor_.fetched);
        if (year == 0) return expression;
        expression.weekday_pinned = true;
      } else {
        year = ChooseYear(written.month, written.day, *reference, weekday,
                          &expression.weekday_conflict);
      }
    } else if (weekday && written.day) {
      expression.weekday_conflict = WeekdayOf({year, written.month, written.day}) != *weekday;
    }
    expression.granularity = granularity;
    expression.date = {year, written.month, written.day ? written.day : 1};
    return expression;
  }

  std::optional<Match> MatchAt(size_t i) const {
    const Token& token = tokens_[i];
    if (token.IsNumber()) {
      if (auto match = MatchIso(i)) return match;
      if (auto match = MatchAgo(i)) return match;
      if (auto written = DayFirst(i)) return Match{written->last, Resolve(*written, {})};
      if (IsYear(token) && !GluedNumberAfter(i) && AfterDatePreposition(i) &&
          !(i > 0 && !token.space_before && tokens_[i - 1].IsNumber())) {
        TimeExpression expression = Expression(i, i);
        expression.granularity = Granularity::kYear;
        expression.date = {NumberValue(token), 1, 1};
        return Match{i, expression};
      }
      return std::nullopt;
    }
    if (!token.IsWord()) return std::nullopt;
    if (auto match = MatchWeekday(i)) return match;
    if (auto match = MatchRelative(i)) return match;
    if (auto match = MatchAgo(i)) return match;
    if (auto written = MonthFirst(i, true)) return Match{written->last, Resolve(*written, {})};
    return std::nullopt;
  }

  // "2022-02-16", "2022/02/16".
  std::optional<Match> MatchIso(size_t i) const {
    if (!IsYear(tokens_[i]) || i + 4 >= tokens_.size()) return std::nullopt;
    const Token& sep1 = tokens_[i + 1];
    const Token& sep2 = tokens_[i + 3];
    bool dash = sep1.Is('-') && sep2.Is('-');
    bool slash = sep1.Is('/') && sep2.Is('/');
    if (!dash && !slash) return std::nullopt;
    for (size_t k = i + 1; k <= i + 4; ++k) {
      if (tokens_[k].space_before) return std::nullopt;
    }
    const Token& month = tokens_[i + 2];
    const Token& day = tokens_[i + 4];
    if (!month.IsNumber() || month.text.size() > 2 || !IsDay(day)) return std::nullopt;
    const Token* next = At(i + 5);
    if (next && !next->space_before && (next->IsNumber() || next->Is('-') || next->Is('/'))) {
      return std::nullopt;
    }
    CivilDate date{NumberValue(tokens_[i]), NumberValue(month), NumberValue(day)};
    if (!IsValidCivilDate(date)) return std::nullopt;
    TimeExpression expression = Expression(i, i + 4);
    expression.granularity = Granularity::kDay;
    expression.date = date;
    return Match{i + 4, expression};
  }

  // "Tuesday", "last Friday", "Tuesday (March 4)", "Tuesday, March 4, 2025".
  std::optional<Match> MatchWeekday(size_t i) const {
    size_t first = i;
    int modifier = 0;  // -1 last, +1 next, 2 this
    if (tokens_[i].Is("last") || tokens_[i].Is("next") || tokens_[i].Is("this")) {
      modifier = tokens_[i].Is("last") ? -1 : tokens_[i].Is("next") ? 1 : 2;
      ++i;
    }
    if (i >= tokens_.size()) return std::nullopt;
    int weekday = WeekdayOfToken(tokens_[i]);
    if (weekday < 0) return std::nullopt;
    if (modifier == 0) {
      size_t j = i + 1;
      bool parenthesis = At(j) && At(j)->Is('(');
      if (parenthesis || (At(j) && At(j)->Is(','))) ++j;
      if (auto written = AnyWritten(j, false)) {
        if (written->day) {
          TimeExpression expression = Resolve(*written, weekday);
          size_t last = written->last;
          if (parenthesis && At(last + 1) && At(last + 1)->Is(')')) ++last;
          expression.begin = tokens_[first].begin;
          expression.end = tokens_[last].end;
          return Match{last, expression};
        }
      }
    }
    TimeExpression expression = Expression(first, i);
    expression.relative = true;
    if (!anchor_.publication) return Match{i, expression};
    const CivilDate& published = *anchor_.publication;
    int today = WeekdayOf(published);
    int64_t shift = 0;
    switch (modifier) {
      case 0:
        shift = -((today - weekday + 7) % 7);
        break;
      case -1:
        shift = -((today - weekday + 7) % 7);
        if (shift == 0) shift = -7;
        break;
      case 1:
        shift = (weekday - today + 7) % 7;
        if (shift == 0) shift = 7;
        break;
      default:
        shift = weekday - today;
        break;
    }
    expression.granularity = Granularity::kDay;
    expression.date = AddDays(published, shift);
    return Match{i, expression};
  }

  // Resolves the days [first, last] honestly: the day, else its month or year.
  static void SetRange(TimeExpression* expression, const CivilDate& first, const CivilDate& last) {
    expression->granularity = GranularityOfRange(first, last);
    if (expression->resolved()) expression->date = PeriodStart(first, expression->granularity);
  }

  // "yesterday", "last night", "last month", "earlier this week", "next year", "last March".
  std::optional<Match> MatchRelative(size_t i) const {
    const Token& token = tokens_[i];
    const CivilDate* published = anchor_.publication ? &*anchor_.publication : nullptr;
    auto single_day = [&](size_t last, int shift) {
      TimeExpression expression = Expression(i, last);
      expression.relative = true;
      if (published) {
        expression.granularity = Granularity::kDay;
        expression.date = AddDays(*published, shift);
      }
      return Match{last, expression};
    };
    if (token.Is("yesterday")) return single_day(i, -1);
    if (token.Is("today") || token.Is("tonight")) return single_day(i, 0);
    if (token.Is("tomorrow")) return single_day(i, 1);
    if (token.Is("last") && WordAt(i + 1, "night")) return single_day(i + 1, -1);
    if (token.Is("this") &&
        (WordAt(i + 1, "morning") || WordAt(i + 1, "afternoon") || WordAt(i + 1, "evening"))) {
      return single_day(i + 1, 0);
    }

    size_t j = i;
    int part = 0;  // -1 earlier, +1 later: which part of "this" period
    if (token.Is("earlier") || token.Is("later")) {
      part = token.Is("earlier") ? -1 : 1;
      ++j;
      if (!WordAt(j, "this")) return std::nullopt;
    }
    const Token* modifier_token = At(j);
    if (!modifier_token) return std::nullopt;
    int shift;
    if (modifier_token->Is("last") || modifier_token->Is("past")) {
      shift = -1;
    } else if (modifier_token->Is("this")) {
      shift = 0;
    } else if (modifier_token->Is("next") || modifier_token->Is("coming")) {
      shift = 1;
    } else {
      return std::nullopt;
    }
    if (part != 0 && shift != 0) return std::nullopt;
    const Token* unit_token = At(j + 1);
    if (!unit_token || !unit_token->IsWord()) return std::nullopt;

    bool abbreviated = false;
    int month = MonthOf(*unit_token, &abbreviated);
    if (month != 0 && !abbreviated && !modifier_token->Is("past")) {
      TimeExpression expression = Expression(i, j + 1);
      expression.relative = true;
      if (published) {
        int year = published->year;
        if (shift < 0 && month >= published->month) --year;
        if (shift > 0 && month <= published->month) ++year;
        expression.granularity = Granularity::kMonth;
        expression.date = {year, month, 1};
      }
      return Match{j + 1, expression};
    }
    std::optional<Unit> unit = UnitOf(*unit_token);
    if (!unit || *unit == Unit::kDay || *unit == Unit::kDecade) return std::nullopt;
    if (unit_token->text.back() == 's') return std::nullopt;  // "last years" is no date
    if (modifier_token->Is("past") && !WordBefore(j)) return std::nullopt;
    TimeExpression expression = Expression(i, j + 1);
    expression.relative = true;
    if (!published) return Match{j + 1, expression};
    switch (*unit) {
      case Unit::kWeek:
      case Unit::kWeekend: {
        CivilDate monday = AddDays(*published, -WeekdayOf(*published) + 7 * shift);
        CivilDate first = monday;
        CivilDate last = AddDays(monday, 6);
        if (*unit == Unit::kWeekend) first = AddDays(monday, 5);
        if (part < 0) last = *published;
        if (part > 0) first = *published;
        SetRange(&expression, first, last);
        break;
      }
      case Unit::kMonth:
        expression.granularity = Granularity::kMonth;
        expression.date = AddMonths(*published, shift);
        break;
      case Unit::kYear:
        expression.granularity = Granularity::kYear;
        expression.date = {published->year + shift, 1, 1};
        break;
      default:
        break;
    }
    return Match{j + 1, expression};
  }

  // "three years ago", "a month ago", "exactly three years ago on Feb. 24", "a few days ago".
  std::optional<Match> MatchAgo(size_t i) const {
    if (!WordAt(i + 2, "ago") && !WordAt(i + 3, "ago")) return std::nullopt;  // the common case
    int count = CountValue(tokens_[i]);
    size_t j = i + 1;
    bool vague = false;
    if (tokens_[i].Is("a") && WordAt(i + 1, "few")) {
      vague = true, j = i + 2;
    } else if (count < 0) {
      if (tokens_[i].Is("several") || tokens_[i].Is("some") || tokens_[i].Is("many") ||
          tokens_[i].Is("few")) {
        vague = true;
      } else {
        return std::nullopt;
      }
    }
    const Token* unit_token = At(j);
    if (!unit_token) return std::nullopt;
    std::optional<Unit> unit = UnitOf(*unit_token);
    if (!unit || *unit == Unit::kWeekend || !WordAt(j + 1, "ago")) return std::nullopt;
    size_t last = j + 1;
    TimeExpression expression = Expression(i, last);
    expression.relative = true;
    // "three years ago on Feb. 24": the year-less date in that year.
    std::optional<Written> attached;
    if ((WordAt(last + 1, "on") || WordAt(last + 1, "in")) && *unit == Unit::kYear) {
      attached = AnyWritten(last + 2, true);
      if (attached && attached->year != 0) attached.reset();
      if (attached) {
        last = attached->last;
        expression.end = tokens_[last].end;
      }
    }
    if (vague || !anchor_.publication || *unit == Unit::kDecade) return Match{last, expression};
    const CivilDate& published = *anchor_.publication;
    switch (*unit) {
      case Unit::kDay:
        expression.granularity = Granularity::kDay;
        expression.date = AddDays(published, -count);
        break;
      case Unit::kWeek: {
        CivilDate middle = AddDays(published, -7 * int64_t{count});
        SetRange(&expression, AddDays(middle, -3), AddDays(middle, 3));
        break;
      }
      case Unit::kMonth:
        expression.granularity = Granularity::kMonth;
        expression.date = AddMonths(published, -count);
        break;
      case Unit::kYear:
        if (attached) {
          expression.granularity = attached->day ? Granularity::kDay : Granularity::kMonth;
          expression.date = {published.year - count, attached->month,
                             attached->day ? attached->day : 1};
          if (!IsValidCivilDate(expression.date)) expression.granularity = Granularity::kUnresolved;
        } else {
          expression.granularity = Granularity::kYear;
          expression.date = {published.year - count, 1, 1};
        }
        break;
      default:
        break;
    }
    return Match{last, expression};
  }

  std::string_view text_;
  std::vector<Token> tokens_;
  Anchor anchor_;
};

// Keeps in `slot` the later of it and `date`.
void KeepLater(std::optional<CivilDate>& slot, const CivilDate& date) {
  if (!slot || DaysFromCivil(date) > DaysFromCivil(*slot)) slot = date;
}

}  // namespace

std::vector<TimeExpression> FindTimeExpressions(std::string_view text, const Anchor& anchor) {
  return Matcher(text, anchor).Run();
}

std::optional<CivilDate> LatestWrittenDate(const std::vector<std::string_view>& texts,
                                           std::optional<CivilDate> fetched) {
  std::optional<CivilDate> precise;
  std::optional<CivilDate> year_only;
  Anchor anchor;
  anchor.fetched = fetched;
  for (std::string_view text : texts) {
    for (const TimeExpression& found : FindTimeExpressions(text, anchor)) {
      if (!found.resolved() || found.relative || (found.yearless && !found.weekday_pinned)) {
        continue;
      }
      CivilDate end = PeriodEnd(found.date, found.granularity);
      KeepLater(found.granularity == Granularity::kYear ? year_only : precise, end);
    }
  }
  return precise ? precise : year_only;
}

namespace {

// The day `time` falls on in its own zone (or UTC).
CivilDate LocalDay(const Timestamp& time) { return CivilFromDays(LocalDaysFromEpoch(time)); }

// "2025-02-24" or "2025-02" of a resolved mention, at the end of its period.
std::optional<CivilDate> MentionDay(const DateMention& mention) {
  if (mention.granularity != Granularity::kDay && mention.granularity != Granularity::kMonth) {
    return std::nullopt;
  }
  CivilDate date;
  std::string_view iso = mention.date;
  auto number = [&](size_t at, size_t length, int* out) {
    if (iso.size() < at + length) return false;
    auto [end, error] = std::from_chars(iso.data() + at, iso.data() + at + length, *out);
    return error == std::errc() && end == iso.data() + at + length;
  };
  if (!number(0, 4, &date.year) || !number(5, 2, &date.month)) return std::nullopt;
  date.day = 1;
  if (mention.granularity == Granularity::kDay && !number(8, 2, &date.day)) return std::nullopt;
  if (!IsValidCivilDate(date)) return std::nullopt;
  return PeriodEnd(date, mention.granularity);
}

std::vector<std::string_view> TextsOf(const Article& article) {
  std::vector<std::string_view> texts;
  texts.push_back(article.title);
  for (const Paragraph& paragraph : article.paragraphs) texts.push_back(paragraph.text);
  return texts;
}

}  // namespace

Anchor AnchorFor(const Article& article) {
  Anchor anchor;
  if (article.published) anchor.publication = LocalDay(*article.published);
  if (article.fetched) anchor.fetched = LocalDay(*article.fetched);
  anchor.inferred = LatestWrittenDate(TextsOf(article), anchor.fetched);
  if (!anchor.publication && !anchor.inferred) {
    for (const DateMention& mention : article.dates) {
      if (std::optional<CivilDate> day = MentionDay(mention)) KeepLater(anchor.inferred, *day);
    }
  }
  return anchor;
}

DateMention ToMention(const TimeExpression& expression, std::string_view text, uint32_t paragraph) {
  DateMention mention;
  mention.granularity = expression.granularity;
  mention.text = std::string(text.substr(expression.begin, expression.end - expression.begin));
  mention.date = expression.Iso();
  mention.paragraph = paragraph;
  mention.offset = static_cast<uint32_t>(expression.begin);
  return mention;
}

namespace {

void AnnotateWith(const Anchor& anchor, Article* article) {
  for (size_t p = 0; p < article->paragraphs.size(); ++p) {
    const std::string& text = article->paragraphs[p].text;
    for (const TimeExpression& found : FindTimeExpressions(text, anchor)) {
      article->dates.push_back(ToMention(found, text, static_cast<uint32_t>(p)));
    }
  }
}

}  // namespace

void AnnotateDates(Article* article) {
  article->dates.clear();
  AnnotateWith(AnchorFor(*article), article);
}

void AnnotatePageDates(std::vector<Article>& articles) {
  std::vector<Anchor> anchors;
  anchors.reserve(articles.size());
  std::optional<CivilDate> latest;
  for (Article& article : articles) {
    article.dates.clear();
    anchors.push_back(AnchorFor(article));
    if (const std::optional<CivilDate>& written = anchors.back().inferred)
      KeepLater(latest, *written);
  }
  for (size_t i = 0; i < articles.size(); ++i) {
    Anchor& anchor = anchors[i];
    if (articles.size() > 1 && !anchor.publication && !anchor.inferred) anchor.inferred = latest;
    AnnotateWith(anchor, &articles[i]);
  }
}

}  // namespace newsloom::timex
