#include "cluster/rank.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "cluster/stop_words.h"
#include "cluster/tokens.h"
#include "common/strings.h"

namespace newsloom::cluster {

namespace {

constexpr size_t kMaxHeadlineTokens = 64;

// Each headline's distinct content words, as ids shared across `titles`, sorted.
std::vector<std::vector<uint32_t>> ContentWords(const std::vector<std::string_view>& titles) {
  std::unordered_map<std::string, uint32_t> ids;
  std::vector<std::vector<uint32_t>> words(titles.size());
  for (size_t i = 0; i < titles.size(); ++i) {
    for (const Token& token : Tokenize(titles[i], kMaxHeadlineTokens)) {
      if (token.lower.size() < 2 || IsStopWord(token.lower)) continue;
      words[i].push_back(ids.try_emplace(token.lower, uint32_t(ids.size())).first->second);
    }
    std::sort(words[i].begin(), words[i].end());
    words[i].erase(std::unique(words[i].begin(), words[i].end()), words[i].end());
  }
  return words;
}

double Dice(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
  if (a.empty() || b.empty()) return 0;
  size_t shared = 0;
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      ++shared, ++i, ++j;
    }
  }
  return 2.0 * static_cast<double>(shared) / static_cast<double>(a.size() + b.size());
}

std::string Majority(const StoryView& story, std::string Member::*field) {
  std::map<std::string, int> counts;
  for (const Member* member : story.members) {
    if (!(member->*field).empty()) ++counts[member->*field];
  }
  return MostCommon(counts);
}

// A line that only says when: "Tuesday, May 24, 2005", "September 18th,
// 2013, 05:31 GMT", "Last updated at 13:59 GMT". Scraped pages put one where
// the headline should be; it names no event.
bool IsDateline(std::string_view headline) {
  static constexpr std::string_view kTimeWords[] = {
      "gmt", "utc", "est", "edt",     "cst",       "cdt",    "pst",  "pdt", "bst", "cet", "cest",
      "et",  "am",  "pm",  "updated", "published", "posted", "last", "st",  "nd",  "rd",  "th"};
  bool when = false;
  for (const Token& token : Tokenize(headline, kMaxHeadlineTokens)) {
    if (token.number || MonthNumber(token.lower) != 0) {
      when = true;
    } else if (token.lower.size() >= 2 && !IsStopWord(token.lower) &&
               std::find(std::begin(kTimeWords), std::end(kTimeWords), token.lower) ==
                   std::end(kTimeWords)) {
      return false;
    }
  }
  return when;
}

}  // namespace

double ClickbaitScore(std::string_view headline) {
  const std::string_view text = TrimView(headline);
  if (text.empty()) return 1;
  static constexpr std::string_view kBait[] = {"you won't believe",
                                               "you wont believe",
                                               "will blow your mind",
                                               "what happened next",
                                               "this is why",
                                               "here's why",
                                               "heres why",
                                               "here is why",
                                               "here's what",
                                               "the reason why",
                                               "things you",
                                               "you need to know",
                                               "will shock you",
                                               "can't stop",
                                               "everything you need",
                                               "find out",
                                               "click here",
                                               "watch:",
                                               "photos:",
                                               "video:",
                                               "quiz:",
                                               "opinion:"};
  double score = 0;
  for (std::string_view phrase : kBait) {
    if (ContainsIgnoreCase(text, phrase)) score += 0.6;
  }
  if (text.back() == '?' || text.back() == '!') score += 0.4;
  const std::vector<Token> tokens = Tokenize(text, kMaxHeadlineTokens);
  if (!tokens.empty() && tokens.front().number) score += 0.3;  // "10 things ..."
  size_t letters = 0, capitals = 0;
  for (char c : text) {
    if (IsAsciiLetter(c)) {
      ++letters;
      if (IsAsciiUpper(c)) ++capitals;
    }
  }
  if (letters >= 8 && capitals * 10 >= letters * 7) score += 0.5;
  if (tokens.size() < 3 || tokens.size() > 25) score += 0.3;
  return std::min(score, 1.0);
}

std::string MostCommon(const std::map<std::string, int>& counts) {
  std::string best;
  int best_count = 0;
  for (const auto& [value, count] : counts) {
    if (count > best_count) {
      best = value;
      best_count = count;
    }
  }
  return best;
}

std::string PickTitle(const StoryView& story) {
  std::vector<std::string_view> titles;
  for (const Member* member : story.members) {
    if (titles.size() == kMaxTitleCandidates) break;
    if (!member->duplicate && !TrimView(member->title).empty()) titles.push_back(member->title);
  }
  if (titles.empty()) {
    for (const Member* member : story.members) {
      if (titles.size() == kMaxTitleCandidates) break;
      if (!TrimView(member->title).empty()) titles.push_back(member->title);
    }
  }
  return PickTitleAmong(titles);
}

