#include "extract/metadata.h"

#include <algorithm>
#include <array>

#include "common/strings.h"
#include "extract/dates.h"
#include "extract/metadata_json_ld.h"
#include "extract/metadata_text.h"

namespace newsloom::extract {

using metadata_internal::CleanText;
using metadata_internal::CompactKey;
using metadata_internal::ComparisonKey;
using metadata_internal::HostOf;
using metadata_internal::JsonLdFacts;
using metadata_internal::JsonLdReader;
using metadata_internal::ResolveUrl;

namespace {

// ---------------------------------------------------------------- small helpers

char LowerAscii(char c) { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; }
bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// An attribute value as a view into the tree (no copy); "" when absent.
std::string_view AttributeView(const xmlNode* node, const char* name) {
  for (const xmlAttr* attr = node->properties; attr != nullptr; attr = attr->next) {
    if (attr->name && EqualsIgnoreCase(reinterpret_cast<const char*>(attr->name), name)) {
      const xmlNode* value = attr->children;
      if (value && value->content) return reinterpret_cast<const char*>(value->content);
      return {};
    }
  }
  return {};
}

// True when the space-separated list `tokens` holds `token` (ASCII case-insensitive).
bool HasToken(std::string_view tokens, std::string_view token) {
  size_t i = 0;
  while (i < tokens.size()) {
    while (i < tokens.size() && IsAsciiSpace(tokens[i])) ++i;
    size_t end = i;
    while (end < tokens.size() && !IsAsciiSpace(tokens[end])) ++end;
    if (end > i && EqualsIgnoreCase(tokens.substr(i, end - i), token)) return true;
    i = end;
  }
  return false;
}

bool ContainsAny(std::string_view text, std::initializer_list<std::string_view> needles) {
  for (std::string_view needle : needles) {
    if (ContainsIgnoreCase(text, needle)) return true;
  }
  return false;
}

// Words split on spaces (after whitespace collapsing).
std::vector<std::string_view> SpaceWords(std::string_view text) {
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    size_t end = i;
    while (end < text.size() && text[end] != ' ') ++end;
    if (end > i) words.push_back(text.substr(i, end - i));
    i = end;
  }
  return words;
}

// ---------------------------------------------------------------- the walk

struct Flags {
  bool in_content = false;      // inside <article>, <main>, role=main or an Article item
  bool in_boilerplate = false;  // inside nav, footer, aside
  bool in_header = false;       // inside <header>
  bool in_comments = false;     // inside a comments section
};

struct Found {
  xmlNode* node;
  Flags flags;
};

struct MetaEntry {
  std::string key;           // name / property / itemprop / http-equiv, lower-case
  std::string_view content;  // view into the document
};

// Caps on collected candidates: pages with thousands of dated comments
// must not cost more than pages with one byline.
constexpr size_t kMaxCandidates = 48;

class Collector {
 public:
  void Visit(xmlNode* root) { Element(root, Flags{}, 0); }

  std::vector<MetaEntry> metas;
  xmlNode* title = nullptr;
  std::string_view canonical;
  JsonLdReader json_ld;
  std::vector<Found> h1s;
  std::vector<Found> times;
  std::vector<Found> author_nodes;  // class/id with byline/author
  std::vector<Found> date_nodes;    // class/id with date/time/published/meta
  std::vector<Found> author_links;  // <a rel=author>, <a href=".../author/...">
  std::vector<Found> byline_texts;  // elements whose text starts "By ..."
  std::vector<Found> byline_labels;  // elements holding just "Written by", "Author:"
  // Short text nodes with digits, which may be a bare date ("Mar 27, 2024"):
  // those after the first <h1>, and those inside the article.
  std::vector<Found> short_texts_after_h1;
  std::vector<Found> short_texts_in_content;
  std::vector<Found> short_texts_anywhere;  // outside nav, footer, comments
  std::vector<Found> itemprop_authors;
  std::vector<Found> itemprop_dates;
  std::vector<Found> itemprop_headlines;

 private:
  void Walk(xmlNode* node, Flags flags, int depth);
  void NoteShortText(xmlNode* text_node, std::string_view text, const Flags& flags);

  bool seen_h1_ = false;
  void Element(xmlNode* node, Flags flags, int depth);
};

void Push(std::vector<Found>* list, xmlNode* node, const Flags& flags) {
  if (list->size() < kMaxCandidates) list->push_back({node, flags});
}

// Byline wording at the start of a text: "By Jane Doe", or a label alone
// ("Written by", "Author:") whose name follows in the next element.
enum class BylineText { kNone, kByline, kLabel };

BylineText ClassifyBylineText(std::string_view text) {
  text = TrimView(text);
  if (text.size() < 2 || text.size() > 120) return BylineText::kNone;
  char first = LowerAscii(text[0]);
  if (first != 'b' && first != 'w' && first != 'a' && first != 'p' && first != 'v') {
    return BylineText::kNone;
  }
  static constexpr std::string_view kLabels[] = {
      "by", "written by", "posted by", "article by", "words by", "author", "authors",
      "autor", "von", "published by", "author(s)"};
  std::string_view bare = text;
  while (!bare.empty() && (bare.back() == ':' || bare.back() == ' ')) bare.remove_suffix(1);
  for (std::string_view label : kLabels) {
    if (EqualsIgnoreCase(bare, label)) return BylineText::kLabel;
  }
  static constexpr std::string_view kPrefixes[] = {"by ", "written by ", "posted by ",
                                                   "words by ", "by: ", "von "};
  for (std::string_view prefix : kPrefixes) {
    if (StartsWithIgnoreCase(text, prefix)) return BylineText::kByline;
  }
  return BylineText::kNone;
}

void Collector::NoteShortText(xmlNode* text_node, std::string_view text, const Flags& flags) {
  bool after_h1 = seen_h1_ && short_texts_after_h1.size() < 16;
  bool in_content = flags.in_content && short_texts_in_content.size() < 16;
  bool anywhere = short_texts_anywhere.size() < 16;
  if (!after_h1 && !in_content && !anywhere) return;
  text = TrimView(text);
  if (text.size() < 6 || text.size() > 60) return;
  if (text.find_first_of("0123456789") == std::string_view::npos) return;
  if (after_h1) short_texts_after_h1.push_back({text_node, flags});
  if (in_content) short_texts_in_content.push_back({text_node, flags});
  if (anywhere) short_texts_anywhere.push_back({text_node, flags});
}

void Collector::Walk(xmlNode* node, Flags flags, int depth) {
  if (depth > kMaxTreeDepth) return;
  bool bylines_allowed = !flags.in_boilerplate && !flags.in_comments;
  for (xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (child->type == XML_ELEMENT_NODE) {
      Element(child, flags, depth + 1);
    } else if (bylines_allowed && child->type == XML_TEXT_NODE && child->content != nullptr) {
      std::string_view text = reinterpret_cast<const char*>(child->content);
      NoteShortText(child, text, flags);
      switch (ClassifyBylineText(text)) {
        case BylineText::kByline:
          Push(&byline_texts, node, flags);
          break;
        case BylineText::kLabel:
          Push(&byline_labels, node, flags);
          break;
        case BylineText::kNone:
          break;
      }
    }
  }
}

std::string RawText(const xmlNode* node) {
  std::string text;
  for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (child->content && (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)) {
      text.append(reinterpret_cast<const char*>(child->content));
    }
  }
  return text;
}

