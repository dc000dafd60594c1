// WorkUnitSource: the inputs of one Engine::Extract call cut into pieces of
// bounded size for the worker threads, in input order. A file is one unit
// that the worker reads whole, except a WARC archive, which is streamed here
// a batch of records at a time, so an archive of any size costs the memory
// of the batches in flight, never of the archive. Not thread-safe: one
// thread (the engine's reader) calls Next.
#ifndef NEWSLOOM_ENGINE_WORK_UNITS_H_
#define NEWSLOOM_ENGINE_WORK_UNITS_H_

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ingest/ingest.h"
#include "newsloom/status.h"

namespace newsloom::engine {

struct WorkUnit {
  enum class Kind {
    kWholeFile,  // the worker reads `path` itself (ingest::ReadFile)
    kRecords,    // `records`, a batch already read from a streamed archive
    kFailed,     // `path` could not be read at all: `status` says why
  };
  Kind kind = Kind::kWholeFile;
  size_t file_index = 0;   // of the file it comes from, in input order
  bool ends_file = false;  // the last unit of its file
  std::string path;
  std::vector<ingest::ReadRecord> records;
  Status status;
};

struct WorkUnitLimits {
  // A batch of streamed records closes at this many records, or once its
  // pages hold this many bytes, whichever comes first.
  size_t batch_records = 256;
  size_t batch_bytes = size_t(4) << 20;
  // Files without a .warc/.warc.gz suffix are checked for WARC content (a
  // few bytes read) only above this size; smaller ones are read whole.
  size_t sniff_above_bytes = size_t(1) << 20;
};

class WorkUnitSource {
 public:
  WorkUnitSource(std::vector<ingest::InputFile> files, const ingest::ReadOptions& read_options,
                 const WorkUnitLimits& limits = {});
  ~WorkUnitSource();

  // The next unit; nullopt after the last file's last unit.
  std::optional<WorkUnit> Next();

  size_t file_count() const { return files_.size(); }

 private:
  bool Streamed(const std::string& path) const;
  WorkUnit NextBatch();

  std::vector<ingest::InputFile> files_;
  ingest::ReadOptions read_options_;
  WorkUnitLimits limits_;
  size_t next_file_ = 0;
  // The archive being streamed (file next_file_ - 1), and its records so far.
  std::unique_ptr<ingest::RecordStream> stream_;
  size_t stream_records_ = 0;
};

}  // namespace newsloom::engine

#endif  // NEWSLOOM_ENGINE_WORK_UNITS_H_
