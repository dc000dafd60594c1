#include "extract/metadata_dates.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/strings.h"
#include "common/time.h"
#include "common/utf8.h"
#include "extract/dates.h"
#include "extract/metadata_text.h"

namespace newsloom::extract::metadata_internal {

namespace {

constexpr int64_t kEarliestPlausible = 788918400;  // 1995-01-01: older "dates" are defaults

class DateChooser {
 public:
  explicit DateChooser(const Timestamp& fetched) : latest_(fetched.utc_seconds + 86400) {}

  std::optional<Timestamp> Parse(std::string_view text) const {
    if (TrimView(text).empty()) return std::nullopt;
    std::optional<Timestamp> stamp = ParseDateTime(text);
    if (!stamp || !Plausible(*stamp)) return std::nullopt;
    return stamp;
  }

  bool Plausible(const Timestamp& stamp) const {
    return stamp.utc_seconds <= latest_ && stamp.utc_seconds >= kEarliestPlausible;
  }

 private:
  int64_t latest_;
};

// A byline's text with "Updated ..." parts removed, so that a page saying
// "Updated Sep 24 · Published Sep 23" gives the 23rd.
std::optional<Timestamp> DateFromByline(std::string_view text, const DateChooser& dates) {
  static constexpr std::string_view kPublished[] = {"published", "posted",    "veröffentlicht",
                                                    "publié",    "publicado", "pubblicato"};
  for (std::string_view word : kPublished) {
    std::string lower = AsciiLower(text);
    size_t at = lower.find(word);
    if (at != std::string::npos) {
      if (std::optional<Timestamp> stamp = dates.Parse(text.substr(at))) return stamp;
    }
  }
  std::string lower = AsciiLower(text);
  size_t updated = std::min(lower.find("updated"), lower.find("modified"));
  if (updated != std::string::npos) {
    if (std::optional<Timestamp> stamp = dates.Parse(text.substr(0, updated))) return stamp;
    return std::nullopt;
  }
  return dates.Parse(text);
}

// The publication-date meta names, most specific first.
constexpr std::string_view kPublishedMetas[] = {"article:published_time",
                                                "article:published",
                                                "og:published_time",
                                                "og:article:published_time",
                                                "published_time",
                                                "datepublished",
                                                "date_published",
                                                "publishdate",
                                                "publish_date",
                                                "publish-date",
                                                "publication_date",
                                                "publication-date",
                                                "pubdate",
                                                "parsely-pub-date",
                                                "sailthru.date",
                                                "article.published",
                                                "article_date_original",
                                                "originalpublicationdate",
                                                "original-publish-date",
                                                "cxenseparse:recs:publishtime",
                                                "dc.date.issued",
                                                "dcterms.issued",
                                                "dc.date.created",
                                                "dcterms.created",
                                                "dc.date",
                                                "dcterms.date",
                                                "citation_publication_date",
                                                "citation_date",
                                                "date",
                                                "datecreated",
                                                "displaydate",
                                                "pdate",
                                                "rnews:datepublished",
                                                "bt:pubdate",
                                                "weibo:article:create_at",
                                                "release_date",
                                                "created",
                                                "timestamp"};

constexpr std::string_view kModifiedMetas[] = {
    "article:modified_time", "og:updated_time",  "datemodified",     "last-modified",
    "dc.date.modified",      "dcterms.modified", "article:modified", "modified_time"};

std::optional<Timestamp> DeclaredPublished(const Collector& collected, const Metas& metas,
                                           const JsonLdFacts& ld, const DateChooser& dates) {
  // An article's JSON-LD dates the page; a video or recipe described there
  // may be an embedded one with its own date, so the page's metas go first.
  if (ld.has_article) {
    if (auto stamp = dates.Parse(ld.date_published)) return stamp;
  }
  for (std::string_view key : kPublishedMetas) {
    if (auto stamp = dates.Parse(metas.Get(key))) return stamp;
  }
  if (auto stamp = dates.Parse(ld.date_published)) return stamp;
  // Document order: the page's main item (a question, a first post) comes
  // before the answers and replies that carry their own dates.
  for (const Found& found : collected.itemprop_dates) {
    if (found.flags.in_comments || found.flags.in_boilerplate) continue;
    if (auto stamp = dates.Parse(ItemValue(found.node))) return stamp;
  }
  // Site-specific names like "w-published-date" or "article_publish_date".
  std::optional<Timestamp> found;
  metas.ForEachEntry([&](std::string_view key, std::string_view content) {
    if (!found && ContainsIgnoreCase(key, "publish") && !ContainsAny(key, {"modif", "updat"})) {
      found = dates.Parse(content);
    }
  });
  return found;
}

std::optional<Timestamp> DeclaredModified(const Metas& metas, const JsonLdFacts& ld,
                                          const DateChooser& dates) {
  if (auto stamp = dates.Parse(ld.date_modified)) return stamp;
  for (std::string_view key : kModifiedMetas) {
    if (auto stamp = dates.Parse(metas.Get(key))) return stamp;
  }
  return std::nullopt;
}

// A date the page displays: a <time> marked as the publication time, the
// first <time> in the article, then a dated byline. `shown_in` (optional)
// gets the <time> it came from, nullptr when it came from a byline.
std::optional<Timestamp> DisplayedDate(const Collector& collected, const DateChooser& dates,
                                       const xmlNode** shown_in = nullptr) {
  for (const Found* found : ByPreference(collected.times)) {
    if (found->flags.in_boilerplate) continue;
    std::string_view class_name = AttributeView(found->node, "class");
    if (ContainsAny(class_name, {"update", "modif"})) continue;
    if (!ContainsAny(class_name, {"publish", "date", "posted", "created"}) &&
        !found->flags.in_content && !found->flags.in_header) {
      continue;
    }
    if (shown_in) *shown_in = found->node;
    std::string_view datetime = AttributeView(found->node, "datetime");
    if (auto stamp = dates.Parse(datetime)) return stamp;
    if (auto stamp = dates.Parse(TextOf(found->node))) return stamp;
  }
  for (const Found* found : ByPreference(collected.date_nodes)) {
    if (found->flags.in_boilerplate) continue;
    std::optional<std::string> text = TextOfAtMost(found->node, 200);
    if (!text) continue;
    if (shown_in) *shown_in = nullptr;  // only a <time> names its own date
    if (auto stamp = DateFromByline(*text, dates)) return stamp;
  }
  return std::nullopt;
}

// Whether the page dates one item: a few <time> elements at most, where
// threads and listings date every item.
bool DatesOneItem(const Collector& collected) {
  constexpr int kMaxTimesOfOneItem = 3;
  return collected.time_elements <= kMaxTimesOfOneItem;
}

// The element's class names an update ("updated", "date-modified").
bool ClassedAsUpdate(const xmlNode* node) {
  return ContainsAny(AttributeView(node, "class"), {"updat", "modif"});
}

// The date is shown as an update ("Updated on June 18", "Last updated:")
// by its own text or its parent's.
bool LabelledAsUpdate(const xmlNode* node) {
  for (int level = 0; level < 3 && node != nullptr; ++level, node = node->parent) {
    if (node->type != XML_ELEMENT_NODE) return false;
    if (ClassedAsUpdate(node)) return true;
    std::string text = LowerUtf8(TextOf(node));
    if (text.size() > 300) return false;
    for (std::string_view label :
         {"updat", "modif", "revised", "aktualisiert", "mis à jour", "actualizado", "aggiornato"}) {
      if (text.find(label) != std::string::npos) return true;
    }
  }
  return false;
}

// The date is shown as the publication ("Published <time>", <time pubdate>,
// "Veröffentlicht am ...") by its own markup, text or its parent's text.
bool LabelledAsPublished(const xmlNode* node) {
  if (node->type == XML_ELEMENT_NODE && xmlHasProp(node, BAD_CAST "pubdate") != nullptr) {
    return true;
  }
  for (int level = 0; level < 3 && node != nullptr; ++level, node = node->parent) {
    if (node->type != XML_ELEMENT_NODE) return false;
    std::optional<std::string> shown = TextOfAtMost(node, 200);
    if (!shown) return false;
    std::string text = LowerUtf8(*shown);
    for (std::string_view label : {"published", "veröffentlicht", "publié", "publicado",
                                   "pubblicato", "originally posted"}) {
      if (text.find(label) != std::string::npos) return true;
    }
  }
  return false;
}

// A date the page shows readers as its publication, in a single-item page
// (threads and listings date every item): a labelled <time>, else a byline
// or date element whose text says "Published".
std::optional<Timestamp> ShownAsPublished(const Collector& collected, const DateChooser& dates) {
  if (!DatesOneItem(collected)) return std::nullopt;
  for (const Found* found : ByPreference(collected.times)) {
    if (found->flags.in_boilerplate || LabelledAsUpdate(found->node) ||
        !LabelledAsPublished(found->node)) {
      continue;
    }
    if (auto stamp = dates.Parse(AttributeView(found->node, "datetime"))) return stamp;
    if (auto stamp = dates.Parse(TextOf(found->node))) return stamp;
  }
  for (const Found* found : ByPreference(collected.date_nodes)) {
    if (found->flags.in_boilerplate) continue;
    std::optional<std::string> text = TextOfAtMost(found->node, 200);
    if (!text) continue;
    std::string lower = LowerUtf8(*text);
    size_t at = lower.find("published");
    if (at == std::string::npos) continue;
    if (auto stamp = dates.Parse(std::string_view(*text).substr(at))) return stamp;
  }
  return std::nullopt;
}

// The declared publication is the JSON-LD's and written there not as ISO
// 8601 but as a template prints dates ("Jun 24, 2025").
bool TemplatedDeclaration(const JsonLdFacts& ld, const Timestamp& published,
                          const DateChooser& dates) {
  std::string_view stated = TrimView(ld.date_published);
  if (stated.empty() || IsAsciiDigit(stated.front())) return false;
  std::optional<Timestamp> parsed = dates.Parse(stated);
  return parsed && parsed->utc_seconds == published.utc_seconds;
}

// A day shown with the article: DisplayedDate, else a bare date under the
// headline or in the article ("Mar 27, 2024").
std::optional<Timestamp> ShownWithArticle(const Collector& collected, const DateChooser& dates) {
  if (auto stamp = DisplayedDate(collected, dates)) return stamp;
  for (const auto* list : {&collected.short_texts_after_h1, &collected.short_texts_in_content}) {
    for (const Found& found : *list) {
      if (auto stamp = dates.Parse(reinterpret_cast<const char*>(found.node->content))) {
        return stamp;
      }
    }
  }
  return std::nullopt;
}

// Days at most one apart: the same moment seen from another time zone.
bool WithinADay(int64_t a_day, int64_t b_day) { return a_day - b_day <= 1 && b_day - a_day <= 1; }

// The one or few <time> elements of a single-item page show a day that is
// neither the declared publication nor the declared update, nor a day off
// either, and is not labelled as an update: that shown day.
std::optional<Timestamp> ShownOtherDay(const Collector& collected, const Metas& metas,
                                       const JsonLdFacts& ld, const Timestamp& published,
                                       const DateChooser& dates) {
  if (!DatesOneItem(collected)) return std::nullopt;
  const xmlNode* shown_in = nullptr;
  std::optional<Timestamp> shown = DisplayedDate(collected, dates, &shown_in);
  if (!shown || shown_in == nullptr || LabelledAsUpdate(shown_in)) return std::nullopt;
  int64_t day = LocalDaysFromEpoch(*shown);
  if (WithinADay(day, LocalDaysFromEpoch(published))) return std::nullopt;
  std::optional<Timestamp> modified = DeclaredModified(metas, ld, dates);
  if (modified && WithinADay(day, LocalDaysFromEpoch(*modified))) return std::nullopt;
  return shown;
}

// A time of day in UTC falls on another calendar day than the publisher's
// own when it is near midnight; a date in the url is written in the
// publisher's day. Returns the url's day when it is one off, else nothing.
std::optional<Timestamp> PublisherDay(const Timestamp& published, std::string_view page_url,
                                      std::string_view canonical_url) {
  if (published.offset_minutes != 0 || published.precision == Timestamp::Precision::kDay) {
    return std::nullopt;
  }
  for (std::string_view url : {page_url, canonical_url}) {
    if (std::optional<Timestamp> from_url = DateFromUrl(url)) {
      int64_t difference = LocalDaysFromEpoch(*from_url) - LocalDaysFromEpoch(published);
      if (difference == 1 || difference == -1) return from_url;
      return std::nullopt;
    }
  }
  return std::nullopt;
}

// A page republished after an update (an evergreen guide redated) declares
// its first publication but shows readers, as its one unlabelled <time>,
// the day of the update: that shown day is the page's date. Not on threads
// and listings, which date every item and whose latest item is the update.
std::optional<Timestamp> RepublishedOn(const Collector& collected, const Metas& metas,
                                       const JsonLdFacts& ld, const Timestamp& published,
                                       const DateChooser& dates) {
  if (!DatesOneItem(collected)) return std::nullopt;
  std::optional<Timestamp> modified = DeclaredModified(metas, ld, dates);
  if (!modified || LocalDaysFromEpoch(*modified) == LocalDaysFromEpoch(published)) {
    return std::nullopt;
  }
  const xmlNode* shown_in = nullptr;
  std::optional<Timestamp> shown = DisplayedDate(collected, dates, &shown_in);
  if (!shown || shown_in == nullptr || LabelledAsUpdate(shown_in) ||
      LocalDaysFromEpoch(*shown) != LocalDaysFromEpoch(*modified)) {
    return std::nullopt;
  }
  return shown;
}

// An element inside `node` is classed as an update ("updated", hAtom's
// modification date).
bool HoldsUpdateClass(const xmlNode* node, int depth) {
  if (depth > 4) return false;
  for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (child->type != XML_ELEMENT_NODE) continue;
    if (ClassedAsUpdate(child)) return true;
    if (HoldsUpdateClass(child, depth + 1)) return true;
  }
  return false;
}

// A day a page shows readers with its article, and whether it is shown as
// an update ("Last updated: ...").
struct ShownDay {
  int64_t day;
  bool as_update;
};

// The days a single-item page shows readers with its article: its <time>s,
// its date and byline elements, and the short dated texts under the headline
// or in the article (a text saying "Updated ... Published ..." gives both).
std::vector<ShownDay> ShownDays(const Collector& collected, const DateChooser& dates) {
  std::vector<ShownDay> days;
  auto note = [&](std::string_view text, const xmlNode* element) {
    std::optional<Timestamp> first = dates.Parse(text);
    std::optional<Timestamp> published = DateFromByline(text, dates);
    if (!first && !published) return;
    bool as_update = LabelledAsUpdate(element);
    if (first) days.push_back({LocalDaysFromEpoch(*first), as_update});
    if (published) days.push_back({LocalDaysFromEpoch(*published), as_update});
  };
  for (const Found* found : ByPreference(collected.times)) {
    if (found->flags.in_boilerplate) continue;
    note(AttributeView(found->node, "datetime"), found->node);
    note(TextOf(found->node), found->node);
  }
  for (const Found* found : ByPreference(collected.date_nodes)) {
    if (found->flags.in_boilerplate) continue;
    std::optional<std::string> text = TextOfAtMost(found->node, 200);
    if (!text) continue;
    // hAtom marks the modification date class="updated" inside a wider date element.
    if (HoldsUpdateClass(found->node, 0)) {
      if (std::optional<Timestamp> stamp = dates.Parse(*text)) {
        days.push_back({LocalDaysFromEpoch(*stamp), true});
      }
      continue;
    }
    note(*text, found->node);
  }
  for (const auto* list : {&collected.short_texts_after_h1, &collected.short_texts_in_content}) {
    for (const Found& found : *list) {
      note(reinterpret_cast<const char*>(found.node->content), found.node->parent);
    }
  }
  return days;
}

// A page that declares a first publication and a later update but shows
// readers only the update's day, unlabelled, with the first publication
// nowhere on the page, presents itself as of that day: the shown day is its
// date. A day shown as an update ("Updated June 18") is not the page's
// date, and threads and listings date every item.
std::optional<Timestamp> ShownOnlyUpdate(const Collector& collected, const Metas& metas,
                                         const JsonLdFacts& ld, const Timestamp& published,
                                         const DateChooser& dates) {
  if (!DatesOneItem(collected)) return std::nullopt;
  std::optional<Timestamp> modified = DeclaredModified(metas, ld, dates);
  if (!modified) return std::nullopt;
  int64_t published_day = LocalDaysFromEpoch(published);
  int64_t modified_day = LocalDaysFromEpoch(*modified);
  if (modified_day <= published_day) return std::nullopt;
  bool shows_update = false;
  for (const ShownDay& shown : ShownDays(collected, dates)) {
    if (WithinADay(shown.day, published_day)) return std::nullopt;
    shows_update = shows_update || (shown.day == modified_day && !shown.as_update);
  }
  if (!shows_update) return std::nullopt;
  return modified;
}

}  // namespace