void Collector::Element(xmlNode* node, Flags flags, int depth) {
  std::string_view tag = TagName(node);
  if (tag == "script") {
    if (ContainsIgnoreCase(AttributeView(node, "type"), "ld+json")) json_ld.Add(RawText(node));
    return;
  }
  // <noscript> is walked: forum software serves its whole crawler view there.
  if (tag == "style" || tag == "template" || tag == "svg" ||
      tag == "iframe" || tag == "select" || tag == "textarea") {
    return;
  }
  if (tag == "meta") {
    std::string_view content = AttributeView(node, "content");
    if (content.empty()) content = AttributeView(node, "value");
    if (content.empty()) return;
    for (const char* attribute : {"property", "name", "itemprop", "http-equiv"}) {
      std::string_view key = TrimView(AttributeView(node, attribute));
      if (!key.empty()) metas.push_back({AsciiLower(key), content});
    }
    return;
  }
  if (tag == "link") {
    if (canonical.empty() && HasToken(AttributeView(node, "rel"), "canonical")) {
      canonical = AttributeView(node, "href");
    }
    return;
  }
  if (tag == "title") {
    if (title == nullptr) title = node;
    return;
  }

  std::string_view class_name;
  std::string_view id;
  std::string_view itemprop;
  std::string_view role;
  std::string_view itemtype;
  for (const xmlAttr* attr = node->properties; attr != nullptr; attr = attr->next) {
    if (attr->name == nullptr || attr->children == nullptr || attr->children->content == nullptr) {
      continue;
    }
    std::string_view name = reinterpret_cast<const char*>(attr->name);
    std::string_view value = reinterpret_cast<const char*>(attr->children->content);
    if (name == "class") class_name = value;
    else if (name == "id") id = value;
    else if (name == "itemprop") itemprop = value;
    else if (name == "role") role = value;
    else if (name == "itemtype") itemtype = value;
  }

  if (tag == "article" || tag == "main" || role == "main" || role == "article" ||
      ContainsAny(itemtype, {"Article", "BlogPosting", "Posting"})) {
    flags.in_content = true;
  }
  // An <article>'s own <footer> or <aside> holds its byline and date; the
  // page's footer and sidebars do not.
  if (tag == "nav" || ((tag == "footer" || tag == "aside") && !flags.in_content) ||
      role == "navigation" || role == "contentinfo" || role == "complementary") {
    flags.in_boilerplate = true;
  }
  if (tag == "header") flags.in_header = true;
  if (ContainsIgnoreCase(class_name, "comment") || ContainsIgnoreCase(id, "comment") ||
      ContainsIgnoreCase(id, "respond")) {
    flags.in_comments = true;
  }

  if (!itemprop.empty()) {
    if (HasToken(itemprop, "headline")) Push(&itemprop_headlines, node, flags);
    if (HasToken(itemprop, "author") || HasToken(itemprop, "creator")) {
      Push(&itemprop_authors, node, flags);
    }
    if (HasToken(itemprop, "datePublished") || HasToken(itemprop, "dateCreated")) {
      Push(&itemprop_dates, node, flags);
    }
  }
  if (tag == "h1") {
    Push(&h1s, node, flags);
    if (!flags.in_boilerplate) seen_h1_ = true;
    return;
  }
  if (tag == "time") Push(&times, node, flags);
  if (tag == "a" && !flags.in_boilerplate && !flags.in_comments) {
    std::string_view href = AttributeView(node, "href");
    if (HasToken(AttributeView(node, "rel"), "author") ||
        ContainsAny(href, {"/author/", "/authors/", "/autor/", "/auteur/"})) {
      Push(&author_links, node, flags);
    }
  }
  if (!flags.in_boilerplate && !flags.in_comments && (!class_name.empty() || !id.empty())) {
    auto marked = [&](std::initializer_list<std::string_view> needles) {
      return ContainsAny(class_name, needles) || ContainsAny(id, needles);
    };
    if (marked({"byline", "author", "writer"}) &&
        !marked({"avatar", "image", "img", "photo", "bio", "description", "desc", "social",
                 "follow", "more", "related"})) {
      Push(&author_nodes, node, flags);
    }
    if (marked({"date", "time", "publish", "posted", "byline", "dateline", "meta"})) {
      Push(&date_nodes, node, flags);
    }
  }
  Walk(node, flags, depth);
}

