// Choosing a page's authors (internal to src/extract): declared authors
// (JSON-LD, meta, microdata), then bylines, cleaned and split. Pure functions.
#ifndef NEWSLOOM_EXTRACT_METADATA_AUTHORS_H_
#define NEWSLOOM_EXTRACT_METADATA_AUTHORS_H_

#include <string>
#include <string_view>
#include <vector>

#include "extract/metadata_collect.h"
#include "extract/metadata_json_ld.h"

namespace newsloom::extract::metadata_internal {

// The names from the first source that yields a person: "By Jane Doe and
// John Roe" gives {"Jane Doe", "John Roe"}. The site itself is returned only
// when the page declares it as the author and names nobody else.
std::vector<std::string> ChooseAuthors(const Collector& collected, const Metas& metas,
                                       const JsonLdFacts& ld, std::string_view site_name,
                                       std::string_view host);

}  // namespace newsloom::extract::metadata_internal

#endif  // NEWSLOOM_EXTRACT_METADATA_AUTHORS_H_
