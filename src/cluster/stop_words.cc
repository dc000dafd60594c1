#include "cluster/stop_words.h"

#include <algorithm>
#include <array>
#include <string_view>
#include <unordered_set>

namespace newsloom::cluster {

namespace {

const std::unordered_set<std::string_view>& StopWords() {
  static const std::unordered_set<std::string_view> kWords = {
      // English
      "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any",
      "are", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both",
      "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each", "few",
      "for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers",
      "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its",
      "itself", "just", "me", "more", "most", "my", "myself", "no", "nor", "not", "now", "of",
      "off", "on", "once", "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own",
      "same", "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs",
      "them", "themselves", "then", "there", "these", "they", "this", "those", "through", "to",
      "too", "under", "until", "up", "very", "was", "we", "were", "what", "when", "where", "which",
      "while", "who", "whom", "why", "will", "with", "would", "you", "your", "yours", "yourself",
      "said", "says", "say", "told", "according", "one", "new", "may", "might", "must", "us", "mr",
      "mrs", "ms", "dr", "s", "t", "re", "ve", "ll", "d", "m", "get", "got", "like", "yet", "still",
      "even", "many", "much", "well", "back", "since", "however", "via", "per", "another", "among",
      "around", "within", "without", "across", "already", "ago", "year", "years", "day", "days",
      "week", "weeks", "time", "today", "yesterday", "tomorrow", "last", "next", "first", "two",
      "three", "read", "more", "news", "reported", "report", "reports", "updated", "monday",
      "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
      "march", "april", "june", "july", "august", "september", "october", "november", "december",
      // German, French, Spanish, Italian, Portuguese: the commonest only
      "der", "die", "das", "und", "ist", "den", "dem", "des", "ein", "eine", "mit", "von", "für",
      "auf", "nicht", "sich", "le", "la", "les", "et", "des", "du", "un", "une", "est", "pour",
      "dans", "que", "qui", "el", "los", "las", "y", "en", "por", "con", "para", "del", "il", "di",
      "che", "e", "o", "da", "do", "um", "uma", "os", "as"};
  return kWords;
}

}  // namespace

bool IsStopWord(std::string_view lower_word) { return StopWords().contains(lower_word); }

int MonthNumber(std::string_view lower_word) {
  struct Month {
    std::string_view name;
    int number;
  };
  static constexpr std::array<Month, 24> kMonths = {{
      {"january", 1},   {"jan", 1},   {"february", 2},  {"feb", 2},      {"march", 3},
      {"mar", 3},       {"april", 4}, {"apr", 4},       {"may", 5},      {"june", 6},
      {"jun", 6},       {"july", 7},  {"jul", 7},       {"august", 8},   {"aug", 8},
      {"september", 9}, {"sept", 9},  {"sep", 9},       {"october", 10}, {"oct", 10},
      {"november", 11}, {"nov", 11},  {"december", 12}, {"dec", 12},
  }};
  auto found = std::find_if(kMonths.begin(), kMonths.end(),
                            [&](const Month& month) { return month.name == lower_word; });
  return found == kMonths.end() ? 0 : found->number;
}

}  // namespace newsloom::cluster
