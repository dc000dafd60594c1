// ParseRequest: one HTTP/1.1 request from the bytes a connection has read so
// far. Stateless: the server calls it again as more bytes arrive (a request
// head is at most a few kilobytes, so re-reading it costs little).
//
//   ParseResult result = ParseRequest(buffer, limits, request);
//   if (result.state == ParseResult::kComplete) buffer.erase(0, result.consumed);
#ifndef NEWSLOOM_HTTP_REQUEST_PARSER_H_
#define NEWSLOOM_HTTP_REQUEST_PARSER_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "http/message.h"

namespace newsloom::http {

struct Limits {
  size_t max_target_bytes = 8 << 10;  // a longer request target gets 414
  size_t max_head_bytes = 64 << 10;   // request line and headers; beyond it 431
  size_t max_headers = 100;           // beyond it 431
  size_t max_body_bytes = 8 << 20;    // beyond it 413
};

struct ParseResult {
  enum State { kIncomplete, kComplete, kError };
  State state = kIncomplete;
  size_t consumed = 0;  // kComplete: the bytes of input the request took
  // kIncomplete: the head is parsed and the body is still coming; the client
  // waits for "100 Continue" before it sends the body.
  bool awaits_continue = false;
  int status = 0;     // kError: the status to answer with (400, 413, 414, 431, 501, 505)
  std::string error;  // kError: what was wrong, for the response body
};

// Parses the request at the start of `input` into `request` (every field is
// overwritten). Accepts bare LF line ends and leading empty lines; bodies by
// Content-Length or chunked transfer coding (the chunks joined). Rejects a
// request with both, obsolete header folding, and malformed lengths or chunks.
ParseResult ParseRequest(std::string_view input, const Limits& limits, Request& request);

}  // namespace newsloom::http

#endif  // NEWSLOOM_HTTP_REQUEST_PARSER_H_
