#include "extract/metadata_title.h"

#include <algorithm>

#include "common/strings.h"
#include "common/utf8.h"
#include "extract/metadata_text.h"

namespace newsloom::extract::metadata_internal {

namespace {

struct TitlePart {
  std::string_view text;
  char separator;  // the separator before this part ('|', '-', ...), 0 for the first
};

// The closing mark of an opening quotation mark at `at` (» for «), "" when
// none opens there. A German „ closes with either curly mark.
std::string_view OpeningQuoteAt(std::string_view title, size_t at, size_t* width) {
  static constexpr std::pair<std::string_view, std::string_view> kQuotes[] = {
      {"\xC2\xAB", "\xC2\xBB"},           // « »
      {"\xE2\x80\xB9", "\xE2\x80\xBA"},   // ‹ ›
      {"\xE2\x80\x9E", "\xE2\x80\x9C"},   // „ “
      {"\xE2\x80\x9C", "\xE2\x80\x9D"},   // “ ”
      {"\xE2\x80\x98", "\xE2\x80\x99"}};  // ‘ ’
  for (const auto& [open, close] : kQuotes) {
    if (title.compare(at, open.size(), open) == 0) {
      *width = open.size();
      return close;
    }
  }
  return {};
}

// Splits on " | ", "|", " - ", " – ", " — ", " :: ", " » ", " · ", " • ", " ~ ",
// but not inside a quotation ("Luboku, ‘Pale Blue Dot / Lift Off’" is one
// part) unless the quotation never closes.
std::vector<TitlePart> SplitTitle(std::string_view title, bool quote_aware = true) {
  static constexpr std::pair<std::string_view, char> kSeparators[] = {{" | ", '|'},
                                                                      {" - ", '-'},
                                                                      {" \xE2\x80\x93 ", '-'},
                                                                      {" \xE2\x80\x94 ", '-'},
                                                                      {" :: ", ':'},
                                                                      {" \xC2\xBB ", '>'},
                                                                      {" \xC2\xB7 ", '.'},
                                                                      {" \xE2\x80\xA2 ", '.'},
                                                                      {" ~ ", '~'},
                                                                      {" || ", '|'},
                                                                      {"|", '|'},
                                                                      {" \xE2\x80\xB9 ", '<'},
                                                                      {" > ", '>'},
                                                                      {" / ", '/'}};
  std::vector<TitlePart> parts;
  size_t start = 0;
  char pending = 0;
  size_t i = 0;
  std::string_view closing;  // the mark that ends the open quotation, "" outside one
  while (i < title.size()) {
    if (quote_aware) {
      size_t width = 0;
      if (!closing.empty() &&
          (title.compare(i, closing.size(), closing) == 0 ||
           (closing == "\xE2\x80\x9C" && title.compare(i, 3, "\xE2\x80\x9D") == 0))) {
        i += closing.size();
        closing = {};
        continue;
      }
      // A quotation opens at the start of a word, not inside one ("isn’t").
      if (closing.empty() && (i == 0 || title[i - 1] == ' ')) {
        std::string_view close = OpeningQuoteAt(title, i, &width);
        if (!close.empty()) {
          closing = close;
          i += width;
          continue;
        }
      }
    }
    bool matched = false;
    if (closing.empty()) {
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
    }
    if (!matched) ++i;
  }
  if (!closing.empty()) return SplitTitle(title, /*quote_aware=*/false);
  std::string_view text = TrimView(title.substr(start));
  if (!text.empty()) parts.push_back({text, pending});
  return parts;
}

bool IsMinorWord(std::string_view word) {
  static constexpr std::string_view kMinor[] = {
      "of", "the", "and", "for", "in",  "on",  "a",   "at",  "to", "de", "la",
      "le", "&",   "du",  "des", "der", "die", "das", "und", "by", "y",  "et"};
  for (std::string_view minor : kMinor) {
    if (EqualsIgnoreCase(word, minor)) return true;
  }
  return false;
}

// A short part that reads as a name ("The Daily Planet", "ACME News",
// "example.com") rather than part of a headline.
bool LooksLikeName(std::string_view part) {
  // A question or an exclamation is said, not a name (but "Yahoo!", "Wag!").
  std::vector<std::string_view> words = SpaceWords(part);
  if (part.ends_with('?') || (part.ends_with('!') && words.size() >= 2)) return false;
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
    if (IsAsciiUpper(first) || IsAsciiDigit(first) || static_cast<unsigned char>(first) >= 0x80) {
      ++capitalised;
    }
  }
  return counted > 0 && capitalised * 2 > counted;
}

// A host name standing alone ("Newegg.com", "example.co.uk"): a site names
// itself so after a title, however short the title before it.
bool IsDomainName(std::string_view part) {
  size_t dot = part.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return false;
  std::string_view suffix = part.substr(dot + 1);
  if (suffix.size() < 2 || suffix.size() > 6) return false;
  for (char c : suffix) {
    if (!IsAsciiLower(c)) return false;
  }
  for (char c : part) {
    if (!IsAsciiLower(c) && !IsAsciiUpper(c) && !IsAsciiDigit(c) && c != '.' && c != '-') {
      return false;
    }
  }
  return true;
}

// The first letters of the words that are not minor words, lower-case:
// "occupational safety and health administration (osha)" -> "osha".
std::string Initials(std::string_view key) {
  std::string initials;
  for (std::string_view word : SpaceWords(key)) {
    if (IsMinorWord(word) || word[0] == '(') continue;
    char first = word[0];
    if (IsAsciiLower(first) || IsAsciiUpper(first) || IsAsciiDigit(first)) {
      initials.push_back(LowerAscii(first));
    }
  }
  return initials;
}

// The label a forum or blog engine puts before every title ("Site â¢ View
// topic - Headline", "Site Â» Blog Archive Â» Headline"): it names no page.
bool IsPageLabel(std::string_view part) {
  std::string key = ComparisonKey(part);
  for (std::string_view label : {"view topic", "view thread", "blog archive", "blog archiv"}) {
    if (key == label) return true;
  }
  return false;
}

std::string JoinParts(const std::vector<TitlePart>& parts, size_t first, size_t last,
                      std::string_view title) {
  // The original text between the first and last kept part, separators included.
  const char* begin = parts[first].text.data();
  const char* end = parts[last].text.data() + parts[last].text.size();
  return std::string(title.substr(size_t(begin - title.data()), size_t(end - begin)));
}

bool SameTitle(std::string_view a_key, std::string_view b_key) {
  return !a_key.empty() && a_key == b_key;
}

// Headings that name a page region, not the page: "Home", "Menu"; a
// lead-in ("Read also:") and a heading without a letter ("€5") name nothing.
bool IsGenericHeading(std::string_view text) {
  if (text.ends_with(':')) return true;
  bool has_letter = false;
  for (size_t at = 0; at < text.size() && !has_letter;) {
    uint32_t code = DecodeUtf8(text, &at);
    // ASCII letters, the alphabets from Latin-1's letters to Greek's
    // extensions, and the CJK and Hangul blocks; not currency, punctuation
    // or symbols.
    has_letter = (code < 0x80 && IsAsciiLetter(char(code))) || (code >= 0xC0 && code < 0x2000) ||
                 (code >= 0x3040 && code < 0xD800);
  }
  if (!has_letter) return true;
  // clang-format off
  static constexpr std::string_view kGeneric[] = {
      "home", "homepage", "menu", "main menu", "navigation", "search", "news", "blog", "startseite",
      "accueil", "inicio", "detailansicht", "skip to content", "contact us"};
  // clang-format on
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
    std::string_view class_name = AttributeView(child, "class");
    // Permalink anchors ("¶", "#") that documentation generators put in headings.
    if (tag == "a" && ContainsAny(class_name, {"headerlink", "anchor", "permalink"})) continue;
    // A kicker above the headline proper ("Coronavirus:", a German Dachzeile).
    if (ContainsAny(class_name, {"kicker", "dachzeile", "overline", "topline", "eyebrow",
                                 "roofline", "supertitle"})) {
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
  // The separator that followed a kicker left out above ("Corona: ",
  // "Interview - ") goes with it.
  size_t lead = 0;
  while (lead < text.size()) {
    std::string_view rest = std::string_view(text).substr(lead);
    size_t width = rest.starts_with(":") || rest.starts_with("-") || rest.starts_with("|") ? 1
                   : rest.starts_with("\xE2\x80\x93") || rest.starts_with("\xE2\x80\x94")  ? 3
                                                                                           : 0;
    if (width == 0 || rest.size() == width || rest[width] != ' ') break;
    lead += width + 1;
  }
  if (lead > 0) text.erase(0, lead);
  // A trailing pilcrow, section sign or hash left by an unmarked permalink.
  for (std::string_view mark : {"\xC2\xB6", "\xC2\xA7", "#"}) {
    if (text.size() > mark.size() && std::string_view(text).ends_with(mark)) {
      text.resize(text.size() - mark.size());
      while (!text.empty() && text.back() == ' ') text.pop_back();
    }
  }
  return text;
}

bool IsWordByte(char c) {
  return IsAsciiLower(c) || IsAsciiUpper(c) || IsAsciiDigit(c) ||
         static_cast<unsigned char>(c) >= 0x80;
}

// `part` is the beginning or the end of `whole`, cut between words:
// "standing desks" of "height adjustable standing desks", not "desk".
bool IsWordAlignedEnd(std::string_view whole, std::string_view part) {
  if (part.empty() || part.size() >= whole.size()) return false;
  if (whole.starts_with(part) && !(IsWordByte(part.back()) && IsWordByte(whole[part.size()]))) {
    return true;
  }
  size_t before = whole.size() - part.size() - 1;
  return whole.ends_with(part) && !(IsWordByte(part.front()) && IsWordByte(whole[before]));
}

// A title cut short by a length limit, as `longer` shows it: cut inside a
// word ("... laptop, and k"), inside parentheses ("... (Including"), or
// marked with an ellipsis.
bool IsTruncatedForm(std::string_view title, std::string_view longer) {
  std::string short_key = ComparisonKey(title);
  std::string long_key = ComparisonKey(longer);
  for (std::string_view ellipsis : {"...", "\xE2\x80\xA6"}) {
    if (std::string_view(short_key).ends_with(ellipsis)) {
      short_key.resize(short_key.size() - ellipsis.size());
      while (!short_key.empty() && short_key.back() == ' ') short_key.pop_back();
      return !short_key.empty() && long_key.size() > short_key.size() &&
             std::string_view(long_key).starts_with(short_key);
    }
  }
  if (short_key.empty() || long_key.size() <= short_key.size() ||
      !std::string_view(long_key).starts_with(short_key)) {
    return false;
  }
  if (IsWordByte(short_key.back()) && IsWordByte(long_key[short_key.size()])) return true;
  // An attribute's value ends at a quotation mark the page forgot to escape
  // (content="... Biden de "incapacitado"").
  size_t next = long_key.find_first_not_of(' ', short_key.size());
  if (next != std::string::npos && long_key[next] == '"') return true;
  return std::count(short_key.begin(), short_key.end(), '(') >
         std::count(short_key.begin(), short_key.end(), ')');
}

// Whether the two texts have a word of three letters or more in common.
bool SharesAWord(std::string_view a, std::string_view b) {
  // A word without the punctuation around it ("(osha)," -> "osha").
  auto bare = [](std::string_view word) {
    while (!word.empty() && !IsWordByte(word.back())) word.remove_suffix(1);
    while (!word.empty() && !IsWordByte(word.front())) word.remove_prefix(1);
    return word;
  };
  std::string a_key = ComparisonKey(a);
  std::string b_key = ComparisonKey(b);
  std::vector<std::string_view> b_words = SpaceWords(b_key);
  for (std::string_view& other : b_words) other = bare(other);
  for (std::string_view word : SpaceWords(a_key)) {
    word = bare(word);
    if (word.size() < 3) continue;
    if (std::find(b_words.begin(), b_words.end(), word) != b_words.end()) return true;
  }
  return false;
}

// The end of a heading that is, word for word, a title the metadata states,
// after a label of a few words the metadata leaves out: a section ("Blog:
// Best agencies of 2025"), a category ("News Digital cameras ..."), a day
// ("Dec 18 2025 Preparing a transition"). "" when there is none.
std::string StatedTitleAfterALabel(std::string_view heading, const std::vector<std::string>& keys) {
  constexpr size_t kMaxLabelWords = 4;
  constexpr size_t kMinTitleWords = 3;
  std::vector<std::string_view> words = SpaceWords(heading);
  for (size_t label = 1; label <= kMaxLabelWords && label + kMinTitleWords <= words.size();
       ++label) {
    std::string_view lead = heading.substr(0, size_t(words[label].data() - heading.data()));
    // An article ("The") is the headline's own; a quotation ("\"Pure
    // emptiness\": ...") is what the headline is about.
    if (label == 1 && IsMinorWord(words[0])) continue;
    if (lead.find('"') != std::string_view::npos ||
        lead.find("\xE2\x80\x9C") != std::string_view::npos ||
        lead.find("\xE2\x80\x9E") != std::string_view::npos ||
        lead.find("\xC2\xAB") != std::string_view::npos) {
      return {};
    }
    std::string_view rest = heading.substr(lead.size());
    std::string rest_key = ComparisonKey(rest);
    for (const std::string& key : keys) {
      if (SameTitle(rest_key, key)) return std::string(rest);
    }
  }
  return {};
}

// A heading outside the article that repeats the last part of the stated
// title ("What is Ownership? - The Rust Programming Language" under a bar
// headed "The Rust Programming Language") names the site, as the banner of
// every page of it does. "" when there is none, or when the first part is
// the site already ("Psychiatry.org - Headline").
std::string SiteNamedByHeading(const Collector& collected,
                               std::initializer_list<const std::string*> titles,
                               std::string_view host) {
  SiteMatcher host_only({}, host);
  for (const std::string* title : titles) {
    std::vector<TitlePart> parts = SplitTitle(*title);
    if (parts.size() < 2 || host_only.Matches(parts.front().text)) continue;
    std::string last_key = ComparisonKey(parts.back().text);
    for (const Found& found : collected.h1s) {
      if (found.flags.in_content) continue;
      if (ComparisonKey(HeadingText(found.node)) == last_key) {
        return std::string(parts.back().text);
      }
    }
  }
  return {};
}

}  // namespace

SiteMatcher::SiteMatcher(std::string_view site_name, std::string_view host)
    : site_key_(ComparisonKey(site_name)), site_compact_(CompactKey(site_name)) {
  site_words_ = int(SpaceWords(site_key_).size());
  // "news.example.co.uk" -> "news", "example", and the whole "newsexamplecouk";
  // hosted blogs ("gnaur.wordpress.com") are named by their subdomain.
  host_compact_ = CompactKey(host);
  static constexpr std::string_view kSuffixLabels[] = {"www", "com", "net", "org", "gov", "edu",
                                                       "co",  "ac",  "or",  "ne",  "go"};
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

bool SiteMatcher::IsExactly(std::string_view part) const {
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

bool SiteMatcher::Matches(std::string_view part) const {
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

std::string CleanTitleFor(std::string_view raw_title, std::string_view site_name,
                          std::string_view host, bool keep_leading) {
  std::string title = CollapseWhitespace(raw_title);
  if (title.empty()) return title;
  SiteMatcher site(site_name, host);
  std::vector<TitlePart> parts = SplitTitle(title);
  if (parts.size() < 2) {
    if (keep_leading) return title;
    // "Site Name: Headline"
    size_t colon = title.find(": ");
    if (colon != std::string::npos && colon > 0 && site.IsExactly(title.substr(0, colon)) &&
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
  // A leading part goes only when it is exactly the site's name: headlines
  // often start with the company they are about ("Acme unveils ..."). Before
  // an engine's page label ("NationStates • View topic - ...") it is the
  // site's name, known or not.
  while (!keep_leading && last > first &&
         (site.IsExactly(parts[first].text) || IsPageLabel(parts[first].text) ||
          (first + 1 < last && IsPageLabel(parts[first + 1].text)))) {
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
  while (budget-- > 0 && last > first &&
         (IsDomainName(parts[last].text) ||
          (LooksLikeName(parts[last].text) && words_between(first, last - 1) >= 3 &&
           words_between(first, last - 1) > CountWords(parts[last].text)))) {
    --last;
    if (parts[last + 1].separator != '|' && parts[last + 1].separator != '/') break;
  }
  if (!keep_leading && !removed && last == parts.size() - 1 && first == 0 && parts.size() >= 2 &&
      parts[1].separator == '|' && LooksLikeName(parts[0].text) && words_between(1, last) >= 3 &&
      words_between(1, last) > CountWords(parts[0].text)) {
    first = 1;
  }
  return JoinParts(parts, first, last, title);
}

bool IsHomePage(std::string_view url) {
  size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return false;
  size_t path_start = url.find('/', scheme + 3);
  if (path_start == std::string_view::npos) return true;
  std::string_view path = url.substr(path_start);
  size_t query = path.find('?');
  if (query != std::string_view::npos && query + 1 < path.size()) return false;
  path = path.substr(0, path.find_first_of("?#"));
  while (!path.empty() && path.back() == '/') path.remove_suffix(1);
  if (size_t slash = path.rfind('/');
      slash != std::string_view::npos && StartsWithIgnoreCase(path.substr(slash + 1), "index.")) {
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

std::string HomePageTitle(const Collector& collected, const Metas& metas,
                          std::string_view site_name, std::string_view host) {
  std::string title = collected.title ? CleanText(TextOf(collected.title)) : std::string();
  if (title.empty()) title = CleanText(metas.Get("og:title"));
  return CleanTitleFor(title, site_name, host, /*keep_leading=*/true);
}

// No headline is this long; an unclosed <title> swallowing the page is. Cut
// (at a character boundary) so the work below stays bounded on hostile pages.
std::string Bounded(std::string text) {
  constexpr size_t kMaxTitleBytes = 1024;
  if (text.size() <= kMaxTitleBytes) return text;
  size_t cut = kMaxTitleBytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  text.resize(cut);
  return text;
}

std::string ChooseTitle(const Collector& collected, const Metas& metas, const JsonLdFacts& ld,
                        std::string_view site_name, std::string_view host, bool article_page) {
  std::string og_title = Bounded(CleanText(metas.Get("og:title")));
  std::string twitter_title = Bounded(CleanText(metas.Get("twitter:title")));
  std::string ld_headline = Bounded(CleanText(ld.headline));
  std::string title_tag =
      collected.title ? Bounded(CleanText(TextOf(collected.title))) : std::string();
  std::string named_site;
  if (site_name.empty()) {
    named_site = SiteNamedByHeading(collected, {&title_tag, &og_title}, host);
    site_name = named_site;
  }

  // Keys of every form the page gives its title in, whole and split at separators.
  std::vector<std::string> keys;
  for (const std::string* candidate : {&og_title, &twitter_title, &ld_headline, &title_tag}) {
    if (candidate->empty()) continue;
    keys.push_back(ComparisonKey(*candidate));
    std::vector<TitlePart> parts = SplitTitle(*candidate);
    // Every run of consecutive parts is a key: quadratic in the parts, so only
    // for titles of a plausible number of them.
    constexpr size_t kMaxTitleParts = 8;
    if (parts.size() > 1 && parts.size() <= kMaxTitleParts) {
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
  bool first_h1_in_content = false;
  size_t examined = 0;
  for (const Found* found : h1s) {
    if (++examined > 6) break;
    std::string text = HeadingText(found->node);
    if (text.empty() || text.size() > 400 || site.Matches(text) || IsGenericHeading(text)) continue;
    std::string key = ComparisonKey(text);
    for (const std::string& candidate : keys) {
      if (SameTitle(key, candidate)) return CleanTitleFor(text, site_name, host);
    }
    std::string after_label = StatedTitleAfterALabel(text, keys);
    if (!after_label.empty()) return CleanTitleFor(after_label, site_name, host);
    // A paragraph set as <h1> (a site's pitch) is not a headline.
    if (first_h1.empty() && CountWords(text) <= 25) {
      first_h1 = CleanTitleFor(text, site_name, host);
      first_h1_in_content = found->flags.in_content;
    }
  }
  // When the headline and the metadata disagree, an article's visible
  // headline wins; other pages (home, product, service pages) put a
  // slogan in their <h1> and their name in the metadata.
  if (!first_h1.empty() && article_page) return first_h1;
  // A <title> that is all the page states and shares no word with the
  // headline of its main content is the site's own, the same on every page
  // ("Reddit - The heart of the internet" over a thread's question). A
  // heading of a word or two is a section's name ("Pulse!"), not a headline.
  if (first_h1_in_content && CountWords(first_h1) >= 3 && og_title.empty() &&
      twitter_title.empty() && ld_headline.empty() && !title_tag.empty() &&
      !SharesAWord(title_tag, first_h1)) {
    return first_h1;
  }
  for (const Found& found : collected.itemprop_headlines) {
    std::string text = CleanText(ItemValue(found.node));
    if (text.empty()) continue;
    std::string key = ComparisonKey(text);
    for (const std::string& candidate : keys) {
      if (SameTitle(key, candidate)) return text;
    }
  }
  std::string stated;
  for (const std::string* candidate : {&ld_headline, &og_title, &twitter_title, &title_tag}) {
    if (candidate->empty()) continue;
    stated = CleanTitleFor(*candidate, site_name, host);
    break;
  }
  if (stated.empty()) return first_h1;
  // The visible heading is the page's name and the stated title adds to it
  // ("Standing Desks" of "Height Adjustable Standing Desks", "Jimmy" of
  // "Jimmy: The Ultimate Device Opener").
  if (!first_h1.empty() && IsWordAlignedEnd(ComparisonKey(stated), ComparisonKey(first_h1))) {
    return first_h1;
  }
  // A headline cut to a length limit in one form is whole in another.
  for (const std::string* candidate : {&og_title, &twitter_title, &title_tag, &ld_headline}) {
    if (candidate->empty()) continue;
    std::string cleaned = CleanTitleFor(*candidate, site_name, host);
    if (IsTruncatedForm(stated, cleaned)) return cleaned;
  }
  if (!first_h1.empty() && IsTruncatedForm(stated, first_h1)) return first_h1;
  return stated;
}

}  // namespace newsloom::extract::metadata_internal