// ---------------------------------------------------------------- metas

class Metas {
 public:
  explicit Metas(const std::vector<MetaEntry>& entries) : entries_(entries) {}

  // The first non-empty content for the key, "" if none.
  std::string_view Get(std::string_view key) const {
    for (const MetaEntry& entry : entries_) {
      if (entry.key == key) {
        std::string_view content = TrimView(entry.content);
        if (!content.empty()) return content;
      }
    }
    return {};
  }

  template <typename Visit>
  void ForEachEntry(Visit visit) const {
    for (const MetaEntry& entry : entries_) visit(std::string_view(entry.key), TrimView(entry.content));
  }

  template <typename Visit>
  void ForEach(std::string_view key, Visit visit) const {
    for (const MetaEntry& entry : entries_) {
      if (entry.key == key) visit(TrimView(entry.content));
    }
  }

 private:
  const std::vector<MetaEntry>& entries_;
};

// ---------------------------------------------------------------- titles

struct TitlePart {
  std::string_view text;
  char separator;  // the separator before this part ('|', '-', ...), 0 for the first
};

// Splits on " | ", "|", " - ", " – ", " — ", " :: ", " » ", " · ", " • ", " ~ ".
std::vector<TitlePart> SplitTitle(std::string_view title) {
  static constexpr std::pair<std::string_view, char> kSeparators[] = {
      {" | ", '|'},  {" - ", '-'},  {" \xE2\x80\x93 ", '-'}, {" \xE2\x80\x94 ", '-'},
      {" :: ", ':'}, {" \xC2\xBB ", '>'}, {" \xC2\xB7 ", '.'}, {" \xE2\x80\xA2 ", '.'},
      {" ~ ", '~'},  {" || ", '|'}, {"|", '|'}, {" \xE2\x80\xB9 ", '<'}, {" > ", '>'},
      {" / ", '/'},
  };
  std::vector<TitlePart> parts;
  size_t start = 0;
  char pending = 0;
  size_t i = 0;
  while (i < title.size()) {
    bool matched = false;
    for (const auto& [separator, kind] : kSeparators) {
      if (title.compare(i, separator.size(), separator) == 0) {
        std::string_view text = TrimView(title.substr(start, i - start));
        if (!text.empty()) parts.push_back({text, pending});
        pending = kind;
        i += separator.size();
        start = i;
        matched = true;
        break;
      }
    }
    if (!matched) ++i;
  }
  std::string_view text = TrimView(title.substr(start));
  if (!text.empty()) parts.push_back({text, pending});
  return parts;
}

bool IsMinorWord(std::string_view word) {
  static constexpr std::string_view kMinor[] = {"of", "the", "and", "for", "in", "on", "a",
                                                "at", "to", "de", "la", "le", "&", "du", "des",
                                                "der", "die", "das", "und", "by", "y", "et"};
  for (std::string_view minor : kMinor) {
    if (EqualsIgnoreCase(word, minor)) return true;
  }
  return false;
}

// A short part that reads as a name ("The Daily Planet", "ACME News",
// "example.com") rather than part of a headline.
bool LooksLikeName(std::string_view part) {
  std::vector<std::string_view> words = SpaceWords(part);
  if (words.empty() || words.size() > 4) return false;
  if (words.size() == 1 && part.find('.') != std::string_view::npos &&
      part.find(' ') == std::string_view::npos) {
    return true;  // a domain
  }
  int capitalised = 0;
  int counted = 0;
  for (std::string_view word : words) {
    if (IsMinorWord(word)) continue;
    ++counted;
    char first = word[0];
    if (IsAsciiUpper(first) || IsDigit(first) || static_cast<unsigned char>(first) >= 0x80) {
      ++capitalised;
    }
  }
  return counted > 0 && capitalised * 2 > counted;
}

// The first letters of the words that are not minor words, lower-case:
// "occupational safety and health administration (osha)" -> "osha".
std::string Initials(std::string_view key) {
  std::string initials;
  for (std::string_view word : SpaceWords(key)) {
    if (IsMinorWord(word) || word[0] == '(') continue;
    char first = word[0];
    if (IsAsciiLower(first) || IsAsciiUpper(first) || IsDigit(first)) {
      initials.push_back(LowerAscii(first));
    }
  }
  return initials;
}

class SiteMatcher {
 public:
  SiteMatcher(std::string_view site_name, std::string_view host)
      : site_key_(ComparisonKey(site_name)), site_compact_(CompactKey(site_name)) {
    site_words_ = int(SpaceWords(site_key_).size());
    // "news.example.co.uk" -> "news", "example", and the whole "newsexamplecouk";
    // hosted blogs ("gnaur.wordpress.com") are named by their subdomain.
    host_compact_ = CompactKey(host);
    static constexpr std::string_view kSuffixLabels[] = {"www", "com", "net", "org", "gov",
                                                         "edu", "co", "ac", "or", "ne", "go"};
    size_t start = 0;
    size_t last_dot = host.rfind('.');
    for (size_t i = 0; i <= host.size() && last_dot != std::string_view::npos; ++i) {
      if (i == host.size() || host[i] == '.') {
        std::string_view label = host.substr(start, i - start);
        bool suffix = start > last_dot || label.size() < 3;
        for (std::string_view known : kSuffixLabels) suffix = suffix || label == known;
        if (!suffix) host_labels_.push_back(CompactKey(label));
        start = i + 1;
      }
    }
  }

