// The HTTP request parser's fuzz entry, shared by fuzz_http_request and the
// replay test: bytes in, http::ParseRequest as the server runs it (with small
// limits, so that the limit paths are reached), then the invariants of its
// result. Thread-safe: no shared state.
#ifndef NEWSLOOM_FUZZ_HTTP_ENTRY_H_
#define NEWSLOOM_FUZZ_HTTP_ENTRY_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace newsloom::fuzz {

// The first broken invariant of parsing `bytes`, or "" when there is none:
// a complete request took at least one byte and no more than given, has a
// method and a NUL-free path, a body within the limit, and parses the same
// from exactly the bytes it took; an error carries a 4xx/5xx status and a
// message.
std::string CheckRequestParse(std::string_view bytes);

// LLVMFuzzerTestOneInput's body: abort() with the message when
// CheckRequestParse finds a broken invariant. Always returns 0.
int FuzzHttpOneInput(const uint8_t* data, size_t size);

}  // namespace newsloom::fuzz

#endif  // NEWSLOOM_FUZZ_HTTP_ENTRY_H_
