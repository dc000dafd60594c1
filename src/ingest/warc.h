// Internal to ingest: WARC archives (ISO 28500, as in Common Crawl's CC-NEWS),
// plain or as concatenated gzip members, read one record at a time.
// Not thread-safe: one reader per archive.
#ifndef NEWSLOOM_INGEST_WARC_H_
#define NEWSLOOM_INGEST_WARC_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "ingest/byte_source.h"
#include "ingest/ingest.h"

namespace newsloom::ingest {

// True when `name` ends in .warc or .warc.gz (any case).
bool HasWarcSuffix(std::string_view name);

// True when the (decompressed) bytes start a WARC record.
bool StartsLikeWarc(std::string_view bytes);

// The error for an archive that gave no page at all.
Status NoPageInArchive();

// Reads `response` records as pages: the HTTP headers give the charset and
// the media type (HTML and XHTML become kHtml pages, plain text kText; other
// media types are skipped), WARC-Target-URI the url, WARC-Date the fetch time.
// Other record types (warcinfo, request, metadata, ...) and responses that are
// not 2xx are skipped. A broken record (bad header, missing length, corrupt
// gzip member, a block over options.max_page_bytes) gives one record whose
// status names its offset, and reading resumes at the next record; a
// truncated archive ends after such a record. Memory: one record at a time.
class WarcReader {
 public:
  // `name` names the archive in ids ("<IdFromPath(name)>-N" for record N,
  // counted from 1 over all records) and origins ("<name>@<offset>", the
  // record's offset in the uncompressed stream).
  WarcReader(std::string_view name, std::unique_ptr<ByteSource> source, const ReadOptions& options);
  ~WarcReader();
  WarcReader(const WarcReader&) = delete;
  WarcReader& operator=(const WarcReader&) = delete;

  // The next page or broken record; nullopt at the end of the archive.
  std::optional<ReadRecord> Next();

 private:
  struct Header;
  bool Fill(size_t bytes);
  void Consume(size_t bytes);
  bool SkipBytes(uint64_t bytes);
  std::optional<std::string_view> ReadLine();
  bool ResynchronizeToRecord();
  ReadRecord Broken(uint64_t offset, std::string_view what);
  std::optional<ReadRecord> PageFromBlock(const Header& header, uint64_t offset,
                                          std::string_view block);

  std::string name_;
  std::string id_prefix_;
  std::unique_ptr<ByteSource> source_;
  ReadOptions options_;
  std::string buffer_;  // bytes read but not consumed start at position_
  size_t position_ = 0;
  uint64_t offset_ = 0;  // stream offset of buffer_[position_]
  bool source_ended_ = false;
  std::string read_error_;  // the source's last error, reported once
  uint64_t records_ = 0;    // records started, for ids
  bool finished_ = false;
};

}  // namespace newsloom::ingest

#endif  // NEWSLOOM_INGEST_WARC_H_
