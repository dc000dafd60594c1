// The ingest stage: from paths on disk to raw pages in UTF-8.
//
// Finds input files (directories walked recursively), undoes gzip, tells the
// format from the content and the suffix, splits JSON Lines into records, and
// decodes every page to valid UTF-8 (BOM, then <meta charset> / http-equiv,
// then detection with uchardet). Nothing here knows about extraction.
// All functions are thread-safe: they share no state.
#ifndef NEWSLOOM_INGEST_INGEST_H_
#define NEWSLOOM_INGEST_INGEST_H_

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "newsloom/status.h"

namespace newsloom::ingest {

// One page as read from an input, before extraction.
struct RawPage {
  enum class Format {
    kHtml,    // an HTML document in `body`
    kText,    // a scraped page saved as plain text (like the seeds) in `body`
    kRecord,  // a record whose text is already extracted (JSON Lines, feed item): `body`
  };

  std::string id;      // the record's "id", else the file name without its suffixes
                       // (plus "-N" for line N of a JSON Lines file)
  std::string origin;  // where it came from, for messages: "dir/a.html.gz" or "feed.jsonl:17"
  Format format = Format::kHtml;
  std::string body;  // valid UTF-8

  // Fields a JSON Lines record may carry (news-please and trafilatura names
  // accepted: title, text|maintext, url (or trafilatura's URL in "source"),
  // date_publish|published|date, source_domain|hostname|source, language,
  // description|excerpt, authors|author). Empty when absent.
  std::string url;
  std::string title;
  std::string published;  // as written in the record, not parsed here
  std::string fetched;    // when a crawler fetched the page (WARC-Date), as written, or ""
  std::string source_domain;
  std::string language;
  std::string description;
  std::vector<std::string> authors;
};

// An input file found under the given paths, or the error that stopped us
// from finding one (a missing path, an unreadable directory).
struct InputFile {
  std::string path;
  Status status;
};

// Expands paths into files: a file is itself, a directory is walked recursively
// (sorted by path, hidden entries and symlink loops skipped). A missing path is
// an InputFile with a NotFound status, so the caller reports it and carries on.
// Symlinks are followed, but a directory reached twice is listed once, under
// its real path when it has one; an unreadable directory is an InputFile with
// an IOError status. Never throws.
std::vector<InputFile> ListInputs(const std::vector<std::string>& paths);

struct ReadOptions {
  // Inputs larger than this (after decompression) are refused with an error
  // instead of being loaded: protects memory against gzip bombs.
  size_t max_file_bytes = size_t(256) << 20;
  // A single HTML or text page larger than this is refused.
  size_t max_page_bytes = size_t(64) << 20;
};

// One record of a file: a page, or the reason that record could not be read
// (a JSON Lines line that is not valid JSON). The other records still count.
struct ReadRecord {
  Status status;  // ok() when page is usable
  RawPage page;
};

// Reads one file into pages. The outer Result fails for the whole file
// (unreadable, truncated or corrupt gzip, binary junk, too large, empty);
// JSON Lines files give one ReadRecord per non-blank line, RSS/Atom feeds one
// per item, WARC archives one per response page or broken record. All of a
// file's pages are held at once: a WARC archive is read piece by piece but its
// pages are refused past options.max_file_bytes in total (an error record
// says so); use OpenRecords to stream an archive of any size.
Result<std::vector<ReadRecord>> ReadFile(const std::string& path, const ReadOptions& options);

// The records of one file, one at a time. Not thread-safe.
class RecordStream {
 public:
  virtual ~RecordStream() = default;
  // The next record; nullopt after the last.
  virtual std::optional<ReadRecord> Next() = 0;
};

// Opens a file for reading record by record. WARC and WARC.gz archives (told
// by suffix or content) are streamed: memory holds one record, however large
// the archive. Other formats are read whole with ReadFile and handed out one
// by one. Fails as ReadFile does for the whole file.
Result<std::unique_ptr<RecordStream>> OpenRecords(const std::string& path,
                                                  const ReadOptions& options);

// Whether `path` is a WARC archive, which OpenRecords streams: told by its
// .warc or .warc.gz suffix, else (when `check_content`) by its first bytes,
// inflated when it is gzip. False when it cannot be opened.
bool IsWarcFile(const std::string& path, bool check_content);

// Reads pages already in memory (the same rules as ReadFile; `name` stands for
// the path when choosing the id and the format).
Result<std::vector<ReadRecord>> ReadBuffer(std::string_view name, std::string_view bytes,
                                           const ReadOptions& options);

// Decodes an HTML or text page to valid UTF-8. Exposed for tests and for
// callers that receive pages over HTTP with a Content-Type charset.
std::string DecodeToUtf8(std::string_view bytes, std::string_view charset_hint = {});

// The id for a file: its base name without a .gz suffix and then one format suffix
// (.html, .htm, .txt, .jsonl, .json, .warc, .xml, .rss, .atom).
std::string IdFromPath(std::string_view path);

}  // namespace newsloom::ingest

#endif  // NEWSLOOM_INGEST_INGEST_H_
