#include "extract/boilerplate.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <unordered_set>

#include "common/strings.h"
#include "common/utf8.h"
#include "extract/dates.h"

namespace newsloom::extract {

namespace {

// Lines longer than this are prose whatever they contain; cookie notices are
// the longest boilerplate seen in the wild (about 60 words).
constexpr int kMaxBoilerplateWords = 80;
// Call-to-action lines ("Subscribe to our newsletter for ...") stay short.
constexpr int kMaxCallToActionWords = 25;
// Footer and appeal sentences ("Copyright 2024 Reuters. All rights reserved.").
constexpr int kMaxFooterWords = 40;
// Lines that start an appeal ("Dear readers,") are boilerplate on their own
// only when this short and not a full sentence.
constexpr int kMaxLoneAppealWords = 8;
// Counter and timestamp lines: "6 hours ago 1", "Aug 19, 2025 10:45 AM GMT".
constexpr int kMaxCounterTokens = 12;
// Appeal blocks tolerate this many cue-less lines between two cues.
constexpr int kMaxAppealGap = 3;
// Navigation markers are a few words ("You may also like", "More from Reuters").
constexpr int kMaxNavigationMarkerWords = 5;
// A line of at least this many words counts as body text for the navigation rule.
constexpr int kMinBodyWords = 10;

// Code points that are punctuation or symbols rather than letters: Latin-1
// punctuation, × ÷, general punctuation, arrows, shapes, CJK punctuation,
// full-width ASCII punctuation, emoji. Everything else above ASCII is treated
// as a letter (good enough to tell "***" from a line of Japanese).
bool IsSymbolCodePoint(uint32_t c) {
  return (c >= 0x80 && c <= 0xBF) || c == 0xD7 || c == 0xF7 || (c >= 0x2000 && c <= 0x2BFF) ||
         (c >= 0x3000 && c <= 0x303F) || (c >= 0xFE30 && c <= 0xFE4F) ||
         (c >= 0xFF01 && c <= 0xFF0F) || c == 0xFFFD || (c >= 0x1F000 && c <= 0x1FAFF);
}

bool HasLetterOrDigit(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      if (IsAsciiAlnum(text[i])) return true;
      ++i;
      continue;
    }
    if (!IsSymbolCodePoint(DecodeUtf8(text, &i))) return true;
  }
  return false;
}

// clang-format off
// Decoration around a line's words: bullets, arrows, dashes, pipes, colons,
// trailing "?" and "…" ("» Read more…", "No time to read?", "Share:").
constexpr std::string_view kAsciiEdgeMarks = " .:!?><|-_*#=~/+[]";
constexpr std::string_view kEdgeMarks[] = {
    "\xE2\x80\xA2",  // • bullet
    "\xC2\xB7",      // · middle dot
    "\xC2\xBB",      // »
    "\xC2\xAB",      // «
    "\xE2\x80\xBA",  // ›
    "\xE2\x80\xB9",  // ‹
    "\xE2\x86\x92",  // →
    "\xE2\x86\x90",  // ←
    "\xE2\x80\x93",  // – en dash
    "\xE2\x80\x94",  // — em dash
    "\xE2\x80\xA6",  // … ellipsis
    "\xE2\x96\xBA",  // ►
    "\xE2\x96\xB6",  // ▶
    "\xE2\x97\x80",  // ◀
    "\xE2\x97\x84",  // ◄
};

// clang-format on
// Length of the edge mark that `text` starts with (at_end: ends with), or 0.
size_t EdgeMarkLength(std::string_view text, bool at_end) {
  char edge = at_end ? text.back() : text.front();
  if (static_cast<unsigned char>(edge) < 0x80) {
    return kAsciiEdgeMarks.find(edge) != std::string_view::npos ? 1 : 0;
  }
  for (std::string_view mark : kEdgeMarks) {
    if (at_end ? text.ends_with(mark) : text.starts_with(mark)) return mark.size();
  }
  return 0;
}

std::string_view StripEdgeMarks(std::string_view text) {
  while (!text.empty()) {
    size_t length = EdgeMarkLength(text, /*at_end=*/false);
    if (length == 0) break;
    text.remove_prefix(length);
  }
  while (!text.empty()) {
    size_t length = EdgeMarkLength(text, /*at_end=*/true);
    if (length == 0) break;
    text.remove_suffix(length);
  }
  return text;
}

// clang-format off
// Closing quotes and brackets that may follow the final punctuation of a sentence.
constexpr std::string_view kClosers[] = {
    " ", "\"", "'", ")", "]", "*",
    "\xE2\x80\x9D",  // ”
    "\xE2\x80\x99",  // ’
    "\xC2\xBB",      // »
    "\xE2\x80\xBA",  // ›
};

// clang-format on
std::string_view StripClosers(std::string_view text) {
  bool changed = true;
  while (changed && !text.empty()) {
    changed = false;
    for (std::string_view closer : kClosers) {
      if (text.ends_with(closer)) {
        text.remove_suffix(closer.size());
        changed = true;
      }
    }
  }
  return text;
}

// `text` starts with `phrase` and the phrase ends at a word boundary
// ("support us" matches "support us today", not "support usage").
bool StartsWithPhrase(std::string_view text, std::string_view phrase) {
  if (!text.starts_with(phrase)) return false;
  return text.size() == phrase.size() || !IsAsciiAlnum(phrase.back()) ||
         !IsAsciiAlnum(text[phrase.size()]);
}

bool StartsWithAny(std::string_view text, std::span<const std::string_view> phrases) {
  return std::any_of(phrases.begin(), phrases.end(),
                     [&](std::string_view phrase) { return StartsWithPhrase(text, phrase); });
}

// A list of phrases indexed by first byte, so that looking for all of them in
// a line is one pass over the line's word starts rather than one search per
// phrase. A phrase is found when it starts at a word start and ends at a word
// boundary ("our newsletter" is not in "your newsletter"). Phrases start with
// a letter or digit.
class PhraseIndex {
 public:
  explicit PhraseIndex(std::span<const std::string_view> phrases) {
    for (std::string_view phrase : phrases) {
      buckets_[static_cast<unsigned char>(phrase.front())].push_back(phrase);
    }
  }

  bool FoundIn(std::string_view text) const {
    for (size_t position = 0; position < text.size(); ++position) {
      if (position > 0 && IsAsciiAlnum(text[position - 1])) continue;
      for (std::string_view phrase : buckets_[static_cast<unsigned char>(text[position])]) {
        if (StartsWithPhrase(text.substr(position), phrase)) return true;
      }
    }
    return false;
  }

 private:
  std::array<std::vector<std::string_view>, 256> buckets_;
};

bool IsOneOf(std::string_view text, std::span<const std::string_view> words) {
  return std::find(words.begin(), words.end(), text) != words.end();
}

// A line as the rules see it: whitespace collapsed, lower-cased (LowerUtf8), and
// its core without edge decoration.
struct NormalizedLine {
  std::string lower;
  size_t core_begin = 0;
  size_t core_size = 0;
  int words = 0;

