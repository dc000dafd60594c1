#include "extract/content.h"

#include <algorithm>
#include <cstring>
#include <unordered_map>

#include "common/strings.h"
#include "extract/boilerplate.h"

namespace newsloom::extract {

namespace {

// Tags whose subtree never holds article text.
bool IsSkippedTag(std::string_view tag) {
  static const std::string_view kSkipped[] = {
      "script", "style", "template", "svg",   "math",  "iframe", "object", "embed",
      "canvas", "video", "audio",    "input", "title", "base",   "meta",   "link"};
  return std::find(std::begin(kSkipped), std::end(kSkipped), tag) != std::end(kSkipped);
}

// Tags that are page chrome by role.
bool IsChromeTag(std::string_view tag) {
  static const std::string_view kChrome[] = {"nav",        "aside",  "footer", "header",
                                             "figcaption", "label",  "dialog", "menu",
                                             "button",     "select", "option", "textarea"};
  return std::find(std::begin(kChrome), std::end(kChrome), tag) != std::end(kChrome);
}

bool IsBlockTag(std::string_view tag) {
  static const std::string_view kBlocks[] = {
      "address", "article",  "blockquote", "body",  "center", "dd", "details", "div",     "dl",
      "dt",      "fieldset", "figure",     "form",  "h1",     "h2", "h3",      "h4",      "h5",
      "h6",      "hgroup",   "hr",         "li",    "main",   "ol", "p",       "pre",     "section",
      "summary", "table",    "tbody",      "thead", "tfoot",  "tr", "ul",      "caption", "html"};
  return std::find(std::begin(kBlocks), std::end(kBlocks), tag) != std::end(kBlocks);
}

bool IsHeadingTag(std::string_view tag) {
  return tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6';
}

Paragraph::Kind KindOf(std::string_view tag, bool in_quote) {
  if (IsHeadingTag(tag)) return Paragraph::Kind::kHeading;
  if (tag == "li" || tag == "dd" || tag == "dt") return Paragraph::Kind::kListItem;
  if (tag == "pre") return Paragraph::Kind::kPreformatted;
  if (tag == "tr") return Paragraph::Kind::kTableRow;
  if (in_quote || tag == "blockquote") return Paragraph::Kind::kQuote;
  return Paragraph::Kind::kText;
}

// Whether a block element sits inside a heading (a few levels up at most).
bool InsideHeading(const xmlNode* node) {
  if (node == nullptr) return false;
  int levels = 0;
  for (const xmlNode* parent = node->parent; parent != nullptr && levels < 4;
       parent = parent->parent, ++levels) {
    if (IsHeadingTag(TagName(parent))) return true;
  }
  return false;
}

// Words in class and id values that name page chrome. Matched as substrings
// of the lower-cased "class id" string, so "social-share-bar" hits "share".
// Not "paywall": pages served whole wrap the rest of the article in one; the
// prompts ("Subscribe to continue reading") are boilerplate lines anyway.
constexpr std::string_view kChromeNames[] = {
    "comment",      "share",        "sharing",     "social",        "related",   "recommend",
    "newsletter",   "subscri",      "cookie",      "consent",       "gdpr",      "advert",
    "sponsor",      "promo",        "sidebar",     "footer",        "rightrail", "right-rail",
    "right_rail",   "leftrail",     "left-rail",   "siderail",      "side-rail", "masthead",
    "navbar",       "breadcrumb",   "pagination",  "pager",         "popup",     "modal",
    "banner",       "tagcloud",     "byline",      "caption",       "outbrain",  "taboola",
    "trending",     "most-popular", "mostpopular", "more-stories",  "readmore",  "read-more",
    "signup",       "sign-up",      "login",       "disqus",        "toolbar",   "author-bio",
    "authorbio",    "skip-link",    "print-only",  "screen-reader", "sr-only",   "visually-hidden",
    "copyright",    "disclaimer",   "donat",       "dateline",      "post-meta", "entry-meta",
    "article-meta", "meta-info",    "tags",        "keywords",      "rating"};

// Whole tokens (split at non-alphanumerics) that name chrome; too short to match as substrings.
constexpr std::string_view kChromeTokens[] = {"ad",   "ads",  "nav",    "menu",    "share",
                                              "tag",  "meta", "credit", "credits", "byline",
                                              "date", "time", "author", "print",   "hide"};

// Names that mark content; they protect an element from weak chrome names.
constexpr std::string_view kContentNames[] = {"article", "content", "entry", "main", "post",
                                              "story",   "body",    "text",  "blog"};

// Names so specific that they remove an element even when it also looks like content
// ("related-articles", "article-comments"). A shop's customer reviews
// ("product-reviews") are its readers' comments (WCXB product pages: body F1
// 0.584 -> 0.604; service pages quoting testimonials lose 0.003).
constexpr std::string_view kStrongChromeNames[] = {
    "comment",  "related",    "recommend",    "newsletter",   "news-letter",
    "share",    "social",     "cookie",       "outbrain",     "taboola",
    "disqus",   "breadcrumb", "more-stories", "most-popular", "byline",
    "caption",  "sidebar",    "advert",       "promo",        "subscri",
    "dateline", "post-meta",  "entry-meta",   "article-meta", "reviews"};

bool HasToken(std::string_view names, std::string_view token) {
  size_t start = 0;
  while (start < names.size()) {
    size_t end = start;
    while (end < names.size() && IsAsciiAlnum(names[end])) ++end;
    if (names.substr(start, end - start) == token) return true;
    start = end + 1;
  }
  return false;
}

bool ContainsAny(std::string_view names, const std::string_view* begin,
                 const std::string_view* end) {
  for (const std::string_view* word = begin; word != end; ++word) {
    if (names.find(*word) != std::string_view::npos) return true;
  }
  return false;
}

enum class NameSignal { kNone, kContent, kWeakChrome, kStrongChrome };

// A class token naming a part of the article ("article-author__name",
// "post-date", "entry-tags"): a content word followed, later in the token,
// by the name of a byline or metadata part. BEM-style names read block
// first, element second, so the element is the chrome inside the article.
bool NamesArticlePart(std::string_view token) {
  static constexpr std::string_view kParts[] = {"author", "authors",  "byline", "date",
                                                "time",   "dateline", "tags",   "tag",
                                                "meta",   "credit",   "credits"};
  bool content_seen = false;
  size_t start = 0;
  while (start < token.size()) {
    size_t end = start;
    while (end < token.size() && IsAsciiAlnum(token[end])) ++end;
    std::string_view component = token.substr(start, end - start);
    if (content_seen) {
      for (std::string_view part : kParts) {
        if (component == part) return true;
      }
    }
    content_seen =
        content_seen || ContainsAny(component, std::begin(kContentNames), std::end(kContentNames));
    start = end + 1;
  }
  return false;
}

// "widget_1755012816893": a module a page builder (HubSpot) numbered, which
// may hold any part of the page; WordPress names its sidebar widgets by type
// ("widget_recent_entries"), and those stay chrome.
bool IsNumberedModuleId(std::string_view token) {
  for (std::string_view prefix : {"widget_", "widget-"}) {
    if (!token.starts_with(prefix) || token.size() == prefix.size()) continue;
    std::string_view number = token.substr(prefix.size());
    return std::all_of(number.begin(), number.end(), [](char c) { return IsAsciiDigit(c); });
  }
  return false;
}

// A responsive utility class ("mobile-hide", "hide-tablet", "large-up-hide")
// hides an element on one screen size only: others show it. So does
// "hide-child" (Tachyons), which hides an element's children until hover.
bool HidesOnOneViewport(std::string_view token) {
  static constexpr std::string_view kViewports[] = {"mobile", "tablet", "desktop", "phone", "small",
                                                    "medium", "large",  "xs",      "sm",    "md",
                                                    "lg",     "xl",     "child"};
  if (!HasToken(token, "hide")) return false;
  for (std::string_view viewport : kViewports) {
    if (HasToken(token, viewport)) return true;
  }
  return false;
}

// Judges each class or id token on its own: "l-sidebar-fixed l-article-body" is
// a layout wrapper holding the article, "related-articles" is chrome.
NameSignal ClassifyNames(const xmlNode* node) {
  bool named = false;
  for (const xmlAttr* attr = node->properties; attr != nullptr && !named; attr = attr->next) {
    std::string_view name = reinterpret_cast<const char*>(attr->name);
    named = name == "class" || name == "id";
  }
  if (!named) return NameSignal::kNone;
  std::string names = AsciiLower(Attribute(node, "class") + " " + Attribute(node, "id"));
  bool strong = false, weak = false, content = false;
  for (std::string_view token : Split(names, ' ')) {
    // A page builder's text-editor widget ("widget_sow-editor") holds what
    // the author wrote on the page, whatever else the element is called.
    if ((token.starts_with("widget_") || token.starts_with("widget-")) &&
        token.find("editor") != std::string_view::npos) {
      return NameSignal::kNone;
    }
    // Drupal flags a node shown on the front page "is-promoted" / "node--promoted".
    if (token.empty() || token.ends_with("promoted")) continue;
    // "content-has-sidebar", "page-with-sidebar": a layout that holds a
    // sidebar beside its content, not the sidebar.
    if (token.find("has-sidebar") != std::string_view::npos ||
        token.find("with-sidebar") != std::string_view::npos) {
      continue;
    }
    if (IsNumberedModuleId(token)) continue;
    // A utility class with an arbitrary value ("lg:pt-[var(--banner-height)]",
    // Tailwind) holds a piece of CSS, not a name.
    if (token.find('[') != std::string_view::npos) continue;
    if (HidesOnOneViewport(token)) continue;
    // A hero banner ("hero-banner", "heroBanner") is a landing page's opening
    // section, its headline and pitch, not an ad or a notice.
    if (token.find("hero") != std::string_view::npos &&
        token.find("banner") != std::string_view::npos) {
      continue;
    }
    bool token_content = ContainsAny(token, std::begin(kContentNames), std::end(kContentNames));
    // The part names the element; a layout token beside it ("relative-main") does not.
    if (token_content && NamesArticlePart(token)) return NameSignal::kStrongChrome;
    bool token_strong =
        ContainsAny(token, std::begin(kStrongChromeNames), std::end(kStrongChromeNames));
    bool token_chrome =
        token_strong || ContainsAny(token, std::begin(kChromeNames), std::end(kChromeNames));
    for (std::string_view word : kChromeTokens)
      token_chrome = token_chrome || HasToken(token, word);
    // WordPress sidebar boxes are "widget widget_recent_entries"; page builders
    // name their content blocks "elementor-widget-text-editor", and HubSpot
    // its layout columns and modules "widget-span", "widget-type-rich_text".
    bool layout_widget = token == "widget-span" || token.starts_with("widget-type-");
    token_chrome = token_chrome || token == "widget" || token.starts_with("widget_") ||
                   (token.starts_with("widget-") && !layout_widget) || token == "widgets";
    strong = strong || token_strong;
    weak = weak || (token_chrome && !token_content);
    content = content || (token_content && !token_chrome);
  }
  if (content) return NameSignal::kContent;
  if (strong) return NameSignal::kStrongChrome;
  return weak ? NameSignal::kWeakChrome : NameSignal::kNone;
}

// Names that single out the article body, not merely "some content"
// ("RightRailContainer-content" is a box in a sidebar).
bool NamesTheArticle(const xmlNode* node) {
  static const std::string_view kArticleNames[] = {
      "article",      "story",       "entry-content", "post-content", "post-body", "postbody",
      "main-content", "maincontent", "content-body",  "entry-body",   "body-text", "text-body",
      "post",         "topic",       "thread",        "message"};
  std::string names = AsciiLower(Attribute(node, "class") + " " + Attribute(node, "id"));
  return ContainsAny(names, std::begin(kArticleNames), std::end(kArticleNames));
}

// Whether an element holds what is plainly the article: an <article> or an
// element marked as the article body by name, microdata or RDFa.
bool ContainsContentMarker(const xmlNode* node, int depth) {
  if (depth > kMaxTreeDepth) return false;
  for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (!IsElement(child)) continue;
    std::string_view tag = TagName(child);
    if (tag == "script" || tag == "style" || tag == "svg") continue;
    NameSignal signal = ClassifyNames(child);
    if (signal == NameSignal::kContent && tag != "a" && tag != "span" && NamesTheArticle(child)) {
      return true;
    }
    if (tag == "article" && signal == NameSignal::kNone) return true;
    if (EqualsIgnoreCase(Attribute(child, "itemprop"), "articleBody")) return true;
    // RDFa marks the body too (Drupal: property="content:encoded").
    std::string property = AsciiLower(Attribute(child, "property"));
    if (property == "content:encoded" || property == "schema:articlebody") return true;
    if (ContainsContentMarker(child, depth + 1)) return true;
  }
  return false;
}

// React's streaming server rendering sends each part that was not ready at
// first in a <div hidden id="S:1"> at the end of the page, and a script
// moves it into place: the reader sees it.
bool IsStreamedPart(const xmlNode* node) {
  if (TagName(node) != "div") return false;
  std::string_view id = AttributeView(node, "id");
  if (id.size() < 3 || !id.starts_with("S:")) return false;
  for (char c : id.substr(2)) {
    if (!IsAsciiDigit(c) && !IsAsciiLower(c)) return false;
  }
  return true;
}

// A collapsed panel of an accordion or a tab set: a region or tab panel named
// by the heading or tab that opens it (aria-labelledby), or a bare element so
// named ("<dd aria-labelledby=... hidden>"). Its text is the page's, shown
// on a click; dialogs and menus say their role.
bool IsCollapsedSection(const xmlNode* node) {
  if (AttributeView(node, "aria-labelledby").empty()) return false;
  std::string_view role = AttributeView(node, "role");
  return role.empty() || EqualsIgnoreCase(role, "region") || EqualsIgnoreCase(role, "tabpanel");
}

bool IsHidden(const xmlNode* node) {
  for (const xmlAttr* attr = node->properties; attr != nullptr; attr = attr->next) {
    std::string_view name = reinterpret_cast<const char*>(attr->name);
    if (name == "hidden") return !IsStreamedPart(node) && !IsCollapsedSection(node);
    if (name != "style" && name != "aria-hidden" && name != "role") continue;
    std::string value = AsciiLower(Attribute(node, reinterpret_cast<const char*>(attr->name)));
    if (name == "aria-hidden" && value == "true") return true;
    if (name == "role" && (value == "navigation" || value == "banner" || value == "contentinfo" ||
                           value == "complementary" || value == "menu" || value == "menubar" ||
                           value == "search" || value == "dialog" || value == "alert")) {
      return true;
    }
    if (name == "style") {
      value.erase(std::remove(value.begin(), value.end(), ' '), value.end());
      if ((value.find("display:none") != std::string::npos ||
           value.find("visibility:hidden") != std::string::npos) &&
          !IsCollapsedSection(node)) {
        return true;
      }
    }
  }
  return false;
}

// Bytes of text below node (script and style excluded), for the safety check
// that keeps a chrome-named wrapper holding most of the page.
int TextLength(const xmlNode* node, int depth) {
  if (depth > kMaxTreeDepth) return 0;
  int length = 0;
  for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (child->type == XML_TEXT_NODE && child->content) {
      length += int(std::strlen(reinterpret_cast<const char*>(child->content)));
    } else if (IsElement(child)) {
      std::string_view tag = TagName(child);
      if (tag != "script" && tag != "style" && tag != "noscript") {
        length += TextLength(child, depth + 1);
      }
    }
  }
  return length;
}

