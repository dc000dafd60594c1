// libFuzzer target: bytes parsed as an HTTP/1.1 request (http::ParseRequest).
#include <cstddef>
#include <cstdint>

#include "fuzz/http_entry.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return newsloom::fuzz::FuzzHttpOneInput(data, size);
}
