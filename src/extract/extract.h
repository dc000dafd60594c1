// The extract stage: from a raw page to Articles.
//
// HTML pages go through metadata and main-content extraction; plain-text pages
// through the text-page cleaner (a digest page gives one Article per lede);
// JSON Lines records keep their fields and have their text split into
// paragraphs. Pure function of its input, thread-safe.
#ifndef NEWSLOOM_EXTRACT_EXTRACT_H_
#define NEWSLOOM_EXTRACT_EXTRACT_H_

#include <vector>

#include "ingest/ingest.h"
#include "newsloom/article.h"
#include "newsloom/status.h"

namespace newsloom::extract {

// `fetched` is when the page was fetched (for files: now); no publication
// time later than it is accepted.
Result<std::vector<Article>> ExtractPage(const ingest::RawPage& page, const Timestamp& fetched);

}  // namespace newsloom::extract

#endif  // NEWSLOOM_EXTRACT_EXTRACT_H_
