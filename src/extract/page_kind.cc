#include "extract/page_kind.h"

#include "common/strings.h"

namespace newsloom::extract {

namespace {

bool HasType(const PageMetadata& metadata, std::initializer_list<std::string_view> types) {
  for (const std::string& seen : metadata.json_ld_types) {
    for (std::string_view type : types) {
      if (EqualsIgnoreCase(seen, type)) return true;
    }
  }
  return false;
}

}  // namespace

bool LooksLikeNewsArticle(const PageMetadata& metadata, const MainContent& content,
                          std::string_view url) {
  // Schema.org types are the page's own statement of what it is.
  if (HasType(metadata, {"Product", "ProductGroup", "Offer", "DiscussionForumPosting",
                         "QAPage", "FAQPage", "CollectionPage", "ItemList", "SearchResultsPage",
                         "SoftwareApplication", "TechArticle", "APIReference", "Course",
                         "JobPosting", "Recipe", "Event", "Place", "LocalBusiness"})) {
    return false;
  }
  bool article_type = HasType(metadata, {"NewsArticle", "Article", "BlogPosting", "ReportageNewsArticle",
                                         "AnalysisNewsArticle", "OpinionNewsArticle", "LiveBlogPosting",
                                         "Report", "BackgroundNewsArticle", "SatiricalArticle"});
  bool og_article = EqualsIgnoreCase(metadata.og_type, "article");
  bool dated = metadata.published.has_value();

  // Running text: several long paragraphs and few links inside the content.
  double link_share = content.content_chars == 0
                          ? 1.0
                          : double(content.content_link_chars) / content.content_chars;
  bool prose = content.long_paragraphs >= 2 && content.content_chars >= 800 && link_share < 0.3;

  int votes = (article_type ? 2 : 0) + (og_article ? 1 : 0) + (dated ? 1 : 0) +
              (!metadata.authors.empty() ? 1 : 0) + (prose ? 2 : 0);
  (void)url;
  return votes >= 4;
}

}  // namespace newsloom::extract
