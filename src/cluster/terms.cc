#include "cluster/terms.h"

#include <libstemmer.h>

#include <algorithm>
#include <cmath>
#include <deque>
#include <unordered_map>

#include "cluster/stop_words.h"
#include "cluster/tokens.h"
#include "cluster/url_slug.h"
#include "common/strings.h"
#include "common/time.h"

namespace newsloom::cluster {

namespace {

constexpr size_t kMaxTitleTokens = 64;
constexpr size_t kMaxDescriptionTokens = 120;
constexpr size_t kMaxNameLength = 4;  // words in one name
constexpr size_t kStemCacheLimit = 1 << 18;

// Snowball's algorithm name for a BCP 47 primary tag; English when unknown.
const char* SnowballName(std::string_view language) {
  static const std::unordered_map<std::string_view, const char*> kNames = {
      {"en", "english"}, {"de", "german"},     {"fr", "french"},    {"es", "spanish"},
      {"it", "italian"}, {"pt", "portuguese"}, {"nl", "dutch"},     {"ru", "russian"},
      {"sv", "swedish"}, {"no", "norwegian"},  {"nb", "norwegian"}, {"da", "danish"},
      {"fi", "finnish"}, {"hu", "hungarian"},  {"ro", "romanian"},  {"tr", "turkish"},
  };
  auto found = kNames.find(language.substr(0, std::min<size_t>(language.size(), 2)));
  return found == kNames.end() ? "english" : found->second;
}

// Collects (hash, weight) entries in a flat list and adds up those sharing a
// hash at the end: one sort instead of a hash-map node per distinct term.
// Entries of one hash keep their arrival order, so each term's weights are
// summed in the order they came.
class Accumulator {
 public:
  void Add(TermKind kind, std::string_view text, float weight) {
    if (text.empty()) return;
    AddHash(kind, TermHash(kind, text), weight);
  }
  void Reserve(size_t entries) { entries_.reserve(entries); }
  void AddHash(TermKind kind, uint64_t hash, float weight) {
    if (weight <= 0) return;
    entries_.push_back({hash, weight, static_cast<uint32_t>(entries_.size()), kind});
  }

  std::vector<WeightedTerm> Finish() {
    std::sort(entries_.begin(), entries_.end(), [](const Entry& a, const Entry& b) {
      return a.hash != b.hash ? a.hash < b.hash : a.order < b.order;
    });
    std::vector<WeightedTerm> terms;
    for (size_t at = 0; at < entries_.size();) {
      // The first entry of a hash decides its kind.
      const Entry& first = entries_[at];
      float sum = 0;
      for (; at < entries_.size() && entries_[at].hash == first.hash; ++at) {
        sum += entries_[at].weight;
      }
      terms.push_back({first.hash, static_cast<float>(std::log1p(sum)), first.kind});
    }
    return terms;
  }