  explicit NormalizedLine(std::string_view line) : lower(LowerUtf8(CollapseWhitespace(line))) {
    std::string_view core = StripEdgeMarks(lower);
    core_begin = static_cast<size_t>(core.data() - lower.data());
    core_size = core.size();
    words = CountWords(lower);
  }
  std::string_view core() const { return std::string_view(lower).substr(core_begin, core_size); }
};

// clang-format off
// Whole lines (their core) that are never article text.
const std::unordered_set<std::string_view>& ExactBoilerplate() {
  static const std::unordered_set<std::string_view> kLines = {
      // Ads and promotion.
      "ad", "ads", "advertisement", "advertisements", "advertising", "sponsored",
      "sponsored content", "promoted", "promoted content", "paid content", "partner content",
      "scroll to continue", "scroll to continue with content",
      // Teasers and summaries.
      "read entire article", "read the entire article", "read full article",
      "read the full article", "read full story", "read the full story", "read more",
      "read the rest", "continue reading", "keep reading", "see more", "show more", "load more",
      "view more", "more", "no time to read", "get a summary",
      "visit website", "visit site", "visit the website", "go to website", "open website",
      "go to source", "visit source", "view original", "view original article",
      "original article", "view source", "full story", "full article", "show summary",
      "hide summary", "summarize this article", "ai summary", "just now", "listen",
      "listen to this article", "listen to article", "audio", "play", "pause", "watch",
      "watch video", "video", "photo", "photos", "image", "gallery", "view gallery", "expand",
      "collapse", "enlarge",
      // Navigation.
      "previous article", "next article", "previous post", "next post", "previous story",
      "next story", "previous", "next", "prev", "read next", "up next", "related",
      "related articles", "related stories", "related posts", "related news",
      "related content", "related coverage", "related topics", "related reading",
      "you may also like", "you might also like", "you may be interested in",
      "recommended", "recommended for you", "recommended stories", "most read",
      "most popular", "most viewed", "trending", "trending now", "latest", "latest news",
      "latest stories", "top stories", "more stories", "more news", "more from this author",
      "also read", "read also", "see also", "skip to content", "skip to main content",
      "skip navigation", "back to top", "go to top", "top", "menu", "main menu", "home",
      "search", "close", "open", "toggle navigation", "navigation", "sections", "tags",
      "topics", "categories", "breadcrumb", "popular", "popular stories", "editor's picks",
      "editors' picks", "editor\xE2\x80\x99s picks", "in other news", "around the web",
      "from the web", "sponsored stories", "promoted stories", "more in this category",
      // Accounts, newsletters, social.
      "log in", "login", "log out", "logout", "sign in", "sign out", "sign up", "register",
      "create account", "my account", "subscribe", "subscribe now", "subscribe today",
      "unsubscribe", "newsletter", "newsletters", "follow", "follow us", "share",
      "share this", "share article", "share this article", "share this story",
      "share this post", "like this", "share on facebook", "share on twitter", "share on x",
      "share via email", "tweet", "email", "print", "copy link", "link copied", "save",
      "save article", "bookmark", "comments", "comment", "leave a comment", "add comment",
      "add a comment", "post a comment", "view comments", "show comments", "hide comments",
      "join the conversation", "comments are closed", "leave a reply", "post a reply",
      // Consent and appeals.
      "accept", "accept all", "accept cookies", "accept all cookies", "reject all",
      "manage preferences", "cookie settings", "cookie preferences", "got it", "i agree",
      "ok", "donate", "donate now", "support us", "become a member", "payment methods",
      "paiment methods", "remind me later", "maybe later", "not now", "no thanks",
      "loading", "please wait", "loading comments", "explore further", "text size",
      // The same in the other languages news is often written in.
      "anzeige", "werbung", "weiterlesen", "mehr lesen", "artikel teilen", "teilen", "drucken",
      "nach oben", "zum seitenanfang", "startseite", "suche", "alle akzeptieren",
      "akzeptieren", "ablehnen", "newsletter abonnieren", "jetzt abonnieren",
      "publicité", "lire la suite", "partager", "partager cet article", "imprimer",
      "haut de page", "accueil", "tout accepter", "accepter", "refuser", "s'abonner",
      "publicidad", "leer más", "seguir leyendo", "compartir", "imprimir", "suscríbete",
      "aceptar", "pubblicità", "leggi di più", "continua a leggere", "condividi", "stampa",
      "accetta", "accetta tutti", "publicidade", "leia mais", "continue lendo",
      "compartilhar", "reklama", "czytaj więcej", "udostępnij", "drukuj", "advertentie",
      "lees meer", "delen", "реклама", "читать далее", "подробнее", "поделиться",
      "читать полностью",
  };
  return kLines;
}

// Starts of call-to-action and credit lines ("Subscribe to our newsletter for
// daily updates", "Photo: Reuters", "Tags: Japan, Ukraine").
constexpr std::string_view kLeadingPhrases[] = {
    "subscribe to our", "subscribe to the newsletter", "subscribe now", "subscribe for",
    "subscribe today", "subscribe here", "sign up for our", "sign up to our", "sign up for free",
    "sign up now", "sign up here", "sign up for the newsletter", "share this article",
    "share this story", "share this post", "share this page", "share on",
    "share via", "share:", "share your thoughts", "follow us", "follow me on", "like us on",
    "click here", "tap here", "read more:",
    "read more at", "read also:", "also read:", "see also:", "related:", "recommended:",
    "read next:", "up next:", "read the full", "read the original",
    "continue reading", "download our", "download the app", "get the app", "get our",
    "join our", "already a subscriber", "already have an account", "listen to this article",
    "listen to the article", "this article was originally published",
    "this story was originally published", "this article first appeared",
    "this article originally appeared", "enable javascript",
    "please enable javascript", "javascript is disabled", "your browser does not support",
    "photo:", "photo credit", "image credit", "image:", "photograph:", "tags:", "topics:",
    "filed under", "posted in", "posted by", "tagged:", "categories:", "sponsored by",
    "advertisement -", "report an error", "read more on", "continue reading on",
    "originally published at", "originally published on", "watch:", "photo by", "file photo",
    "we want to hear what you think", "síguenos en", "siguenos en", "nos siga no",
    "siga-nos no", "folgen sie uns", "anzeige, enthält affiliate", "this entry was posted in",
    "if you enjoyed reading this", "we rely on your support", "wie bewerten sie diesen artikel",
    "beitragsbild:", "titelbild:", "aktualisiert am", "zuletzt aktualisiert", "themen:",
    "schlagworte:", "kommentare insgesamt", "keine kommentare", "instant access to the full",
    "empfohlener redaktioneller inhalt", "externer inhalt", "ich freue mich über eure kommentare",
    "get the latest news straight to", "zeigen sie ihre wertschätzung", "originalartikel:",
    "kontakt:", "werden sie mitglied", "(credit:", "(foto:", "(photo:",
};

