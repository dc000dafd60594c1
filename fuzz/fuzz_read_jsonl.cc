// libFuzzer target: bytes read as "feed.jsonl" through ingest and extract
// (JSON Lines: one record per line, each extracted on its own).
#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_entry.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return newsloom::fuzz::FuzzOneInput(newsloom::fuzz::kJsonLinesName, data, size);
}
