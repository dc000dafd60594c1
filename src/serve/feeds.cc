#include "serve/feeds.h"

#include <algorithm>
#include <ctime>

namespace newsloom::serve {

namespace {

std::string Rfc822(int64_t seconds) {
  std::time_t time = static_cast<std::time_t>(seconds);
  std::tm utc{};
  gmtime_r(&time, &utc);
  char text[64];
  std::strftime(text, sizeof text, "%a, %d %b %Y %H:%M:%S +0000", &utc);
  return text;
}

std::string Rfc3339(int64_t seconds) {
  std::time_t time = static_cast<std::time_t>(seconds);
  std::tm utc{};
  gmtime_r(&time, &utc);
  char text[64];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

void Element(std::string& out, std::string_view name, std::string_view text) {
  out += '<';
  out += name;
  out += '>';
  out += XmlEscape(text);
  out += "</";
  out += name;
  out += ">\n";
}

}  // namespace

std::string XmlEscape(std::string_view text) {
  std::string escaped;
  escaped.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        escaped += "&amp;";
        break;
      case '<':
        escaped += "&lt;";
        break;
      case '>':
        escaped += "&gt;";
        break;
      case '"':
        escaped += "&quot;";
        break;
      case '\'':
        escaped += "&apos;";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') break;
        escaped += c;
    }
  }
  return escaped;
}

std::string RenderRss(const Feed& feed) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n<channel>\n";
  Element(out, "title", feed.title);
  Element(out, "link", feed.link);
  Element(out, "description", feed.description);
  out += "<atom:link href=\"" + XmlEscape(feed.self_link) +
         "\" rel=\"self\" type=\"application/rss+xml\"/>\n";
  for (const FeedItem& item : feed.items) {
    out += "<item>\n";
    Element(out, "title", item.title);
    Element(out, "link", item.link);
    out += "<guid isPermaLink=\"false\">" + XmlEscape(item.id) + "</guid>\n";
    Element(out, "pubDate", Rfc822(item.updated));
    Element(out, "description", item.summary);
    out += "</item>\n";
  }
  out += "</channel>\n</rss>\n";
  return out;
}

std::string RenderAtom(const Feed& feed) {
  int64_t updated = 0;
  for (const FeedItem& item : feed.items) updated = std::max(updated, item.updated);
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n";
  Element(out, "title", feed.title);
  Element(out, "subtitle", feed.description);
  Element(out, "id", feed.self_link);
  Element(out, "updated", Rfc3339(updated));
  out += "<link href=\"" + XmlEscape(feed.link) + "\"/>\n";
  out += "<link rel=\"self\" href=\"" + XmlEscape(feed.self_link) + "\"/>\n";
  for (const FeedItem& item : feed.items) {
    out += "<entry>\n";
    Element(out, "title", item.title);
    Element(out, "id", "urn:newsloom:" + item.id);
    Element(out, "updated", Rfc3339(item.updated));
    out += "<link href=\"" + XmlEscape(item.link) + "\"/>\n";
    out += "<author><name>newsloom</name></author>\n";
    Element(out, "summary", item.summary);
    out += "</entry>\n";
  }
  out += "</feed>\n";
  return out;
}

}  // namespace newsloom::serve