// Phrases that mark a short line as boilerplate wherever they occur in it.
constexpr std::string_view kContainedPhrases[] = {
    "all rights reserved", "remind me later", "not ready to support", "read entire article",
    "read the entire article", "read full article", "read the full article",
    "read full story", "read the full story", "no time to read", "get a summary",
    "our newsletter", "sign up for our", "subscribe to our", "follow us on",
    "share this article", "share this story", "support independent journalism",
    "support our journalism", "support quality journalism", "ad blocker", "adblocker",
    "ad-blocker", "enable javascript", "scroll to continue", "accept cookies",
    "accept all cookies", "cookie settings", "cookie preferences", "manage cookies",
    "subscribe to continue", "log in to continue", "sign in to continue", "subscribers only",
    "your email address will not be published", "required fields are marked",
    "news in your inbox", "delivered to your inbox", "straight to your inbox",
    "in your inbox daily", "in your inbox every", "nuestro canal de", "canal de telegram",
    "zeigen sie ihre wertschätzung", "um kommentare zu schreiben", "erfolgreich hinzugefügt",
    "we may receive compensation", "contains affiliate links",
    // Consent notices standing in for embedded content or under forms.
    "externe inhalte angezeigt werden", "wir respektieren deine privatsphäre",
    "wir respektieren ihre privatsphäre", "das automatische laden der inhalte",
    "you consent to receive", "you consent to have your",
    "datenschutzerklärung von google",
    // How to cite the page, how long its video stays online.
    "suggested citation", "zitiervorschlag", "cite this article", "video verfügbar bis",
    // Rights notices in other languages: German, French, Spanish, Italian,
    // Portuguese, Polish, Dutch, Russian, Korean, Japanese, Chinese.
    "alle rechte vorbehalten", "tous droits réservés", "todos los derechos reservados",
    "tutti i diritti riservati", "todos os direitos reservados",
    "wszelkie prawa zastrzeżone", "alle rechten voorbehouden", "все права защищены",
    "무단전재", "무단 전재", "재배포 금지", "無断転載", "無断複製", "版权所有", "版權所有",
};

// Cookie notices can be long; they open with one of these.
constexpr std::string_view kCookieNoticeStarts[] = {
    "we use cookies", "this site uses cookies", "this website uses cookies",
    "our site uses cookies", "our website uses cookies", "we and our partners use cookies",
    "by continuing to use", "by continuing to browse", "by using this site",
    "by using this website", "by using our site", "by using our website",
    "wir verwenden cookies", "wir nutzen cookies", "diese website verwendet cookies",
    "diese webseite verwendet cookies", "diese website nutzt cookies",
    "durch die weitere nutzung", "nous utilisons des cookies", "ce site utilise des cookies",
    "en poursuivant votre navigation", "utilizamos cookies", "este sitio web utiliza cookies",
    "este sitio utiliza cookies", "si continúa navegando", "utilizziamo i cookie",
    "questo sito utilizza cookie", "questo sito utilizza i cookie",
    "este site utiliza cookies", "este site usa cookies", "używamy plików cookie",
    "ta strona używa plików cookie", "korzystamy z cookies", "korzystamy z plików cookie",
    "wij gebruiken cookies", "deze website gebruikt cookies",
    "мы используем файлы cookie", "мы используем cookie", "этот сайт использует файлы cookie",
    "этот сайт использует cookie",
};

// Words of timestamp lines: "6 hours ago", "Updated Aug 19, 2025 10:45 AM GMT".
// A line of these alone ("Last Year") is a heading, not a stamp: it needs a
// number or "ago" too.
const std::unordered_set<std::string_view>& TimeWords() {
  static const std::unordered_set<std::string_view> kWords = {
      "a", "an", "ago", "just", "now", "updated", "update", "posted", "published", "on", "at",
      "last", "read", "reads", "reading", "time", "min", "mins", "minute", "minutes", "sec",
      "secs", "second", "seconds", "hour", "hours", "hr", "hrs", "day", "days", "week",
      "weeks", "month", "months", "year", "years", "today", "yesterday",
      "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
      "dec", "january", "february", "march", "april", "june", "july", "august", "september",
      "october", "november", "december", "mon", "tue", "tues", "wed", "thu", "thur", "thurs",
      "fri", "sat", "sun", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
      "sunday", "am", "pm", "gmt", "utc", "et", "est", "edt", "ct", "cst", "cdt", "pt",
      "pst", "pdt", "bst", "cet", "cest", "jst", "msk", "ist",
      // Counters: "1 - 5 of 36", "Photo 3 of 12", "Page 2 of 5".
      "of", "page", "photo", "image", "slide",
      // Dateline labels of Korean, Japanese and Chinese sites ("기사입력 : 2018-08-25 15:24").
      "기사입력", "입력", "수정", "최종수정", "등록", "승인", "公開日", "更新日", "配信",
      "发布时间", "更新时间", "发布", "時間", "时间",
  };
  return kWords;
}

// Words of share bars and counters: "12 comments", "Share Tweet Email".
const std::unordered_set<std::string_view>& ActionWords() {
  static const std::unordered_set<std::string_view> kWords = {
      "comment", "comments", "share", "shares", "shared", "view", "views", "viewed", "like",
      "likes", "reply", "replies", "reaction", "reactions", "vote", "votes", "tweet",
      "tweets", "retweet", "email", "print", "save", "saved", "bookmark", "listen",
      "facebook", "twitter", "x", "linkedin", "whatsapp", "telegram", "reddit", "pinterest",
      "flipboard", "vk", "copy", "link", "url", "more",
  };
  return kWords;
}

// clang-format on
// "6", "1.2k", "10:45", "2025-08-19", "19th", "5min", "3h".
bool IsNumberToken(std::string_view token) {
  if (token.empty() || !IsAsciiDigit(token.front())) return false;
  size_t i = 0;
  while (i < token.size() && (IsAsciiDigit(token[i]) || token[i] == '.' || token[i] == ',' ||
                              token[i] == ':' || token[i] == '/' || token[i] == '-')) {
    ++i;
  }
  // clang-format off
  static constexpr std::string_view kSuffixes[] = {
      "", "k", "m", "b", "h", "d", "w", "y", "s", "min", "mins", "hr", "hrs", "am", "pm"};
  static constexpr std::string_view kOrdinals[] = {"st", "nd", "rd", "th"};
  // clang-format on
  std::string_view suffix = token.substr(i);
  return IsOneOf(suffix, kSuffixes) || IsOneOf(suffix, kOrdinals);
}

// Digits with '.' and ',' between: "1120", "1,234", "3.5".
bool IsDigitsWithSeparators(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return IsAsciiDigit(c) || c == '.' || c == ',';
  });
}