// Long <p> elements below node (kLongParagraphWords or more; counted up to 2).
int LongParagraphs(const xmlNode* node, int depth) {
  if (depth > kMaxTreeDepth) return 0;
  int found = 0;
  for (const xmlNode* child = node->children; child != nullptr && found < 2; child = child->next) {
    if (!IsElement(child)) continue;
    if (TagName(child) == "p") {
      if (CountWords(TextOf(child)) >= kLongParagraphWords) ++found;
    } else {
      found += LongParagraphs(child, depth + 1);
    }
  }
  return found;
}

// Markup that reached the page as text ("<img height=1 ...>" inside <noscript>).
bool LooksLikeMarkup(std::string_view text) {
  return text.size() > 2 && text.front() == '<' && text.back() == '>' &&
         text.find('=') != std::string_view::npos;
}

struct Block {
  std::string text;
  int link_chars = 0;
  const xmlNode* owner = nullptr;
  Paragraph::Kind kind = Paragraph::Kind::kText;
  bool data_row = false;  // a row of a table that heads its columns
};

// Whether a table row belongs to a data table: one whose columns are headed
// (a <thead>, or <th> cells in its first row). Layout tables and key-value
// boxes rarely head their columns.
bool IsDataTableRow(const xmlNode* row) {
  const xmlNode* table = row->parent;
  for (int levels = 0; table != nullptr && levels < 2 && TagName(table) != "table"; ++levels) {
    table = table->parent;
  }
  if (table == nullptr || TagName(table) != "table") return false;
  for (const xmlNode* child = table->children; child != nullptr; child = child->next) {
    if (child->type != XML_ELEMENT_NODE) continue;
    std::string_view tag = TagName(child);
    if (tag == "thead") return true;
    if (tag == "caption" || tag == "colgroup") continue;
    const xmlNode* first_row = child;
    if (tag == "tbody") {
      first_row = child->children;
      while (first_row != nullptr && first_row->type != XML_ELEMENT_NODE) {
        first_row = first_row->next;
      }
    }
    if (first_row == nullptr || TagName(first_row) != "tr") return false;
    for (const xmlNode* cell = first_row->children; cell != nullptr; cell = cell->next) {
      if (cell->type == XML_ELEMENT_NODE && TagName(cell) == "th") return true;
    }
    return false;
  }
  return false;
}

