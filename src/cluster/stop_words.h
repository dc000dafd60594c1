// Function words that say nothing about an event, for the languages the
// corpora hold most (English first). IDF discounts what this list misses.
#ifndef NEWSLOOM_CLUSTER_STOP_WORDS_H_
#define NEWSLOOM_CLUSTER_STOP_WORDS_H_

#include <string_view>

namespace newsloom::cluster {

// True for a lowercase function word, month or weekday name.
bool IsStopWord(std::string_view lower_word);

// 1..12 for an English month name or its common abbreviation ("sept"), else 0.
int MonthNumber(std::string_view lower_word);

}  // namespace newsloom::cluster

#endif  // NEWSLOOM_CLUSTER_STOP_WORDS_H_
