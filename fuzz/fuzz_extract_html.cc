// libFuzzer target: bytes read as "page.html" through ingest and extract.
#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_entry.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return newsloom::fuzz::FuzzOneInput(newsloom::fuzz::kHtmlName, data, size);
}
