// libFuzzer target: bytes read as "news.rss" through ingest and extract (an
// RSS or Atom feed, each item a record).
#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_entry.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return newsloom::fuzz::FuzzOneInput(newsloom::fuzz::kFeedName, data, size);
}