// Whether the nearest <article> around node is one of a list of sibling
// <article> elements (the teasers of a listing page).
bool InListedArticle(const xmlNode* node) {
  const xmlNode* article = node->parent;
  while (article != nullptr && article->type == XML_ELEMENT_NODE && TagName(article) != "article") {
    article = article->parent;
  }
  if (article == nullptr || article->type != XML_ELEMENT_NODE || article->parent == nullptr) {
    return false;
  }
  int articles = 0;
  for (const xmlNode* sibling = article->parent->children; sibling != nullptr;
       sibling = sibling->next) {
    if (IsElement(sibling) && TagName(sibling) == "article" && ++articles >= 2) return true;
  }
  return false;
}

// Cuts the page into text blocks at block-level elements, dropping chrome.
class BlockBuilder {
 public:
  // `read_noscript`: take <noscript> content as text (forums serve their posts
  // to crawlers there).
  BlockBuilder(int page_text_length, bool read_noscript)
      : page_text_length_(page_text_length), read_noscript_(read_noscript) {}

  void Walk(const xmlNode* node, const xmlNode* owner, int depth, bool in_link, bool in_quote) {
    if (depth > kMaxTreeDepth) return;
    for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
        if (child->content == nullptr) continue;
        const char* text = reinterpret_cast<const char*>(child->content);
        size_t length = std::strlen(text);
        if (pending_.empty()) pending_owner_ = owner;
        // Text nodes meet at element edges; a lower-case letter met by a
        // capital there is two elements laid out apart ("approach" in one
        // flex item, "The" in the next), not one word.
        if (!pending_.empty() && IsAsciiLower(pending_.back()) && IsAsciiUpper(text[0])) {
          pending_.push_back(' ');
        }
        pending_.append(text, length);
        if (in_link) pending_link_bytes_ += int(length);
        continue;
      }
      if (!IsElement(child)) continue;
      std::string_view tag = TagName(child);
      if (tag == "noscript" && !read_noscript_) continue;
      if (IsSkippedTag(tag) || IsHiddenChrome(child) || IsChrome(child)) continue;
      if (tag == "br" || tag == "td" || tag == "th" || tag == "img") {
        if (!pending_.empty()) pending_.push_back(' ');  // a separator, never a block's start
        if (tag != "td" && tag != "th") continue;
      }
      bool child_in_quote = in_quote || tag == "blockquote" || tag == "q";
      if (IsBlockTag(tag)) {
        Flush(in_quote);
        int outer_article_length = article_text_length_;
        if (tag == "article") article_text_length_ = TextLength(child, 0);
        Walk(child, child, depth + 1, in_link || tag == "a", child_in_quote);
        article_text_length_ = outer_article_length;
        Flush(child_in_quote);
      } else {
        Walk(child, owner, depth + 1, in_link || tag == "a", child_in_quote);
      }
    }
  }

  void Finish() { Flush(false); }
  std::vector<Block>& blocks() { return blocks_; }

 private:
  // Hidden elements are menus, modals and templates; but a page that hides its
  // whole content until a script reveals it ("display:none" on the main
  // wrapper) still has its article there.
  bool IsHiddenChrome(const xmlNode* node) const {
    return IsHidden(node) &&
           (TextLength(node, 0) * 2 < page_text_length_ || !ContainsContentMarker(node, 0));
  }

  bool IsChrome(const xmlNode* node) const {
    // A <header> or <nav> that holds most of the page is libxml2 nesting an
    // HTML5 page inside an element it did not close: keep it.
    if (IsChromeTag(TagName(node))) {
      // Nor is a <header> that holds running text: some page builders put a
      // whole section, paragraphs and all, inside one.
      if (TagName(node) == "header" && LongParagraphs(node, 0) >= 2) return false;
      // Nor is the <header> of one <article> in a list of them: a teaser's
      // headline and lede on a listing page.
      if (TagName(node) == "header" && InListedArticle(node)) return false;
      return TextLength(node, 0) * 2 < page_text_length_;
    }
    NameSignal signal = ClassifyNames(node);
    if (signal != NameSignal::kStrongChrome && signal != NameSignal::kWeakChrome) return false;
    // An <article> holding the page's headline is the story, whatever its
    // content type is called ("node--type-newsletter-article").
    if (TagName(node) == "article" && FindFirst(const_cast<xmlNode*>(node), "h1") != nullptr) {
      return false;
    }
    // A layout wrapper whose name only mentions chrome ("menu-side-transition",
    // a landing page's "banner" section) that holds running text holds the
    // article or a part of it: menus and notices hold no two long paragraphs.
    if (signal == NameSignal::kWeakChrome && LongParagraphs(node, 0) >= 2) {
      return false;
    }
    // A wrapper named "has-sidebar" may hold the whole article: keep any
    // element that holds a marked article body, most of the page's text, or
    // most of the text of the <article> it is in ("sidebar-layout" columns).
    int length = TextLength(node, 0);
    if (article_text_length_ > 0 && length * 2 > article_text_length_) return false;
    return !ContainsContentMarker(node, 0) && length * 2 < page_text_length_;
  }

  void Flush(bool in_quote) {
    if (pending_.empty()) return;
    std::string text = CollapseWhitespace(pending_);
    if (!text.empty() && !LooksLikeMarkup(text)) {
      Block block;
      block.link_chars = std::min<int>(pending_link_bytes_, int(text.size()));
      block.text = std::move(text);
      block.owner = pending_owner_;
      block.kind = KindOf(TagName(pending_owner_), in_quote);
      if (block.kind == Paragraph::Kind::kText && InsideHeading(pending_owner_)) {
        block.kind = Paragraph::Kind::kHeading;  // <h3><p>...</p></h3> from broken markup
      }
      block.data_row = block.kind == Paragraph::Kind::kTableRow && IsDataTableRow(pending_owner_);
      blocks_.push_back(std::move(block));
    }
    pending_.clear();
    pending_link_bytes_ = 0;
  }

  int page_text_length_;
  int article_text_length_ = 0;  // of the innermost <article> being walked, 0 outside
  bool read_noscript_;
  std::string pending_;
  int pending_link_bytes_ = 0;
  const xmlNode* pending_owner_ = nullptr;
  std::vector<Block> blocks_;
};

