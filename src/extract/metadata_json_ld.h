// JSON-LD (schema.org) reading for metadata extraction (internal to src/extract).
// Not thread-safe per instance; use one reader per document.
#ifndef NEWSLOOM_EXTRACT_METADATA_JSON_LD_H_
#define NEWSLOOM_EXTRACT_METADATA_JSON_LD_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace newsloom::extract::metadata_internal {

// What the page's JSON-LD blocks say, strings as written (entities not yet decoded).
struct JsonLdFacts {
  std::vector<std::string> types;    // every @type seen, in order, without duplicates
  std::string main_type;             // @type of the node the fields below come from
  bool has_article = false;          // an Article / BlogPosting / forum posting node exists
  std::string headline;              // headline, else name, of that node
  std::vector<std::string> authors;  // author / creator names of that node, @id references resolved
  std::string date_published;        // datePublished, else dateCreated / uploadDate
  std::string date_modified;
  std::string page_date_published;  // datePublished of a WebPage-like node
  std::string publisher_name;       // publisher.name of the main node
  std::string website_name;         // name of a WebSite node
  std::string article_body;         // articleBody of an article node (text or HTML)
};

// Collects the blocks of one document, then decides.
class JsonLdReader {
 public:
  JsonLdReader();
  ~JsonLdReader();
  JsonLdReader(const JsonLdReader&) = delete;
  JsonLdReader& operator=(const JsonLdReader&) = delete;

  // The text of one <script type="application/ld+json">. Invalid JSON is ignored.
  void Add(std::string_view script_text);

  // Chooses the main article-like node (NewsArticle, BlogPosting, ...,
  // DiscussionForumPosting, Question, Recipe) and reads it.
  JsonLdFacts Finish() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace newsloom::extract::metadata_internal

#endif  // NEWSLOOM_EXTRACT_METADATA_JSON_LD_H_
