// Internal to ingest: forward-only byte streams, so that archives are read a
// piece at a time in bounded memory: a file, a buffer in memory, and gzip
// (concatenated members, as WARC.gz files are) inflated on the fly.
// Not thread-safe: one reader per source.
#ifndef NEWSLOOM_INGEST_BYTE_SOURCE_H_
#define NEWSLOOM_INGEST_BYTE_SOURCE_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "newsloom/status.h"

namespace newsloom::ingest {

class ByteSource {
 public:
  virtual ~ByteSource() = default;

  // Reads up to `capacity` bytes into `buffer`: the count read, 0 at the end
  // of the stream, or the error that stopped it.
  virtual Result<size_t> Read(char* buffer, size_t capacity) = 0;

  // After a Read error: skips to the next place reading can resume (for gzip,
  // the next member header) and returns true, or false when there is none.
  virtual bool Resynchronize() { return false; }
};

// The bytes of a buffer the caller keeps alive.
std::unique_ptr<ByteSource> MemorySource(std::string_view bytes);

// A file read in chunks. NotFound or IOError when it cannot be opened.
Result<std::unique_ptr<ByteSource>> OpenFileSource(const std::string& path);

// Inflates the gzip members `compressed` holds, one after the other. A
// corrupt or truncated member is a Corruption error naming its compressed
// offset; Resynchronize() then moves to the next member header after it.
std::unique_ptr<ByteSource> GzipSource(std::unique_ptr<ByteSource> compressed);

// Up to `count` leading bytes of `source` (fewer at its end or on an error).
std::string ReadPrefix(ByteSource& source, size_t count);

}  // namespace newsloom::ingest

#endif  // NEWSLOOM_INGEST_BYTE_SOURCE_H_
