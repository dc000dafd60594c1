// A fast HTML5-ish parser that builds a libxml2-shaped tree in a bump arena.
//
// libxml2's htmlReadMemory was most of extraction time (parsing plus one
// malloc per node). ParseHtml tokenizes in one pass and builds the same
// xmlDoc / xmlNode / xmlAttr structs libxml2 builds, so code that walks
// libxml2 trees (and libxml2's read-only APIs such as xmlGetProp,
// xmlNodeGetContent, xmlDocGetRootElement) works unchanged, but every struct
// and string lives in an Arena and is released with it, never by xmlFreeDoc.
//
// The tree always has the shape doc -> html -> (head, body). Tree building
// follows the HTML5 rules that matter for text extraction (implied end tags
// for p, li, dd/dt, option, tr, td/th, a, headings; scoped end tags; raw-text
// and RCDATA elements; head/body inference) and skips the rest (foster
// parenting, the adoption agency, reconstruction of formatting elements).
// Comments, doctypes, CDATA sections and processing instructions are dropped
// (as in browsers, "<![CDATA[" and "<!DOCTYPE" end at the first '>').
//
// Thread-safety: an Arena and the tree in it belong to one thread at a time;
// ParseHtml itself keeps no mutable global state and may run concurrently on
// different arenas.
#ifndef NEWSLOOM_EXTRACT_HTML_PARSER_H_
#define NEWSLOOM_EXTRACT_HTML_PARSER_H_

#include <libxml/tree.h>

#include <cstddef>
#include <memory>
#include <string_view>

namespace newsloom::extract {

// Bump allocator: memory comes from chunks that grow geometrically and is
// released all at once by the destructor. Not thread-safe.
class Arena {
 public:
  // The first chunk holds first_chunk_bytes (at least 4 KB).
  explicit Arena(size_t first_chunk_bytes = 64 * 1024);
  ~Arena();
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;

  // Uninitialised memory aligned to 16 bytes.
  void* Allocate(size_t bytes);

  // Uninitialised bytes with no alignment, for strings.
  char* AllocateChars(size_t bytes);

  // Gives back the tail of the most recent AllocateChars block: `end` must
  // point into that block; bytes from `end` on are reused by the next call.
  void TrimLastChars(char* end);

  // Total bytes reserved from the system so far.
  size_t bytes_reserved() const { return bytes_reserved_; }

 private:
  struct Chunk;
  char* Grow(size_t bytes);

  Chunk* chunks_ = nullptr;  // newest first; owned
  char* cursor_ = nullptr;
  char* limit_ = nullptr;
  char* last_chars_ = nullptr;  // start of the last AllocateChars block
  size_t next_chunk_bytes_;
  size_t bytes_reserved_ = 0;
};

// Nesting is capped here: start tags deeper than this are dropped (their text
// goes to the deepest open element), so walkers that stop at kMaxTreeDepth see
// the whole tree.
inline constexpr int kMaxParserDepth = 512;

// Parses UTF-8 HTML into a tree allocated in `arena`; never fails. The result
// is an XML_HTML_DOCUMENT_NODE whose only child is the <html> element, which
// has exactly a <head> and a <body> element child. Element and attribute
// names are lower-case ASCII; text and attribute values have character
// references decoded. NUL bytes in the input are dropped.
// REQUIRES: utf8_html is valid UTF-8 (invalid bytes are passed through).
// The tree is valid as long as `arena` lives; never pass it to xmlFreeDoc.
xmlDoc* ParseHtml(std::string_view utf8_html, Arena& arena);

}  // namespace newsloom::extract

#endif  // NEWSLOOM_EXTRACT_HTML_PARSER_H_
