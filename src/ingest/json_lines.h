// Internal to ingest: JSON Lines files (and whole-file JSON, as news-please
// writes it) turned into records. Thread-safe: no shared state.
#ifndef NEWSLOOM_INGEST_JSON_LINES_H_
#define NEWSLOOM_INGEST_JSON_LINES_H_

#include <string_view>
#include <vector>

#include "ingest/ingest.h"

namespace newsloom::ingest {

// True when the first non-blank line of `text` parses as a JSON object.
bool FirstLineIsJsonObject(std::string_view text);

// One ReadRecord per non-blank line of `text`, read from the file `name`:
// a page with origin "name:N" and, when the record has no "id", the id
// "<IdFromPath(name)>-N". A line that is not a JSON object, has no text, html
// or title, or is longer than options.max_page_bytes gives a record whose
// status says so ("line N: ..."); the other lines are unaffected.
// A file whose first line is not JSON but whose whole content is one object
// or an array of objects (pretty-printed JSON) gives one record per object;
// a lone object takes its id from the file name.
// Every string in the pages is valid UTF-8.
std::vector<ReadRecord> ReadJsonRecords(std::string_view name, std::string_view text,
                                        const ReadOptions& options);

}  // namespace newsloom::ingest

#endif  // NEWSLOOM_INGEST_JSON_LINES_H_
