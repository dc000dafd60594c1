// Is a page a news article, or a listing, product, forum, docs or service page?
//
// A logistic model over page features: what the page says of itself (schema.org
// types in JSON-LD and microdata, og:type, the generator, a publication date,
// authors), how it is built (how many <article>s, <time>s, posts and form
// fields), the shape of its main text (length, long paragraphs, links, lists),
// of its title (a headline's question or number, or the name of an offer) and
// of its URL (a date, a slug, words such as /tag/, /product/ or /guide). The
// weights are trained by tools/train_page_kind.py from features printed by the
// page_kind_features tool, and live in page_kind_weights.inc. Pure functions, thread-safe.
#ifndef NEWSLOOM_EXTRACT_PAGE_KIND_H_
#define NEWSLOOM_EXTRACT_PAGE_KIND_H_

#include <array>
#include <string_view>

#include "extract/content.h"
#include "extract/metadata.h"

namespace newsloom::extract {

inline constexpr int kPageKindFeatureCount = 40;
using PageKindFeatures = std::array<double, kPageKindFeatureCount>;

// Feature 0 is the constant 1 (the bias); the others are in [0, 1].
PageKindFeatures ComputePageKindFeatures(const PageMetadata& metadata, const MainContent& content,
                                         std::string_view url);

// The model's probability that the page is a news (or blog) article.
double NewsArticleProbability(const PageKindFeatures& features);

// At or above this probability a page is a news article (is_news).
inline constexpr double kNewsArticleThreshold = 0.5;

}  // namespace newsloom::extract

#endif  // NEWSLOOM_EXTRACT_PAGE_KIND_H_
