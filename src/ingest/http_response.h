// Internal to ingest: the HTTP response a WARC response record holds (status
// line, headers, body), as crawlers store it. Thread-safe: pure functions.
#ifndef NEWSLOOM_INGEST_HTTP_RESPONSE_H_
#define NEWSLOOM_INGEST_HTTP_RESPONSE_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "newsloom/status.h"

namespace newsloom::ingest {

struct HttpResponse {
  int status_code = 0;
  std::string media_type;  // Content-Type without parameters, lower case: "text/html"
  std::string charset;     // Content-Type's charset parameter, as written, or ""
  std::string body;        // de-chunked and inflated when the headers say so
};

// Parses "HTTP/1.1 200 OK\r\nHeader: value\r\n...\r\n\r\nbody" (bare LF
// accepted too). A chunked body is de-chunked; a gzip or deflate
// Content-Encoding is undone when the body really is compressed, refusing
// output past `max_body_bytes`. InvalidArgument when there is no status line
// or no end of headers.
Result<HttpResponse> ParseHttpResponse(std::string_view block, size_t max_body_bytes);

// Splits a Content-Type value into its media type (lower case) and charset.
void ParseContentType(std::string_view value, std::string* media_type, std::string* charset);

}  // namespace newsloom::ingest

#endif  // NEWSLOOM_INGEST_HTTP_RESPONSE_H_