std::string PickTitleAmong(const std::vector<std::string_view>& all_titles) {
  const std::vector<std::string_view> titles(
      all_titles.begin(), all_titles.begin() + std::min(all_titles.size(), kMaxTitleCandidates));
  if (titles.empty()) return "";
  const std::vector<std::vector<uint32_t>> words = ContentWords(titles);
  // Dice is symmetric: each pair once.
  const size_t n = titles.size();
  std::vector<double> dice(n * n, 0.0);
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = i + 1; j < n; ++j) dice[i * n + j] = dice[j * n + i] = Dice(words[i], words[j]);
  }
  size_t best = 0;
  double best_score = -1e9;
  for (size_t i = 0; i < titles.size(); ++i) {
    double centrality = 0;
    for (size_t j = 0; j < titles.size(); ++j) {
      if (i != j) centrality += dice[i * n + j];
    }
    if (titles.size() > 1) centrality /= static_cast<double>(titles.size() - 1);
    const double score =
        centrality - 0.5 * ClickbaitScore(titles[i]) - (IsDateline(titles[i]) ? 2.0 : 0.0);
    if (score > best_score + 1e-12) {
      best = i;
      best_score = score;
    }
  }
  return std::string(TrimView(titles[best]));
}

double RankScore(size_t sources, size_t recent, std::optional<int64_t> last_updated,
                 const RankOptions& options, int64_t now) {
  const double coverage = std::log2(1.0 + static_cast<double>(sources));
  const double growth = std::log2(1.0 + static_cast<double>(recent));
  double decay = 1;
  if (last_updated && options.half_life_hours > 0) {
    const double age_hours = std::max<double>(0, static_cast<double>(now - *last_updated)) / 3600;
    decay = std::pow(0.5, age_hours / options.half_life_hours);
  }
  const double score = (coverage + options.growth_weight * growth) * decay;
  return 1.0 - std::exp(-score / 3.0);
}

Story BuildStory(const StoryView& view, const RankOptions& options, int64_t now) {
  Story story;
  story.id = view.id;
  story.merged_ids = view.merged_ids;
  std::vector<const Member*> members = view.members;
  std::stable_sort(members.begin(), members.end(), [](const Member* a, const Member* b) {
    if (a->published.has_value() != b->published.has_value()) return a->published.has_value();
    return a->published && *a->published < *b->published;
  });
  std::unordered_set<std::string> sources;
  size_t recent = 0;
  for (const Member* member : members) {
    story.articles.push_back(member->id);
    if (member->duplicate) continue;
    // An article without a known source counts as its own source.
    const std::string& source = member->source.empty() ? member->id : member->source;
    if (sources.insert(source).second && !member->source.empty()) {
      story.sources.push_back(member->source);
    }
    if (member->published && *member->published <= now &&
        now - *member->published <= static_cast<int64_t>(options.growth_window_hours * 3600)) {
      ++recent;
    }
  }
  std::sort(story.sources.begin(), story.sources.end());
  story.title = PickTitle(view);
  story.category = Majority(view, &Member::category);
  story.language = Majority(view, &Member::language);
  story.first_seen = view.first_seen.value_or(0);
  story.last_updated = view.last_updated.value_or(0);

  story.rank = RankScore(sources.size(), recent, view.last_updated, options, now);
  return story;
}

std::vector<Story> RankStories(const Clusterer& clusterer, const RankOptions& options) {
  int64_t now = 0;
  if (options.now) {
    now = *options.now;
  } else {
    clusterer.ForEachStory([&](const StoryView& view) {
      if (view.last_updated) now = std::max(now, *view.last_updated);
    });
  }
  std::vector<Story> stories;
  clusterer.ForEachStory(
      [&](const StoryView& view) { stories.push_back(BuildStory(view, options, now)); });
  std::sort(stories.begin(), stories.end(), [](const Story& a, const Story& b) {
    return a.rank != b.rank ? a.rank > b.rank : a.id < b.id;
  });
  return stories;
}

std::vector<Story> InCategory(const std::vector<Story>& ranked, std::string_view category) {
  std::vector<Story> selected;
  for (const Story& story : ranked) {
    if (category.empty() || story.category == category) selected.push_back(story);
  }
  return selected;
}

std::string OpeningLine(const Article& article) {
  constexpr size_t kMaxBytes = 140;
  if (article.paragraphs.empty()) return "";
  std::string_view text = TrimView(article.paragraphs.front().text);
  size_t sentence_end = text.find(". ");
  size_t elision = std::min(text.find("..."), text.find("\u2026"));
  bool elided = elision < sentence_end;
  if (elided) {
    text = TrimView(text.substr(0, elision));
  } else if (sentence_end != std::string_view::npos) {
    text = text.substr(0, sentence_end + 1);
  }
  if (text.size() > kMaxBytes) {
    size_t space = text.rfind(' ', kMaxBytes);
    text = TrimView(text.substr(0, space == std::string_view::npos ? 0 : space));
    elided = true;
  }
  std::string line(text);
  if (elided && !line.empty()) line += "\u2026";
  return line;
}

}  // namespace newsloom::cluster
