#include "story/corpus.h"

#include <algorithm>
#include <array>

#include "common/strings.h"
#include "timex/sentences.h"

namespace newsloom::story {
namespace {

constexpr std::array<std::string_view, 30> kBoilerplatePhrases = {"subscribe",
                                                                  "newsletter",
                                                                  "click here",
                                                                  "read more",
                                                                  "read entire",
                                                                  "sign up",
                                                                  "support us",
                                                                  "donat",
                                                                  "rights reserved",
                                                                  "follow us",
                                                                  "cookie",
                                                                  "advertisement",
                                                                  "dear reader",
                                                                  "thank you for",
                                                                  "no time to read",
                                                                  "get a summary",
                                                                  "previous article",
                                                                  "next article",
                                                                  "share this",
                                                                  "contact us",
                                                                  "continue reading",
                                                                  "visit website",
                                                                  "remind me later",
                                                                  "your support",
                                                                  "http",
                                                                  "www.",
                                                                  "\xc2\xa9",
                                                                  "file photo",
                                                                  "embed",
                                                                  "@"};

// Sentences longer than this are run-ons (lists, tables, broken markup).
constexpr size_t kMaxSentenceBytes = 1500;

bool EndsLikeASentence(std::string_view text) {
  size_t end = text.size();
  while (end > 0) {
    char c = text[end - 1];
    if (c == '"' || c == '\'' || c == ')' || c == ']') {
      --end;
    } else if (end >= 3 && static_cast<unsigned char>(text[end - 3]) == 0xE2 &&
               static_cast<unsigned char>(text[end - 2]) == 0x80 &&
               (static_cast<unsigned char>(c) == 0x9D || static_cast<unsigned char>(c) == 0x99)) {
      end -= 3;
    } else {
      break;
    }
  }
  return end > 0 && (text[end - 1] == '.' || text[end - 1] == '!');
}

bool IsReference(std::string_view text) {
  return (text.size() > 2 && text[0] == '[' && IsAsciiDigit(text[1])) ||
         ContainsIgnoreCase(text, "http") || ContainsIgnoreCase(text, "www.");
}

// The part of a sentence searched for dates: run-ons are cut.
std::string_view DatedPart(std::string_view text) {
  return text.substr(0, std::min(text.size(), size_t{4096}));
}

// Adds the sentences of one text (the title or a paragraph) to `out`.
void AddSentences(std::string_view text, int paragraph, bool heading, const timex::Anchor& anchor,
                  int* position, PreparedArticle* out) {
  std::vector<Sentence>& sentences = out->sentences;
  for (const timex::SentenceSpan& span : timex::SplitSentences(text)) {
    if (*position >= kMaxSentencesPerArticle) return;
    if (paragraph < 0 && span.begin > 0 && sentences.size() >= 3 &&
        sentences.back().paragraph < 0 && sentences[sentences.size() - 3].paragraph < 0) {
      return;  // a title of more than three sentences is not a title
    }
    Sentence sentence;
    sentence.paragraph = paragraph;
    sentence.position = paragraph < 0 ? -1 : (*position)++;
    sentence.text = text.substr(span.begin, span.end - span.begin);
    sentence.reference = IsReference(sentence.text);
    sentence.appeal = HasBoilerplatePhrase(sentence.text);
    sentence.boilerplate = heading || paragraph < 0 || sentence.reference || sentence.appeal ||
                           sentence.text.size() > kMaxSentenceBytes ||
                           IsBoilerplateShape(sentence.text);
    sentence.dates = timex::FindTimeExpressions(DatedPart(sentence.text), anchor);
    out->stems.push_back(ContentStems(sentence.text));
    sentences.push_back(std::move(sentence));
  }
}

// What each article's dates resolve against (see StoryCorpus::anchors): its
// own anchor, else the story's latest publication or written date.
std::vector<timex::Anchor> StoryAnchors(
    const std::vector<std::shared_ptr<const PreparedArticle>>& prepared) {
  std::vector<timex::Anchor> anchors;
  std::optional<CivilDate> latest_published;
  std::optional<CivilDate> latest_written;
  auto later = [](std::optional<CivilDate>& slot, const std::optional<CivilDate>& date) {
    if (date && (!slot || DaysFromCivil(*date) > DaysFromCivil(*slot))) slot = date;
  };
  for (const auto& article : prepared) {
    anchors.push_back(article->anchor);
    later(latest_published, anchors.back().publication);
    later(latest_written, anchors.back().inferred);
  }
  for (timex::Anchor& anchor : anchors) {
    if (anchor.publication || anchor.inferred) continue;
    anchor.inferred = latest_published ? latest_published : latest_written;
  }
  return anchors;
}

}  // namespace

bool IsBoilerplateShape(std::string_view text) {
  if (text.empty() || IsAsciiLower(text[0])) return true;  // a fragment
  int words = CountWords(text);
  if (words < 6 || words > 80) return true;
  if (!EndsLikeASentence(text)) return true;  // questions, teasers cut off, headlines
  if (text.find("...") != std::string_view::npos ||
      text.find("\xe2\x80\xa6") != std::string_view::npos) {
    return true;  // elided quotes and truncated teasers
  }
  return HasShoutedRun(text);
}

bool IsBoilerplateSentence(std::string_view text) {
  return IsBoilerplateShape(text) || HasBoilerplatePhrase(text);
}

bool HasShoutedRun(std::string_view text) {
  // Four capitalised words in a row ("CLOSE WHAT YOU NEED") are page furniture.
  int run = 0;
  for (const Word& word : SplitWords(text)) {
    bool shouted = word.text.size() >= 2 && IsAsciiUpper(word.text[0]);
    for (char c : word.text) shouted = shouted && !IsAsciiLower(c);
    run = shouted ? run + 1 : 0;
    if (run >= 4) return true;
  }
  return false;
}

bool HasBoilerplatePhrase(std::string_view text) {
  std::string lower = AsciiLower(text);
  for (std::string_view phrase : kBoilerplatePhrases) {
    if (lower.find(phrase) != std::string::npos) return true;
  }
  return false;
}

namespace {

std::shared_ptr<PreparedArticle> Prepare(const Article& article) {
  auto prepared = std::make_shared<PreparedArticle>();
  prepared->article = &article;
  prepared->anchor = timex::AnchorFor(article);
  int position = 0;
  if (!article.title.empty()) {
    AddSentences(article.title, -1, true, prepared->anchor, &position, prepared.get());
  }
  for (size_t p = 0; p < article.paragraphs.size(); ++p) {
    const Paragraph& paragraph = article.paragraphs[p];
    AddSentences(paragraph.text, static_cast<int>(p), paragraph.kind == Paragraph::Kind::kHeading,
                 prepared->anchor, &position, prepared.get());
  }
  for (size_t s = 0; s < prepared->sentences.size(); ++s) {
    prepared->sentences[s].stems = prepared->stems[s];
  }
  return prepared;
}

}  // namespace

std::shared_ptr<const PreparedArticle> PrepareArticle(const Article& article) {
  return Prepare(article);
}

std::shared_ptr<const PreparedArticle> PrepareArticle(std::shared_ptr<const Article> article) {
  std::shared_ptr<PreparedArticle> prepared = Prepare(*article);
  prepared->owner = std::move(article);
  return prepared;
}

StoryCorpus BuildCorpus(const std::vector<const Article*>& articles) {
  std::vector<std::shared_ptr<const PreparedArticle>> prepared;
  prepared.reserve(articles.size());
  for (const Article* article : articles) prepared.push_back(PrepareArticle(*article));
  return BuildCorpus(std::move(prepared));
}

StoryCorpus BuildCorpus(std::vector<std::shared_ptr<const PreparedArticle>> prepared) {
  StoryCorpus corpus;
  corpus.anchors = StoryAnchors(prepared);
  for (uint32_t a = 0; a < prepared.size(); ++a) {
    const PreparedArticle& article = *prepared[a];
    corpus.articles.push_back(article.article);
    // An article with no date of its own resolves against the story's dates.
    bool own_anchor =
        article.anchor.publication || article.anchor.inferred || !corpus.anchors[a].inferred;
    for (const Sentence& cached : article.sentences) {
      Sentence& sentence = corpus.sentences.emplace_back(cached);
      sentence.article = a;
      if (!own_anchor) {
        sentence.dates = timex::FindTimeExpressions(DatedPart(sentence.text), corpus.anchors[a]);
      }
    }
  }
  corpus.prepared = std::move(prepared);
  // Term weights: document frequency counts articles, so a word every source
  // uses weighs little and one source's repetitions do not dominate.
  std::vector<std::vector<uint32_t>> ids(corpus.sentences.size());
  std::vector<std::vector<uint32_t>> article_ids(corpus.articles.size());
  for (size_t s = 0; s < corpus.sentences.size(); ++s) {
    ids[s] = corpus.vocabulary.Intern(corpus.sentences[s].stems);
    if (corpus.sentences[s].paragraph >= 0) {
      auto& all = article_ids[corpus.sentences[s].article];
      all.insert(all.end(), ids[s].begin(), ids[s].end());
    }
  }
  for (const auto& article : article_ids) corpus.vocabulary.AddDocument(article);
  for (size_t s = 0; s < corpus.sentences.size(); ++s) {
    corpus.sentences[s].vector = corpus.vocabulary.Vectorize(ids[s]);
  }
  for (const auto& article : article_ids) {
    corpus.article_vectors.push_back(corpus.vocabulary.Vectorize(article));
  }
  return corpus;
}

}  // namespace newsloom::story
