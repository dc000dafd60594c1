#include "common/strings.h"
#include "ingest/ingest.h"
#include "ingest/input_format.h"

namespace newsloom::ingest {

std::string IdFromPath(std::string_view path) {
  size_t slash = path.find_last_of('/');
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  // One compression suffix, then one format suffix: "lemire.me.json.html.gz"
  // is the page "lemire.me.json".
  if (std::string_view base = WithoutGzipSuffix(name); !base.empty()) name = base;
  static constexpr std::string_view kFormatSuffixes[] = {".html", ".htm", ".txt", ".jsonl", ".json",
                                                         ".warc", ".xml", ".rss", ".atom"};
  for (std::string_view suffix : kFormatSuffixes) {
    if (name.size() > suffix.size() && EndsWithIgnoreCase(name, suffix)) {
      name.remove_suffix(suffix.size());
      break;
    }
  }
  return std::string(name);
}

}  // namespace newsloom::ingest