double LinkDensity(const Block& block) {
  return block.text.empty() ? 0.0 : double(block.link_chars) / double(block.text.size());
}

// How much a block argues for the subtree that holds it: running text for,
// short fragments and link lists against. Measured on the scrapinghub and
// wcxb dev sets: a heavier link penalty or a per-block cost trims teaser
// lists but cuts articles that embed link lists, for a lower F1 overall.
constexpr double kLinkPenalty = 1.0;
constexpr double kShortBlockPenalty = 15.0;
double Weight(const Block& block, ContentMode mode) {
  double length = double(block.text.size());
  // On a listing or shop page the linked item names are the content.
  if (mode == ContentMode::kListing) return length < 10 ? -kShortBlockPenalty / 3 : length;
  if (LinkDensity(block) > 0.5) return -kLinkPenalty * length;
  if (block.kind == Paragraph::Kind::kHeading) return 0.0;
  // A row of a data table ("Connecticut | 91.0") is short by nature, not a fragment of chrome.
  if (block.data_row && length < 30) return 0.0;
  // A short list item without a link is a list's content (an ingredient, a
  // service offered); menus are lists of links, which the link test weighs.
  if (block.kind == Paragraph::Kind::kListItem && block.link_chars == 0 && length < 30) {
    return -kShortBlockPenalty / 2;
  }
  if (length < 30) return -kShortBlockPenalty;
  return length - kLinkPenalty * double(block.link_chars);
}

