// Page metadata: title, site, authors, publication time, urls, description,
// language, and the signals that tell an article page from other kinds.
// Pure functions of the document, thread-safe.
#ifndef NEWSLOOM_EXTRACT_METADATA_H_
#define NEWSLOOM_EXTRACT_METADATA_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/html_document.h"
#include "newsloom/article.h"

namespace newsloom::extract {

struct PageMetadata {
  // The headline: JSON-LD headline / og:title / twitter:title / <title> / the
  // main <h1>, chosen by agreement between them, with the " | Site Name",
  // " - Site Name", "Site Name: " decorations removed.
  std::string title;
  std::string site_name;             // og:site_name, JSON-LD publisher.name, application-name
  std::vector<std::string> authors;  // people, not "Staff" or the site; bylines stripped of "By "
  // First trusted source wins: JSON-LD datePublished, article:published_time and
  // other publication meta, <time> in the article, a dated byline, the URL.
  // Never later than `fetched`.
  std::optional<Timestamp> published;
  std::string url;            // the url passed in, else og:url
  std::string canonical_url;  // <link rel=canonical>, else og:url, else url; made absolute
  std::string description;    // meta description / og:description
  std::string language;       // <html lang>, content-language, og:locale: lower-case primary subtag
  // The article's text as its JSON-LD states it (articleBody, plain text or
  // HTML): the fallback for pages whose markup carries it only in a script.
  std::string article_body;

  // Signals for the page-kind decision (news article or not).
  std::string og_type;                       // "article", "website", "product", ...
  std::vector<std::string> json_ld_types;    // every @type seen: "NewsArticle", "Product", ...
  std::vector<std::string> microdata_types;  // itemtype names: "Product", "BlogPosting", ...
  std::string generator;                     // meta generator: "WordPress 6.4", "XenForo", ...
  int article_elements = 0;                  // <article> elements
  int time_elements = 0;                     // <time> elements
  int post_blocks = 0;                       // elements named "reply" / "message"
  int form_fields = 0;                       // visible form fields outside navigation
};

// `page_url` is what the input said about the page's address ("" if nothing).
PageMetadata ExtractMetadata(const HtmlDocument& document, std::string_view page_url,
                             const Timestamp& fetched);

// Removes a site-name decoration from a title: "Headline | Site", "Site - Headline",
// "Headline – Site News" (site_name may be empty: then the shorter side of a
// separator is dropped only when it looks like a name, not part of the headline).
std::string CleanTitle(std::string_view title, std::string_view site_name);

}  // namespace newsloom::extract

#endif  // NEWSLOOM_EXTRACT_METADATA_H_