  // The part is the site's name or host, not merely contains it.
  bool IsExactly(std::string_view part) const {
    std::string compact = CompactKey(part);
    if (compact.empty()) return false;
    if (!site_compact_.empty() && (compact == site_compact_ || ComparisonKey(part) == site_key_)) {
      return true;
    }
    if (!host_compact_.empty() && compact == host_compact_) return true;
    for (const std::string& label : host_labels_) {
      if (compact == label) return true;
    }
    return false;
  }

  bool Matches(std::string_view part) const {
    std::string key = ComparisonKey(part);
    std::string compact = CompactKey(part);
    if (compact.empty()) return false;
    if (!site_key_.empty()) {
      if (key == site_key_ || compact == site_compact_) return true;
      int words = int(SpaceWords(key).size());
      if (site_compact_.size() >= 3 && compact.find(site_compact_) != std::string::npos &&
          words <= site_words_ + 3) {
        return true;
      }
      if (compact.size() >= 4 && site_compact_.find(compact) != std::string::npos) return true;
    }
    if (!host_compact_.empty() && compact == host_compact_) return true;
    for (const std::string& label : host_labels_) {
      if (compact == label) return true;
      // "Occupational Safety and Health Administration" on osha.gov.
      if (Initials(key) == label) return true;
      if (label.size() >= 4 && compact.find(label) != std::string::npos &&
          SpaceWords(key).size() <= 4) {
        return true;
      }
    }
    return false;
  }

 private:
  std::string site_key_;
  std::string site_compact_;
  int site_words_ = 0;
  std::vector<std::string> host_labels_;
  std::string host_compact_;
};

std::string JoinParts(const std::vector<TitlePart>& parts, size_t first, size_t last,
                      std::string_view title) {
  // The original text between the first and last kept part, separators included.
  const char* begin = parts[first].text.data();
  const char* end = parts[last].text.data() + parts[last].text.size();
  return std::string(title.substr(size_t(begin - title.data()), size_t(end - begin)));
}

std::string CleanTitleFor(std::string_view raw_title, std::string_view site_name,
                          std::string_view host) {
  std::string title = CollapseWhitespace(raw_title);
  if (title.empty()) return title;
  SiteMatcher site(site_name, host);
  std::vector<TitlePart> parts = SplitTitle(title);
  if (parts.size() < 2) {
    // "Site Name: Headline"
    size_t colon = title.find(": ");
    if (colon != std::string::npos && colon > 0 && site.Matches(title.substr(0, colon)) &&
        CountWords(title.substr(colon + 2)) >= 2) {
      return title.substr(colon + 2);
    }
    return title;
  }
  size_t first = 0;
  size_t last = parts.size() - 1;
  bool removed = false;
  while (last > first && site.Matches(parts[last].text)) {
    --last;
    removed = true;
  }
  while (last > first && site.Matches(parts[first].text)) {
    ++first;
    removed = true;
  }
  auto words_between = [&](size_t from, size_t to) {
    int words = 0;
    for (size_t k = from; k <= to; ++k) words += CountWords(parts[k].text);
    return words;
  };
  // Then, site name known or not: drop a trailing name-like part (a section,
  // a brand) when what remains is clearly the longer, headline-like side.
  // Pipes and slashes are almost never part of a headline, so up to two
  // such parts may go.
  int budget = parts[last].separator == '|' || parts[last].separator == '/' ? 2 : 1;
  while (budget-- > 0 && last > first && LooksLikeName(parts[last].text) &&
         words_between(first, last - 1) >= 3 &&
         words_between(first, last - 1) > CountWords(parts[last].text)) {
    --last;
    if (parts[last + 1].separator != '|' && parts[last + 1].separator != '/') break;
  }
  if (!removed && last == parts.size() - 1 && first == 0 && parts.size() >= 2 &&
      parts[1].separator == '|' && LooksLikeName(parts[0].text) && words_between(1, last) >= 3 &&
      words_between(1, last) > CountWords(parts[0].text)) {
    first = 1;
  }
  return JoinParts(parts, first, last, title);
}

bool SameTitle(std::string_view a_key, std::string_view b_key) {
  return !a_key.empty() && a_key == b_key;
}

// ---------------------------------------------------------------- authors

bool IsGenericAuthor(std::string_view key) {
  static constexpr std::string_view kGeneric[] = {
      "admin",        "administrator", "staff",       "editor",         "editors",
      "team",         "newsroom",      "redaktion",   "guest",          "anonymous",
      "unknown",      "user",          "webmaster",   "author",         "the editors",
      "editorial",    "editorial staff", "editorial team", "news desk", "desk",
      "staff writer", "contributor",   "admin admin", "root",           "by",
      "null",         "none",          "n/a",         "redaction",      "redacción",
      "r\xC3\xA9" "daction", "the author", "author name", "posts", "view all posts", "view", "learn", "more",
      "menu", "home", "search", "login", "subscribe", "contact", "profile", "about"};
  for (std::string_view generic : kGeneric) {
    if (key == generic) return true;
  }
  return false;
}

bool IsRoleWord(std::string_view word) {
  static constexpr std::string_view kRoles[] = {
      "staff",     "writer",     "reporter",  "correspondent", "contributor", "contributing",
      "editor",    "columnist",  "freelance", "senior",        "associate",   "managing",
      "chief",     "deputy",     "editorial", "assistant",     "producer",    "photographer",
      "journalist", "analyst",   "intern",    "editor-in-chief"};
  for (std::string_view role : kRoles) {
    if (EqualsIgnoreCase(word, role)) return true;
  }
  return false;
}

// Academic and professional suffixes that belong to the name before them.
bool IsCredential(std::string_view part) {
  if (part.empty() || part.size() > 8 || part.find(' ') != std::string_view::npos) return false;
  static constexpr std::string_view kKnown[] = {"PhD", "Ph.D.", "Jr.", "Jr", "Sr.", "Sr",
                                                "MSc", "BSc", "MBA", "MPH", "III", "II"};
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
  static constexpr std::string_view kPrefixes[] = {
      "written by", "posted by", "published by", "words by", "story by", "text by",
      "reported by", "article by", "authored by", "created by", "submitted by", "by:",
      "by", "von", "par", "por", "door", "di", "authors:", "author:", "autor:", "auteur:",
      "autore:", "text:", "texto:", "from", "author", "authors"};
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
  return ParseDateTime(probe).has_value() && word.size() >= 3 && !IsDigit(word[0]);
}