// One field of a post's metadata row: "Aufrufe: 1120", "Tags: Denken, Bilder",
// "Verfasst von: name", "Filed under: Politics" (lower-cased).
bool IsLabelledMetaField(std::string_view field) {
  static constexpr std::string_view kLabels[] = {"views",
                                                 "aufrufe",
                                                 "zugriffe",
                                                 "tags",
                                                 "schlagworte",
                                                 "schlagwörter",
                                                 "stichworte",
                                                 "hinzugefügt von",
                                                 "verfasst von",
                                                 "geschrieben von",
                                                 "posted by",
                                                 "posted in",
                                                 "filed under",
                                                 "abgelegt unter",
                                                 "kategorie",
                                                 "kategorien",
                                                 "category",
                                                 "categories",
                                                 "rating",
                                                 "bewertung",
                                                 "kommentare insgesamt",
                                                 "kommentare",
                                                 "comments",
                                                 "last modified",
                                                 "rubrik",
                                                 "author",
                                                 "autor"};
  for (std::string_view label : kLabels) {
    if (!field.starts_with(label)) continue;
    std::string_view rest = TrimView(field.substr(label.size()));
    if (rest.starts_with(':') && !TrimView(rest.substr(1)).empty()) return true;
  }
  return false;
}

// A row of a post's metadata rather than its text: labelled fields and dates
// between separators ("Aufrufe: 1120 | Hinzugefügt von: Posh | Tags: Denken",
// "Verfasst von: name | 31. Dezember 2008"), or one labelled count
// ("Kommentare insgesamt: 0"). A specification row ("CPU: ... | RAM: ...")
// has labels of its own and stays.
bool IsPostMetadataLine(std::string_view lower, int words) {
  constexpr int kMaxMetadataWords = 30;
  constexpr int kMaxDateFieldWords = 6;
  if (words > kMaxMetadataWords) return false;
  std::vector<std::string_view> fields;
  std::string_view rest = lower;
  while (!rest.empty()) {
    size_t cut = std::string_view::npos, width = 0;
    for (std::string_view separator : {" | ", " \xC2\xB7 ", " \xE2\x80\xA2 "}) {
      size_t at = rest.find(separator);
      if (at < cut) cut = at, width = separator.size();
    }
    fields.push_back(TrimView(rest.substr(0, cut)));
    if (cut == std::string_view::npos) break;
    rest = rest.substr(cut + width);
  }
  int labelled = 0;
  for (std::string_view field : fields) {
    if (field.empty()) continue;
    if (IsLabelledMetaField(field)) {
      ++labelled;
    } else if (CountWords(field) > kMaxDateFieldWords || !ParseDateTime(field)) {
      return false;
    }
  }
  if (labelled == 0) return false;
  if (labelled >= 2 || fields.size() >= 2) return true;
  // A lone field counts only when its value is a number: "Kommentare insgesamt: 0".
  return IsDigitsWithSeparators(TrimView(fields[0].substr(fields[0].find(':') + 1)));
}

// A line made only of numbers, time words and share-bar words, with at
// least one number, "ago" or share-bar word: "6 hours ago 1", "3 min read",
// "Share Tweet Email", "Aug 19, 2025 | 10:45 AM". A dateline may add an
// agency and a place to three numbers or more: "PTI, Washington, Nov 20 2019,
// 10:18am IST, updated: Nov 20 2019, 13:42pm IST".
bool IsCounterLine(std::string_view lower) {
  constexpr int kMaxDatelineTokens = 16;
  constexpr int kMaxDatelineNames = 2;
  constexpr int kMinDatelineNumbers = 3;
  const auto& time_words = TimeWords();
  const auto& action_words = ActionWords();
  int tokens = 0, numbers = 0, names = 0, time_words_seen = 0;
  bool has_signal = false;
  for (std::string_view token : Split(lower, ' ')) {
    while (!token.empty() && static_cast<unsigned char>(token.front()) < 0x80 &&
           !IsAsciiAlnum(token.front())) {
      token.remove_prefix(1);
    }
    while (!token.empty() && static_cast<unsigned char>(token.back()) < 0x80 &&
           !IsAsciiAlnum(token.back())) {
      token.remove_suffix(1);
    }
    if (!HasLetterOrDigit(token)) continue;  // separators: "|", "·", "•"
    if (++tokens > kMaxDatelineTokens) return false;
    if (IsNumberToken(token)) {
      has_signal = true;
      ++numbers;
    } else if (action_words.contains(token) || token == "ago") {
      has_signal = true;
    } else if (time_words.contains(token)) {
      ++time_words_seen;
    } else if (++names > kMaxDatelineNames) {
      return false;
    }
  }
  // A row of figures beside a name ("Palm Bay 18 22 13 17 - 70") is a table, not a dateline.
  if (names > 0) {
    return numbers >= kMinDatelineNumbers && time_words_seen > 0 && !EndsSentence(lower);
  }
  return has_signal && tokens <= kMaxCounterTokens;
}

// "© New Eastern Outlook", "(c) 2023 Foo", "Copyright 2024 Reuters",
// "Photo © AFP", "Progleton News @2023".
bool IsCopyrightLine(const NormalizedLine& line) {
  std::string_view text = line.lower;
  if (line.words > kMaxCallToActionWords) return false;
  constexpr std::string_view kSign = "\xC2\xA9";          // ©
  constexpr std::string_view kCircledC = "\xE2\x93\x92";  // ⓒ, as Korean sites write it
  if (text.starts_with(kSign) || text.starts_with(kCircledC) || text.starts_with("(c)")) {
    return true;
  }
  if (StartsWithPhrase(text, "copyright")) {
    std::string_view rest = TrimView(text.substr(9));
    if (rest.starts_with(kSign) || rest.starts_with(kCircledC) || rest.starts_with("(c)") ||
        (!rest.empty() && IsAsciiDigit(rest.front()))) {
      return true;
    }
    if (line.words <= 8 && !EndsSentence(text)) return true;
  }
  if (line.words <= 15 && text.find(kSign) != std::string_view::npos) return true;
  if (line.words <= 6) {
    // A site name followed by "@2023": an at-sign used as a copyright sign.
    for (size_t at = text.find('@'); at != std::string_view::npos; at = text.find('@', at + 1)) {
      std::string_view year = TrimView(text.substr(at + 1));
      if (year.size() >= 4 && (year.starts_with("19") || year.starts_with("20")) &&
          IsAsciiDigit(year[2]) && IsAsciiDigit(year[3]) &&
          (year.size() == 4 || !IsAsciiAlnum(year[4]))) {
        return true;
      }
    }
  }
  return false;
}

bool IsCookieNotice(const NormalizedLine& line) {
  return StartsWithAny(line.core(), kCookieNoticeStarts);
}

bool HasDigit(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return IsAsciiDigit(c); });
}

