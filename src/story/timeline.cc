#include "story/timeline.h"

#include <algorithm>

#include "common/strings.h"

namespace newsloom::story {
namespace {

int Fineness(Granularity granularity) {
  switch (granularity) {
    case Granularity::kDay:
      return 3;
    case Granularity::kMonth:
      return 2;
    case Granularity::kYear:
      return 1;
    default:
      return 0;
  }
}

constexpr size_t kMembersCompared = 8;

struct Event {
  std::vector<size_t> members;  // indices into the dated sentences
  timex::TimeExpression date;   // the finest of the members' dates
};

// A byline or dateline ("Published on Friday, 27 September 2013", "December
// 15th, 2008, 7:35 am"): few words besides its dates, or a publishing verb first.
bool IsDateline(const Sentence& sentence) {
  for (std::string_view verb :
       {"published", "updated", "posted", "last updated", "first published"}) {
    if (StartsWithIgnoreCase(sentence.text, verb)) return true;
  }
  // Words of two letters or more outside the dates ("GMT" counts, "10:00" does not).
  int words = 0;
  for (const Word& word : SplitWords(sentence.text)) {
    bool in_date = false;
    for (const timex::TimeExpression& date : sentence.dates) {
      in_date = in_date || (word.begin >= date.begin && word.begin < date.end);
    }
    int letters = 0;
    for (char c : word.text) letters += IsAsciiLetter(c) || static_cast<unsigned char>(c) >= 0x80;
    if (!in_date && letters >= 2) ++words;
  }
  return words < 5;
}

}  // namespace

std::vector<DatedSentence> DatedSentences(const StoryCorpus& corpus) {
  std::vector<DatedSentence> dated;
  for (size_t s = 0; s < corpus.sentences.size(); ++s) {
    const Sentence& sentence = corpus.sentences[s];
    if (sentence.reference || sentence.appeal || IsDateline(sentence)) continue;
    const timex::TimeExpression* best = nullptr;
    for (const timex::TimeExpression& date : sentence.dates) {
      if (!date.resolved()) continue;
      if (!best || Fineness(date.granularity) > Fineness(best->granularity)) best = &date;
    }
    if (best) dated.push_back({s, *best});
    if (dated.size() >= kMaxPairwiseCandidates) break;
  }
  return dated;
}

bool Compatible(const timex::TimeExpression& a, const timex::TimeExpression& b) {
  if (!a.resolved() || !b.resolved()) return false;
  const timex::TimeExpression& coarse = Fineness(a.granularity) <= Fineness(b.granularity) ? a : b;
  const timex::TimeExpression& fine = &coarse == &a ? b : a;
  int64_t start = DaysFromCivil(timex::PeriodStart(coarse.date, coarse.granularity));
  int64_t end = DaysFromCivil(timex::PeriodEnd(coarse.date, coarse.granularity));
  int64_t day = DaysFromCivil(timex::PeriodStart(fine.date, fine.granularity));
  return day >= start && day <= end;
}

std::vector<TimelineEvent> BuildTimeline(const StoryCorpus& corpus,
                                         const std::vector<DatedSentence>& dated, int max_events) {
  std::vector<const SparseVector*> article_vectors;
  for (const SparseVector& vector : corpus.article_vectors) article_vectors.push_back(&vector);
  SparseVector centroid = Centroid(article_vectors);
  auto similarity = [&](size_t a, size_t b) {
    return Cosine(corpus.sentences[dated[a].sentence].vector,
                  corpus.sentences[dated[b].sentence].vector);
  };

  std::vector<Event> events;
  for (size_t d = 0; d < dated.size(); ++d) {
    Event* best = nullptr;
    float best_similarity = kSameEventSimilarity;
    for (Event& event : events) {
      // The event's date is its finest member's: a date that does not fit it fits no member.
      if (!Compatible(event.date, dated[d].date)) continue;
      bool compatible = true;
      float closest = 0;
      for (size_t m = 0; m < event.members.size() && compatible; ++m) {
        size_t member = event.members[m];
        compatible = Compatible(dated[member].date, dated[d].date);
        // The first few members speak for a large event; bounds the work on huge inputs.
        if (m < kMembersCompared) closest = std::max(closest, similarity(member, d));
      }
      if (compatible && closest >= best_similarity) best = &event, best_similarity = closest;
    }
    if (!best) {
      events.push_back({{d}, dated[d].date});
      continue;
    }
    best->members.push_back(d);
    if (Fineness(dated[d].date.granularity) > Fineness(best->date.granularity)) {
      best->date = dated[d].date;
    }
  }

  struct Ranked {
    TimelineEvent event;
    size_t sources = 0;
    float centrality = 0;
    int64_t start = 0;
    int fineness = 0;
    size_t first = 0;
  };
  std::vector<Ranked> ranked;
  for (const Event& event : events) {
    Ranked entry;
    entry.event.date = event.date.Iso();
    const Sentence* told = nullptr;
    float told_score = -1;
    std::vector<bool> cited(corpus.articles.size(), false);
    for (size_t member : event.members) {
      const Sentence& sentence = corpus.sentences[dated[member].sentence];
      cited[sentence.article] = true;
      // Prefer text to titles, quotable sentences to fragments, central ones to the rest.
      // Shorter sentences state their event more plainly.
      float score = Cosine(sentence.vector, centroid) + (sentence.paragraph >= 0 ? 1.0f : 0.0f) +
                    (sentence.boilerplate ? 0.0f : 0.5f) -
                    0.004f * static_cast<float>(sentence.stems.size());
      if (score > told_score) told = &sentence, told_score = score;
    }
    entry.event.text = std::string(told->text);
    // The article quoted comes first: a reader (and a page that shows only a
    // few citations per event) sees the source of the words first.
    entry.event.articles.push_back(corpus.articles[told->article]->id);
    for (size_t a = 0; a < cited.size(); ++a) {
      if (!cited[a]) continue;
      ++entry.sources;
      if (a != told->article) entry.event.articles.push_back(corpus.articles[a]->id);
    }
    entry.centrality = Cosine(told->vector, centroid);
    entry.start = DaysFromCivil(timex::PeriodStart(event.date.date, event.date.granularity));
    entry.fineness = Fineness(event.date.granularity);
    entry.first = dated[event.members.front()].sentence;
    ranked.push_back(std::move(entry));
  }
  if (max_events > 0 && ranked.size() > static_cast<size_t>(max_events)) {
    std::stable_sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
      if (a.sources != b.sources) return a.sources > b.sources;
      return a.centrality > b.centrality;
    });
    ranked.resize(max_events);
  }
  std::stable_sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
    if (a.start != b.start) return a.start < b.start;
    if (a.fineness != b.fineness) return a.fineness < b.fineness;
    return a.first < b.first;
  });
  std::vector<TimelineEvent> timeline;
  for (Ranked& entry : ranked) timeline.push_back(std::move(entry.event));
  return timeline;
}

}  // namespace newsloom::story
