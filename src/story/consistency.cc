#include "story/consistency.h"

#include <algorithm>
#include <array>
#include <map>
#include <set>

#include "common/strings.h"
#include "timex/calendar.h"

namespace newsloom::story {
namespace {

constexpr std::array<std::string_view, 10> kOffices = {
    "Prime Minister",   "President",  "Foreign Minister",  "Defense Minister",  "Defence Minister",
    "Finance Minister", "Chancellor", "Secretary General", "Secretary-General", "Premier"};
constexpr std::array<std::string_view, 8> kPastMarkers = {
    "former", "previous", "then", "ex", "late", "outgoing", "erstwhile", "predecessor"};
// Words of plans, forecasts and hopes: a later date beside them is no contradiction.
constexpr std::array<std::string_view, 30> kFutureMarkers = {
    "will",  "would",    "shall",  "scheduled", "expected", "expects", "plans",   "planned",
    "plan",  "upcoming", "next",   "until",     "deadline", "later",   "intends", "due",
    "may",   "might",    "could",  "should",    "hopes",    "hope",    "aims",    "aiming",
    "wants", "by",       "target", "targeting", "set",      "forecast"};

// Lower case without a possessive: "Japan's" -> "japan".
std::string Bare(std::string_view word) {
  std::string lower = AsciiLower(word);
  for (std::string_view suffix : {std::string_view("'s"), std::string_view("\xe2\x80\x99s")}) {
    if (lower.size() > suffix.size() && lower.ends_with(suffix)) {
      lower.resize(lower.size() - suffix.size());
    }
  }
  return lower;
}

// "Japanese", "Japan's" and "Japan" share a key: their first five letters.
std::string CountryKey(std::string_view word) { return Bare(word).substr(0, 5); }

bool IsPastMarker(std::string_view lower) {
  return std::find(kPastMarkers.begin(), kPastMarkers.end(), lower) != kPastMarkers.end();
}

struct OfficeMention {
  size_t sentence = 0;
  std::string office;
  std::string country;  // CountryKey of the qualifier, or ""
  std::set<std::string> name;
  std::string name_text;
  bool past = false;
};

// A headline written in title case ("Greek Prime Minister Calls Bank Workers'
// Riot Deaths 'Murder'"): its capitals do not mark names. Running text,
// however full of names, writes some word other than a stop word in lower
// case ("Japanese Prime Minister Fumio Kishida spoke in Tokyo.").
bool InTitleCase(const std::vector<Word>& words) {
  size_t content = 0;
  for (const Word& word : words) {
    if (word.text.size() < 2 || !IsAsciiLetter(word.text[0])) continue;
    if (IsStopWord(AsciiLower(word.text))) continue;
    if (!IsCapitalized(word.text)) return false;
    ++content;
  }
  return content >= 4;
}

// The office mentions of one sentence; none in a title-case headline.
std::vector<OfficeMention> OfficeMentions(std::string_view text, size_t sentence) {
  std::vector<OfficeMention> mentions;
  static const std::vector<std::vector<Word>> kOfficeWords = [] {
    std::vector<std::vector<Word>> out;
    for (std::string_view office : kOffices) out.push_back(SplitWords(office));
    return out;
  }();
  std::vector<Word> words = SplitWords(text);
  if (InTitleCase(words)) return mentions;
  for (size_t w = 0; w < words.size(); ++w) {
    if (!IsCapitalized(words[w].text)) continue;
    for (size_t o = 0; o < kOffices.size(); ++o) {
      std::string_view office = kOffices[o];
      const std::vector<Word>& office_words = kOfficeWords[o];
      size_t n = office_words.size();
      if (w + n > words.size()) continue;
      bool match = true;
      for (size_t k = 0; k < n && match; ++k) {
        match = words[w + k].text == office_words[k].text &&
                (k == 0 || OnlySpacesBetween(text, words[w + k - 1], words[w + k]));
      }
      if (!match) continue;
      OfficeMention mention;
      mention.sentence = sentence;
      mention.office = std::string(office);
      // The name: up to three capitalised words right after the office.
      size_t end = w + n;
      while (end < words.size() && end < w + n + 3 && IsCapitalized(words[end].text) &&
             OnlySpacesBetween(text, words[end - 1], words[end])) {
        mention.name.insert(Bare(words[end].text));
        if (!mention.name_text.empty()) mention.name_text += ' ';
        mention.name_text += std::string(words[end].text);
        ++end;
      }
      if (mention.name.empty()) break;
      // The qualifier and past markers before the office.
      if (w > 0 && OnlySpacesBetween(text, words[w - 1], words[w])) {
        std::string_view qualifier = words[w - 1].text;
        std::string lower = AsciiLower(qualifier);
        for (std::string_view marker : kPastMarkers) {
          std::string prefix = std::string(marker) + "-";
          if (lower.starts_with(prefix)) {
            mention.past = true;
            qualifier.remove_prefix(prefix.size());
            lower = AsciiLower(qualifier);
          }
        }
        if (IsPastMarker(lower)) {
          mention.past = true;
        } else if (IsCapitalized(qualifier) && !IsStopWord(lower)) {
          mention.country = CountryKey(qualifier);
        }
      }
      for (size_t back = 2; back <= 3 && back <= w; ++back) {
        if (IsPastMarker(AsciiLower(words[w - back].text))) mention.past = true;
      }
      mentions.push_back(std::move(mention));
      w = end - 1;
      break;
    }
  }
  return mentions;
}

bool SamePerson(const std::set<std::string>& a, const std::set<std::string>& b) {
  for (const std::string& word : a) {
    if (b.count(word)) return true;
  }
  return false;
}

CitedSentence Cite(const StoryCorpus& corpus, size_t sentence) {
  const Sentence& quoted = corpus.sentences[sentence];
  return {std::string(quoted.text), corpus.articles[quoted.article]->id};
}

void FindOfficeConflicts(const StoryCorpus& corpus, SelfContradictions* out) {
  std::vector<std::vector<OfficeMention>> by_article(corpus.articles.size());
  // What the story's sentences say about each name word: office -> country.
  std::map<std::pair<std::string, std::string>, std::string> known_country;
  for (size_t s = 0; s < corpus.sentences.size(); ++s) {
    for (OfficeMention& mention : OfficeMentions(corpus.sentences[s].text, s)) {
      if (!mention.country.empty()) {
        for (const std::string& word : mention.name) {
          known_country.emplace(std::make_pair(mention.office, word), mention.country);
        }
      }
      by_article[corpus.sentences[s].article].push_back(std::move(mention));
    }
  }
  for (size_t a = 0; a < by_article.size(); ++a) {
    std::vector<OfficeMention>& mentions = by_article[a];
    // A person called a past holder anywhere in the article is not a current one.
    // Mentions in the text come before the title's, so the text is what gets quoted.
    std::stable_sort(mentions.begin(), mentions.end(),
                     [&](const OfficeMention& left, const OfficeMention& right) {
                       return corpus.sentences[left.sentence].paragraph >= 0 &&
                              corpus.sentences[right.sentence].paragraph < 0;
                     });
    std::vector<const OfficeMention*> current;
    for (OfficeMention& mention : mentions) {
      bool past = false;
      for (const OfficeMention& other : mentions) {
        past = past || (other.past && other.office == mention.office &&
                        SamePerson(other.name, mention.name));
      }
      if (past) continue;
      if (mention.country.empty()) {
        for (const std::string& word : mention.name) {
          auto known = known_country.find({mention.office, word});
          if (known != known_country.end()) {
            mention.country = known->second;
            break;
          }
        }
      }
      if (!mention.country.empty()) current.push_back(&mention);
    }
    std::set<std::pair<std::string, std::string>> reported;
    for (size_t i = 0; i < current.size(); ++i) {
      for (size_t j = i + 1; j < current.size(); ++j) {
        const OfficeMention& first = *current[i];
        const OfficeMention& second = *current[j];
        if (first.office != second.office || first.country != second.country ||
            SamePerson(first.name, second.name)) {
          continue;
        }
        if (!reported.emplace(first.office, first.country).second) continue;
        Disagreement finding;
        finding.about = "Article " + corpus.articles[a]->id + " calls both " + first.name_text +
                        " and " + second.name_text + " the current " + first.office +
                        " of the same country";
        finding.claims.push_back(Cite(corpus, first.sentence));
        if (second.sentence != first.sentence)
          finding.claims.push_back(Cite(corpus, second.sentence));
        out->findings.push_back(std::move(finding));
        out->unreliable[a] = true;
      }
    }
  }
}

bool SoundsFuture(std::string_view text) {
  for (const Word& word : SplitWords(text)) {
    std::string lower = AsciiLower(word.text);
    if (std::find(kFutureMarkers.begin(), kFutureMarkers.end(), lower) != kFutureMarkers.end()) {
      return true;
    }
  }
  return false;
}

bool Explicit(const timex::TimeExpression& date) {
  return date.resolved() && !date.relative && !date.yearless;
}

// Dates later than the day the article says it was written ("As of August
// 2025") or than its publication date.
void FindLateDates(const StoryCorpus& corpus, SelfContradictions* out) {
  // Each article's sentences, in order (one pass: the scan per article stays linear).
  std::vector<std::vector<size_t>> by_article(corpus.articles.size());
  for (size_t s = 0; s < corpus.sentences.size(); ++s) {
    by_article[corpus.sentences[s].article].push_back(s);
  }
  for (size_t a = 0; a < corpus.articles.size(); ++a) {
    std::optional<int64_t> written_by;  // last day the article claims to know of
    std::optional<size_t> written_sentence;
    std::string written_text;
    for (size_t s : by_article[a]) {
      const Sentence& sentence = corpus.sentences[s];
      for (const timex::TimeExpression& date : sentence.dates) {
        std::string_view before = TrimView(sentence.text.substr(0, date.begin));
        if (!Explicit(date) || !EndsWithIgnoreCase(before, "as of")) continue;
        int64_t end = DaysFromCivil(timex::PeriodEnd(date.date, date.granularity));
        if (!written_by || end > *written_by) {
          written_by = end;
          written_sentence = s;
          written_text = std::string(sentence.text.substr(date.begin, date.end - date.begin));
        }
      }
    }
    std::string reason;
    if (written_by) {
      reason = "writes \"As of " + written_text + "\" but dates things after it";
    } else if (corpus.anchors[a].publication) {
      written_by = DaysFromCivil(*corpus.anchors[a].publication) + 1;
      reason = "dates past events after its publication date " +
               timex::IsoDate(*corpus.anchors[a].publication, Granularity::kDay);
    } else {
      continue;
    }
    std::vector<size_t> late;
    for (size_t s : by_article[a]) {
      if (late.size() >= 2) break;
      const Sentence& sentence = corpus.sentences[s];
      if (SoundsFuture(sentence.text)) continue;
      for (const timex::TimeExpression& date : sentence.dates) {
        // A bare year after the publication date is nearly always a plan or a forecast.
        if (Explicit(date) && date.granularity != Granularity::kYear &&
            DaysFromCivil(timex::PeriodStart(date.date, date.granularity)) > *written_by) {
          late.push_back(s);
          break;
        }
      }
    }
    if (late.empty()) continue;
    Disagreement finding;
    finding.about = "Article " + corpus.articles[a]->id + " " + reason;
    if (written_sentence) finding.claims.push_back(Cite(corpus, *written_sentence));
    for (size_t s : late) finding.claims.push_back(Cite(corpus, s));
    out->findings.push_back(std::move(finding));
    out->unreliable[a] = true;
  }
}

void FindWeekdayConflicts(const StoryCorpus& corpus, SelfContradictions* out) {
  for (size_t s = 0; s < corpus.sentences.size(); ++s) {
    const Sentence& sentence = corpus.sentences[s];
    for (const timex::TimeExpression& date : sentence.dates) {
      if (!date.weekday_conflict || date.yearless) continue;
      Disagreement finding;
      finding.about = "Article " + corpus.articles[sentence.article]->id + " gives \"" +
                      std::string(sentence.text.substr(date.begin, date.end - date.begin)) +
                      "\", but " + date.Iso() + " is another weekday";
      finding.claims.push_back(Cite(corpus, s));
      out->findings.push_back(std::move(finding));
      out->unreliable[sentence.article] = true;
      break;
    }
  }
}

}  // namespace

SelfContradictions FindSelfContradictions(const StoryCorpus& corpus) {
  SelfContradictions out;
  out.unreliable.assign(corpus.articles.size(), false);
  FindOfficeConflicts(corpus, &out);
  FindLateDates(corpus, &out);
  FindWeekdayConflicts(corpus, &out);
  return out;
}

}  // namespace newsloom::story
