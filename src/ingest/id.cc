#include "common/strings.h"
#include "ingest/ingest.h"

namespace newsloom::ingest {

std::string IdFromPath(std::string_view path) {
  size_t slash = path.find_last_of('/');
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  static const std::string_view kSuffixes[] = {".gz",   ".html", ".htm", ".txt", ".jsonl",
                                               ".json", ".warc", ".xml", ".rss", ".atom"};
  for (bool stripped = true; stripped;) {
    stripped = false;
    for (std::string_view suffix : kSuffixes) {
      if (name.size() > suffix.size() && EndsWithIgnoreCase(name, suffix)) {
        name.remove_suffix(suffix.size());
        stripped = true;
      }
    }
  }
  return std::string(name);
}

}  // namespace newsloom::ingest