// Cuts a byline where the name ends: at " | ", a dash, a digit, a month
// name followed by a number, or words like "on", "published", "updated".
std::string_view CutBylineTail(std::string_view text) {
  static constexpr std::string_view kCuts[] = {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ",
                                               " \xC2\xB7 ", " \xE2\x80\xA2 ", "|", "\n"};
  for (std::string_view cut : kCuts) {
    size_t at = text.find(cut);
    if (at != std::string_view::npos && at > 0) text = text.substr(0, at);
  }
  std::vector<std::string_view> words = SpaceWords(text);
  static constexpr std::string_view kStopWords[] = {
      "on", "published", "updated", "posted", "last", "in", "at", "am", "le", "el", "il",
      "vom", "publicado", "publié", "veröffentlicht", "aktualisiert", "modified",
      "read", "min", "minutes", "hours", "ago", "follow", "email", "share", "view", "more"};
  for (size_t k = 0; k < words.size(); ++k) {
    std::string_view word = words[k];
    bool stop = IsDigit(word[0]);
    for (std::string_view stop_word : kStopWords) {
      std::string_view bare = word;
      while (!bare.empty() && (bare.back() == ':' || bare.back() == ',')) bare.remove_suffix(1);
      if (EqualsIgnoreCase(bare, stop_word)) stop = true;
    }
    if (!stop && k + 1 < words.size() && IsDigit(words[k + 1][0]) && IsMonthWord(word)) {
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
  static constexpr std::string_view kJoiners[] = {" and ", " & ", " und ", " et ", " y ",
                                                  " e ",   " en ", " with ", " og ", " och ",
                                                  "\xE3\x80\x81"};
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

// "Posted on March 3, 2024 by Jane Doe" -> "Jane Doe": the name follows the
// first standalone "by" when something precedes it.
std::string_view AfterBy(std::string_view text) {
  for (size_t i = 1; i + 3 < text.size(); ++i) {
    if (text[i - 1] == ' ' && (text[i] == 'b' || text[i] == 'B') && (text[i + 1] == 'y' || text[i + 1] == 'Y') &&
        (text[i + 2] == ' ' || text[i + 2] == ':')) {
      return text.substr(i + 3);
    }
  }
  return text;
}

// Month and weekday names and their abbreviations, left over from dated bylines.
bool IsCalendarWord(std::string_view word) {
  static constexpr std::string_view kWords[] = {
      "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "monday",
      "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday"};
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
                                                    "di", "del", "la", "le", "bin", "al",
                                                    "y", "e", "du", "dos", "das", "ten"};
  for (std::string_view word : words) {
    char first = word[0];
    if (IsAsciiUpper(first) || static_cast<unsigned char>(first) >= 0x80) continue;
    bool particle = false;
    for (std::string_view known : kParticles) particle = particle || word == known;
    if (!particle) return false;
  }
  if (words.size() == 1 && words[0].find('.') != std::string_view::npos &&
      words[0].back() != '.') {
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
  AuthorCleaner(std::string_view site_name, std::string_view host)
      : site_(site_name, host) {}

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
      has_letter = has_letter || IsAsciiUpper(c) || IsAsciiLower(c) ||
                   static_cast<unsigned char>(c) >= 0x80;
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

// ---------------------------------------------------------------- dates

constexpr int64_t kEarliestPlausible = 788918400;  // 1995-01-01: older "dates" are defaults

class DateChooser {
 public:
  explicit DateChooser(const Timestamp& fetched) : latest_(fetched.utc_seconds + 86400) {}

  std::optional<Timestamp> Parse(std::string_view text) const {
    if (TrimView(text).empty()) return std::nullopt;
    std::optional<Timestamp> stamp = ParseDateTime(text);
    if (!stamp || !Plausible(*stamp)) return std::nullopt;
    return stamp;
  }

  bool Plausible(const Timestamp& stamp) const {
    return stamp.utc_seconds <= latest_ && stamp.utc_seconds >= kEarliestPlausible;
  }

 private:
  int64_t latest_;
};

// A byline's text with "Updated ..." parts removed, so that a page saying
// "Updated Sep 24 · Published Sep 23" gives the 23rd.
std::optional<Timestamp> DateFromByline(std::string_view text, const DateChooser& dates) {
  static constexpr std::string_view kPublished[] = {"published", "posted", "veröffentlicht",
                                                    "publié", "publicado", "pubblicato"};
  for (std::string_view word : kPublished) {
    std::string lower = AsciiLower(text);
    size_t at = lower.find(word);
    if (at != std::string::npos) {
      if (std::optional<Timestamp> stamp = dates.Parse(text.substr(at))) return stamp;
    }
  }
  std::string lower = AsciiLower(text);
  size_t updated = std::min(lower.find("updated"), lower.find("modified"));
  if (updated != std::string::npos) {
    if (std::optional<Timestamp> stamp = dates.Parse(text.substr(0, updated))) return stamp;
    return std::nullopt;
  }
  return dates.Parse(text);
}

// The publication-date meta names, most specific first.
constexpr std::string_view kPublishedMetas[] = {
    "article:published_time", "article:published", "og:published_time",
    "og:article:published_time", "published_time", "datepublished", "date_published",
    "publishdate", "publish_date", "publish-date", "publication_date", "publication-date",
    "pubdate", "parsely-pub-date", "sailthru.date", "article.published", "article_date_original",
    "originalpublicationdate", "original-publish-date", "cxenseparse:recs:publishtime",
    "dc.date.issued", "dcterms.issued", "dc.date.created", "dcterms.created", "dc.date",
    "dcterms.date", "citation_publication_date", "citation_date", "date", "datecreated",
    "displaydate", "pdate", "rnews:datepublished", "bt:pubdate", "weibo:article:create_at",
    "release_date", "created", "timestamp",
};

constexpr std::string_view kModifiedMetas[] = {
    "article:modified_time", "og:updated_time", "datemodified", "last-modified",
    "dc.date.modified", "dcterms.modified", "article:modified", "modified_time",
};

std::string PrimaryLanguage(std::string_view tag) {
  tag = TrimView(tag);
  std::string out;
  for (char c : tag) {
    if (c == '-' || c == '_') break;
    if (!IsAsciiUpper(c) && !IsAsciiLower(c)) return {};
    out.push_back(LowerAscii(c));
  }
  if (out.size() < 2 || out.size() > 3) return {};
  return out;
}

std::string ItemValue(const xmlNode* node) {
  for (const char* attribute : {"content", "datetime", "title"}) {
    std::string_view value = TrimView(AttributeView(node, attribute));
    if (!value.empty()) return std::string(value);
  }
  return TextOf(node);
}

// The name inside an itemprop=author element: a nested itemprop=name, else its text.
std::string ItemAuthorName(xmlNode* node, int depth) {
  if (depth > 8) return {};
  for (xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (!IsElement(child)) continue;
    if (HasToken(AttributeView(child, "itemprop"), "name")) return ItemValue(child);
    std::string inner = ItemAuthorName(child, depth + 1);
    if (!inner.empty()) return inner;
  }
  return depth == 0 ? ItemValue(node) : std::string();
}

// Candidates in preference order: article/main content first, then the rest.
std::vector<const Found*> ByPreference(const std::vector<Found>& list) {
  std::vector<const Found*> ordered;
  for (const Found& found : list) {
    if (found.flags.in_content && !found.flags.in_comments) ordered.push_back(&found);
  }
  for (const Found& found : list) {
    if (!found.flags.in_content && !found.flags.in_comments) ordered.push_back(&found);
  }
  return ordered;
}

// Headings that name a page region, not the page: "Home", "Menu".
bool IsGenericHeading(std::string_view text) {
  static constexpr std::string_view kGeneric[] = {
      "home", "homepage", "menu", "main menu", "navigation", "search", "news", "blog",
      "startseite", "accueil", "inicio", "detailansicht", "skip to content", "contact us"};
  std::string key = ComparisonKey(text);
  for (std::string_view generic : kGeneric) {
    if (key == generic) return true;
  }
  return false;
}

void AppendHeadingText(const xmlNode* node, int depth, std::string* out) {
  if (depth > 32) return;
  for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
      if (child->content) out->append(reinterpret_cast<const char*>(child->content));
      continue;
    }
    if (child->type != XML_ELEMENT_NODE) continue;
    std::string_view tag = TagName(child);
    if (tag == "script" || tag == "style" || tag == "noscript" || tag == "template" ||
        tag == "button" || tag == "svg" || tag == "select") {
      continue;
    }
    // Permalink anchors ("¶", "#") that documentation generators put in headings.
    if (tag == "a" && ContainsAny(AttributeView(child, "class"),
                                  {"headerlink", "anchor", "permalink"})) {
      continue;
    }
    if (tag == "br") out->push_back(' ');
    AppendHeadingText(child, depth + 1, out);
  }
}

// The text of a heading without buttons and permalink marks, entities decoded.
std::string HeadingText(const xmlNode* node) {
  std::string raw;
  AppendHeadingText(node, 0, &raw);
  std::string text = CleanText(raw);
  for (std::string_view mark : {std::string_view("\xC2\xB6"), std::string_view("\xC2\xA7"),
                                std::string_view("#")}) {
    if (text.size() > mark.size() && text.compare(text.size() - mark.size(), mark.size(), mark) == 0) {
      text.resize(std::string_view(TrimView(std::string_view(text).substr(0, text.size() - mark.size()))).size());
    }
  }
  return text;
}

// ---------------------------------------------------------------- decisions

// "https://example.com/", "https://example.com/en-us/index.html": a site's front page.
bool IsHomePage(std::string_view url) {
  size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return false;
  size_t path_start = url.find('/', scheme + 3);
  if (path_start == std::string_view::npos) return true;
  std::string_view path = url.substr(path_start);
  path = path.substr(0, path.find_first_of("?#"));
  while (!path.empty() && path.back() == '/') path.remove_suffix(1);
  if (size_t slash = path.rfind('/'); slash != std::string_view::npos &&
                                      StartsWithIgnoreCase(path.substr(slash + 1), "index.")) {
    path = path.substr(0, slash);
  }
  if (path.empty()) return true;
  // A locale segment only: "/en", "/de-de".
  std::string_view segment = path.substr(1);
  if (segment.find('/') != std::string_view::npos || segment.size() > 5) return false;
  for (char c : segment) {
    if (!IsAsciiLower(c) && !IsAsciiUpper(c) && c != '-' && c != '_') return false;
  }
  return segment.size() >= 2;
}

// A front page is about the site itself: its full title names it and says
// what it offers ("Figma: The Collaborative Interface Design Tool").
std::string HomePageTitle(const Collector& collected, const Metas& metas) {
  std::string title_tag = collected.title ? CleanText(TextOf(collected.title)) : std::string();
  if (!title_tag.empty()) return title_tag;
  return CleanText(metas.Get("og:title"));
}

std::string ChooseTitle(const Collector& collected, const Metas& metas, const JsonLdFacts& ld,
                        std::string_view site_name, std::string_view host, bool article_page) {
  std::string og_title = CleanText(metas.Get("og:title"));
  std::string twitter_title = CleanText(metas.Get("twitter:title"));
  std::string ld_headline = CleanText(ld.headline);
  std::string title_tag = collected.title ? CleanText(TextOf(collected.title)) : std::string();

  // Keys of every form the page gives its title in, whole and split at separators.
  std::vector<std::string> keys;
  for (const std::string* candidate : {&og_title, &twitter_title, &ld_headline, &title_tag}) {
    if (candidate->empty()) continue;
    keys.push_back(ComparisonKey(*candidate));
    std::vector<TitlePart> parts = SplitTitle(*candidate);
    if (parts.size() > 1) {
      for (size_t first = 0; first < parts.size(); ++first) {
        for (size_t last = first; last < parts.size(); ++last) {
          if (first == 0 && last == parts.size() - 1) continue;
          keys.push_back(ComparisonKey(JoinParts(parts, first, last, *candidate)));
        }
      }
    }
    std::string cleaned = CleanTitleFor(*candidate, site_name, host);
    keys.push_back(ComparisonKey(cleaned));
  }

  // The visible headline is the title readers see; the <title> and og:title
  // often carry SEO variants. Take the <h1> that agrees with the metadata,
  // else the first plausible one, skipping logos that just name the site.
  SiteMatcher site(site_name, host);
  std::vector<const Found*> h1s;
  for (const Found& found : collected.h1s) {
    if (found.flags.in_content && !found.flags.in_boilerplate) h1s.push_back(&found);
  }
  for (const Found& found : collected.h1s) {
    if (!found.flags.in_content && !found.flags.in_boilerplate) h1s.push_back(&found);
  }
  std::string first_h1;
  size_t examined = 0;
  for (const Found* found : h1s) {
    if (++examined > 6) break;
    std::string text = HeadingText(found->node);
    if (text.empty() || text.size() > 400 || site.Matches(text) || IsGenericHeading(text)) continue;
    std::string key = ComparisonKey(text);
    for (const std::string& candidate : keys) {
      if (SameTitle(key, candidate)) return CleanTitleFor(text, site_name, host);
    }
    if (first_h1.empty()) first_h1 = CleanTitleFor(text, site_name, host);
  }
  // When the headline and the metadata disagree, an article's visible
  // headline wins; other pages (home, product, service pages) put a
  // slogan in their <h1> and their name in the metadata.
  if (!first_h1.empty() && article_page) return first_h1;
  for (const Found& found : collected.itemprop_headlines) {
    std::string text = CleanText(ItemValue(found.node));
    if (text.empty()) continue;
    std::string key = ComparisonKey(text);
    for (const std::string& candidate : keys) {
      if (SameTitle(key, candidate)) return text;
    }
  }
  for (const std::string* candidate : {&ld_headline, &og_title, &twitter_title, &title_tag}) {
    if (!candidate->empty()) return CleanTitleFor(*candidate, site_name, host);
  }
  return first_h1;
}

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

std::vector<std::string> ChooseAuthors(const Collector& collected, const Metas& metas,
                                       const JsonLdFacts& ld, const AuthorCleaner& cleaner) {
  std::vector<std::string> authors;
  std::vector<std::string> site_authors;
  auto add = [&](std::string_view raw, AuthorSource source) {
    cleaner.Add(raw, source, &authors, &site_authors);
  };
  for (const std::string& name : ld.authors) add(name, AuthorSource::kDeclared);
  if (!authors.empty()) return authors;

  static constexpr std::string_view kAuthorMetas[] = {
      "author", "article:author", "parsely-author", "sailthru.author", "dc.creator",
      "dcterms.creator", "byl", "citation_author", "og:article:author", "book:author",
      "article:author_name", "cxenseparse:author"};
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
      if (next == nullptr && found->node->parent != nullptr) next = NextElement(found->node->parent);
      text = next != nullptr ? TextOf(next) : std::string();
    }
    if (text.size() <= 80) add(text, AuthorSource::kText);
    if (!authors.empty()) return authors;
  }
  return site_authors;
}

