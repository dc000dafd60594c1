#include "extract/extract.h"

#include "common/strings.h"
#include "common/utf8.h"
#include "extract/boilerplate.h"
#include "extract/content.h"
#include "extract/dates.h"
#include "extract/html_document.h"
#include "extract/metadata.h"
#include "extract/metadata_text.h"
#include "extract/page_kind.h"
#include "extract/script_state.h"
#include "extract/text_page.h"

namespace newsloom::extract {

namespace {

using metadata_internal::HostOf;  // "https://www.example.com/a" -> "example.com"

std::optional<Timestamp> NotAfter(std::optional<Timestamp> stamp, const Timestamp& fetched) {
  // A day of slack: a page dated "today" in a zone ahead of ours is not in the future.
  if (stamp && stamp->utc_seconds > fetched.utc_seconds + 86400) return std::nullopt;
  return stamp;
}

// Removes the characters that format text without showing (soft hyphen,
// zero-width space, word joiner, byte order mark): inside a word they split
// it for search and comparison ("Wäh\u00adrend").
void DropInvisibleFormatting(std::string* text) {
  static constexpr std::string_view kInvisible[] = {"\xC2\xAD", "\xE2\x80\x8B", "\xE2\x81\xA0",
                                                    "\xEF\xBB\xBF"};
  bool found = false;
  for (std::string_view mark : kInvisible) found = found || text->find(mark) != std::string::npos;
  if (!found) return;
  std::string kept;
  kept.reserve(text->size());
  for (size_t i = 0; i < text->size();) {
    bool dropped = false;
    for (std::string_view mark : kInvisible) {
      if (std::string_view(*text).substr(i, mark.size()) == mark) {
        i += mark.size();
        dropped = true;
        break;
      }
    }
    if (!dropped) kept.push_back((*text)[i++]);
  }
  *text = std::move(kept);
}

// JSON-LD or a script's state may smuggle "\u0000" or lone surrogates into
// metadata and text; every string leaving extraction is valid UTF-8 without
// NULs (and without invisible formatting).
void RepairStrings(Article* article) {
  DropInvisibleFormatting(&article->title);
  DropInvisibleFormatting(&article->description);
  for (Paragraph& paragraph : article->paragraphs) DropInvisibleFormatting(&paragraph.text);
  for (std::string* field : {&article->url, &article->canonical_url, &article->site_name,
                             &article->title, &article->description, &article->language}) {
    if (!IsValidUtf8(*field)) *field = RepairUtf8(*field);
  }
  for (std::string& author : article->authors) {
    if (!IsValidUtf8(author)) author = RepairUtf8(author);
  }
  for (Paragraph& paragraph : article->paragraphs) {
    if (!IsValidUtf8(paragraph.text)) paragraph.text = RepairUtf8(paragraph.text);
  }
}

// An author bio or a lone byline name closing the text is about the writer,
// not the story.
void DropAuthorTail(Article* article) {
  std::vector<std::string_view> texts;
  for (const Paragraph& paragraph : article->paragraphs) texts.push_back(paragraph.text);
  size_t tail = CountAuthorTail(texts, article->authors);
  // Never the whole text: a page that is only a bio keeps it.
  if (tail > 0 && tail < texts.size()) article->paragraphs.resize(texts.size() - tail);
}

// A heading, or a short line announcing something ("Weitere Beiträge aus der
// Kolumne:"), with nothing after it introduces a section the extractor left
// out (related links, a map, a form): it is not the article's.
void DropDanglingHeadings(Article* article) {
  constexpr int kMaxAnnouncementWords = 5;
  std::vector<Paragraph>& paragraphs = article->paragraphs;
  while (paragraphs.size() > 1) {
    const Paragraph& last = paragraphs.back();
    std::string_view text = TrimView(last.text);
    bool announces =
        !text.empty() && text.back() == ':' && CountWords(text) <= kMaxAnnouncementWords;
    if (last.kind != Paragraph::Kind::kHeading && !announces) break;
    paragraphs.pop_back();
  }
}

// The article text as the page's JSON-LD states it (articleBody): HTML is
// read like a page, plain text split at its line breaks.
MainContent ContentFromArticleBody(std::string_view body, std::string_view title) {
  if (body.find("</") != std::string_view::npos || body.find("<br") != std::string_view::npos) {
    auto document = HtmlDocument::Parse(body);
    if (!document.ok()) return {};
    return ExtractMainContent(**document, title);
  }
  MainContent content;
  for (std::string_view line : Split(body, '\n')) {
    std::string text = CollapseWhitespace(line);
    if (text.empty() || IsBoilerplateLine(text)) continue;
    content.content_chars += int(text.size());
    if (CountWords(text) >= kLongParagraphWords) ++content.long_paragraphs;
    content.paragraphs.push_back({Paragraph::Kind::kText, std::move(text)});
  }
  return content;
}

// Replaces *content by the body a page states apart from its markup when
// that holds clearly more text (the size check first: parsing is the cost).
// Returns whether it did.
bool TakeStatedBodyIfClearlyMore(std::string_view body, std::string_view title,
                                 MainContent* content) {
  if (body.size() <= 2 * size_t(content->content_chars) + 200) return false;
  MainContent stated = ContentFromArticleBody(body, title);
  if (stated.content_chars <= 2 * content->content_chars + 200) return false;
  stated.page_chars = content->page_chars;
  stated.page_link_chars = content->page_link_chars;
  *content = std::move(stated);
  return true;
}

Article ArticleFromHtml(const ingest::RawPage& page, const HtmlDocument& document,
                        const Timestamp& fetched) {
  PageMetadata metadata = ExtractMetadata(document, page.url, fetched);
  MainContent content = ExtractMainContent(document, metadata.title);
  // A page rendered by script carries its text in a data blob, not in the
  // markup; its JSON-LD may still state the body.
  bool stated = TakeStatedBodyIfClearlyMore(metadata.article_body, metadata.title, &content);
  // Or only in its scripts' state blob ("body":[{"html":"<p>..."}]), looked
  // for when the markup is an empty shell, nearly without text anywhere: a
  // shop or listing that shows its items keeps them (the cut was chosen on the
  // WCXB dev set, where pages with more visible text lost from the swap).
  constexpr int kMaxShellPageChars = 250;
  if (!stated && content.page_chars < kMaxShellPageChars) {
    stated = TakeStatedBodyIfClearlyMore(HtmlFromScriptState(document), metadata.title, &content);
  }
  double news_probability =
      NewsArticleProbability(ComputePageKindFeatures(metadata, content, metadata.canonical_url));
  bool is_news = news_probability >= kNewsArticleThreshold;
  // Plainly not an article, and little running text found: a listing, shop or
  // forum index, whose content is its linked items. The cuts were chosen on the
  // WCXB dev set (+0.03 F1 there) against the cost on article-only sets
  // (-0.003 F1 on trafilatura's).
  constexpr double kListingMaxNewsProbability = 0.3;
  constexpr int kListingMaxLongParagraphs = 5;
  constexpr int kListingMaxContentChars = 1000;
  // A body the page states apart from its markup is not re-read from the markup.
  if (!stated && news_probability < kListingMaxNewsProbability &&
      content.long_paragraphs < kListingMaxLongParagraphs &&
      content.content_chars < kListingMaxContentChars) {
    content = ExtractMainContent(document, metadata.title, ContentMode::kListing);
  }

  Article article;
  article.id = page.id;
  article.url = metadata.url.empty() ? page.url : metadata.url;
  article.canonical_url = metadata.canonical_url.empty() ? article.url : metadata.canonical_url;
  article.source = HostOf(article.canonical_url.empty() ? article.url : article.canonical_url);
  article.site_name = metadata.site_name;
  article.title = page.title.empty() ? metadata.title : page.title;
  article.authors = metadata.authors;
  article.published = NotAfter(metadata.published, fetched);
  article.fetched = fetched;
  article.language = !page.language.empty() ? page.language : metadata.language;
  article.description = metadata.description;
  article.is_news = is_news;
  article.paragraphs = std::move(content.paragraphs);
  DropAuthorTail(&article);
  // Shop and listing pages end with their items' names, headings included.
  if (article.is_news) DropDanglingHeadings(&article);
  RepairStrings(&article);
  return article;
}

std::vector<Article> ArticlesFromText(const ingest::RawPage& page, const Timestamp& fetched) {
  std::vector<TextItem> items = ExtractTextPage(page.body);
  std::vector<Article> articles;
  for (size_t i = 0; i < items.size(); ++i) {
    TextItem& item = items[i];
    Article article;
    // A digest page yields one article per lede: "<id>#1", "<id>#2", ...
    article.id = items.size() == 1 ? page.id : page.id + "#" + std::to_string(i + 1);
    article.url = page.url;
    article.canonical_url = page.url;
    article.source = HostOf(page.url);
    article.site_name = item.site_name;
    article.title = !page.title.empty() && items.size() == 1 ? page.title : item.title;
    article.fetched = fetched;
    article.language = page.language;
    article.paragraphs = std::move(item.paragraphs);
    article.truncated = item.truncated;
    // A scraped text page carries no markup to tell its kind; ledes and
    // articles alike are news unless a later stage says otherwise.
    article.is_news = !article.paragraphs.empty();
    articles.push_back(std::move(article));
  }
  return articles;
}

Article ArticleFromRecord(const ingest::RawPage& page, const Timestamp& fetched) {
  Article article;
  article.id = page.id;
  article.url = page.url;
  article.canonical_url = page.url;
  article.source = !page.source_domain.empty() ? AsciiLower(page.source_domain) : HostOf(page.url);
  if (article.source.rfind("www.", 0) == 0) article.source.erase(0, 4);
  article.title = CollapseWhitespace(page.title);
  article.authors = page.authors;
  article.published = NotAfter(ParseDateTime(page.published), fetched);
  article.fetched = fetched;
  article.language = page.language;
  article.description = CollapseWhitespace(page.description);
  for (std::string_view line : Split(page.body, '\n')) {
    std::string text = CollapseWhitespace(line);
    if (text.empty()) continue;
    article.paragraphs.push_back({Paragraph::Kind::kText, std::move(text)});
  }
  // A record handed over as an article is taken at its word.
  article.is_news = !article.paragraphs.empty() || !article.title.empty();
  return article;
}

}  // namespace

Result<std::vector<Article>> ExtractPage(const ingest::RawPage& original,
                                         const Timestamp& fetched) {
  // A page whose UTF-8 was once read with the wrong charset ("Investorâ€™s")
  // is read as it was written.
  std::optional<ingest::RawPage> repaired;
  if (original.format != ingest::RawPage::Format::kRecord) {
    if (std::optional<std::string> body = RepairMojibake(original.body)) {
      repaired = original;
      repaired->body = std::move(*body);
    }
  }
  const ingest::RawPage& page = repaired ? *repaired : original;
  switch (page.format) {
    case ingest::RawPage::Format::kHtml: {
      auto document = HtmlDocument::Parse(page.body);
      if (!document.ok()) return document.status();
      std::vector<Article> articles;
      articles.push_back(ArticleFromHtml(page, **document, fetched));
      return articles;
    }
    case ingest::RawPage::Format::kText:
      return ArticlesFromText(page, fetched);
    case ingest::RawPage::Format::kRecord: {
      std::vector<Article> articles;
      articles.push_back(ArticleFromRecord(page, fetched));
      return articles;
    }
  }
  return Status::InvalidArgument("unknown page format");
}

}  // namespace newsloom::extract
