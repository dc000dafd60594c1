// libFuzzer target: bytes read as "page.txt" through ingest and extract
// (plain text, unless the content looks like markup or JSON).
#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_entry.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return newsloom::fuzz::FuzzOneInput(newsloom::fuzz::kTextName, data, size);
}