// The calendar day as the page wrote it (in its own zone).
int64_t LocalDay(const Timestamp& stamp) {
  int64_t local = stamp.utc_seconds + int64_t(stamp.offset_minutes) * 60;
  return local >= 0 ? local / 86400 : (local - 86399) / 86400;
}

std::optional<Timestamp> DeclaredPublished(const Collector& collected, const Metas& metas,
                                           const JsonLdFacts& ld, const DateChooser& dates) {
  if (auto stamp = dates.Parse(ld.date_published)) return stamp;
  for (std::string_view key : kPublishedMetas) {
    if (auto stamp = dates.Parse(metas.Get(key))) return stamp;
  }
  // Document order: the page's main item (a question, a first post) comes
  // before the answers and replies that carry their own dates.
  for (const Found& found : collected.itemprop_dates) {
    if (found.flags.in_comments || found.flags.in_boilerplate) continue;
    if (auto stamp = dates.Parse(ItemValue(found.node))) return stamp;
  }
  // Site-specific names like "w-published-date" or "article_publish_date".
  std::optional<Timestamp> found;
  metas.ForEachEntry([&](std::string_view key, std::string_view content) {
    if (!found && ContainsIgnoreCase(key, "publish") && !ContainsAny(key, {"modif", "updat"})) {
      found = dates.Parse(content);
    }
  });
  return found;
}