// "Home | World | Asia", "Privacy Policy · Terms of Use · Contact", "News > World > Asia":
// at least three short items between the same separator, no sentence, no
// numbers (a row of figures is a table, not a menu).
bool IsMenuLine(std::string_view lower) {
  static constexpr std::string_view kSeparators[] = {
      " | ", " \xE2\x80\xA2 ", " \xC2\xB7 ", " / ", " \xC2\xBB ", " > ", " \xE2\x80\xBA "};
  // "| Rank | Insurer |": a row of a text table, not a menu.
  if (EndsSentence(lower) || lower.starts_with("|")) return false;
  for (std::string_view separator : kSeparators) {
    size_t items = 0;
    bool all_short = true;
    size_t start = 0;
    while (true) {
      size_t end = lower.find(separator, start);
      std::string_view item =
          lower.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
      ++items;
      if (CountWords(item) > 4 || !HasLetterOrDigit(item) || HasDigit(item)) all_short = false;
      if (end == std::string_view::npos || !all_short) break;
      start = end + separator.size();
    }
    if (all_short && items >= 3) return true;
  }
  return false;
}

// clang-format off
// Appeals: phrases that start one at the head of a line, or anywhere.
constexpr std::string_view kAppealOpeningStarts[] = {
    "dear reader", "dear readers", "dear friend", "dear friends", "a message from",
    "a note from", "support us", "support our", "support independent", "please support",
    "please consider supporting", "donate", "make a donation", "become a member",
    "become a supporter", "become a patron",
};
constexpr std::string_view kAppealOpeningPhrases[] = {
    "a small favour to ask", "a small favor to ask", "funded by readers", "reader-funded",
    "reader-supported", "keep independent journalism", "needs your help", "needs your support",
    "remind me in",
    "we need your help", "we need your support", "please support us", "support us today",
    "support us monthly", "support our journalism", "support independent journalism",
    "make a donation", "donate now", "donate today", "not ready to support", "remind me later",
    "become a member",
};
constexpr std::string_view kAppealWeakPhrases[] = {
    "donate", "donation", "donations", "contribution", "contributions", "contribute",
    "your support", "support us", "supporting", "subscribe", "subscription", "payment method",
    "payment methods", "paiment method", "paiment methods", "independent journalism",
    "per month", "monthly", "one-time", "thank you", "maybe later", "no thanks", "remind me",
};
constexpr std::string_view kAppealWeakLines[] = {
    "continue", "not now", "close", "support", "next", "skip",
};

// clang-format on
const PhraseIndex& ContainedPhrases() {
  static const PhraseIndex kIndex(kContainedPhrases);
  return kIndex;
}
const PhraseIndex& AppealOpeningPhrases() {
  static const PhraseIndex kIndex(kAppealOpeningPhrases);
  return kIndex;
}
const PhraseIndex& AppealWeakPhrases() {
  static const PhraseIndex kIndex(kAppealWeakPhrases);
  return kIndex;
}

bool IsNavigationMarker(const NormalizedLine& line) {
  // clang-format off
  static const std::unordered_set<std::string_view> kMarkers = {
      "previous article", "next article", "previous post", "next post", "previous story",
      "next story", "previous", "next", "read next", "up next", "related", "related articles",
      "related stories", "related posts", "related news", "related content",
      "related coverage", "related reading", "you may also like", "you might also like",
      "you may be interested in", "recommended", "recommended for you",
      "recommended stories", "most read", "most popular", "most viewed", "trending",
      "trending now", "latest news", "latest stories", "more stories", "more news",
      "top stories", "what to read next", "more on this story", "more on this topic",
      "also read", "see also", "editor's picks", "recent posts", "about the author",
      "share this", "share this article", "share this story", "share this post", "like this",
      "read this next", "you may also enjoy", "you might also enjoy", "more like this",
      "related reads", "related resources", "popular posts", "popular articles", "latest posts",
      "latest articles", "recent articles", "trending news",
      // Comment sections.
      "comments", "comment", "leave a reply", "leave a comment", "post a comment",
      "add a comment", "join the conversation", "reader comments", "top rated comments",
      "show comments", "view comments",
      // German, Spanish, French, Italian, Portuguese (lower-cased as LowerUtf8 does).
      "kommentare", "kommentar", "kommentare schreiben", "kommentar schreiben",
      "ähnliche artikel", "verwandte artikel", "verwandte beiträge", "verwandte themen",
      "ähnliche themen", "weitere themen", "weitere artikel", "mehr zum thema",
      "das könnte sie auch interessieren", "lesen sie auch", "auch interessant",
      "schon gelesen", "weitere beiträge", "das könnte dich auch interessieren",
      "schlagworte", "schlagwörter", "ähnliche nachrichten", "ähnliche beiträge",
      "weitere nachrichten", "weitere meldungen", "aktuelle meldungen", "aktuelle news",
      "top themen der redaktion", "lesen sie auch die folgenden beiträge",
      "kunden kauften auch", "weitere beiträge aus der kolumne", "mehr aus dem ressort",
      "sie könnten auch an folgenden artikeln interessiert sein", "zum weiterlesen",
      "weiterführende informationen", "weitere informationen", "vorschau auf den nächsten artikel",
      "weiterführende links", "quellenangaben", "quellen", "kommentare geschlossen",
      "keine kommentare", "discover our latest editorial picks", "inhaltsverzeichnis",
      "alle anzeigen", "quellen ausblenden", "quellen anzeigen",
      "comentarios", "notas relacionadas", "contenido relacionado", "artículos relacionados",
      "noticias relacionadas", "también te puede interesar", "te puede interesar",
      "lee también", "más noticias", "commentaires", "vos réactions", "à lire aussi",
      "lire aussi", "articles similaires", "sur le même sujet", "commenti",
      "articoli correlati", "comentários", "leia também",
      "notícias relacionadas", "veja também",
      // Polish, Dutch, Russian.
      "komentarze", "czytaj także", "czytaj też", "zobacz także", "zobacz też",
      "reacties", "lees ook", "gerelateerde artikelen", "комментарии", "читайте также",
      "смотрите также", "по теме", "похожие новости", "другие новости",
  };
  static const std::string_view kCountedNouns[] = {
      " comments", " comment", " kommentare", " comentarios", " commentaires", " commenti",
      " comentários", " responses", " replies"};
  // clang-format on
  std::string_view core = line.core();
  if (kMarkers.contains(core)) return true;
  // "More from Politics", "Mehr über Medien, Politik, Wirtschaft:".
  static constexpr std::string_view kMoreFrom[] = {"more from", "more in", "mehr über", "mehr aus",
                                                   "mehr von"};
  if (line.words <= kMaxNavigationMarkerWords) {
    for (std::string_view phrase : kMoreFrom) {
      if (StartsWithPhrase(core, phrase)) return true;
    }
  }
  // "12 comments", "Top rated comments", "2 Kommentare".
  for (std::string_view noun : kCountedNouns) {
    if (line.words <= 3 && core.ends_with(noun)) return true;
  }
  return false;
}

// A count as a member panel writes it: "1,234", "3.5k".
bool IsFigures(std::string_view text) {
  if (text.ends_with('k')) text.remove_suffix(1);
  return IsDigitsWithSeparators(text);
}

