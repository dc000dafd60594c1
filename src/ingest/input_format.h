// Internal to ingest: telling what kind of input a file holds, from its
// content first and its name second. Thread-safe: no shared state.
#ifndef NEWSLOOM_INGEST_INPUT_FORMAT_H_
#define NEWSLOOM_INGEST_INPUT_FORMAT_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "newsloom/status.h"

namespace newsloom::ingest {

enum class InputFormat {
  kJsonLines,  // one record per line, or a whole-file JSON object or array
  kHtml,
  kText,
  kWarc,  // recognised so that it can be refused clearly; not read yet
  kFeed,  // RSS or Atom; likewise
};

// How many leading bytes are searched for HTML tags.
inline constexpr size_t kHtmlSniffBytes = size_t(64) << 10;
// How many leading bytes are judged when telling text from binary data.
inline constexpr size_t kBinarySniffBytes = 4096;

// InvalidArgument("binary data, not a page") when `bytes` start like a known
// binary format (PDF, PNG, JPEG, GIF, ZIP, ...), have a NUL byte, or more than
// one in ten control bytes (other than tab, newlines, form feed and escape) in
// their first kBinarySniffBytes bytes; OK otherwise.
// REQUIRES: UTF-16 input has been converted to UTF-8 first.
Status CheckLooksLikeText(std::string_view bytes);

// The format of `text` (decompressed, UTF-16 already converted) read from a
// file called `name`. Content decides first: a first line that is a JSON
// object means JSON Lines; markup with an HTML tag in the first
// kHtmlSniffBytes bytes means HTML. Then the suffix (after a .gz): .jsonl,
// .json, .ndjson; .html, .htm, .xhtml, .shtml; .warc; .rss, .atom. Anything else
// is text. REQUIRES: CheckLooksLikeText(text).ok()
InputFormat DetectFormat(std::string_view name, std::string_view text);

// True when `text` (after BOM and whitespace) starts with '<' and has an
// html, head, body, div, p, !doctype, title, meta, article or table tag in
// its first kHtmlSniffBytes bytes.
bool LooksLikeHtml(std::string_view text);

// `name` without a trailing ".gz" (any case).
std::string_view WithoutGzipSuffix(std::string_view name);

// "12 bytes", "34 KB", "5.5 MB", "300 MB", rounded up: sizes for messages.
std::string FormatByteCount(size_t bytes);

}  // namespace newsloom::ingest

#endif  // NEWSLOOM_INGEST_INPUT_FORMAT_H_