std::optional<Timestamp> DeclaredModified(const Metas& metas, const JsonLdFacts& ld,
                                          const DateChooser& dates) {
  if (auto stamp = dates.Parse(ld.date_modified)) return stamp;
  for (std::string_view key : kModifiedMetas) {
    if (auto stamp = dates.Parse(metas.Get(key))) return stamp;
  }
  return std::nullopt;
}

// A date the page displays: a <time> marked as the publication time, the
// first <time> in the article, then a dated byline.
std::optional<Timestamp> DisplayedDate(const Collector& collected, const DateChooser& dates) {
  for (const Found* found : ByPreference(collected.times)) {
    if (found->flags.in_boilerplate) continue;
    std::string_view class_name = AttributeView(found->node, "class");
    if (ContainsAny(class_name, {"update", "modif"})) continue;
    if (!ContainsAny(class_name, {"publish", "date", "posted", "created"}) &&
        !found->flags.in_content && !found->flags.in_header) {
      continue;
    }
    std::string_view datetime = AttributeView(found->node, "datetime");
    if (auto stamp = dates.Parse(datetime)) return stamp;
    if (auto stamp = dates.Parse(TextOf(found->node))) return stamp;
  }
  for (const Found* found : ByPreference(collected.date_nodes)) {
    if (found->flags.in_boilerplate) continue;
    std::string text = TextOf(found->node);
    if (text.size() > 200) continue;
    if (auto stamp = DateFromByline(text, dates)) return stamp;
  }
  return std::nullopt;
}

