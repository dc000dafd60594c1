#include "engine/work_units.h"

#include <filesystem>
#include <new>
#include <utility>

#include "ingest/warc.h"

namespace newsloom::engine {

WorkUnitSource::WorkUnitSource(std::vector<ingest::InputFile> files,
                               const ingest::ReadOptions& read_options,
                               const WorkUnitLimits& limits)
    : files_(std::move(files)), read_options_(read_options), limits_(limits) {}

WorkUnitSource::~WorkUnitSource() = default;

bool WorkUnitSource::Streamed(const std::string& path) const {
  // Sniffing costs an open and a read: worth it only where holding the file
  // whole would cost memory.
  std::error_code error;
  const uintmax_t size = std::filesystem::file_size(path, error);
  return ingest::IsWarcFile(path, !error && size > limits_.sniff_above_bytes);
}

std::optional<WorkUnit> WorkUnitSource::Next() {
  if (stream_) return NextBatch();
  if (next_file_ == files_.size()) return std::nullopt;
  const size_t index = next_file_++;
  const ingest::InputFile& file = files_[index];
  WorkUnit unit;
  unit.file_index = index;
  unit.ends_file = true;
  unit.path = file.path;
  if (!file.status.ok()) {
    unit.kind = WorkUnit::Kind::kFailed;
    unit.status = file.status;
    return unit;
  }
  if (!Streamed(file.path)) return unit;
  Result<std::unique_ptr<ingest::RecordStream>> stream =
      ingest::OpenRecords(file.path, read_options_);
  if (!stream.ok()) {
    unit.kind = WorkUnit::Kind::kFailed;
    unit.status = stream.status();
    return unit;
  }
  stream_ = std::move(stream).value();
  stream_records_ = 0;
  return NextBatch();
}

WorkUnit WorkUnitSource::NextBatch() {
  WorkUnit unit;
  unit.kind = WorkUnit::Kind::kRecords;
  unit.file_index = next_file_ - 1;
  unit.path = files_[unit.file_index].path;
  size_t bytes = 0;
  try {
    while (unit.records.size() < limits_.batch_records && bytes < limits_.batch_bytes) {
      std::optional<ingest::ReadRecord> record = stream_->Next();
      if (!record) {
        unit.ends_file = true;
        break;
      }
      bytes += record->page.body.size();
      unit.records.push_back(std::move(*record));
    }
  } catch (const std::bad_alloc&) {
    // One oversized record should not end the run: this archive ends here.
    ingest::ReadRecord failed;
    failed.status = Status::IOError("out of memory");
    failed.page.origin = unit.path;
    unit.records.push_back(std::move(failed));
    unit.ends_file = true;
  }
  stream_records_ += unit.records.size();
  if (unit.ends_file) {
    stream_.reset();
    if (stream_records_ == 0) {
      unit.kind = WorkUnit::Kind::kFailed;
      unit.status = ingest::NoPageInArchive();
    }
  }
  return unit;
}

}  // namespace newsloom::engine
