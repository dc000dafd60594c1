#include "extract/metadata.h"

#include "common/strings.h"
#include "extract/metadata_authors.h"
#include "extract/metadata_collect.h"
#include "extract/metadata_dates.h"
#include "extract/metadata_json_ld.h"
#include "extract/metadata_text.h"
#include "extract/metadata_title.h"

// The steps live in metadata_collect (the walk), metadata_json_ld,
// metadata_title, metadata_authors and metadata_dates; this file puts the
// page's answers together.

namespace newsloom::extract {

using metadata_internal::CleanText;
using metadata_internal::Collector;
using metadata_internal::HostOf;
using metadata_internal::JsonLdFacts;
using metadata_internal::Metas;
using metadata_internal::ResolveUrl;

namespace {

// "en-US" -> "en"; "" for anything that is not a 2-3 letter primary subtag.
std::string PrimaryLanguage(std::string_view tag) {
  tag = TrimView(tag);
  std::string out;
  for (char c : tag) {
    if (c == '-' || c == '_') break;
    if (!IsAsciiUpper(c) && !IsAsciiLower(c)) return {};
    out.push_back(LowerAscii(c));
  }
  if (out.size() < 2 || out.size() > 3) return {};
  return out;
}

}  // namespace

std::string CleanTitle(std::string_view title, std::string_view site_name) {
  return metadata_internal::CleanTitleFor(title, site_name, {});
}

PageMetadata ExtractMetadata(const HtmlDocument& document, std::string_view page_url,
                             const Timestamp& fetched) {
  PageMetadata metadata;
  Collector collected;
  xmlNode* root = document.root();
  collected.Visit(root);
  Metas metas(collected.metas);
  JsonLdFacts ld = collected.json_ld.Finish();

  // Urls first: the host helps to recognise the site's name in titles and bylines.
  metadata.url = std::string(TrimView(page_url));
  std::string og_url = ResolveUrl(metadata.url, metas.Get("og:url"));
  if (metadata.url.empty()) metadata.url = og_url;
  metadata.canonical_url = ResolveUrl(metadata.url, collected.canonical);
  if (metadata.canonical_url.empty()) metadata.canonical_url = og_url;
  if (metadata.canonical_url.empty()) metadata.canonical_url = metadata.url;
  std::string host = HostOf(metadata.canonical_url);

  for (std::string_view candidate :
       {metas.Get("og:site_name"), std::string_view(ld.publisher_name),
        std::string_view(ld.website_name), metas.Get("application-name"),
        metas.Get("apple-mobile-web-app-title")}) {
    metadata.site_name = CleanText(candidate);
    if (!metadata.site_name.empty()) break;
  }

  metadata.authors =
      metadata_internal::ChooseAuthors(collected, metas, ld, metadata.site_name, host);
  metadata.published = metadata_internal::ChooseDate(collected, metas, ld, metadata.url,
                                                     metadata.canonical_url, fetched);
  metadata.og_type = AsciiLower(TrimView(metas.Get("og:type")));
  bool article_page = ld.has_article || metadata.og_type == "article";
  if (metadata_internal::IsHomePage(metadata.url.empty() ? metadata.canonical_url : metadata.url)) {
    metadata.title = metadata_internal::HomePageTitle(collected, metas, metadata.site_name, host);
  }
  if (metadata.title.empty()) {
    metadata.title = metadata_internal::ChooseTitle(collected, metas, ld, metadata.site_name, host,
                                                    article_page);
  }

  for (std::string_view key : {"description", "og:description", "twitter:description"}) {
    metadata.description = CleanText(metas.Get(key));
    if (!metadata.description.empty()) break;
  }

  metadata.language = PrimaryLanguage(AttributeView(root, "lang"));
  for (std::string_view key : {"content-language", "og:locale", "language", "dc.language"}) {
    if (!metadata.language.empty()) break;
    metadata.language = PrimaryLanguage(metas.Get(key));
  }

  metadata.json_ld_types = ld.types;
  metadata.article_body = std::move(ld.article_body);
  metadata.microdata_types = std::move(collected.microdata_types);
  metadata.generator = CleanText(metas.Get("generator"));
  metadata.article_elements = collected.article_elements;
  metadata.time_elements = collected.time_elements;
  metadata.post_blocks = collected.post_blocks;
  metadata.form_fields = collected.form_fields;
  return metadata;
}

}  // namespace newsloom::extract