std::optional<Timestamp> ChooseDate(const Collector& collected, const Metas& metas,
                                    const JsonLdFacts& ld, std::string_view page_url,
                                    std::string_view canonical_url, const Timestamp& fetched) {
  DateChooser dates(fetched);
  std::optional<Timestamp> published = DeclaredPublished(collected, metas, ld, dates);
  if (published) {
    if (std::optional<Timestamp> shown = RepublishedOn(collected, metas, ld, *published, dates)) {
      return shown;
    }
    if (std::optional<Timestamp> update =
            ShownOnlyUpdate(collected, metas, ld, *published, dates)) {
      return update;
    }
    // What readers are told is the publication day outranks a declared
    // one that disagrees (a CMS stamping its own re-publication time).
    if (std::optional<Timestamp> shown = ShownAsPublished(collected, dates);
        shown && LocalDaysFromEpoch(*shown) != LocalDaysFromEpoch(*published)) {
      return shown;
    }
    // So does a <time> the article shows that is neither the declared
    // publication nor the declared update: the declaration is a migration's
    // or an import's stamp ("2024-08-07" on a post shown as "Dec 30, 2013").
    if (std::optional<Timestamp> shown = ShownOtherDay(collected, metas, ld, *published, dates)) {
      return shown;
    }
    // So does any day shown with the article when the declared one is a
    // template's ("Jun 24, 2025" where schema.org asks for ISO 8601): such
    // a JSON-LD block is filled with the CMS's own publish time.
    if (TemplatedDeclaration(ld, *published, dates)) {
      if (std::optional<Timestamp> shown = ShownWithArticle(collected, dates);
          shown && LocalDaysFromEpoch(*shown) != LocalDaysFromEpoch(*published)) {
        return shown;
      }
    }
    if (std::optional<Timestamp> local = PublisherDay(*published, page_url, canonical_url)) {
      return local;
    }
    return published;
  }
  if (auto stamp = DisplayedDate(collected, dates)) return stamp;
  // A bare date under the headline or in the article: "Mar 27, 2024".
  for (const auto* list : {&collected.short_texts_after_h1, &collected.short_texts_in_content,
                           &collected.short_texts_anywhere}) {
    for (const Found& found : *list) {
      if (auto stamp = dates.Parse(reinterpret_cast<const char*>(found.node->content))) {
        return stamp;
      }
    }
  }
  for (std::string_view url : {page_url, canonical_url}) {
    if (auto stamp = DateFromUrl(url); stamp && dates.Plausible(*stamp)) return stamp;
  }
  if (auto stamp = dates.Parse(ld.page_date_published)) return stamp;
  for (const Found* found : ByPreference(collected.times)) {
    if (found->flags.in_boilerplate) continue;
    if (auto stamp = dates.Parse(AttributeView(found->node, "datetime"))) return stamp;
  }
  return DeclaredModified(metas, ld, dates);
}

}  // namespace newsloom::extract::metadata_internal