// A forum member's panel beside each post: "Posts: 1,234", "Joined: Mar
// 2020", "Reaction score: 12", "Senior Member", "1,234 posts", "4,384 silver
// badges 7 bronze badges", "Last edited by name", "Re: <thread title>". Bare
// words that could head a section ("Location", "Points", "Online") are left alone.
bool IsMemberStatLine(std::string_view lower, int words) {
  constexpr int kMaxStatWords = 15;
  if (words > kMaxStatWords) return false;
  std::string_view text = TrimView(lower);
  static constexpr std::string_view kBare[] = {"reaction score",
                                               "likes received",
                                               "trophy points",
                                               "best answers",
                                               "join date",
                                               "original poster",
                                               "senior member",
                                               "well-known member",
                                               "established member",
                                               "junior member",
                                               "new member",
                                               "active member",
                                               "staff member",
                                               "joined",
                                               "posts",
                                               "messages",
                                               "member",
                                               "offline"};
  for (std::string_view bare : kBare) {
    if (text == bare) return true;
  }
  // "Re: <the thread's title>" over each reply.
  constexpr int kMaxReplySubjectWords = 15;
  if (text.starts_with("re: ") && words <= kMaxReplySubjectWords) return true;
  size_t colon = text.find(':');
  if (colon != std::string_view::npos) {
    std::string_view label = TrimView(text.substr(0, colon));
    std::string_view value = TrimView(text.substr(colon + 1));
    static constexpr std::string_view kCounts[] = {
        "posts",          "messages",      "reaction score", "points",
        "likes received", "trophy points", "best answers",   "reputation",
        "solutions",      "threads",       "beiträge"};
    // The count itself may stand on the next line: "Messages:" alone.
    for (std::string_view count : kCounts) {
      if (label == count && (value.empty() || IsFigures(value))) return true;
    }
    static constexpr std::string_view kSince[] = {"joined", "join date", "registered",
                                                  "member since", "mitglied seit"};
    for (std::string_view since : kSince) {
      if (label == since && !value.empty() && CountWords(value) <= 3 &&
          value.find_first_of("0123456789") != std::string_view::npos) {
        return true;
      }
    }
  }
  for (std::string_view noun : {" posts", " messages", " beiträge"}) {
    if (text.ends_with(noun) && IsFigures(text.substr(0, text.size() - noun.size()))) return true;
  }
  for (std::string_view badge : {"gold badge", "silver badge", "bronze badge"}) {
    if (text.find(badge) != std::string_view::npos) return true;
  }
  return text.starts_with("last edited by ");
}

// A figure's caption standing as a paragraph: "Figure 3: ...", "Fig. 2 ...",
// "Abbildung 4: klassische Schwachschicht.", "Abb. 1 ...".
bool IsFigureCaption(std::string_view lower, int words) {
  constexpr int kMaxCaptionWords = 40;
  if (words > kMaxCaptionWords) return false;
  static constexpr std::string_view kLabels[] = {
      "figure ", "fig. ", "fig ", "abbildung ", "abb. ", "grafik ", "figura ", "fig.", "abb."};
  std::string_view text = TrimView(lower);
  for (std::string_view label : kLabels) {
    if (!text.starts_with(label)) continue;
    std::string_view rest = TrimView(text.substr(label.size()));
    size_t digits = 0;
    while (digits < rest.size() && IsAsciiDigit(rest[digits])) ++digits;
    if (digits == 0 || digits > 3) return false;
    rest = rest.substr(digits);
    return rest.empty() || rest[0] == ':' || rest[0] == '.' || rest[0] == ' ' || rest[0] == '-';
  }
  return false;
}

// Machine identifiers printed as text: a run of UUIDs
// ("S19aea247-2e76-4905-9b83-15a5a5664cfaG661bd3c3-576f-...").
bool IsMachineDataLine(std::string_view line) {
  std::string_view text = TrimView(line);
  // UUID-shaped runs (8-4-4-4-12 hex digits) covering most of the line.
  size_t uuid_bytes = 0;
  for (size_t i = 0; i + 36 <= text.size();) {
    bool uuid = true;
    for (size_t k = 0; k < 36 && uuid; ++k) {
      char c = text[i + k];
      uuid = (k == 8 || k == 13 || k == 18 || k == 23) ? c == '-' : HexDigitValue(c) >= 0;
    }
    if (uuid) {
      uuid_bytes += 36;
      i += 36;
    } else {
      ++i;
    }
  }
  constexpr size_t kMinUuids = 2;
  return uuid_bytes >= kMinUuids * 36 && uuid_bytes * 2 >= text.size();
}

// PHP's error output printed into the page: "Warning: Creating default
// object from empty value in /www/.../classes.php on line 407".
bool IsScriptErrorLine(std::string_view line) {
  static constexpr std::string_view kLevels[] = {
      "Warning: ",     "Deprecated: ",  "Notice: ",
      "Fatal error: ", "Parse error: ", "Strict Standards: "};
  std::string_view text = TrimView(line);
  if (!StartsWithAny(text, kLevels)) return false;
  constexpr std::string_view kWhere = ".php on line ";
  size_t where = text.find(kWhere);
  return where != std::string_view::npos && where + kWhere.size() < text.size() &&
         IsAsciiDigit(text[where + kWhere.size()]);
}

// A teaser of another page: text cut off and a link to the rest ("...
// mehr •••", "… read more", "...Read more").
bool IsTeaserLine(std::string_view lower) {
  static constexpr std::string_view kMore[] = {
      "read more", "continue reading", "weiterlesen", "lire la suite",
      "leer más",  "leia mais",        "mehr",        "more",
      "weiter"};
  std::string_view text = TrimView(lower);
  // Trailing arrows, bullets and brackets after the link word.
  while (!text.empty()) {
    unsigned char last = static_cast<unsigned char>(text.back());
    if (last < 0x80 && (IsAsciiAlnum(char(last)) || last == '.')) break;
    size_t start = text.size() - 1;
    while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    text = TrimView(text.substr(0, start));
  }
  for (std::string_view more : kMore) {
    if (!text.ends_with(more)) continue;
    std::string_view before = TrimView(text.substr(0, text.size() - more.size()));
    if (before.ends_with("[")) before = TrimView(before.substr(0, before.size() - 1));
    if (EndsWithEllipsis(before)) return true;
  }
  return false;
}

// A post's edit or view record: "Edited June 19, 2024 by name", "Asked 8
// years, 2 months ago", "Viewed 3k times".
bool IsPostRecordLine(std::string_view lower, int words) {
  constexpr int kMaxRecordWords = 10;
  if (words > kMaxRecordWords) return false;
  static constexpr std::string_view kVerbs[] = {"edited ",   "asked ",  "answered ",
                                                "modified ", "viewed ", "active "};
  for (std::string_view verb : kVerbs) {
    if (!lower.starts_with(verb)) continue;
    std::string_view rest = lower.substr(verb.size());
    if (rest.find(" ago") != std::string_view::npos || (!rest.empty() && IsAsciiDigit(rest[0])) ||
        ParseDateTime(rest)) {
      return true;
    }
  }
  return false;
}

}  // namespace

