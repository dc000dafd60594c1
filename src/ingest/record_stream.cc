// OpenRecords: WARC archives streamed from the file, other inputs read whole.
#include <utility>

#include "ingest/byte_source.h"
#include "ingest/gzip.h"
#include "ingest/ingest.h"
#include "ingest/warc.h"

namespace newsloom::ingest {
namespace {

class WarcStream : public RecordStream {
 public:
  explicit WarcStream(std::unique_ptr<WarcReader> reader) : reader_(std::move(reader)) {}
  std::optional<ReadRecord> Next() override { return reader_->Next(); }

 private:
  std::unique_ptr<WarcReader> reader_;
};

class VectorStream : public RecordStream {
 public:
  explicit VectorStream(std::vector<ReadRecord> records) : records_(std::move(records)) {}
  std::optional<ReadRecord> Next() override {
    if (next_ == records_.size()) return std::nullopt;
    return std::move(records_[next_++]);
  }

 private:
  std::vector<ReadRecord> records_;
  size_t next_ = 0;
};

// Whether the file holds a WARC archive: by its suffix, or by its first
// bytes (inflated when it is gzip).
Result<bool> FileIsWarc(const std::string& path) {
  if (HasWarcSuffix(path)) return true;
  Result<std::unique_ptr<ByteSource>> file = OpenFileSource(path);
  if (!file.ok()) return file.status();
  const std::string head = ReadPrefix(**file, 2);
  if (!HasGzipMagic(head)) return StartsLikeWarc(head + ReadPrefix(**file, 3));
  Result<std::unique_ptr<ByteSource>> again = OpenFileSource(path);
  if (!again.ok()) return again.status();
  std::unique_ptr<ByteSource> inflated = GzipSource(std::move(again).value());
  return StartsLikeWarc(ReadPrefix(*inflated, 5));
}

}  // namespace

bool IsWarcFile(const std::string& path, bool check_content) {
  if (HasWarcSuffix(path)) return true;
  if (!check_content) return false;
  Result<bool> warc = FileIsWarc(path);
  return warc.ok() && *warc;
}

Result<std::unique_ptr<RecordStream>> OpenRecords(const std::string& path,
                                                  const ReadOptions& options) {
  Result<bool> warc = FileIsWarc(path);
  if (!warc.ok()) return warc.status();
  if (!*warc) {
    Result<std::vector<ReadRecord>> records = ReadFile(path, options);
    if (!records.ok()) return records.status();
    return std::unique_ptr<RecordStream>(
        std::make_unique<VectorStream>(std::move(records).value()));
  }
  Result<std::unique_ptr<ByteSource>> file = OpenFileSource(path);
  if (!file.ok()) return file.status();
  std::unique_ptr<ByteSource> source = std::move(file).value();
  // Sniff gzip on a second handle: the first bytes are not pushed back.
  Result<std::unique_ptr<ByteSource>> probe = OpenFileSource(path);
  if (probe.ok() && HasGzipMagic(ReadPrefix(**probe, 2))) source = GzipSource(std::move(source));
  return std::unique_ptr<RecordStream>(
      std::make_unique<WarcStream>(std::make_unique<WarcReader>(path, std::move(source), options)));
}

}  // namespace newsloom::ingest
