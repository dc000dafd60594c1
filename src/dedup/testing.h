// Test helpers for dedup: articles from text, deterministic synthetic
// stories, and the light edits a wire copy goes through. For tests and
// benchmarks only; not thread-safe (each caller owns its generator).
#ifndef NEWSLOOM_DEDUP_TESTING_H_
#define NEWSLOOM_DEDUP_TESTING_H_

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "newsloom/article.h"

namespace newsloom::dedup::testing {

// An article whose paragraphs are the non-empty lines of `text`.
inline Article MakeArticle(std::string id, std::string_view text, std::string title = "") {
  Article article;
  article.id = std::move(id);
  article.title = std::move(title);
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start)
      article.paragraphs.push_back(
          {Paragraph::Kind::kText, std::string(text.substr(start, end - start))});
    start = end + 1;
  }
  return article;
}

// A made-up word from a vocabulary of `vocabulary` words, Zipf-like skewed so
// common words repeat as in prose.
inline std::string RandomWord(std::mt19937_64& random, int vocabulary = 20000) {
  std::uniform_real_distribution<double> uniform(0, 1);
  const int rank = int(std::pow(double(vocabulary), uniform(random)));
  static constexpr std::string_view kSyllables[] = {"ka",  "lo", "mer", "sti", "an", "ve", "tor",
                                                    "qui", "ba", "ne",  "dus", "ri", "pe", "sol"};
  std::string word;
  for (int value = rank + 1; value > 0; value /= 14) word += kSyllables[value % 14];
  return word;
}

// A story of `paragraphs` paragraphs of 30 to 70 words each, one per line.
inline std::string RandomStory(std::mt19937_64& random, int paragraphs = 8) {
  std::string text;
  std::uniform_int_distribution<int> length(30, 70);
  for (int p = 0; p < paragraphs; ++p) {
    if (p > 0) text += '\n';
    const int words = length(random);
    for (int w = 0; w < words; ++w) {
      if (w > 0) text += ' ';
      text += RandomWord(random);
    }
    text += '.';
  }
  return text;
}

// The light edits an outlet makes to a wire story, applied to a copy.
struct Edits {
  bool cut_paragraph = false;    // drop one paragraph (not the first)
  int boilerplate_lines = 0;     // append lines like "Follow us on ..."
  int word_edits = 0;            // replace or delete single words
  bool change_headline = false;  // a new title
};

// Cuts about one paragraph's worth of text (40 words or more, whole
// sentences) after the lede: a whole paragraph when paragraphs are short,
// else sentences from inside a long one (some data sets keep the whole body
// in one paragraph).
inline void CutParagraph(Article& article, std::mt19937_64& random) {
  if (article.paragraphs.size() < 2) return;
  std::uniform_int_distribution<size_t> pick(1, article.paragraphs.size() - 1);
  const size_t chosen = pick(random);
  std::string& text = article.paragraphs[chosen].text;
  if (std::count(text.begin(), text.end(), ' ') < 80) {
    article.paragraphs.erase(article.paragraphs.begin() + chosen);
    return;
  }
  std::vector<size_t> starts = {0};  // where sentences start
  for (size_t i = 0; i + 2 < text.size(); ++i) {
    if ((text[i] == '.' || text[i] == '?' || text[i] == '!') && text[i + 1] == ' ') {
      starts.push_back(i + 2);
    }
  }
  std::uniform_int_distribution<size_t> pick_start(0, starts.size() - 1);
  const size_t begin = starts[pick_start(random)];
  size_t end = begin;
  int words = 0;
  while (end < text.size() && words < 40) {
    const size_t next = std::upper_bound(starts.begin(), starts.end(), end) - starts.begin();
    const size_t stop = next < starts.size() ? starts[next] : text.size();
    words += int(std::count(text.begin() + end, text.begin() + stop, ' '));
    end = stop;
  }
  text.erase(begin, end - begin);
  if (text.empty()) article.paragraphs.erase(article.paragraphs.begin() + chosen);
}

inline Article EditCopy(const Article& original, std::string id, const Edits& edits,
                        std::mt19937_64& random) {
  Article copy = original;
  copy.id = std::move(id);
  if (edits.change_headline) {
    std::string title = "Updated: ";
    title.append(RandomWord(random)).append(" ").append(original.title);
    copy.title = std::move(title);
  }
  if (edits.cut_paragraph) CutParagraph(copy, random);
  static constexpr std::string_view kBoilerplate[] = {
      "Follow us on Twitter and Facebook for the latest news.",
      "Copyright 2024 The Associated Press. All rights reserved. This material may not be "
      "published, broadcast, rewritten or redistributed.",
      "Sign up for our morning newsletter to get the day's top stories.",
      "Read more: the stories our editors are watching this week.",
      "Have a news tip? Email our newsroom.",
  };
  for (int line = 0; line < edits.boilerplate_lines; ++line) {
    copy.paragraphs.push_back({Paragraph::Kind::kText, std::string(kBoilerplate[line % 5])});
  }
  for (int edit = 0; edit < edits.word_edits && !copy.paragraphs.empty(); ++edit) {
    std::uniform_int_distribution<size_t> pick_paragraph(0, copy.paragraphs.size() - 1);
    std::string& text = copy.paragraphs[pick_paragraph(random)].text;
    std::vector<size_t> spaces;
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] == ' ') spaces.push_back(i);
    }
    if (spaces.size() < 2) continue;
    std::uniform_int_distribution<size_t> pick_word(0, spaces.size() - 2);
    const size_t at = pick_word(random);
    const size_t begin = spaces[at] + 1;
    const size_t end = spaces[at + 1];
    text.replace(begin, end - begin, edit % 2 == 0 ? RandomWord(random) : "");
  }
  return copy;
}

}  // namespace newsloom::dedup::testing

#endif  // NEWSLOOM_DEDUP_TESTING_H_
