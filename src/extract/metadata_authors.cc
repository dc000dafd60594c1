#include "extract/metadata_authors.h"

#include "common/strings.h"
#include "extract/dates.h"
#include "extract/metadata_text.h"
#include "extract/metadata_title.h"

namespace newsloom::extract::metadata_internal {

namespace {

bool IsGenericAuthor(std::string_view key) {
  // clang-format off
  static constexpr std::string_view kGeneric[] = {
      "admin", "administrator", "staff", "editor", "editors", "team", "newsroom", "redaktion",
      "guest", "anonymous", "unknown", "user", "webmaster", "author", "the editors", "editorial",
      "editorial staff", "editorial team", "news desk", "desk", "staff writer", "contributor",
      "admin admin", "root", "by", "null", "none", "n/a", "redaction", "redacción", "rédaction",
      "the author", "author name", "posts", "view all posts", "view", "learn", "more", "menu",
      "home", "search", "login", "subscribe", "contact", "profile", "about", "no author",
      "unknown author"};
  // clang-format on
  for (std::string_view generic : kGeneric) {
    if (key == generic) return true;
  }
  return false;
}

bool IsRoleWord(std::string_view word) {
  static constexpr std::string_view kRoles[] = {
      "staff",      "writer",    "reporter",  "correspondent",  "contributor", "contributing",
      "editor",     "columnist", "freelance", "senior",         "associate",   "managing",
      "chief",      "deputy",    "editorial", "assistant",      "producer",    "photographer",
      "journalist", "analyst",   "intern",    "editor-in-chief"};
  for (std::string_view role : kRoles) {
    if (EqualsIgnoreCase(word, role)) return true;
  }
  return false;
}

// Academic and professional suffixes that belong to the name before them.
bool IsCredential(std::string_view part) {
  if (part.empty() || part.size() > 8 || part.find(' ') != std::string_view::npos) return false;
  static constexpr std::string_view kKnown[] = {"PhD", "Ph.D.", "Jr.", "Jr",  "Sr.", "Sr",
                                                "MSc", "BSc",   "MBA", "MPH", "III", "II"};
  for (std::string_view known : kKnown) {
    if (part == known) return true;
  }
  int upper = 0;
  for (char c : part) {
    if (IsAsciiLower(c)) return false;
    if (IsAsciiUpper(c)) ++upper;
  }
  return upper >= 2;
}

// Strips "By", "Written by", "Von", "Par", "Por", "Author:" and the like.
std::string_view StripBylinePrefix(std::string_view text) {
  // clang-format off
  static constexpr std::string_view kPrefixes[] = {
      "written by", "posted by", "published by", "words by", "story by", "text by", "reported by",
      "article by", "authored by", "created by", "submitted by", "by:", "by", "von", "par", "por",
      "door", "di", "authors:", "author:", "autor:", "auteur:", "autore:", "text:", "texto:",
      "from", "author", "authors", "interview:", "artikel von", "ein beitrag von", "beitrag von",
      "redakteur:", "verfasst von"};
  // clang-format on
  bool changed = true;
  while (changed) {
    changed = false;
    text = TrimView(text);
    for (std::string_view prefix : kPrefixes) {
      if (StartsWithIgnoreCase(text, prefix) &&
          (text.size() == prefix.size() || prefix.back() == ':' || text[prefix.size()] == ' ' ||
           text[prefix.size()] == ':')) {
        text.remove_prefix(prefix.size());
        while (!text.empty() && (text[0] == ':' || text[0] == ' ')) text.remove_prefix(1);
        changed = true;
        break;
      }
    }
  }
  return text;
}

bool IsMonthWord(std::string_view word) {
  std::string probe(word);
  probe.append(" 1, 2000");
  return ParseDateTime(probe).has_value() && word.size() >= 3 && !IsAsciiDigit(word[0]);
}

// Cuts a byline where the name ends: at " | ", a dash, a digit, a month
// name followed by a number, or words like "on", "published", "updated".
std::string_view CutBylineTail(std::string_view text) {
  static constexpr std::string_view kCuts[] = {
      " | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " \xC2\xB7 ", " \xE2\x80\xA2 ", "|", "\n"};
  for (std::string_view cut : kCuts) {
    size_t at = text.find(cut);
    if (at != std::string_view::npos && at > 0) text = text.substr(0, at);
  }
  std::vector<std::string_view> words = SpaceWords(text);
  static constexpr std::string_view kStopWords[] = {
      "on",           "published", "updated",   "posted",  "last",
      "in",           "at",        "am",        "le",      "el",
      "il",           "vom",       "publicado", "publié",  "veröffentlicht",
      "aktualisiert", "modified",  "read",      "min",     "minutes",
      "hours",        "ago",       "follow",    "email",   "share",
      "view",         "more",      "lesezeit",  "stand",   "datum",
      "alle",         "mehr",      "zeige",     "artikel", "kommentare"};
  for (size_t k = 0; k < words.size(); ++k) {
    std::string_view word = words[k];
    bool stop = IsAsciiDigit(word[0]);
    for (std::string_view stop_word : kStopWords) {
      std::string_view bare = word;
      while (!bare.empty() && (bare.back() == ':' || bare.back() == ',')) bare.remove_suffix(1);
      if (EqualsIgnoreCase(bare, stop_word)) stop = true;
    }
    if (!stop && k + 1 < words.size() && IsAsciiDigit(words[k + 1][0]) && IsMonthWord(word)) {
      stop = true;
    }
    if (stop) {
      // A text that starts with a date or "Read more" holds no name.
      if (k == 0) return {};
      return TrimView(text.substr(0, size_t(word.data() - text.data())));
    }
  }
  return text;
}

std::string_view TrimNamePunctuation(std::string_view text) {
  auto junk = [](char c) {
    return c == ' ' || c == ',' || c == ';' || c == ':' || c == '.' || c == '|' || c == '-' ||
           c == '"' || c == '\'' || c == '(' || c == ')' || c == '[' || c == ']' || c == '*' ||
           c == '/' || c == '@';
  };
  while (!text.empty() && junk(text.front())) text.remove_prefix(1);
  while (!text.empty() && junk(text.back())) {
    // Keep the dot of a final initial or suffix: "John Q.", "Jr.".
    if (text.back() == '.') {
      size_t word_start = text.rfind(' ');
      word_start = word_start == std::string_view::npos ? 0 : word_start + 1;
      if (text.size() - word_start <= 3 && text.size() - word_start >= 2) break;
    }
    text.remove_suffix(1);
  }
  return text;
}

// Splits "A, B and C" / "A & B" / "A; B" / "A und B" into names.
std::vector<std::string> SplitNames(std::string_view text) {
  std::vector<std::string> parts;
  std::string current;
  auto flush = [&]() {
    std::string_view trimmed = TrimNamePunctuation(current);
    if (!trimmed.empty()) {
      if (!parts.empty() && IsCredential(trimmed)) {
        parts.back().append(", ").append(trimmed);
      } else {
        parts.emplace_back(trimmed);
      }
    }
    current.clear();
  };
  static constexpr std::string_view kJoiners[] = {" and ", " & ",   " und ",       " et ",
                                                  " y ",   " e ",   " en ",        " with ",
                                                  " og ",  " och ", "\xE3\x80\x81"};
  for (size_t i = 0; i < text.size();) {
    char c = text[i];
    if (c == ',' || c == ';' || c == '/') {
      flush();
      ++i;
      continue;
    }
    bool joined = false;
    for (std::string_view joiner : kJoiners) {
      if (i + joiner.size() <= text.size() &&
          EqualsIgnoreCase(text.substr(i, joiner.size()), joiner)) {
        flush();
        i += joiner.size();
        joined = true;
        break;
      }
    }
    if (joined) continue;
    current.push_back(c);
    ++i;
  }
  flush();
  return parts;
}

// "Posted on March 3, 2024 by Jane Doe" -> "Jane Doe", "Alle Artikel von
// Tanja Karrasch" -> "Tanja Karrasch": the name follows the first standalone
// "by" (von, par, por, door) that something precedes and a capital follows.
std::string_view AfterBy(std::string_view text) {
  static constexpr std::string_view kWords[] = {"by", "von", "par", "por", "door"};
  for (size_t i = 1; i < text.size(); ++i) {
    if (text[i - 1] != ' ') continue;
    for (std::string_view word : kWords) {
      if (i + word.size() + 1 >= text.size() ||
          !EqualsIgnoreCase(text.substr(i, word.size()), word)) {
        continue;
      }
      // "Christoph von Ritter": after a lone first name it is a name particle.
      if (word != "by" && text.substr(0, i - 1).find(' ') == std::string_view::npos) continue;
      size_t next = i + word.size();
      if (text[next] == ':') ++next;
      if (next >= text.size() || text[next] != ' ') continue;
      ++next;
      if (next >= text.size()) continue;
      // A capitalised name, or a single user name ("Post by galitsyn »").
      size_t space = text.find(' ', next);
      bool single_token = space == std::string_view::npos || space + 1 >= text.size() ||
                          !IsAsciiLower(text[space + 1]);
      if (IsAsciiUpper(text[next]) || static_cast<unsigned char>(text[next]) >= 0x80 ||
          single_token) {
        return text.substr(next);
      }
    }
  }
  return text;
}

// Month and weekday names and their abbreviations, left over from dated bylines.
bool IsCalendarWord(std::string_view word) {
  static constexpr std::string_view kWords[] = {
      "mon",    "tue",      "tues",   "wed",    "thu",      "thur",      "thurs",
      "fri",    "sat",      "sun",    "monday", "tuesday",  "wednesday", "thursday",
      "friday", "saturday", "sunday", "today",  "yesterday"};
  for (std::string_view calendar : kWords) {
    if (EqualsIgnoreCase(word, calendar)) return true;
  }
  return IsMonthWord(word);
}

// Text found near "By" must read as a name: at most five words, each
// capitalised except particles ("van", "de", "bin"); no domain names.
bool LooksLikePersonName(const std::vector<std::string_view>& words) {
  if (words.empty() || words.size() > 5) return false;
  static constexpr std::string_view kParticles[] = {"van", "von", "de", "der", "den", "da",
                                                    "di",  "del", "la", "le",  "bin", "al",
                                                    "y",   "e",   "du", "dos", "das", "ten"};
  for (std::string_view word : words) {
    char first = word[0];
    if (IsAsciiUpper(first) || static_cast<unsigned char>(first) >= 0x80) continue;
    bool particle = false;
    for (std::string_view known : kParticles) particle = particle || word == known;
    if (!particle) return false;
  }
  if (words.size() == 1 && words[0].find('.') != std::string_view::npos && words[0].back() != '.') {
    return false;
  }
  return true;
}

// How an author value was found, from most to least trusted.
enum class AuthorSource {
  kDeclared,  // schema.org, meta tags, itemprop, rel=author: the page says "this is the author"
  kMarked,    // an element whose class or id says byline / author
  kText,      // text after "By" or a "Written by" label: must read as a person's name
};

class AuthorCleaner {
 public:
  AuthorCleaner(std::string_view site_name, std::string_view host) : site_(site_name, host) {}

  // Adds the names in one raw author value to *authors. A name that is just
  // the site's own name goes to *site_authors: company blogs and personal
  // sites do sign that way, but a person named elsewhere is preferred.
  void Add(std::string_view raw, AuthorSource source, std::vector<std::string>* authors,
           std::vector<std::string>* site_authors) const {
    std::string text = CleanText(raw);
    if (text.empty()) return;
    if (ContainsAny(text, {"://", "www."}) && text.find(' ') == std::string::npos) return;
    std::string_view view = AfterBy(text);
    view = StripBylinePrefix(view);
    view = CutBylineTail(view);
    view = StripBylinePrefix(view);
    for (std::string& name : SplitNames(view)) {
      std::string cleaned = CleanName(name, source);
      if (cleaned.empty()) continue;
      std::vector<std::string>* target = authors;
      if (site_.IsExactly(cleaned)) {
        if (source == AuthorSource::kText) continue;
        target = site_authors;
      }
      std::string key = ComparisonKey(cleaned);
      bool duplicate = false;
      for (const std::string& existing : *target) {
        duplicate = duplicate || ComparisonKey(existing) == key;
      }
      if (duplicate || target->size() >= 10) continue;
      target->push_back(std::move(cleaned));
    }
  }

 private:
  std::string CleanName(std::string_view name, AuthorSource source) const {
    // Drop an e-mail address or handle, and parenthesised asides.
    std::string text;
    int depth = 0;
    for (char c : name) {
      if (c == '(') ++depth;
      if (depth == 0) text.push_back(c);
      if (c == ')' && depth > 0) --depth;
    }
    std::vector<std::string_view> words = SpaceWords(text);
    std::vector<std::string_view> kept;
    for (std::string_view word : words) {
      if (word.find('@') != std::string_view::npos || word.find("://") != std::string_view::npos ||
          StartsWithIgnoreCase(word, "www.")) {
        continue;
      }
      kept.push_back(word);
    }
    // Trailing role words ("Jane Doe Staff Writer") when a name remains.
    while (kept.size() > 2 && IsRoleWord(kept.back())) kept.pop_back();
    while (kept.size() > 2 && IsRoleWord(kept.front())) kept.erase(kept.begin());
    std::string joined;
    for (std::string_view word : kept) {
      if (!joined.empty()) joined.push_back(' ');
      joined.append(word);
    }
    std::string_view trimmed = TrimNamePunctuation(joined);
    if (trimmed.empty()) return {};
    bool has_letter = false;
    for (char c : trimmed) {
      has_letter =
          has_letter || IsAsciiUpper(c) || IsAsciiLower(c) || static_cast<unsigned char>(c) >= 0x80;
    }
    if (!has_letter) return {};
    std::vector<std::string_view> final_words = SpaceWords(trimmed);
    if (final_words.size() > 7 || trimmed.size() > 80) return {};
    bool all_roles = true;
    for (std::string_view word : final_words) all_roles = all_roles && IsRoleWord(word);
    if (all_roles) return {};
    std::string key = ComparisonKey(trimmed);
    if (IsGenericAuthor(key)) return {};
    if (final_words.size() == 1 && IsCalendarWord(trimmed)) return {};
    if (source == AuthorSource::kText &&
        (!LooksLikePersonName(final_words) || site_.Matches(trimmed))) {
      return {};
    }
    return std::string(trimmed);
  }

  SiteMatcher site_;
};

const xmlNode* NextElement(const xmlNode* node) {
  for (const xmlNode* next = node->next; next != nullptr; next = next->next) {
    if (IsElement(next)) return next;
  }
  return nullptr;
}

// "Roy, Aniruddha" (citation_author) -> "Aniruddha Roy".
std::string FirstNameFirst(std::string_view name) {
  size_t comma = name.find(',');
  if (comma == std::string_view::npos || name.find(',', comma + 1) != std::string_view::npos) {
    return std::string(name);
  }
  std::string_view last = TrimView(name.substr(0, comma));
  std::string_view first = TrimView(name.substr(comma + 1));
  if (last.empty() || first.empty() || IsCredential(first) || CountWords(last) > 3 ||
      CountWords(first) > 3) {
    return std::string(name);
  }
  return std::string(first) + " " + std::string(last);
}

}  // namespace

std::vector<std::string> ChooseAuthors(const Collector& collected, const Metas& metas,
                                       const JsonLdFacts& ld, std::string_view site_name,
                                       std::string_view host) {
  AuthorCleaner cleaner(site_name, host);
  std::vector<std::string> authors;
  std::vector<std::string> site_authors;
  auto add = [&](std::string_view raw, AuthorSource source) {
    cleaner.Add(raw, source, &authors, &site_authors);
  };
  for (const std::string& name : ld.authors) add(name, AuthorSource::kDeclared);
  if (!authors.empty()) return authors;

  // clang-format off
  static constexpr std::string_view kAuthorMetas[] = {
      "author", "article:author", "parsely-author", "sailthru.author", "dc.creator",
      "dcterms.creator", "byl", "citation_author", "og:article:author", "book:author",
      "article:author_name", "cxenseparse:author"};
  // clang-format on
  for (std::string_view key : kAuthorMetas) {
    bool citation = key == "citation_author" || key == "dc.creator";
    metas.ForEach(key, [&](std::string_view value) {
      add(citation ? FirstNameFirst(value) : std::string(value), AuthorSource::kDeclared);
    });
    if (!authors.empty()) return authors;
  }
  for (const Found* found : ByPreference(collected.itemprop_authors)) {
    add(ItemAuthorName(found->node, 0), AuthorSource::kDeclared);
    if (!authors.empty()) return authors;
  }
  for (const Found* found : ByPreference(collected.author_links)) {
    std::string text = TextOf(found->node);
    if (text.size() <= 80) add(text, AuthorSource::kDeclared);
    if (!authors.empty()) return authors;
  }
  for (const Found* found : ByPreference(collected.author_nodes)) {
    std::string text = TextOf(found->node);
    if (text.size() <= 120) add(text, AuthorSource::kMarked);
    if (!authors.empty()) return authors;
  }
  for (const Found* found : ByPreference(collected.byline_texts)) {
    std::string text = TextOf(found->node);
    if (text.size() <= 100) add(text, AuthorSource::kText);
    if (!authors.empty()) return authors;
  }
  for (const Found* found : ByPreference(collected.byline_labels)) {
    std::string text = TextOf(found->node);
    if (ClassifyBylineText(text) == BylineText::kLabel) {
      const xmlNode* next = NextElement(found->node);
      if (next == nullptr && found->node->parent != nullptr)
        next = NextElement(found->node->parent);
      text = next != nullptr ? TextOf(next) : std::string();
    }
    if (text.size() <= 80) add(text, AuthorSource::kText);
    if (!authors.empty()) return authors;
  }
  return site_authors;
}

}  // namespace newsloom::extract::metadata_internal
