// Choosing a page's title (internal to src/extract): the candidates from
// metadata and headings, site-name decorations removed. Pure functions.
#ifndef NEWSLOOM_EXTRACT_METADATA_TITLE_H_
#define NEWSLOOM_EXTRACT_METADATA_TITLE_H_

#include <string>
#include <string_view>
#include <vector>

#include "extract/metadata_collect.h"
#include "extract/metadata_json_ld.h"

namespace newsloom::extract::metadata_internal {

// Recognises a site's own name in a title part or a byline: the declared
// site name, or the host ("example.com", "Example", "EX" for the initials
// of "Example Xpress" on ex.com). Thread-safe for concurrent const use.
class SiteMatcher {
 public:
  SiteMatcher(std::string_view site_name, std::string_view host);

  // The part is the site's name or host, not merely contains it.
  bool IsExactly(std::string_view part) const;

  // The part is, contains or abbreviates the site's name ("Daily Planet
  // News" for "Daily Planet").
  bool Matches(std::string_view part) const;

 private:
  std::string site_key_;
  std::string site_compact_;
  int site_words_ = 0;
  std::vector<std::string> host_labels_;
  std::string host_compact_;
};

// CleanTitle (metadata.h) with the page's host as a second clue.
// `keep_leading`: never drop the first part (a front page's own name).
std::string CleanTitleFor(std::string_view raw_title, std::string_view site_name,
                          std::string_view host, bool keep_leading = false);

// "https://example.com/", "https://example.com/en-us/index.html": a site's front page.
bool IsHomePage(std::string_view url);

// A front page is about the site itself: a leading name stays ("Figma: The
// Collaborative Interface Design Tool"), a trailing one goes as elsewhere.
std::string HomePageTitle(const Collector& collected, const Metas& metas,
                          std::string_view site_name, std::string_view host);

// The title of any other page: the <h1> that agrees with the metadata, an
// article's own <h1>, else og:title / JSON-LD headline / <title>, cleaned.
std::string ChooseTitle(const Collector& collected, const Metas& metas, const JsonLdFacts& ld,
                        std::string_view site_name, std::string_view host, bool article_page);

}  // namespace newsloom::extract::metadata_internal

#endif  // NEWSLOOM_EXTRACT_METADATA_TITLE_H_