bool EndsSentence(std::string_view line) {
  std::string_view text = StripClosers(line);
  if (text.empty() || EndsWithEllipsis(text)) return false;
  char last = text.back();
  if (last == '.' || last == '!' || last == '?') return true;
  // CJK and full-width sentence ends: 。！？
  return text.ends_with("\xE3\x80\x82") || text.ends_with("\xEF\xBC\x81") ||
         text.ends_with("\xEF\xBC\x9F");
}

bool EndsWithEllipsis(std::string_view line) {
  std::string_view text = StripClosers(line);
  return text.ends_with("..") || text.ends_with("\xE2\x80\xA6");
}

bool IsBoilerplateLine(std::string_view line) {
  // Long prose is never boilerplate: decide before copying the line.
  if (CountWords(line) > kMaxBoilerplateWords) return false;
  NormalizedLine normalized(line);
  std::string_view lower = normalized.lower;
  if (lower.empty()) return false;
  if (!HasLetterOrDigit(lower)) return true;
  if (IsTeaserLine(lower) || IsPostRecordLine(lower, normalized.words) ||
      IsMemberStatLine(lower, normalized.words)) {
    return true;
  }
  if (normalized.words > kMaxBoilerplateWords) return false;
  std::string_view core = normalized.core();
  if (ExactBoilerplate().contains(core) || IsNavigationMarker(normalized)) return true;
  // "Back to Gallery", "Back to all news": a link home, not a sentence.
  if (normalized.words <= 4 && StartsWithPhrase(core, "back to") && !EndsSentence(core)) {
    return true;
  }
  if (IsCookieNotice(normalized)) return true;
  if (normalized.words > kMaxFooterWords) return false;
  if (ContainedPhrases().FoundIn(lower)) return true;
  if (IsCopyrightLine(normalized)) return true;
  if (normalized.words > kMaxCallToActionWords) return false;
  // The core drops a closing colon; a bare label ("Kontakt:") is matched as written.
  if (StartsWithAny(core, kLeadingPhrases) || StartsWithAny(TrimView(lower), kLeadingPhrases)) {
    return true;
  }
  if (IsCounterLine(lower)) return true;
  if (IsPostMetadataLine(lower, normalized.words)) return true;
  if (IsMenuLine(lower)) return true;
  return normalized.words <= kMaxLoneAppealWords && !EndsSentence(lower) &&
         ClassifyAppealLine(line) == AppealCue::kOpener;
}

// "By Meg James", "By Louis Jacobson on Monday, ...": a byline standing as a
// paragraph. The two words after "By" are capitalised, as a name is ("By
// Friday, the river had ..." is a sentence).
bool IsBylineParagraph(std::string_view paragraph, int words) {
  constexpr int kMaxBylineWords = 14;
  if (words > kMaxBylineWords || !StartsWithIgnoreCase(paragraph, "by ")) return false;
  std::vector<std::string_view> tokens;
  for (std::string_view token : Split(paragraph.substr(3), ' ')) {
    if (!token.empty()) tokens.push_back(token);
    if (tokens.size() == 2) break;
  }
  if (tokens.size() < 2) return false;
  for (std::string_view token : tokens) {
    bool letter_last =
        IsAsciiLetter(token.back()) || static_cast<unsigned char>(token.back()) >= 0x80;
    if (!IsAsciiUpper(token.front()) || !letter_last) return false;
  }
  return !EqualsIgnoreCase(tokens[0], "the") && !EqualsIgnoreCase(tokens[0], "a");
}

// Reporting credits closing a wire story: "(Reporting by ...; editing by ...)",
// "Keith Bradsher contributed reporting from Hong Kong."
bool IsReportingCredit(std::string_view lower, int words) {
  constexpr int kMaxCreditWords = 40;
  if (words > kMaxCreditWords) return false;
  std::string_view text = lower;
  while (!text.empty() && (text.front() == '(' || text.front() == '[')) text.remove_prefix(1);
  static constexpr std::string_view kStarts[] = {"reporting by", "additional reporting by",
                                                 "editing by", "writing by", "compiled by"};
  if (StartsWithAny(text, kStarts)) return true;
  return words <= 20 && (lower.find("contributed reporting") != std::string_view::npos ||
                         lower.find("contributed to this report") != std::string_view::npos);
}

// A photo caption or credit standing as a paragraph: a credit line ("Foto:
// Kay Nietfeld", "Judy Eddy/WENN.com") or a caption that ends in one
// ("... im Überblick. (Foto: Getty)", "... gesegnet. | © Augusta
// National/Getty Images", "... (Lucanus cervus). Foto © Jörg Gemsch"). A bare
// "© Reuters" is left to the caller: under an article it is the article's own.
bool IsPhotoCredit(std::string_view lower, int words) {
  constexpr int kMaxCaptionWords = 45;
  constexpr int kMaxCreditWords = 8;
  if (words > kMaxCaptionWords) return false;
  std::string_view text = TrimView(lower);
  static constexpr std::string_view kLabels[] = {
      "foto:",         "fotos:", "photo:",  "photos:",  "bild:",      "bilder:",
      "photo credit:", "image:", "credit:", "crédito:", "fotografía:"};
  // "Foto: Kay Nietfeld" on its own.
  if (words <= kMaxCreditWords && StartsWithAny(text, kLabels)) return true;
  // "(Foto: Getty)" closing a caption.
  if (text.ends_with(')')) {
    size_t open = text.rfind('(');
    if (open != std::string_view::npos && open > 0) {
      std::string_view inside = text.substr(open + 1);
      if (StartsWithAny(inside, kLabels) && CountWords(inside) <= kMaxCreditWords) return true;
    }
  }
  // "... sentence. © Holder", "... | © Holder", "... Foto © Holder", "... Foto: Holder".
  static constexpr std::string_view kMarks[] = {"\xC2\xA9", "foto:", "photo:", "bild:"};
  for (std::string_view mark : kMarks) {
    size_t at = text.rfind(mark);
    if (at == std::string_view::npos || at == 0) continue;
    std::string_view after = text.substr(at + mark.size());
    int credit_words = CountWords(after);
    if (credit_words == 0 || credit_words > kMaxCreditWords || EndsSentence(after)) continue;
    std::string_view before = TrimView(text.substr(0, at));
    for (std::string_view label : {"foto", "photo", "bild"}) {
      if (before.ends_with(label)) {
        before = TrimView(before.substr(0, before.size() - label.size()));
      }
    }
    if (before.empty()) continue;
    char last = before.back();
    if (last == '.' || last == '!' || last == '?' || last == '|' || last == ')') return true;
  }
  // "Judy Eddy/WENN.com": a photographer and an agency.
  static constexpr std::string_view kAgencies[] = {
      "/getty images",     "/wenn.com",     "/dpa",    "/afp",     "/imago",
      "/picture alliance", "/shutterstock", "/istock", "/ap photo"};
  if (words <= 6) {
    for (std::string_view agency : kAgencies) {
      if (text.ends_with(agency)) return true;
    }
  }
  return false;
}