std::optional<Timestamp> ChooseDate(const Collector& collected, const Metas& metas,
                                    const JsonLdFacts& ld, std::string_view page_url,
                                    std::string_view canonical_url, const DateChooser& dates) {
  std::optional<Timestamp> published = DeclaredPublished(collected, metas, ld, dates);
  if (published) {
    // A UTC time stamp near midnight falls on another calendar day than the
    // publisher's own; a date in the url is written in the publisher's day.
    if (published->offset_minutes == 0) {
      for (std::string_view url : {page_url, canonical_url}) {
        std::optional<Timestamp> from_url = DateFromUrl(url);
        if (!from_url) continue;
        int64_t difference = LocalDay(*published) - LocalDay(*from_url);
        if (difference == 1 || difference == -1) return from_url;
        break;
      }
    }
    return published;
  }
  if (auto stamp = DisplayedDate(collected, dates)) return stamp;
  // A bare date under the headline or in the article: "Mar 27, 2024".
  for (const auto* list : {&collected.short_texts_after_h1, &collected.short_texts_in_content,
                           &collected.short_texts_anywhere}) {
    for (const Found& found : *list) {
      if (auto stamp = dates.Parse(reinterpret_cast<const char*>(found.node->content))) {
        return stamp;
      }
    }
  }
  for (std::string_view url : {page_url, canonical_url}) {
    if (auto stamp = DateFromUrl(url); stamp && dates.Plausible(*stamp)) return stamp;
  }
  if (auto stamp = dates.Parse(ld.page_date_published)) return stamp;
  for (const Found* found : ByPreference(collected.times)) {
    if (found->flags.in_boilerplate) continue;
    if (auto stamp = dates.Parse(AttributeView(found->node, "datetime"))) return stamp;
  }
  return DeclaredModified(metas, ld, dates);
}

}  // namespace

std::string CleanTitle(std::string_view title, std::string_view site_name) {
  return CleanTitleFor(title, site_name, {});
}

PageMetadata ExtractMetadata(const HtmlDocument& document, std::string_view page_url,
                             const Timestamp& fetched) {
  PageMetadata metadata;
  Collector collected;
  xmlNode* root = document.root();
  collected.Visit(root);
  Metas metas(collected.metas);
  JsonLdFacts ld = collected.json_ld.Finish();

  // Urls first: the host helps to recognise the site's name in titles.
  metadata.url = std::string(TrimView(page_url));
  std::string og_url = ResolveUrl(metadata.url, metas.Get("og:url"));
  if (metadata.url.empty()) metadata.url = og_url;
  std::string base = metadata.url;
  metadata.canonical_url = ResolveUrl(base, collected.canonical);
  if (metadata.canonical_url.empty()) metadata.canonical_url = og_url;
  if (metadata.canonical_url.empty()) metadata.canonical_url = metadata.url;
  std::string host = HostOf(metadata.canonical_url.empty() ? metadata.url : metadata.canonical_url);

  for (std::string_view candidate :
       {metas.Get("og:site_name"), std::string_view(ld.publisher_name),
        std::string_view(ld.website_name), metas.Get("application-name"),
        metas.Get("apple-mobile-web-app-title")}) {
    metadata.site_name = CleanText(candidate);
    if (!metadata.site_name.empty()) break;
  }

  metadata.og_type = AsciiLower(TrimView(metas.Get("og:type")));
  bool article_page = ld.has_article || metadata.og_type == "article";
  metadata.title = IsHomePage(metadata.url.empty() ? metadata.canonical_url : metadata.url)
                       ? HomePageTitle(collected, metas)
                       : std::string();
  if (metadata.title.empty()) {
    metadata.title = ChooseTitle(collected, metas, ld, metadata.site_name, host, article_page);
  }

  AuthorCleaner cleaner(metadata.site_name, host);
  metadata.authors = ChooseAuthors(collected, metas, ld, cleaner);

  DateChooser dates(fetched);
  metadata.published =
      ChooseDate(collected, metas, ld, metadata.url, metadata.canonical_url, dates);

  for (std::string_view key : {"description", "og:description", "twitter:description"}) {
    metadata.description = CleanText(metas.Get(key));
    if (!metadata.description.empty()) break;
  }

  metadata.language = PrimaryLanguage(AttributeView(root, "lang"));
  if (metadata.language.empty()) metadata.language = PrimaryLanguage(AttributeView(root, "xml:lang"));
  for (std::string_view key : {"content-language", "og:locale", "language", "dc.language"}) {
    if (!metadata.language.empty()) break;
    metadata.language = PrimaryLanguage(metas.Get(key));
  }

  metadata.json_ld_types = ld.types;
  return metadata;
}

}  // namespace newsloom::extract