bool SameText(std::string_view a, std::string_view b) {
  return !a.empty() && EqualsIgnoreCase(TrimView(a), TrimView(b));
}

MainContent SelectContent(const HtmlDocument& document, std::string_view title, ContentMode mode,
                          bool read_noscript) {
  MainContent content;
  // Walk from the root, not <body>: libxml2's HTML4 parser leaves the body of
  // some HTML5 pages inside <head> (after an element it does not expect there).
  const xmlNode* body = document.root();

  BlockBuilder builder(TextLength(body, 0), read_noscript);
  builder.Walk(body, body, 0, false, false);
  builder.Finish();
  std::vector<Block>& blocks = builder.blocks();
  if (blocks.empty()) return content;

  // Sum block weights up the tree; remember each element's range of blocks.
  struct NodeScore {
    double score = 0;
    size_t first = 0;
    size_t last = 0;
  };
  std::unordered_map<const xmlNode*, NodeScore> scores;
  scores.reserve(blocks.size() * 4);
  for (size_t i = 0; i < blocks.size(); ++i) {
    const Block& block = blocks[i];
    content.page_chars += int(block.text.size());
    content.page_link_chars += block.link_chars;
    double weight = Weight(block, mode);
    for (const xmlNode* node = block.owner; node != nullptr && node->type == XML_ELEMENT_NODE;
         node = node->parent) {
      auto [it, inserted] = scores.try_emplace(node);
      if (inserted) it->second.first = i;
      it->second.score += weight;
      it->second.last = i;
    }
  }
  const NodeScore* best = nullptr;
  for (const auto& [node, score] : scores) {
    if (best == nullptr || score.score > best->score ||
        (score.score == best->score && score.last - score.first < best->last - best->first)) {
      best = &score;
    }
  }
  if (best == nullptr || best->score <= 0) return content;

  // Cut at a marker of the page's tail ("Related stories", "12 Comments") when
  // less running text follows it than precedes it: a marker in the middle of
  // the article is a recirculation box, one near the end opens the page's tail.
  size_t end = best->last + 1;
  double text_before = 0, text_total = 0;
  for (size_t i = best->first; i < end; ++i) text_total += std::max(0.0, Weight(blocks[i], mode));
  for (size_t i = best->first; i < end; ++i) {
    if (text_before > 200 && IsNavigationMarker(blocks[i].text) &&
        text_total - text_before < text_before) {
      end = i;
      break;
    }
    text_before += std::max(0.0, Weight(blocks[i], mode));
  }
  for (size_t i = best->first; i < end; ++i) {
    Block& block = blocks[i];
    if (mode == ContentMode::kArticle && LinkDensity(block) > 0.5) continue;
    if (SameText(block.text, title)) continue;
    // Lines that are boilerplate wherever they stand: "Advertisement",
    // "Share this article", a lone date, "© 2024 ...". A listing's items
    // are links, prices, dates and counts; its unlinked lines of words alone
    // ("Der Artikel wurde erfolgreich hinzugefügt.") are judged like an article's.
    bool judged =
        mode == ContentMode::kArticle ||
        (LinkDensity(block) <= 0.5 && block.text.find_first_of("0123456789") == std::string::npos);
    if (judged && block.text.size() < 400 && IsBoilerplateParagraph(block.text)) {
      continue;
    }
    if (IsPageMechanicsLine(block.text)) continue;
    Paragraph paragraph;
    paragraph.kind = block.kind;
    paragraph.text = std::move(block.text);
    content.content_chars += int(paragraph.text.size());
    content.content_link_chars += block.link_chars;
    if (CountWords(paragraph.text) >= kLongParagraphWords) ++content.long_paragraphs;
    content.paragraphs.push_back(std::move(paragraph));
  }
  return content;
}

}  // namespace

MainContent ExtractMainContent(const HtmlDocument& document, std::string_view title,
                               ContentMode mode) {
  MainContent content = SelectContent(document, title, mode, false);
  // Almost nothing found: the page may serve its text only inside <noscript>.
  if (content.content_chars < 250 && FindFirst(document.root(), "noscript") != nullptr) {
    MainContent with_noscript = SelectContent(document, title, mode, true);
    if (with_noscript.content_chars > content.content_chars) return with_noscript;
  }
  return content;
}

}  // namespace newsloom::extract
