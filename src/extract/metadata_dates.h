// Choosing a page's publication time (internal to src/extract): declared
// dates first (JSON-LD, meta, microdata), then what the page shows, then
// the url. Pure functions.
#ifndef NEWSLOOM_EXTRACT_METADATA_DATES_H_
#define NEWSLOOM_EXTRACT_METADATA_DATES_H_

#include <optional>
#include <string_view>

#include "extract/metadata_collect.h"
#include "extract/metadata_json_ld.h"
#include "newsloom/article.h"

namespace newsloom::extract::metadata_internal {

// The publication time, never later than a day after `fetched` and never
// before 1995; a modification time only when nothing else dates the page.
std::optional<Timestamp> ChooseDate(const Collector& collected, const Metas& metas,
                                    const JsonLdFacts& ld, std::string_view page_url,
                                    std::string_view canonical_url, const Timestamp& fetched);

}  // namespace newsloom::extract::metadata_internal

#endif  // NEWSLOOM_EXTRACT_METADATA_DATES_H_
