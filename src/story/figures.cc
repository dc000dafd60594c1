#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <limits>
#include <set>

#include "common/strings.h"
#include "story/disagreements.h"

namespace newsloom::story {
namespace {

constexpr std::array<std::string_view, 21> kNumberWords = {
    // "one" is left out: "one of the brothers", "one source" are rarely counts.
    "zero",     "",        "two",     "three",     "four",     "five",     "six",
    "seven",    "eight",   "nine",    "ten",       "eleven",   "twelve",   "thirteen",
    "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"};
// Units that make a figure a duration or a rank, not a count that sources report.
constexpr std::array<std::string_view, 14> kNotUnits = {
    "year",  "month",   "week", "day",         "hour", "minute", "second",
    "decad", "century", "time", "anniversary", "th",   "st",     "nd"};
constexpr std::array<std::string_view, 6> kSkippedBeforeUnit = {"other", "more",  "additional",
                                                                "new",   "extra", "further"};
// Words that say what happened to what is counted: two figures are the same
// quantity only when their units match and they share one of these.
constexpr std::array<std::string_view, 36> kEventWords = {
    "killed",       "kill",         "dead",      "died",     "die",        "deaths",
    "death",        "injured",      "injuries",  "wounded",  "hurt",       "arrested",
    "detained",     "evacuated",    "displaced", "missing",  "casualties", "victims",
    "fined",        "pledged",      "donated",   "raised",   "protesters", "gathered",
    "rallied",      "deployed",     "troops",    "soldiers", "survivors",  "rescued",
    "hospitalized", "hospitalised", "stranded",  "homeless", "infected",   "sickened"};

// Bounds on the pairwise search: figures read per story, disputed pairs kept.
constexpr size_t kMaxFigures = 1000;
constexpr size_t kMaxDisputedPairs = 100;

// How many words from a figure an event word may stand to say what happened
// to the counted things.
constexpr size_t kEventReach = 5;

// Sentences about one event share some words beyond the figure's own.
constexpr float kMinimumSimilarity = 0.1f;

template <size_t N>
bool In(const std::array<std::string_view, N>& list, std::string_view word) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

struct Figure {
  size_t sentence = 0;
  uint32_t article = 0;
  double low = 0;
  double high = 0;
  std::string unit;              // stem of the counted noun
  std::set<std::string> events;  // event words next to the figure (kEventWords stems)
  std::string written;           // "more than 300"
};

double ScaleOf(std::string_view lower) {
  if (lower == "thousand") return 1e3;
  if (lower == "million" || lower == "m") return 1e6;
  if (lower == "billion" || lower == "bn") return 1e9;
  if (lower == "trillion") return 1e12;
  return 0;
}

// The numeric value of a word: digits with thousands separators or decimals, or a number word.
std::optional<double> ValueOf(std::string_view word, bool* digits) {
  if (word.empty()) return std::nullopt;
  if (!IsAsciiDigit(word[0])) {
    if (word.size() < 3 || word.size() > 9) return std::nullopt;
    std::string lower = AsciiLower(word);
    for (size_t n = 0; n < kNumberWords.size(); ++n) {
      if (!kNumberWords[n].empty() && lower == kNumberWords[n]) {
        *digits = false;
        return static_cast<double>(n);
      }
    }
    return std::nullopt;
  }
  std::string plain;
  for (char c : word) {
    if (IsAsciiDigit(c) || c == '.') {
      plain += c;
    } else if (c != ',') {
      return std::nullopt;  // "G7", "10-year", "2nd"
    }
  }
  double value = 0;
  auto [end, error] = std::from_chars(plain.data(), plain.data() + plain.size(), value);
  if (error != std::errc() || end != plain.data() + plain.size()) return std::nullopt;
  *digits = true;
  return value;
}

const std::set<std::string>& EventStems() {
  static const std::set<std::string> stems = [] {
    std::set<std::string> out;
    for (std::string_view word : kEventWords) out.insert(Stem(word));
    return out;
  }();
  return stems;
}

// An event word ("killed", "wounding") `before` a figure or after it.
// "Missing" people are counted after the word ("12 people missing"); the
// verb ("missed four games", "missing four games") shares its stem.
bool IsEventWord(std::string_view word, const std::string& stem, bool before) {
  if (!EventStems().count(stem)) return false;
  const std::string lower = AsciiLower(word);
  if (lower == "missing") return !before;
  return lower != "miss" && lower != "missed" && lower != "misses";
}

std::vector<Figure> FiguresOf(const StoryCorpus& corpus, size_t s) {
  const Sentence& sentence = corpus.sentences[s];
  std::vector<Figure> figures;
  // SplitWords keeps "2,000" apart; rejoin digit groups split at commas.
  std::vector<Word> raw = SplitWords(sentence.text);
  std::vector<Word> words;
  for (const Word& word : raw) {
    if (!words.empty() && IsAsciiDigit(word.text[0]) && word.text.size() == 3 &&
        IsAsciiDigit(words.back().text.back()) &&
        words.back().begin + words.back().text.size() + 1 == word.begin &&
        sentence.text[word.begin - 1] == ',') {
      words.back().text =
          sentence.text.substr(words.back().begin, word.begin + 3 - words.back().begin);
      continue;
    }
    words.push_back(word);
  }
  auto in_date = [&](size_t offset) {
    for (const timex::TimeExpression& date : sentence.dates) {
      if (offset >= date.begin && offset < date.end) return true;
    }
    return false;
  };
  for (size_t w = 0; w < words.size(); ++w) {
    bool digits = false;
    std::optional<double> value = ValueOf(words[w].text, &digits);
    if (!value || in_date(words[w].begin)) continue;
    if (digits && *value >= 1900 && *value <= 2100 && words[w].text.find('.') == std::string::npos)
      continue;  // a year
    // Part of a time, a range or a code ("12:10", "2-3", "F-16"), not a count.
    size_t after = words[w].begin + words[w].text.size();
    if (words[w].begin > 0 && std::string_view(":-/.#").find(sentence.text[words[w].begin - 1]) !=
                                  std::string_view::npos) {
      continue;
    }
    if (words[w].text.size() > 1 && words[w].text[0] == '0') continue;  // "05", "000": codes
    size_t previous = words[w].begin;
    while (previous > 0 && sentence.text[previous - 1] == ' ') --previous;
    if (previous > 0 && sentence.text[previous - 1] == '/') continue;  // a path or a score
    if (after < sentence.text.size() &&
        (sentence.text[after] == ':' || sentence.text[after] == '-'))
      continue;
    size_t next = w + 1;
    double scale = 1;
    if (next < words.size() && ScaleOf(AsciiLower(words[next].text)) > 0) {
      scale = ScaleOf(AsciiLower(words[next].text));
      ++next;
    }
    while (next < words.size() && In(kSkippedBeforeUnit, AsciiLower(words[next].text))) ++next;
    if (next >= words.size() || next > w + 4) continue;
    // Capitalised words before a noun qualify it: "23 Somali pirates" and
    // "23 Somali and Yemeni pirates" count pirates.
    if (IsCapitalized(words[next].text)) {
      for (size_t noun = next + 1; noun < words.size() && noun <= next + 3; ++noun) {
        if (!OnlySpacesBetween(sentence.text, words[noun - 1], words[noun])) break;
        const std::string lower = AsciiLower(words[noun].text);
        if (IsAsciiLower(words[noun].text[0]) && !IsStopWord(lower)) {
          next = noun;
          break;
        }
        if (lower != "and" && lower != "or" && !IsCapitalized(words[noun].text)) break;
      }
    }
    // A verb form is no counted thing: "nine voting to convict".
    if (const std::string lower = AsciiLower(words[next].text); lower.ends_with("ing")) continue;
    std::string unit = Stem(words[next].text);
    if (unit.empty() || IsAsciiDigit(unit[0]) || In(kNotUnits, unit) || IsStopWord(unit) ||
        unit.find('.') != std::string::npos || unit == "am" || unit == "pm") {
      continue;
    }
    Figure figure;
    figure.sentence = s;
    figure.article = sentence.article;
    figure.unit = unit;
    double amount = *value * scale;
    figure.low = figure.high = amount;
    std::string before2 = w >= 2 ? AsciiLower(words[w - 2].text) : "";
    std::string before1 = w >= 1 ? AsciiLower(words[w - 1].text) : "";
    size_t first = w;
    if ((before2 == "more" || before2 == "at" || before2 == "greater") &&
        (before1 == "than" || before1 == "least")) {
      figure.high = std::numeric_limits<double>::infinity(), first = w - 2;
    } else if (before1 == "over" || before1 == "above" || before1 == "exceeding") {
      figure.high = std::numeric_limits<double>::infinity(), first = w - 1;
    } else if ((before2 == "less" || before2 == "fewer" || before2 == "up" || before2 == "at") &&
               (before1 == "than" || before1 == "to" || before1 == "most")) {
      figure.low = 0, first = w - 2;
    } else if (before1 == "under" || before1 == "below") {
      figure.low = 0, first = w - 1;
    } else if (before1 == "about" || before1 == "around" || before1 == "nearly" ||
               before1 == "almost" || before1 == "some" || before1 == "roughly" ||
               before1 == "approximately" || before1 == "estimated" || before1 == "reportedly") {
      figure.low = amount * 0.85, figure.high = amount * 1.15, first = w - 1;
    }
    size_t end = words[next].begin + words[next].text.size();
    figure.written =
        std::string(sentence.text.substr(words[first].begin, end - words[first].begin));
    // What happened to the counted things is said close by ("killing 612
    // people", "80 people were also wounded"): the nearest event word within
    // kEventReach words, the one before the figure when two are as near
    // ("killed at least six people, injured almost 50"). One farther off is
    // about something else ("Injured Bush to miss last 2 games"), as is a
    // nearer one of another count ("killing 612 people and wounding 1,400").
    size_t best_distance = kEventReach + 1;
    for (size_t c = first >= kEventReach ? first - kEventReach : 0;
         c < std::min(words.size(), next + 1 + kEventReach); ++c) {
      if (c >= first && c <= next) continue;
      std::string stem = Stem(words[c].text);
      if (!IsEventWord(words[c].text, stem, c < first)) continue;
      const size_t distance = c < first ? first - c : c - next;
      if (distance < best_distance) {
        figure.events = {std::move(stem)};
        best_distance = distance;
      }
    }
    figures.push_back(std::move(figure));
  }
  return figures;
}

bool SameQuantity(const Figure& a, const Figure& b) {
  if (a.unit != b.unit) return false;
  for (const std::string& word : a.events) {
    if (b.events.count(word)) return true;
  }
  return false;
}

bool Disjoint(const Figure& a, const Figure& b) {
  double tolerance = 0.02 * std::max(std::abs(a.low), std::abs(b.low));
  return a.high + tolerance < b.low || b.high + tolerance < a.low;
}

// Does the article of figures[i] also state figures[j]'s amount for the same
// unit? Then the two amounts are two quantities, not a dispute.
bool StatesBoth(const std::vector<Figure>& figures, size_t i, size_t j) {
  for (size_t k = 0; k < figures.size(); ++k) {
    if (k != i && figures[k].article == figures[i].article && figures[k].unit == figures[j].unit &&
        !Disjoint(figures[k], figures[j])) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::vector<Disagreement> FindFigureDisagreements(const StoryCorpus& corpus) {
  std::vector<Figure> figures;
  for (size_t s = 0; s < corpus.sentences.size(); ++s) {
    if (corpus.sentences[s].reference) continue;
    for (Figure& figure : FiguresOf(corpus, s)) figures.push_back(std::move(figure));
    if (figures.size() >= kMaxFigures) break;
  }
  // Disputed pairs join their figures into groups, one per connected set of
  // figures of one unit: one warning however many sources quarrel over it.
  std::vector<size_t> group_of(figures.size());
  for (size_t f = 0; f < figures.size(); ++f) group_of[f] = f;
  auto root = [&](size_t f) {
    while (group_of[f] != f) f = group_of[f] = group_of[group_of[f]];
    return f;
  };
  std::vector<bool> disputed(figures.size(), false);
  size_t pairs = 0;
  for (size_t i = 0; i < figures.size() && pairs < kMaxDisputedPairs; ++i) {
    for (size_t j = i + 1; j < figures.size() && pairs < kMaxDisputedPairs; ++j) {
      const Sentence& left = corpus.sentences[figures[i].sentence];
      const Sentence& right = corpus.sentences[figures[j].sentence];
      if (left.article == right.article || !SameQuantity(figures[i], figures[j]) ||
          !Disjoint(figures[i], figures[j]) ||
          Cosine(left.vector, right.vector) < kMinimumSimilarity || StatesBoth(figures, i, j) ||
          StatesBoth(figures, j, i)) {
        continue;
      }
      ++pairs;
      disputed[i] = disputed[j] = true;
      group_of[root(j)] = root(i);
    }
  }
  std::vector<std::vector<size_t>> groups;
  std::vector<size_t> group_index(figures.size(), SIZE_MAX);
  for (size_t f = 0; f < figures.size(); ++f) {
    if (!disputed[f]) continue;
    size_t& index = group_index[root(f)];
    if (index == SIZE_MAX) {
      index = groups.size();
      groups.emplace_back();
    }
    groups[index].push_back(f);
  }
  std::vector<Disagreement> found;
  for (const std::vector<size_t>& group : groups) {
    Disagreement disagreement;
    disagreement.about = "Different figures for the same quantity:";
    std::set<size_t> quoted;
    std::set<std::string> written;
    for (size_t f : group) {
      const Figure& figure = figures[f];
      if (written.insert(AsciiLower(figure.written)).second) {
        disagreement.about += (written.size() == 1 ? " \"" : " vs \"") + figure.written + "\"";
      }
      if (!quoted.insert(figure.sentence).second || disagreement.claims.size() >= 4) continue;
      const Sentence& sentence = corpus.sentences[figure.sentence];
      disagreement.claims.push_back(
          {std::string(sentence.text), corpus.articles[sentence.article]->id});
    }
    found.push_back(std::move(disagreement));
  }
  return found;
}

}  // namespace newsloom::story
