// libFuzzer target: bytes read as "page.html.gz" through ingest and extract
// (gunzipped first when they start with the gzip magic number).
#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_entry.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return newsloom::fuzz::FuzzOneInput(newsloom::fuzz::kGzipName, data, size);
}
