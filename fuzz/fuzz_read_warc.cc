// libFuzzer target: bytes read as "crawl.warc" through ingest and extract
// (a WARC archive, gzip members inflated when they start with the magic).
#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_entry.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return newsloom::fuzz::FuzzOneInput(newsloom::fuzz::kWarcName, data, size);
}
