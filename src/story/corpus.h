// A story's articles cut into sentences, each with its dates and its TF-IDF
// vector: what the timeline, the summary and the disagreement finders share.
// Built once per BuildStory call; read-only afterwards. What depends on one
// article alone (its sentences, their flags, stems and dates) is worked out
// once per article (PrepareArticle), so a story re-told as it grows re-reads
// none of its members' text.
#ifndef NEWSLOOM_STORY_CORPUS_H_
#define NEWSLOOM_STORY_CORPUS_H_

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "newsloom/article.h"
#include "story/terms.h"
#include "timex/timex.h"

namespace newsloom::story {

using timex::Granularity;

// Sentences read per article: a story is told from its articles' first
// sentences; this bounds the work on huge pages.
inline constexpr int kMaxSentencesPerArticle = 300;

// The finders that compare sentences pairwise look at no more than this many
// candidates per story (the first ones, article by article).
inline constexpr size_t kMaxPairwiseCandidates = 3000;

struct Sentence {
  uint32_t article = 0;   // index into StoryCorpus::articles
  int paragraph = 0;      // index into the article's paragraphs; -1 for the title
  int position = 0;       // 0 for the article's first text sentence, -1 for the title
  std::string_view text;  // verbatim, points into the article
  std::vector<timex::TimeExpression> dates;  // offsets relative to `text`
  std::span<const std::string> stems;        // owned by the PreparedArticle
  SparseVector vector;
  bool boilerplate = false;  // a line no reader wants quoted: links, appeals, teasers, questions
  bool reference = false;    // an item of a reference list ("[2] Reuters, ...", URLs)
  bool appeal = false;       // HasBoilerplatePhrase: appeals, links, page furniture
};

// One article as the story stage reads it, worked out once: its sentences
// (title first, `article` 0), their flags and stems, and their dates resolved
// against the article's own anchor. Refers to the article's text: the article
// must outlive it and stay unchanged. Immutable once made; not copyable
// (the sentences' stems point into it).
struct PreparedArticle {
  PreparedArticle() = default;
  PreparedArticle(const PreparedArticle&) = delete;
  PreparedArticle& operator=(const PreparedArticle&) = delete;

  const Article* article = nullptr;
  std::shared_ptr<const Article> owner;  // what `article` points at, when it is owned here
  timex::Anchor anchor;                  // timex::AnchorFor(*article)
  std::vector<Sentence> sentences;
  std::vector<std::vector<std::string>> stems;  // what sentences[i].stems views
};

std::shared_ptr<const PreparedArticle> PrepareArticle(const Article& article);
// The same, keeping `article` alive for as long as the prepared form lives.
std::shared_ptr<const PreparedArticle> PrepareArticle(std::shared_ptr<const Article> article);

struct StoryCorpus {
  std::vector<const Article*> articles;
  std::vector<std::shared_ptr<const PreparedArticle>> prepared;  // keeps the stems alive
  // What each article's year-less dates are resolved against: its publication
  // date; else the latest date it writes with a year; else the story's latest
  // publication date; else the latest date any of the story's articles writes.
  // Relative dates resolve only against a publication date.
  std::vector<timex::Anchor> anchors;
  std::vector<Sentence> sentences;            // article by article, title first
  std::vector<SparseVector> article_vectors;  // TF-IDF of each article's text sentences
  Vocabulary vocabulary;
};

// REQUIRES: no null pointers in `articles`; they outlive the corpus.
StoryCorpus BuildCorpus(const std::vector<const Article*>& articles);

// The same from articles already prepared (no null pointers); the same corpus.
StoryCorpus BuildCorpus(std::vector<std::shared_ptr<const PreparedArticle>> prepared);

// Is `text` a line no summary should quote (appeals, links, teasers, questions,
// fragments)? Exposed for tests.
bool IsBoilerplateSentence(std::string_view text);

// The same without the phrase check (HasBoilerplatePhrase): the shape of a
// fragment, a question, a headline, a teaser, page furniture.
bool IsBoilerplateShape(std::string_view text);

// Does `text` hold an appeal, a link or a page-furniture phrase ("subscribe",
// "Read more", "http")?
bool HasBoilerplatePhrase(std::string_view text);

// Four or more all-capital words in a row: menus, captions, gallery furniture.
bool HasShoutedRun(std::string_view text);

}  // namespace newsloom::story

#endif  // NEWSLOOM_STORY_CORPUS_H_
