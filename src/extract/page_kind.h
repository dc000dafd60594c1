// Is a page a news article, or a listing, product, forum, docs or service page?
// Decided from metadata (schema.org types, og:type, a publication date, authors)
// and from the shape of the main content. Pure function, thread-safe.
#ifndef NEWSLOOM_EXTRACT_PAGE_KIND_H_
#define NEWSLOOM_EXTRACT_PAGE_KIND_H_

#include <string_view>

#include "extract/content.h"
#include "extract/metadata.h"

namespace newsloom::extract {

bool LooksLikeNewsArticle(const PageMetadata& metadata, const MainContent& content,
                          std::string_view url);

}  // namespace newsloom::extract

#endif  // NEWSLOOM_EXTRACT_PAGE_KIND_H_
