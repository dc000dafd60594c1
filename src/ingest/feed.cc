#include "ingest/feed.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <climits>
#include <memory>
#include <string>

#include "common/strings.h"
#include "common/utf8.h"

namespace newsloom::ingest {
namespace {

struct XmlDocFree {
  void operator()(xmlDoc* document) const { xmlFreeDoc(document); }
};
using XmlDocument = std::unique_ptr<xmlDoc, XmlDocFree>;

std::string_view NameOf(const xmlNode* node) {
  return node->name == nullptr ? std::string_view()
                               : std::string_view(reinterpret_cast<const char*>(node->name));
}

bool IsElement(const xmlNode* node, std::string_view name) {
  return node->type == XML_ELEMENT_NODE && EqualsIgnoreCase(NameOf(node), name);
}

std::string_view PrefixOf(const xmlNode* node) {
  if (node->ns == nullptr || node->ns->prefix == nullptr) return {};
  return reinterpret_cast<const char*>(node->ns->prefix);
}

std::string AttributeOf(const xmlNode* node, const char* name) {
  xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  if (value == nullptr) return {};
  std::string text(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return text;
}

// The text and CDATA inside `node`, without recursion (hostile feeds nest
// deeply); entity references are not expanded.
std::string TextOf(const xmlNode* node) {
  std::string text;
  const xmlNode* current = node->children;
  while (current != nullptr) {
    if ((current->type == XML_TEXT_NODE || current->type == XML_CDATA_SECTION_NODE) &&
        current->content != nullptr) {
      text += reinterpret_cast<const char*>(current->content);
    }
    if (current->type == XML_ELEMENT_NODE && current->children != nullptr) {
      current = current->children;
      continue;
    }
    while (current != nullptr && current->next == nullptr) {
      current = current->parent;
      if (current == node) return text;
    }
    if (current != nullptr) current = current->next;
  }
  return text;
}

bool IsBlockTag(std::string_view name) {
  static constexpr std::string_view kBlocks[] = {
      "p",  "div", "br", "li", "h1",  "h2",         "h3",      "h4",      "h5",
      "h6", "tr",  "ul", "ol", "pre", "blockquote", "article", "section", "figure"};
  for (std::string_view block : kBlocks) {
    if (EqualsIgnoreCase(name, block)) return true;
  }
  return false;
}

// Text lines of an HTML fragment (entities decoded, tags dropped, block
// elements on their own lines); plain text comes back as it was.
std::string HtmlToText(std::string_view html) {
  if (html.find('<') == std::string_view::npos && html.find('&') == std::string_view::npos) {
    return std::string(html);
  }
  if (html.size() > INT_MAX) return {};
  const std::string wrapped = "<html><body>" + std::string(html) + "</body></html>";
  XmlDocument document(htmlReadMemory(
      wrapped.data(), int(wrapped.size()), nullptr, "UTF-8",
      HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET));
  if (document == nullptr) return {};
  std::string text;
  const xmlNode* root = xmlDocGetRootElement(document.get());
  const xmlNode* current = root;
  while (current != nullptr) {
    const bool block = current->type == XML_ELEMENT_NODE && IsBlockTag(NameOf(current));
    if (block) text += '\n';
    if (current->type == XML_TEXT_NODE && current->content != nullptr) {
      text += reinterpret_cast<const char*>(current->content);
    }
    const bool skip = IsElement(current, "script") || IsElement(current, "style");
    if (current->type == XML_ELEMENT_NODE && current->children != nullptr && !skip) {
      current = current->children;
      continue;
    }
    while (current != nullptr && current != root && current->next == nullptr) {
      current = current->parent;
      if (current->type == XML_ELEMENT_NODE && IsBlockTag(NameOf(current))) text += '\n';
    }
    if (current == nullptr || current == root) break;
    current = current->next;
  }
  return text;
}

std::string OneLine(std::string_view text) { return CollapseWhitespace(RepairUtf8(text)); }

// The fields of one item or entry.
RawPage PageFromItem(const xmlNode* item, const std::string& language) {
  RawPage page;
  page.format = RawPage::Format::kRecord;
  page.language = language;
  std::string content, description, updated, guid;
  std::string lang = AttributeOf(item, "lang");
  for (const xmlNode* child = item->children; child != nullptr; child = child->next) {
    if (child->type != XML_ELEMENT_NODE) continue;
    const std::string_view name = NameOf(child);
    const std::string_view prefix = PrefixOf(child);
    if (EqualsIgnoreCase(name, "title") && prefix.empty()) {
      page.title = OneLine(HtmlToText(TextOf(child)));
    } else if (EqualsIgnoreCase(name, "link") && prefix.empty()) {
      const std::string href = AttributeOf(child, "href");
      const std::string rel = AttributeOf(child, "rel");
      if (!href.empty()) {
        if ((rel.empty() || EqualsIgnoreCase(rel, "alternate")) && page.url.empty()) {
          page.url = OneLine(href);
        }
      } else if (page.url.empty()) {
        page.url = OneLine(TextOf(child));
      }
    } else if (EqualsIgnoreCase(name, "guid")) {
      if (!EqualsIgnoreCase(AttributeOf(child, "isPermaLink"), "false"))
        guid = OneLine(TextOf(child));
    } else if (EqualsIgnoreCase(name, "pubDate") || EqualsIgnoreCase(name, "published") ||
               (EqualsIgnoreCase(name, "date") && prefix == "dc") ||
               EqualsIgnoreCase(name, "issued")) {
      if (page.published.empty()) page.published = OneLine(TextOf(child));
    } else if (EqualsIgnoreCase(name, "updated") || EqualsIgnoreCase(name, "modified")) {
      updated = OneLine(TextOf(child));
    } else if (EqualsIgnoreCase(name, "encoded") ||
               (EqualsIgnoreCase(name, "content") && prefix.empty())) {
      // content:encoded (RSS) or Atom <content>; Atom xhtml content is markup
      // inside the element, html and text content is escaped text.
      content = HtmlToText(TextOf(child));
    } else if (EqualsIgnoreCase(name, "description") || EqualsIgnoreCase(name, "summary")) {
      if (description.empty()) description = HtmlToText(TextOf(child));
    } else if (EqualsIgnoreCase(name, "author") || EqualsIgnoreCase(name, "creator")) {
      std::string author;
      for (const xmlNode* part = child->children; part != nullptr; part = part->next) {
        if (IsElement(part, "name")) author = OneLine(TextOf(part));
      }
      if (author.empty()) author = OneLine(TextOf(child));
      if (!author.empty()) page.authors.push_back(std::move(author));
    }
  }
  if (!lang.empty()) page.language = OneLine(lang);
  if (page.url.empty() && guid.starts_with("http")) page.url = guid;
  if (page.published.empty()) page.published = updated;
  page.description = OneLine(description);
  page.body = RepairUtf8(content.empty() ? description : content);
  return page;
}

// Every <item> or <entry> under the feed root: RSS 2.0 keeps them in
// <channel>, RSS 1.0 beside it, Atom directly in <feed>.
void CollectItems(const xmlNode* root, std::vector<const xmlNode*>* items, std::string* language) {
  *language = OneLine(AttributeOf(root, "lang"));
  for (const xmlNode* child = root->children; child != nullptr; child = child->next) {
    if (IsElement(child, "item") || IsElement(child, "entry")) items->push_back(child);
    if (!IsElement(child, "channel")) continue;
    if (std::string lang = OneLine(AttributeOf(child, "lang")); !lang.empty()) *language = lang;
    for (const xmlNode* inner = child->children; inner != nullptr; inner = inner->next) {
      if (IsElement(inner, "item")) items->push_back(inner);
      if (IsElement(inner, "language")) *language = OneLine(TextOf(inner));
    }
  }
}

}  // namespace

Result<std::vector<ReadRecord>> ReadFeedRecords(std::string_view name, std::string_view bytes,
                                                const ReadOptions& options) {
  if (bytes.size() > INT_MAX) return Status::InvalidArgument("feed too large");
  // No NOENT (entities stay unexpanded: no billion laughs), no DTD loading,
  // no network; recover from the small errors real feeds have.
  XmlDocument document(xmlReadMemory(bytes.data(), int(bytes.size()), nullptr, nullptr,
                                     XML_PARSE_NONET | XML_PARSE_RECOVER | XML_PARSE_NOERROR |
                                         XML_PARSE_NOWARNING | XML_PARSE_NOCDATA));
  if (document == nullptr) return Status::InvalidArgument("not a well-formed XML feed");
  const xmlNode* root = xmlDocGetRootElement(document.get());
  if (root == nullptr ||
      !(IsElement(root, "rss") || IsElement(root, "feed") || IsElement(root, "RDF"))) {
    return Status::InvalidArgument("no RSS or Atom root element");
  }
  std::vector<const xmlNode*> items;
  std::string language;
  CollectItems(root, &items, &language);
  if (items.empty()) return Status::InvalidArgument("no item in feed");
  const std::string id_prefix = IdFromPath(name);
  std::vector<ReadRecord> records;
  for (size_t i = 0; i < items.size(); ++i) {
    ReadRecord record;
    record.page = PageFromItem(items[i], language);
    record.page.id = id_prefix + "-" + std::to_string(i + 1);
    record.page.origin = std::string(name) + ":" + std::to_string(i + 1);
    if (record.page.body.size() > options.max_page_bytes) {
      record.status = Status::InvalidArgument("item " + std::to_string(i + 1) +
                                              ": text exceeds the page limit");
      record.page.body.clear();
    } else if (record.page.title.empty() && record.page.url.empty() &&
               TrimView(record.page.body).empty()) {
      record.status =
          Status::InvalidArgument("item " + std::to_string(i + 1) + ": no title, link or text");
    }
    records.push_back(std::move(record));
  }
  return records;
}

}  // namespace newsloom::ingest
