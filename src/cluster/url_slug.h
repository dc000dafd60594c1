// UrlSlugWords: the words a URL's path spells out. News sites write the
// headline into the address ("/2017/10/02/us/las-vegas-shooting.html",
// "?q=costa+rica+plane+crash"), which still names the event when the page's
// own text is a search result or site navigation. Stateless and thread-safe.
#ifndef NEWSLOOM_CLUSTER_URL_SLUG_H_
#define NEWSLOOM_CLUSTER_URL_SLUG_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace newsloom::cluster {

// The lowercase words of the URL's path and query segments that look like
// slugs (at least three words of letters joined by '-', '_' or '+'), joined
// by spaces. Words with digits (ids, dates) are left out; so are the scheme,
// the host and file suffixes. At most the first 1 KB of `url` is read.
std::string UrlSlugWords(std::string_view url);

// The day a URL's path dates its page (extract::DateFromUrl over the first
// 1 KB: "/2016/11/13/", "/2017-09-15/"), as days since 1970-01-01. News sites
// write the day of first publication there, which stays when a later edit or
// a crawl changes the page's own date.
std::optional<int64_t> UrlDay(std::string_view url);

}  // namespace newsloom::cluster

#endif  // NEWSLOOM_CLUSTER_URL_SLUG_H_
