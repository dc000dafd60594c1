// RSS 2.0 and Atom 1.0 documents, so people can follow a category or a
// story in their feed reader. Every text is XML-escaped; characters XML
// forbids (control characters) are dropped.
#ifndef NEWSLOOM_SERVE_FEEDS_H_
#define NEWSLOOM_SERVE_FEEDS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace newsloom::serve {

struct FeedItem {
  std::string id;  // unique and stable: used as guid / atom:id
  std::string title;
  std::string link;     // absolute URL
  std::string summary;  // plain text
  int64_t updated = 0;  // UTC seconds
};

struct Feed {
  std::string title;
  std::string link;       // the page the feed is about (absolute URL)
  std::string self_link;  // the feed's own URL (absolute)
  std::string description;
  std::vector<FeedItem> items;  // newest first
};

std::string RenderRss(const Feed& feed);
std::string RenderAtom(const Feed& feed);

// Text escaped for XML character data and attribute values.
std::string XmlEscape(std::string_view text);

}  // namespace newsloom::serve

#endif  // NEWSLOOM_SERVE_FEEDS_H_