bool IsPageMechanicsLine(std::string_view line) {
  constexpr int kMaxMechanicsWords = 12;
  if (IsScriptErrorLine(line) || IsMachineDataLine(line)) return true;
  if (CountWords(line) > kMaxMechanicsWords) return false;
  NormalizedLine normalized(line);
  static constexpr std::string_view kStarts[] = {
      "skip to content", "skip to main", "skip to the main", "skip to the content",
      "skip to navigation", "skip to footer", "skip to search", "skip to primary", "skip to menu",
      "skip to sidebar", "skip to product", "skip navigation", "jump to content", "jump to main",
      "jump to navigation",
      // German, French, Spanish.
      "zum hauptinhalt", "zum inhalt springen", "zur suche springen", "zur navigation springen",
      "direkt zum inhalt", "direkt zur navigation", "aller au contenu", "passer au contenu",
      "aller au menu", "ir al contenido", "saltar al contenido"};
  static constexpr std::string_view kNotices[] = {
      "enable javascript",   "javascript is disabled", "javascript is required",
      "requires javascript", "javascript aktivieren",  "javascript ist deaktiviert",
      "activer javascript",  "activar javascript",     "habilitar javascript"};
  if (StartsWithAny(normalized.core(), kStarts)) return true;
  for (std::string_view notice : kNotices) {
    if (normalized.lower.find(notice) != std::string::npos) return true;
  }
  return false;
}

bool IsBoilerplateParagraph(std::string_view paragraph) {
  // Inside an article's markup, a bare credit ("© Reuters" under a photo) and
  // attributions ("Originally published on Live Science.") belong to the
  // article; the rest is judged as in IsBoilerplateLine, plus bylines and
  // reporting credits that stand as paragraphs.
  static constexpr std::string_view kAttributions[] = {"this article was originally published",
                                                       "this story was originally published",
                                                       "this article first appeared",
                                                       "this article originally appeared",
                                                       "originally published at",
                                                       "originally published on"};
  if (CountWords(paragraph) > kMaxBoilerplateWords) return false;
  NormalizedLine normalized(paragraph);
  if (normalized.words <= 3 && IsCopyrightLine(normalized) &&
      normalized.lower.find("copyright") == std::string::npos &&
      normalized.lower.find_first_of("0123456789") == std::string::npos) {
    return false;
  }
  if (StartsWithAny(normalized.core(), kAttributions)) return false;
  if (IsBylineParagraph(TrimView(paragraph), normalized.words)) return true;
  if (IsReportingCredit(normalized.lower, normalized.words)) return true;
  if (IsPhotoCredit(normalized.lower, normalized.words) ||
      IsFigureCaption(normalized.lower, normalized.words)) {
    return true;
  }
  return IsBoilerplateLine(paragraph);
}

AppealCue ClassifyAppealLine(std::string_view line) {
  if (CountWords(line) > kMaxBoilerplateWords) return AppealCue::kNone;
  NormalizedLine normalized(line);
  std::string_view core = normalized.core();
  if (StartsWithAny(core, kAppealOpeningStarts) ||
      AppealOpeningPhrases().FoundIn(normalized.lower)) {
    return AppealCue::kOpener;
  }
  if (IsOneOf(core, kAppealWeakLines) || AppealWeakPhrases().FoundIn(normalized.lower)) {
    return AppealCue::kWeak;
  }
  return AppealCue::kNone;
}

std::vector<bool> FindAppealBlocks(std::span<const std::string_view> lines) {
  std::vector<AppealCue> cues;
  cues.reserve(lines.size());
  for (std::string_view line : lines) cues.push_back(ClassifyAppealLine(line));

  std::vector<bool> in_block(lines.size(), false);
  for (size_t start = 0; start < lines.size(); ++start) {
    if (cues[start] != AppealCue::kOpener) continue;
    size_t last_cue = start;
    int cue_count = 1;
    int gap = 0;
    for (size_t next = start + 1; next < lines.size() && gap <= kMaxAppealGap; ++next) {
      if (cues[next] == AppealCue::kNone) {
        ++gap;
      } else {
        last_cue = next;
        ++cue_count;
        gap = 0;
      }
    }
    if (cue_count < 2) continue;
    std::fill(in_block.begin() + static_cast<std::ptrdiff_t>(start),
              in_block.begin() + static_cast<std::ptrdiff_t>(last_cue) + 1, true);
    start = last_cue;
  }
  return in_block;
}

bool IsNavigationMarker(std::string_view line) {
  if (CountWords(line) > kMaxNavigationMarkerWords) return false;
  return IsNavigationMarker(NormalizedLine(line));
}

size_t FindNavigationTail(std::span<const std::string_view> lines) {
  // body_before[i]: words of body-like lines before line i.
  std::vector<size_t> body_before(lines.size() + 1, 0);
  for (size_t i = 0; i < lines.size(); ++i) {
    int words = CountWords(lines[i]);
    body_before[i + 1] = body_before[i] + (words >= kMinBodyWords ? size_t(words) : 0);
  }
  size_t total = body_before[lines.size()];
  for (size_t i = 0; i < lines.size(); ++i) {
    size_t before = body_before[i];
    size_t after = total - body_before[i + 1];
    if (before > 0 && after < before && IsNavigationMarker(lines[i])) return i;
  }
  return lines.size();
}

namespace {

// "Meg James is a reporter ...", "Emiliano joined pv magazine ...": `name`
// followed by a verb that opens a biography.
bool OpensBiography(std::string_view paragraph, std::string_view name) {
  static constexpr std::string_view kBioVerbs[] = {
      "is", "was", "joined", "has", "covers", "writes", "reports", "lives", "previously"};
  if (name.size() < 3 || !StartsWithIgnoreCase(paragraph, name)) return false;
  std::string_view rest = paragraph.substr(name.size());
  if (rest.empty() || rest.front() != ' ') return false;
  rest.remove_prefix(1);
  for (std::string_view verb : kBioVerbs) {
    if (StartsWithIgnoreCase(rest, verb) &&
        (rest.size() == verb.size() || rest[verb.size()] == ' ')) {
      return true;
    }
  }
  return false;
}

}  // namespace

size_t CountAuthorTail(std::span<const std::string_view> paragraphs,
                       std::span<const std::string> authors) {
  constexpr size_t kLastParagraphs = 3;
  constexpr int kMaxBioWords = 80;
  size_t tail = 0;
  size_t looked = 0;
  for (size_t i = paragraphs.size(); i-- > 0 && looked < kLastParagraphs; ++looked) {
    std::string_view text = TrimView(paragraphs[i]);
    bool about_author = false;
    for (const std::string& author : authors) {
      std::string_view name = TrimView(author);
      if (name.empty()) continue;
      std::string_view first_name = name.substr(0, name.find(' '));
      about_author = about_author || EqualsIgnoreCase(text, name) ||
                     (CountWords(text) <= kMaxBioWords &&
                      (OpensBiography(text, name) || OpensBiography(text, first_name)));
    }
    if (!about_author) continue;
    tail = paragraphs.size() - i;  // from this paragraph to the end
  }
  return tail;
}

}  // namespace newsloom::extract
