#include <initializer_list>

#include "common/strings.h"
#include "ingest/ingest.h"

namespace newsloom::ingest {

std::string IdFromPath(std::string_view path) {
  size_t slash = path.find_last_of('/');
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  // One compression suffix, then one format suffix: "lemire.me.json.html.gz"
  // is the page "lemire.me.json".
  auto strip = [&name](std::initializer_list<std::string_view> suffixes) {
    for (std::string_view suffix : suffixes) {
      if (name.size() > suffix.size() && EndsWithIgnoreCase(name, suffix)) {
        name.remove_suffix(suffix.size());
        return;
      }
    }
  };
  strip({".gz"});
  strip({".html", ".htm", ".txt", ".jsonl", ".json", ".warc", ".xml", ".rss", ".atom"});
  return std::string(name);
}

}  // namespace newsloom::ingest
