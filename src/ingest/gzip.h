// Internal to ingest: gzip decompression with a bound on the output, so that a
// small hostile file cannot exhaust memory. Thread-safe: no shared state.
#ifndef NEWSLOOM_INGEST_GZIP_H_
#define NEWSLOOM_INGEST_GZIP_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "newsloom/status.h"

namespace newsloom::ingest {

// True when `bytes` starts with the gzip magic number 1f 8b.
bool HasGzipMagic(std::string_view bytes);

// Inflates a gzip stream, including several concatenated members (as `cat
// a.gz b.gz` makes). Bytes after the last member that do not start another
// member are ignored, as gzip(1) does. Fails with InvalidArgument when the
// output would exceed `max_output_bytes`, with Corruption for truncated or
// corrupt data.
// REQUIRES: HasGzipMagic(compressed)
Result<std::string> Gunzip(std::string_view compressed, size_t max_output_bytes);

}  // namespace newsloom::ingest

#endif  // NEWSLOOM_INGEST_GZIP_H_
