#include "extract/metadata_collect.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "extract/metadata_text.h"

namespace newsloom::extract::metadata_internal {

namespace {

// Texts longer than this are neither a byline nor a bare date (with the
// whitespace around them that pages leave in).
constexpr size_t kLongestShortText = 240;

// Caps on collected candidates: pages with thousands of dated comments
// must not cost more than pages with one byline.
constexpr size_t kMaxCandidates = 48;

void Push(std::vector<Found>* list, xmlNode* node, const Flags& flags) {
  if (list->size() < kMaxCandidates) list->push_back({node, flags});
}

// Links to an author's page: ".../author/jane-doe".
bool IsAuthorHref(std::string_view href) {
  size_t at = href.find("/aut");
  if (at == std::string_view::npos) return false;
  std::string_view rest = href.substr(at);
  for (std::string_view segment : {"/author/", "/authors/", "/autor/", "/auteur/"}) {
    if (rest.find(segment) != std::string_view::npos) return true;
  }
  return false;
}

// What class and id attributes say about an element, as bits.
enum : uint32_t {
  kSignalComments = 1u << 0,   // "comment", "respond"
  kSignalAuthor = 1u << 1,     // "byline", "author", "writer"
  kSignalNotAuthor = 1u << 2,  // an author's photo, bio or links, not the byline
  kSignalDate = 1u << 3,       // "date", "time", "publish", "posted", "dateline", "meta", "byline"
  kSignalPost = 1u << 4,       // "reply", "message": one post of a thread
  kSignalOtherStories = 1u << 5,  // "related", "recommended": other pages' cards
};

// One pass over the value, comparing only where a keyword's first letter
// is: this runs for every element of every page.
uint32_t ClassSignals(std::string_view value) {
  // Meaningful names come first; long tails are utility-class soup.
  value = value.substr(0, 160);
  uint32_t signals = 0;
  auto at = [&](size_t i, std::string_view word) {
    if (i + word.size() > value.size()) return false;
    for (size_t k = 1; k < word.size(); ++k) {
      if (LowerAscii(value[i + k]) != word[k]) return false;
    }
    return true;
  };
  for (size_t i = 0; i < value.size(); ++i) {
    switch (LowerAscii(value[i])) {
      case 'a':
        if (at(i, "author")) signals |= kSignalAuthor;
        if (at(i, "avatar")) signals |= kSignalNotAuthor;
        break;
      case 'b':
        if (at(i, "byline")) signals |= kSignalAuthor | kSignalDate;
        if (at(i, "bio")) signals |= kSignalNotAuthor;
        break;
      case 'c':
        if (at(i, "comment")) signals |= kSignalComments;
        break;
      case 'd':
        if (at(i, "date")) signals |= kSignalDate;
        if (at(i, "desc")) signals |= kSignalNotAuthor;
        break;
      case 'f':
        if (at(i, "follow")) signals |= kSignalNotAuthor;
        break;
      case 'i':
        if (at(i, "image") || at(i, "img")) signals |= kSignalNotAuthor;
        break;
      case 'm':
        if (at(i, "meta")) signals |= kSignalDate;
        if (at(i, "more")) signals |= kSignalNotAuthor;
        if (at(i, "message")) signals |= kSignalPost;
        break;
      case 'p':
        if (at(i, "publish") || at(i, "posted")) signals |= kSignalDate;
        if (at(i, "photo")) signals |= kSignalNotAuthor;
        break;
      case 'r':
        if (at(i, "respond")) signals |= kSignalComments;
        if (at(i, "related")) signals |= kSignalNotAuthor | kSignalOtherStories;
        if (at(i, "recommend")) signals |= kSignalOtherStories;
        if (at(i, "reply")) signals |= kSignalPost;
        break;
      case 's':
        if (at(i, "social")) signals |= kSignalNotAuthor;
        break;
      case 't':
        if (at(i, "time")) signals |= kSignalDate;
        break;
      case 'w':
        if (at(i, "writer")) signals |= kSignalAuthor;
        break;
      default:
        break;
    }
  }
  return signals;
}

// The elements the walk treats specially; kOther for the rest.
enum class Tag {
  kOther,
  kSkipped,
  kScript,
  kMeta,
  kLink,
  kTitle,
  kArticle,
  kMain,
  kNav,
  kFooter,
  kAside,
  kHeader,
  kH1,
  kTime,
  kAnchor,
  kInput,
  kFormField,  // <select>, <textarea>: counted, not walked
};

Tag ClassifyTag(std::string_view tag) {
  // Dispatch on length first: most elements are div, span, p, a, li.
  switch (tag.size()) {
    case 1:
      return tag[0] == 'a' ? Tag::kAnchor : Tag::kOther;
    case 2:
      return tag == "h1" ? Tag::kH1 : Tag::kOther;
    case 3:
      if (tag == "nav") return Tag::kNav;
      if (tag == "svg") return Tag::kSkipped;
      return Tag::kOther;
    case 4:
      if (tag == "meta") return Tag::kMeta;
      if (tag == "link") return Tag::kLink;
      if (tag == "main") return Tag::kMain;
      if (tag == "time") return Tag::kTime;
      return Tag::kOther;
    case 5:
      if (tag == "title") return Tag::kTitle;
      if (tag == "style") return Tag::kSkipped;
      if (tag == "aside") return Tag::kAside;
      if (tag == "input") return Tag::kInput;
      return Tag::kOther;
    case 6:
      if (tag == "script") return Tag::kScript;
      if (tag == "footer") return Tag::kFooter;
      if (tag == "header") return Tag::kHeader;
      if (tag == "select") return Tag::kFormField;
      if (tag == "iframe") return Tag::kSkipped;
      return Tag::kOther;
    case 7:
      return tag == "article" ? Tag::kArticle : Tag::kOther;
    case 8:
      // <noscript> is walked: forum software serves its whole crawler view there.
      if (tag == "textarea") return Tag::kFormField;
      return tag == "template" ? Tag::kSkipped : Tag::kOther;
    default:
      return Tag::kOther;
  }
}

}  // namespace

BylineText ClassifyBylineText(std::string_view text) {
  text = TrimView(text);
  if (text.size() < 2 || text.size() > 120) return BylineText::kNone;
  char first = LowerAscii(text[0]);
  if (first != 'b' && first != 'w' && first != 'a' && first != 'p' && first != 'v') {
    return BylineText::kNone;
  }
  static constexpr std::string_view kLabels[] = {
      "by",      "written by", "posted by", "article by",   "words by", "author",
      "authors", "autor",      "von",       "published by", "author(s)"};
  std::string_view bare = text;
  while (!bare.empty() && (bare.back() == ':' || bare.back() == ' ')) bare.remove_suffix(1);
  for (std::string_view label : kLabels) {
    if (EqualsIgnoreCase(bare, label)) return BylineText::kLabel;
  }
  static constexpr std::string_view kPrefixes[] = {"by ",       "written by ", "posted by ",
                                                   "words by ", "by: ",        "von "};
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

void Collector::NoteMicrodataTypes(std::string_view itemtype) {
  // "http://schema.org/Product https://schema.org/Thing" -> "Product", "Thing".
  constexpr size_t kMaxTypes = 16;
  for (std::string_view url : SpaceWords(itemtype)) {
    if (microdata_types.size() >= kMaxTypes) return;
    std::string_view name = url.substr(url.rfind('/') + 1);
    if (name.empty() || name.size() > 64) continue;
    if (std::find(microdata_types.begin(), microdata_types.end(), name) == microdata_types.end()) {
      microdata_types.emplace_back(name);
    }
  }
}

void Collector::Walk(xmlNode* node, Flags flags, int depth) {
  if (depth > kMaxTreeDepth) return;
  bool bylines_allowed = !flags.in_boilerplate && !flags.in_comments;
  for (xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (child->type == XML_ELEMENT_NODE) {
      Element(child, flags, depth + 1);
    } else if (bylines_allowed && child->type == XML_TEXT_NODE && child->content != nullptr) {
      // Only short texts matter here; strnlen spares measuring long paragraphs.
      const char* content = reinterpret_cast<const char*>(child->content);
      size_t length = strnlen(content, kLongestShortText + 1);
      if (length > kLongestShortText) continue;
      std::string_view text(content, length);
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

void Collector::Element(xmlNode* node, Flags flags, int depth) {
  Tag tag = ClassifyTag(TagName(node));
  switch (tag) {
    case Tag::kSkipped:
      return;
    case Tag::kFormField:
      if (!flags.in_boilerplate) ++form_fields;
      return;
    case Tag::kInput: {
      std::string_view type = AttributeView(node, "type");
      if (!flags.in_boilerplate && !EqualsIgnoreCase(type, "hidden") &&
          !EqualsIgnoreCase(type, "submit") && !EqualsIgnoreCase(type, "search")) {
        ++form_fields;
      }
      return;
    }
    case Tag::kScript:
      if (ContainsIgnoreCase(AttributeView(node, "type"), "ld+json")) json_ld.Add(OwnText(node));
      return;
    case Tag::kMeta: {
      std::string_view content = AttributeView(node, "content");
      if (content.empty()) content = AttributeView(node, "value");
      if (content.empty()) return;
      for (const char* attribute : {"property", "name", "itemprop", "http-equiv"}) {
        std::string_view key = TrimView(AttributeView(node, attribute));
        if (!key.empty()) metas.push_back({AsciiLower(key), content});
      }
      return;
    }
    case Tag::kLink:
      if (canonical.empty() && HasToken(AttributeView(node, "rel"), "canonical")) {
        canonical = AttributeView(node, "href");
      }
      return;
    case Tag::kTitle:
      if (title == nullptr) title = node;
      return;
    default:
      break;
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
    std::string_view* target = nullptr;
    if (name == "class")
      target = &class_name;
    else if (name == "id")
      target = &id;
    else if (name == "itemprop")
      target = &itemprop;
    else if (name == "role")
      target = &role;
    else if (name == "itemtype")
      target = &itemtype;
    if (target != nullptr) *target = reinterpret_cast<const char*>(attr->children->content);
  }

  if (tag == Tag::kArticle) ++article_elements;
  if (!itemtype.empty()) NoteMicrodataTypes(itemtype);
  if (tag == Tag::kArticle || tag == Tag::kMain || role == "main" || role == "article" ||
      itemtype.find("Article") != std::string_view::npos ||
      itemtype.find("Posting") != std::string_view::npos) {
    flags.in_content = true;
  }
  // An <article>'s own <footer> or <aside> holds its byline and date; the
  // page's footer and sidebars do not.
  if (tag == Tag::kNav || ((tag == Tag::kFooter || tag == Tag::kAside) && !flags.in_content) ||
      role == "navigation" || role == "contentinfo" ||
      (role == "complementary" && !flags.in_content)) {
    flags.in_boilerplate = true;
  }
  if (tag == Tag::kHeader) flags.in_header = true;
  if (role == "dialog" || role == "alertdialog") flags.in_dialog = true;
  // Inside navigation or comments nothing depends on class names any more.
  uint32_t signals = 0;
  if (!flags.in_boilerplate && !flags.in_comments) {
    signals = ClassSignals(class_name) | ClassSignals(id);
  }
  // Other pages' cards carry their own bylines and dates: like comments,
  // they are not this page's.
  if (signals & (kSignalComments | kSignalOtherStories)) flags.in_comments = true;
  if (signals & kSignalPost) ++post_blocks;

  if (!itemprop.empty()) {
    if (HasToken(itemprop, "headline")) Push(&itemprop_headlines, node, flags);
    if (HasToken(itemprop, "author") || HasToken(itemprop, "creator")) {
      Push(&itemprop_authors, node, flags);
    }
    if (HasToken(itemprop, "datePublished") || HasToken(itemprop, "dateCreated")) {
      Push(&itemprop_dates, node, flags);
    }
  }
  if (tag == Tag::kH1) {
    // A dialog's heading names the notice, not the page.
    if (!flags.in_dialog) Push(&h1s, node, flags);
    if (!flags.in_boilerplate) seen_h1_ = true;
    return;
  }
  if (tag == Tag::kTime) {
    ++time_elements;
    Push(&times, node, flags);
  }
  if (tag == Tag::kAnchor && !flags.in_boilerplate && !flags.in_comments) {
    std::string_view href = AttributeView(node, "href");
    if (IsAuthorHref(href) || HasToken(AttributeView(node, "rel"), "author")) {
      Push(&author_links, node, flags);
    }
  }
  if (!flags.in_boilerplate && !flags.in_comments && signals != 0) {
    if ((signals & kSignalAuthor) && !(signals & kSignalNotAuthor)) {
      Push(&author_nodes, node, flags);
    }
    if (signals & kSignalDate) Push(&date_nodes, node, flags);
  }
  Walk(node, flags, depth);
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

}  // namespace newsloom::extract::metadata_internal
