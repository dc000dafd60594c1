// The analyze stage's date finder: every date expression in a text, resolved
// against the publication date. Pure functions, thread-safe.
//
//   timex::Anchor anchor = timex::AnchorFor(article);
//   for (const auto& found : timex::FindTimeExpressions(paragraph, anchor)) ...
//   timex::AnnotateDates(&article);  // fills article.dates
#ifndef NEWSLOOM_TIMEX_TIMEX_H_
#define NEWSLOOM_TIMEX_TIMEX_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/time.h"
#include "newsloom/article.h"
#include "timex/calendar.h"

namespace newsloom::timex {

// What a text's dates are resolved against.
struct Anchor {
  // The day the text was published: resolves relative expressions
  // ("yesterday", "on Tuesday", "last month", "three years ago") and gives
  // year-less dates ("Feb. 24", "in September") their year.
  std::optional<CivilDate> publication;
  // A day the text was written no earlier than, inferred rather than stated
  // (the latest date the text itself writes with a year). Used only to give
  // year-less dates a year when there is no publication date; relative
  // expressions stay unresolved without a publication date.
  std::optional<CivilDate> inferred;
  // The day the page was fetched, when known. With neither date above, a
  // weekday written beside a year-less date ("Tuesday (March 4)") still pins
  // its year: the latest year, no later than the fetch and at most four
  // before it, in which that day falls on that weekday.
  std::optional<CivilDate> fetched;
};

// One date expression in a text.
struct TimeExpression {
  size_t begin = 0;  // byte range in the text
  size_t end = 0;
  Granularity granularity = Granularity::kUnresolved;
  CivilDate date;         // meaningful down to `granularity`; month and day are 1 when coarser
  bool relative = false;  // resolved (or not) against the publication date
  bool yearless = false;  // written without a year: the year was chosen
  bool weekday_pinned = false;    // yearless, its year pinned by a written weekday
  bool weekday_conflict = false;  // a written weekday does not fall on the written date

  bool resolved() const { return granularity != Granularity::kUnresolved; }
  std::string Iso() const { return IsoDate(date, granularity); }
};

// Finds the date expressions in `text`, in order, without overlaps. Forms:
//   absolute  "September 23, 2024", "Sept. 23 2024", "23 September 2024", "24th of
//             February", "Feb. 24", "March 2023", "2022-02-16", "2022/02/16",
//             "in 2019" (a bare year needs a preposition before it), "in September"
//   weekday   "on Tuesday", "last Friday", "next Monday", "Tuesday (March 4)"
//             (a weekday beside a date is checked against it and picks its year)
//   relative  "yesterday", "today", "tomorrow", "last night", "this morning",
//             "last/this/next week|month|year", "earlier/later this week|month|year",
//             "three years ago", "a month ago", "exactly three years ago on Feb. 24",
//             "last March", "next September"
// Week-long periods resolve to the month (or year) they lie in, never to a
// guessed day. Expressions that cannot be resolved ("a few days ago", or any
// relative one without a publication date) are returned with kUnresolved.
std::vector<TimeExpression> FindTimeExpressions(std::string_view text, const Anchor& anchor);

// The publication and fetch dates in the page's own zone (or UTC), and the
// inferred anchor: the latest date the title or text writes with a year (or
// pins with a weekday), preferring day- and month-precise ones to bare years,
// at the end of its period. An article with neither a publication date nor a
// written one keeps the latest date analysis resolved for it (article.dates):
// that is how a lede of a digest page keeps the page's anchor.
Anchor AnchorFor(const Article& article);

// Latest explicit (year-bearing or weekday-pinned) date among `texts`, as
// AnchorFor infers it; `fetched` lets a weekday pin a year.
std::optional<CivilDate> LatestWrittenDate(const std::vector<std::string_view>& texts,
                                           std::optional<CivilDate> fetched = {});

// Fills article->dates from its paragraphs, resolved against AnchorFor(*article).
void AnnotateDates(Article* article);

// AnnotateDates for the articles one page gave (the ledes of a digest): those
// with no publication or written date of their own take the latest date
// written anywhere on the page as their anchor.
void AnnotatePageDates(std::vector<Article>& articles);

// A DateMention for one expression found in paragraph `paragraph` of `text`.
DateMention ToMention(const TimeExpression& expression, std::string_view text, uint32_t paragraph);

}  // namespace newsloom::timex

#endif  // NEWSLOOM_TIMEX_TIMEX_H_
