#include "extract/page_kind.h"

#include <algorithm>
#include <cmath>

#include "common/strings.h"
#include "extract/dates.h"
#include "extract/metadata_text.h"

namespace newsloom::extract {

namespace {

constexpr double kWeights[kPageKindFeatureCount] = {
#include "extract/page_kind_weights.inc"
};

bool HasType(const PageMetadata& metadata, std::initializer_list<std::string_view> types) {
  for (const std::string& seen : metadata.json_ld_types) {
    for (std::string_view type : types) {
      if (EqualsIgnoreCase(seen, type)) return true;
    }
  }
  return false;
}

// The path of a URL, lower-cased, without query and fragment: "/news/2024/a-b-c".
std::string PathOf(std::string_view url) {
  size_t scheme = url.find("://");
  std::string_view rest = scheme == std::string_view::npos ? url : url.substr(scheme + 3);
  size_t slash = rest.find('/');
  if (slash == std::string_view::npos) return "/";
  std::string_view path = rest.substr(slash);
  path = path.substr(0, path.find_first_of("?#"));
  return AsciiLower(path);
}

bool PathHasAny(std::string_view path, std::initializer_list<std::string_view> words) {
  for (std::string_view word : words) {
    if (path.find(word) != std::string_view::npos) return true;
  }
  return false;
}

// The last non-empty path segment: "a-b-c" of "/news/a-b-c/".
std::string_view LastSegment(std::string_view path) {
  while (!path.empty() && path.back() == '/') path.remove_suffix(1);
  size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

double Clamp01(double value) { return std::clamp(value, 0.0, 1.0); }

// "2025 ...", "1999-2000 ...": four digits from 1900 to 2099 and no more.
bool OpensWithAYear(std::string_view title) {
  if (title.size() < 4 || !(title.starts_with("19") || title.starts_with("20"))) return false;
  if (!IsAsciiDigit(title[2]) || !IsAsciiDigit(title[3])) return false;
  return title.size() == 4 || !IsAsciiDigit(title[4]);
}

// A title phrased as a headline: a question ("What is mesh WiFi?", "How to
// ..."), or a numbered piece ("10 tips for ...", "Top 7 ...", "Best 5 ...").
bool HeadlinePhrased(std::string_view title) {
  title = TrimView(title);
  if (title.empty()) return false;
  if (title.find('?') != std::string_view::npos) return true;
  // A count opens a numbered piece; a year ("2025 Award Winners",
  // "2025-26 Season") names an edition or a season.
  if (IsAsciiDigit(title[0]) && !OpensWithAYear(title)) return true;
  static constexpr std::string_view kOpeners[] = {
      "what ",   "how ", "why ",  "when ", "who ",  "which ", "is ",       "can ",
      "should ", "do ",  "does ", "top ",  "best ", "guide ", "the best ", "understanding "};
  for (std::string_view opener : kOpeners) {
    if (StartsWithIgnoreCase(title, opener)) return true;
  }
  return false;
}

bool HasMicrodataType(const PageMetadata& metadata, std::initializer_list<std::string_view> types) {
  for (const std::string& seen : metadata.microdata_types) {
    for (std::string_view type : types) {
      if (EqualsIgnoreCase(seen, type)) return true;
    }
  }
  return false;
}

bool GeneratorIsAny(const PageMetadata& metadata, std::initializer_list<std::string_view> names) {
  for (std::string_view name : names) {
    if (ContainsIgnoreCase(metadata.generator, name)) return true;
  }
  return false;
}

// log(1 + count) scaled so that `full` items give 1.
double LogCount(int count, double full) {
  return Clamp01(std::log1p(double(count)) / std::log1p(full));
}

// A title naming what a business sells: "Data Analytics Services and Solutions",
// "Free CRM Software for SMBs", "Cyber Security Consulting".
bool NamesAnOffer(std::string_view title) {
  static constexpr std::string_view kWords[] = {
      "services", "service", "solutions", "software", "consulting", "consultant", "company",
      "agency",   "pricing", "deals",     "offers",   "repair",     "shop",       "store",
      "courses",  "program", "programs",  "tutors",   "platform",   "buy"};
  for (std::string_view word : metadata_internal::SpaceWords(title)) {
    while (!word.empty() && !IsAsciiLower(word.back()) && !IsAsciiUpper(word.back())) {
      word.remove_suffix(1);
    }
    for (std::string_view offer : kWords) {
      if (EqualsIgnoreCase(word, offer)) return true;
    }
  }
  return false;
}

}  // namespace

PageKindFeatures ComputePageKindFeatures(const PageMetadata& metadata, const MainContent& content,
                                         std::string_view url) {
  std::string path = PathOf(url);
  std::string_view slug = LastSegment(path);
  int paragraphs = int(content.paragraphs.size());
  int list_items = 0, headings = 0;
  for (const Paragraph& paragraph : content.paragraphs) {
    if (paragraph.kind == Paragraph::Kind::kListItem) ++list_items;
    if (paragraph.kind == Paragraph::Kind::kHeading) ++headings;
  }
  int path_depth = int(std::count(path.begin(), path.end(), '/'));

  PageKindFeatures f{};
  f[0] = 1.0;
  f[1] = HasType(metadata, {"NewsArticle", "Article", "BlogPosting", "ReportageNewsArticle",
                            "AnalysisNewsArticle", "OpinionNewsArticle", "LiveBlogPosting",
                            "Report", "BackgroundNewsArticle", "SatiricalArticle", "Blog"});
  f[2] = HasType(metadata,
                 {"Product", "ProductGroup", "Offer", "AggregateOffer", "DiscussionForumPosting",
                  "QAPage", "FAQPage", "CollectionPage", "ItemList", "SearchResultsPage",
                  "SoftwareApplication", "TechArticle", "APIReference", "Course", "JobPosting",
                  "Service", "LocalBusiness", "Organization", "ProfessionalService"});
  f[3] = EqualsIgnoreCase(metadata.og_type, "article");
  f[4] = EqualsIgnoreCase(metadata.og_type, "product") ||
         StartsWithIgnoreCase(metadata.og_type, "product.");
  f[5] = metadata.published.has_value();
  f[6] = !metadata.authors.empty();
  f[7] = Clamp01(std::log1p(double(content.content_chars)) / 11.0);
  f[8] = Clamp01(content.long_paragraphs / 10.0);
  f[9] = content.content_chars == 0
             ? 1.0
             : Clamp01(double(content.content_link_chars) / content.content_chars);
  f[10] =
      content.page_chars == 0 ? 1.0 : Clamp01(double(content.page_link_chars) / content.page_chars);
  f[11] = DateFromUrl(url).has_value();
  f[12] = Clamp01(path_depth / 6.0);
  f[13] = PathHasAny(path, {"/tag/", "/tags/", "/category/", "/categories/", "/topic/", "/topics/",
                            "/search", "/page/", "/archive", "/collections/"});
  f[14] = PathHasAny(path, {"/product", "/shop/", "/store/", "/item/", "/p/", "/dp/", "/buy"});
  f[15] = PathHasAny(path, {"/forum", "/thread", "/t/", "/community", "/questions/", "/discussion",
                            "/topic/", "/r/", "viewtopic", "showthread", "/d/"});
  f[16] = PathHasAny(path, {"/docs", "/documentation", "/reference/", "/api/", "/manual/", "/guide",
                            "/help/", "/support/", "/wiki/"});
  f[17] = PathHasAny(path, {"/news", "/article", "/blog", "/story", "/stories/", "/post/",
                            "/posts/", "/opinion/", "/politics/", "/world/", "/business/"});
  f[18] = paragraphs == 0 ? 0.0 : double(list_items) / paragraphs;
  f[19] = paragraphs == 0 ? 0.0 : double(headings) / paragraphs;
  f[20] = std::count(slug.begin(), slug.end(), '-') >= 3;
  f[21] = Clamp01(std::log1p(double(paragraphs)) / 5.0);
  f[22] = HasMicrodataType(metadata, {"Article", "NewsArticle", "BlogPosting", "Blog"});
  f[23] =
      HasMicrodataType(metadata, {"Product", "Offer", "AggregateOffer", "DiscussionForumPosting",
                                  "Question", "SoftwareApplication", "ItemList"});
  f[24] = GeneratorIsAny(metadata, {"vBulletin", "XenForo", "phpBB", "Discourse", "MyBB", "Flarum",
                                    "Simple Machines", "SMF", "Invision", "NodeBB", "Vanilla"});
  f[25] = GeneratorIsAny(metadata, {"Sphinx", "MkDocs", "Docusaurus", "GitBook", "VuePress",
                                    "Docsy", "Antora", "Starlight", "mdBook", "Jekyll"});
  f[26] = LogCount(metadata.article_elements, 10);
  f[27] = LogCount(metadata.time_elements, 20);
  f[28] = LogCount(metadata.post_blocks, 20);
  f[29] = LogCount(metadata.form_fields, 10);
  f[30] = EqualsIgnoreCase(metadata.og_type, "website");
  f[31] = HasType(metadata, {"DiscussionForumPosting", "Comment", "Question", "QAPage"});
  // Headlines are sentences ("How to choose a running shoe"); product,
  // service and section pages are named ("Running Shoes", "Our Services").
  f[32] = Clamp01(CountWords(metadata.title) / 15.0);
  f[33] =
      content.page_chars == 0 ? 0.0 : Clamp01(double(content.content_chars) / content.page_chars);
  f[34] = paragraphs == 0 ? 0.0 : Clamp01(double(content.content_chars) / paragraphs / 400.0);
  f[35] = PathHasAny(path, {"/services", "/service/", "/solutions", "/pricing", "/contact",
                            "/about", "/products/", "/plans", "/features", "/industries/"});
  f[36] = Clamp01(std::count(slug.begin(), slug.end(), '-') / 8.0);
  f[37] = HeadlinePhrased(metadata.title);
  // Explainers and guides on company and institution sites.
  f[38] = PathHasAny(path, {"/learn", "/guide", "/resources", "/academy", "/knowledge", "/tips",
                            "/insights", "/advice", "/resource-center", "/how-to", "/what-is"});
  f[39] = NamesAnOffer(metadata.title);
  return f;
}

double NewsArticleProbability(const PageKindFeatures& features) {
  double score = 0;
  for (int i = 0; i < kPageKindFeatureCount; ++i) score += kWeights[i] * features[i];
  return 1.0 / (1.0 + std::exp(-score));
}

}  // namespace newsloom::extract