 private:
  struct Entry {
    uint64_t hash;
    float weight;
    uint32_t order;
    TermKind kind;
  };
  std::vector<Entry> entries_;
};

bool IsNameCandidate(const Token& token, const WordFacts& info) {
  return token.capitalised && !token.number && token.lower.size() >= 2 && !info.stop &&
         info.month == 0;
}

// Day of month 1..31 from a number token, else 0.
int DayNumber(const Token& token) {
  if (!token.number || token.lower.size() > 2) return 0;
  int day = std::atoi(token.lower.c_str());
  return day >= 1 && day <= 31 ? day : 0;
}

std::string DateKey(int month, int day) {
  return std::to_string(month) + "-" + std::to_string(day);
}

// Whether a number token (a view into `field`) is part of a clock time
// ("7:35", "+00:00") or of a date written in digits ("2019-11-01",
// "12/15/2008"): a page's own timestamp, shared by everything written that
// day, rather than a figure of its event. A score ("20-13") has two groups
// and stays.
bool PartOfDateOrTime(const Token& token, std::string_view field) {
  const char* data = field.data();
  if (token.text.data() < data || token.text.data() + token.text.size() > data + field.size()) {
    return false;
  }
  const auto digit = [&](size_t at) { return at < field.size() && IsAsciiDigit(field[at]); };
  const size_t begin = static_cast<size_t>(token.text.data() - data);
  const size_t end = begin + token.text.size();
  if ((end < field.size() && field[end] == ':' && digit(end + 1)) ||
      (begin >= 2 && field[begin - 1] == ':' && digit(begin - 2))) {
    return true;
  }
  for (const char separator : {'-', '/'}) {
    int groups = 1;
    size_t at = begin;
    while (at >= 2 && field[at - 1] == separator && digit(at - 2)) {
      at -= 1;
      while (at > 0 && digit(at - 1)) --at;
      ++groups;
    }
    at = end;
    while (at + 1 < field.size() && field[at] == separator && digit(at + 1)) {
      at += 1;
      while (digit(at)) ++at;
      ++groups;
    }
    if (groups >= 3) return true;
  }
  return false;
}

}  // namespace

uint64_t TermHash(TermKind kind, std::string_view text) {
  uint64_t hash = 1469598103934665603ULL;
  hash = (hash ^ static_cast<uint8_t>(kind)) * 1099511628211ULL;
  for (char c : text) hash = (hash ^ static_cast<uint8_t>(c)) * 1099511628211ULL;
  return hash;
}

TermExtractor::TermExtractor(TermOptions options) : options_(options) {}

TermExtractor::~TermExtractor() {
  for (auto& [name, stemmer] : stemmers_) {
    if (stemmer.snowball != nullptr) sb_stemmer_delete(stemmer.snowball);
  }
}

TermExtractor::Stemmer& TermExtractor::StemmerFor(std::string_view language) {
  const char* name = SnowballName(language);
  auto found = stemmers_.find(std::string_view(name));
  if (found != stemmers_.end()) return found->second;
  Stemmer& stemmer = stemmers_[name];
  stemmer.snowball = sb_stemmer_new(name, "UTF_8");
  return stemmer;
}

const WordInfo& TermExtractor::Lookup(Stemmer& stemmer, std::string_view lower_word) {
  return Lookup(stemmer, lower_word, std::hash<std::string_view>{}(lower_word));
}

const WordInfo& TermExtractor::Lookup(Stemmer& stemmer, std::string_view lower_word,
                                      uint64_t hash) {
  const uint32_t cached = stemmer.index.FindIf(
      hash, [&](uint32_t index) { return stemmer.words[index].word == lower_word; });
  if (cached != HashIndex::kAbsent) return stemmer.words[cached];
  if (stemmer.words.size() >= kStemCacheLimit) {
    stemmer.words.clear();
    stemmer.index.Clear();
  }

  WordInfo info;
  info.word = std::string(lower_word);
  info.stop = IsStopWord(lower_word);
  info.month = MonthNumber(lower_word);
  info.stem = info.word;
  if (stemmer.snowball != nullptr && lower_word.size() <= 64) {
    const sb_symbol* stem =
        sb_stemmer_stem(stemmer.snowball, reinterpret_cast<const sb_symbol*>(lower_word.data()),
                        static_cast<int>(lower_word.size()));
    if (stem != nullptr) {
      info.stem.assign(reinterpret_cast<const char*>(stem),
                       static_cast<size_t>(sb_stemmer_length(stemmer.snowball)));
    }
  }
  info.word_hash = TermHash(TermKind::kWord, info.stem);
  stemmer.index.Insert(hash, static_cast<uint32_t>(stemmer.words.size()));
  stemmer.words.push_back(std::move(info));
  return stemmer.words.back();
}

std::vector<WordFacts> TermExtractor::LookUpAll(Stemmer& stemmer,
                                                const std::vector<Token>& tokens) {
  // Two steps ahead: the cache slot of the token kSlotAhead on, then the
  // cached word of the token kWordAhead on, whose slot should be in by then.
  constexpr size_t kSlotAhead = 16;
  constexpr size_t kWordAhead = 8;
  std::vector<uint64_t> hashes(tokens.size());
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (!tokens[i].number) hashes[i] = std::hash<std::string_view>{}(tokens[i].lower);
  }
  std::vector<WordFacts> facts(tokens.size());
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (i + kSlotAhead < tokens.size()) stemmer.index.Prefetch(hashes[i + kSlotAhead]);
    if (i + kWordAhead < tokens.size() && !tokens[i + kWordAhead].number) {
      const uint32_t ahead = stemmer.index.Find(hashes[i + kWordAhead]);
      if (ahead != HashIndex::kAbsent && ahead < stemmer.words.size()) {
        __builtin_prefetch(&stemmer.words[ahead]);
      }
    }
    if (tokens[i].number) continue;
    const WordInfo& info = Lookup(stemmer, tokens[i].lower, hashes[i]);
    facts[i] = {info.word_hash, info.month, info.stop};
  }
  return facts;
}

