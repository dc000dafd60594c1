#include "ingest/http_response.h"

#include <zlib.h>

#include <charconv>

#include "common/strings.h"
#include "ingest/gzip.h"

namespace newsloom::ingest {
namespace {

// The line at text[*position] without its CR LF or LF; advances past it.
std::string_view NextLine(std::string_view text, size_t* position) {
  const size_t start = *position;
  size_t end = text.find('\n', start);
  if (end == std::string_view::npos) end = text.size();
  *position = end < text.size() ? end + 1 : end;
  std::string_view line = text.substr(start, end - start);
  if (line.ends_with('\r')) line.remove_suffix(1);
  return line;
}

// The body of a chunked transfer, or the input unchanged when it does not
// parse as one (crawlers often store bodies de-chunked but keep the header).
std::string Dechunk(std::string_view body) {
  std::string output;
  size_t position = 0;
  while (position < body.size()) {
    std::string_view size_line = TrimView(NextLine(body, &position));
    size_t size = 0;
    const char* end = size_line.data() + size_line.size();
    auto [parsed_end, error] = std::from_chars(size_line.data(), end, size, 16);
    if (error != std::errc() || (parsed_end != end && *parsed_end != ';')) {
      return std::string(body);
    }
    if (size == 0) return output;
    if (size > body.size() - position) return std::string(body);
    output.append(body.substr(position, size));
    position += size;
    NextLine(body, &position);  // the CR LF after the chunk
  }
  return output;
}

// A raw or zlib-wrapped deflate stream, inflated up to `max_bytes`; the input
// unchanged when it does not inflate.
std::string InflateDeflate(std::string_view body, size_t max_bytes) {
  for (int window_bits : {15, -15}) {
    z_stream stream{};
    if (inflateInit2(&stream, window_bits) != Z_OK) continue;
    std::string output;
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(body.data()));
    stream.avail_in = uInt(body.size());
    int result = Z_OK;
    char chunk[16384];
    while (result == Z_OK && output.size() <= max_bytes) {
      stream.next_out = reinterpret_cast<Bytef*>(chunk);
      stream.avail_out = sizeof(chunk);
      result = inflate(&stream, Z_NO_FLUSH);
      output.append(chunk, sizeof(chunk) - stream.avail_out);
      if (result == Z_BUF_ERROR) break;
    }
    inflateEnd(&stream);
    if (result == Z_STREAM_END && output.size() <= max_bytes) return output;
  }
  return std::string(body);
}

}  // namespace

void ParseContentType(std::string_view value, std::string* media_type, std::string* charset) {
  const std::vector<std::string_view> parts = Split(value, ';');
  *media_type = AsciiLower(TrimView(parts.front()));
  charset->clear();
  for (size_t i = 1; i < parts.size(); ++i) {
    std::string_view parameter = TrimView(parts[i]);
    if (!StartsWithIgnoreCase(parameter, "charset=")) continue;
    parameter.remove_prefix(8);
    if (parameter.size() >= 2 && (parameter.front() == '"' || parameter.front() == '\'')) {
      parameter = parameter.substr(1, parameter.size() - 2);
    }
    *charset = std::string(TrimView(parameter));
  }
}

Result<HttpResponse> ParseHttpResponse(std::string_view block, size_t max_body_bytes) {
  size_t position = 0;
  const std::string_view status_line = NextLine(block, &position);
  if (!StartsWithIgnoreCase(status_line, "HTTP/")) {
    return Status::InvalidArgument("no HTTP status line");
  }
  HttpResponse response;
  const size_t space = status_line.find(' ');
  if (space != std::string_view::npos) {
    std::string_view code = status_line.substr(space + 1, 3);
    std::from_chars(code.data(), code.data() + code.size(), response.status_code);
  }
  bool chunked = false;
  std::string encoding;
  bool ended = false;
  while (position < block.size()) {
    const std::string_view line = NextLine(block, &position);
    if (line.empty()) {
      ended = true;
      break;
    }
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    const std::string_view name = TrimView(line.substr(0, colon));
    const std::string_view value = TrimView(line.substr(colon + 1));
    if (EqualsIgnoreCase(name, "Content-Type")) {
      ParseContentType(value, &response.media_type, &response.charset);
    } else if (EqualsIgnoreCase(name, "Transfer-Encoding")) {
      chunked = ContainsIgnoreCase(value, "chunked");
    } else if (EqualsIgnoreCase(name, "Content-Encoding")) {
      encoding = AsciiLower(value);
    }
  }
  if (!ended) return Status::InvalidArgument("HTTP headers do not end");
  std::string_view body = block.substr(position);
  response.body = chunked ? Dechunk(body) : std::string(body);
  if ((encoding == "gzip" || encoding == "x-gzip") && HasGzipMagic(response.body)) {
    Result<std::string> inflated = Gunzip(response.body, max_body_bytes);
    if (!inflated.ok()) return inflated.status();
    response.body = std::move(inflated).value();
  } else if (encoding == "deflate") {
    response.body = InflateDeflate(response.body, max_body_bytes);
  }
  return response;
}

}  // namespace newsloom::ingest
