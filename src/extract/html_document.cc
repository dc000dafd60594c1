#include "extract/html_document.h"

#include <algorithm>
#include <climits>

#include "common/strings.h"

namespace newsloom::extract {

namespace {

// Appends the text below node to *out, stopping once *out holds more than
// `limit` bytes.
void AppendText(const xmlNode* node, int depth, std::string* out,
                size_t limit = std::string::npos) {
  if (depth > kMaxTreeDepth) return;
  for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (out->size() > limit) return;
    if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
      if (child->content) out->append(reinterpret_cast<const char*>(child->content));
    } else if (child->type == XML_ELEMENT_NODE) {
      std::string_view tag = TagName(child);
      if (tag == "script" || tag == "style" || tag == "noscript" || tag == "template") continue;
      if (tag == "br" || tag == "p" || tag == "div" || tag == "li") out->push_back(' ');
      AppendText(child, depth + 1, out, limit);
      if (tag == "p" || tag == "div" || tag == "li" || tag == "td") out->push_back(' ');
    }
  }
}

xmlNode* FindChild(xmlNode* node, std::string_view tag) {
  if (node == nullptr) return nullptr;
  for (xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (HasTag(child, tag)) return child;
  }
  return nullptr;
}

}  // namespace

Result<std::unique_ptr<HtmlDocument>> HtmlDocument::Parse(std::string_view utf8_html) {
  if (utf8_html.size() > size_t(INT_MAX)) {
    return Status::InvalidArgument("page larger than 2 GB");
  }
  if (utf8_html.find_first_not_of(" \t\n\r\f") == std::string_view::npos) {
    return Status::Corruption("no HTML element could be parsed");
  }
  // The tree takes a few times the page's size; start near it to avoid regrowth.
  auto arena = std::make_unique<Arena>(std::clamp<size_t>(utf8_html.size() * 2, 64 << 10, 4 << 20));
  xmlDoc* doc = ParseHtml(utf8_html, *arena);
  return std::unique_ptr<HtmlDocument>(new HtmlDocument(std::move(arena), doc));
}

// The tree lives in arena_ and goes away with it; it is never given to xmlFreeDoc.
HtmlDocument::~HtmlDocument() = default;

xmlNode* HtmlDocument::root() const { return xmlDocGetRootElement(doc_); }
xmlNode* HtmlDocument::head() const { return FindChild(root(), "head"); }
xmlNode* HtmlDocument::body() const { return FindChild(root(), "body"); }

std::string_view TagName(const xmlNode* node) {
  if (!IsElement(node) || node->name == nullptr) return {};
  return reinterpret_cast<const char*>(node->name);  // the parser lower-cases names
}

bool IsElement(const xmlNode* node) { return node != nullptr && node->type == XML_ELEMENT_NODE; }

bool HasTag(const xmlNode* node, std::string_view lower_tag) { return TagName(node) == lower_tag; }

std::string Attribute(const xmlNode* node, const char* name) {
  return std::string(AttributeView(node, name));
}

std::string_view AttributeView(const xmlNode* node, const char* name) {
  if (!IsElement(node)) return {};
  for (const xmlAttr* attr = node->properties; attr != nullptr; attr = attr->next) {
    if (attr->name && EqualsIgnoreCase(reinterpret_cast<const char*>(attr->name), name)) {
      const xmlNode* value = attr->children;
      if (value && value->content) return reinterpret_cast<const char*>(value->content);
      return {};
    }
  }
  return {};
}

namespace {

// The text below node as the markup has it (whitespace not collapsed), read
// until it passes `limit` bytes.
std::string RawTextOf(const xmlNode* node, size_t limit = std::string::npos) {
  std::string raw;
  if (node == nullptr) return raw;
  if (node->type == XML_TEXT_NODE && node->content) {
    raw = reinterpret_cast<const char*>(node->content);
  } else {
    AppendText(node, 0, &raw, limit);
  }
  return raw;
}

}  // namespace

std::string TextOf(const xmlNode* node) { return CollapseWhitespace(RawTextOf(node)); }

std::string OwnText(const xmlNode* node) {
  std::string text;
  for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (child->content && (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)) {
      text.append(reinterpret_cast<const char*>(child->content));
    }
  }
  return text;
}

std::optional<std::string> TextOfAtMost(const xmlNode* node, size_t max_bytes) {
  // Markup indents its text: raw bytes may be many times the collapsed ones.
  constexpr size_t kRawBytesPerShownByte = 64;
  size_t raw_limit = kRawBytesPerShownByte * max_bytes;
  std::string raw = RawTextOf(node, raw_limit);
  if (raw.size() > raw_limit) return std::nullopt;
  std::string text = CollapseWhitespace(raw);
  if (text.size() > max_bytes) return std::nullopt;
  return text;
}

static xmlNode* FindFirstAt(xmlNode* node, std::string_view lower_tag, int depth) {
  if (node == nullptr || depth > kMaxTreeDepth) return nullptr;
  if (HasTag(node, lower_tag)) return node;
  for (xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (xmlNode* found = FindFirstAt(child, lower_tag, depth + 1)) return found;
  }
  return nullptr;
}

xmlNode* FindFirst(xmlNode* node, std::string_view lower_tag) {
  return FindFirstAt(node, lower_tag, 0);
}

}  // namespace newsloom::extract