std::vector<std::string> TermExtractor::Words(std::string_view text, std::string_view language) {
  Stemmer& stemmer = StemmerFor(language);
  std::vector<std::string> words;
  for (const Token& token : Tokenize(text, kMaxTitleTokens)) {
    if (token.number || token.lower.size() < 2) continue;
    const WordInfo& info = Lookup(stemmer, token.lower);
    if (!info.stop) words.push_back(info.stem);
  }
  return words;
}

std::vector<WeightedTerm> TermExtractor::Extract(const Article& article,
                                                 std::vector<TitleName>* title_names) {
  if (title_names != nullptr) title_names->clear();
  Stemmer& stemmer = StemmerFor(article.language);
  const std::vector<Token> title = Tokenize(article.title, kMaxTitleTokens);
  const std::vector<Token> description = Tokenize(article.description, kMaxDescriptionTokens);
  const std::string text = article.Text();
  const std::vector<Token> body = Tokenize(text, options_.max_body_words);
  const std::vector<WordFacts> title_facts = LookUpAll(stemmer, title);
  const std::vector<WordFacts> description_facts = LookUpAll(stemmer, description);
  const std::vector<WordFacts> body_facts = LookUpAll(stemmer, body);

  // Words written with a capital inside a sentence are names; so is the same
  // word opening a sentence, and in a title written in title case.
  // Without the analyze stage's entities, words written with a capital
  // inside a sentence stand in for names.
  // The names as views into the tokens (or into `entity_words`), sorted.
  std::vector<std::string_view> names;
  std::deque<std::string> entity_words;
  const bool use_proxy_names = article.entities.empty();
  if (use_proxy_names) {
    for (const auto& [tokens, facts] :
         {std::pair{&description, &description_facts}, std::pair{&body, &body_facts}}) {
      for (size_t i = 0; i < tokens->size(); ++i) {
        const Token& token = (*tokens)[i];
        if (!token.sentence_start && token.capitalised && IsNameCandidate(token, (*facts)[i])) {
          names.push_back(token.lower);
        }
      }
    }
  } else {
    for (const Entity& entity : article.entities) {
      const std::string name =
          AsciiLower(entity.canonical.empty() ? entity.text : entity.canonical);
      for (const Token& token : Tokenize(name, kMaxNameLength)) {
        if (!token.number) names.push_back(entity_words.emplace_back(token.lower));
      }
    }
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  const auto is_name = [&](std::string_view word) {
    return std::binary_search(names.begin(), names.end(), word);
  };

  // The day of publication and those either side, as the reader's keys and
  // in ISO form: a dateline or "on Tuesday" tells when the article was
  // written (the clusterer weighs that apart), not which event it reports.
  std::vector<std::string> own_days;
  if (article.published) {
    const int64_t day = LocalDaysFromEpoch(*article.published);
    for (int64_t near = day - 1; near <= day + 1; ++near) {
      const CivilDate civil = CivilFromDays(near);
      own_days.push_back(DateKey(civil.month, civil.day));
      own_days.push_back(IsoDay(civil));
    }
  }
  const auto own_day = [&](const std::string& key) {
    return std::find(own_days.begin(), own_days.end(), key) != own_days.end();
  };

  Accumulator terms;
  // A word, and at times a name or a date beside it, for most tokens.
  terms.Reserve(2 * (title.size() + description.size() + body.size()) + 16);
  auto read_field = [&](std::string_view field, const std::vector<Token>& tokens,
                        const std::vector<WordFacts>& facts, size_t lead_end, float lead_weight,
                        float rest_weight, bool title_case, std::vector<TitleName>* collect) {
    std::string sequence;
    size_t sequence_length = 0;
    float sequence_weight = 0;
    auto flush_name = [&] {
      if (sequence_length > 1 && use_proxy_names) {
        terms.Add(TermKind::kName, sequence, sequence_weight * options_.name_weight);
      }
      sequence.clear();
      sequence_length = 0;
    };
    for (size_t i = 0; i < tokens.size(); ++i) {
      const Token& token = tokens[i];
      const float weight = i < lead_end ? lead_weight : rest_weight;
      if (token.number) {
        flush_name();
        // The figures of the event are in the title and lead; the body's
        // later ones (history, background) vary from one report to the next.
        if (token.lower.size() <= 12 && i < lead_end && !PartOfDateOrTime(token, field)) {
          terms.Add(TermKind::kNumber, token.lower, weight * options_.number_weight);
        }
        if (const int day = DayNumber(token);
            day != 0 && i + 1 < tokens.size() && !tokens[i + 1].number) {
          if (const int month = facts[i + 1].month; month != 0 && !own_day(DateKey(month, day))) {
            terms.Add(TermKind::kDate, DateKey(month, day), weight * options_.date_weight);
          }
        }
        continue;
      }
      const WordFacts& info = facts[i];
      if (const int month = info.month; month != 0 && i + 1 < tokens.size()) {
        if (const int day = DayNumber(tokens[i + 1]); day != 0 && !own_day(DateKey(month, day))) {
          terms.Add(TermKind::kDate, DateKey(month, day), weight * options_.date_weight);
        }
      }
      const bool name = IsNameCandidate(token, info) && (use_proxy_names || is_name(token.lower)) &&
                        ((!token.sentence_start && !title_case) || is_name(token.lower));
      if (name) {
        terms.Add(TermKind::kName, token.lower, weight * options_.name_weight);
        if (collect != nullptr) {
          const uint64_t name_hash = TermHash(TermKind::kName, token.lower);
          const bool seen = std::any_of(collect->begin(), collect->end(), [&](const TitleName& x) {
            return x.name_hash == name_hash;
          });
          if (!seen) collect->push_back({name_hash, info.word_hash});
        }
        if (sequence_length < kMaxNameLength) {
          if (!sequence.empty()) sequence.push_back(' ');
          sequence += token.lower;
          ++sequence_length;
          sequence_weight = weight;
        }
      } else {
        flush_name();
      }
      if (token.lower.size() < 2 || info.stop) continue;
      terms.AddHash(TermKind::kWord, info.word_hash, weight);
    }
    flush_name();
  };

  // A headline in title case capitalises common words too.
  size_t capitalised = 0, content = 0;
  for (size_t i = 0; i < title.size(); ++i) {
    if (title[i].number || title_facts[i].stop) continue;
    ++content;
    if (title[i].capitalised) ++capitalised;
  }
  const bool title_case = content >= 3 && capitalised * 10 >= content * 6;

  read_field(article.title, title, title_facts, title.size(), options_.title_weight,
             options_.title_weight, title_case, title_names);
  read_field(article.description, description, description_facts, description.size(),
             options_.lead_weight, options_.lead_weight, false, nullptr);
  read_field(text, body, body_facts, options_.lead_words, options_.lead_weight, 1.0f, false,
             nullptr);

  // The headline the address spells out: words like the others, and the
  // headline channel's terms.
  std::string slug = UrlSlugWords(article.url);
  if (slug.empty()) slug = UrlSlugWords(article.canonical_url);
  if (!slug.empty()) {
    const std::vector<Token> slug_tokens = Tokenize(slug, kMaxTitleTokens);
    const std::vector<WordFacts> slug_facts = LookUpAll(stemmer, slug_tokens);
    for (size_t i = 0; i < slug_tokens.size(); ++i) {
      if (slug_tokens[i].lower.size() < 2 || slug_facts[i].stop) continue;
      terms.AddHash(TermKind::kWord, slug_facts[i].word_hash, options_.url_weight);
      terms.AddHash(TermKind::kHeadline, HeadlineHash(slug_facts[i].word_hash), 1.0f);
    }
  }

  if (!use_proxy_names) {
    for (const Entity& entity : article.entities) {
      const std::string name =
          AsciiLower(entity.canonical.empty() ? entity.text : entity.canonical);
      if (name.find(' ') != std::string::npos && name.size() <= 80) {
        terms.Add(TermKind::kName, name, options_.name_weight);
      }
    }
  }
  for (const DateMention& date : article.dates) {
    if ((date.granularity == DateMention::Granularity::kDay && !own_day(date.date)) ||
        date.granularity == DateMention::Granularity::kMonth) {
      terms.Add(TermKind::kDate, date.date, options_.date_weight);
    }
  }
  return terms.Finish();
}

}  // namespace newsloom::cluster
