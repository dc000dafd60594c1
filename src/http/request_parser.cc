#include "http/request_parser.h"

#include <vector>

#include "common/strings.h"

namespace newsloom::http {

namespace {

ParseResult Error(int status, std::string message) {
  ParseResult result;
  result.state = ParseResult::kError;
  result.status = status;
  result.error = std::move(message);
  return result;
}

ParseResult Complete(size_t consumed) {
  ParseResult result;
  result.state = ParseResult::kComplete;
  result.consumed = consumed;
  return result;
}

// RFC 9110 token characters (methods, header names).
bool IsTokenChar(char c) {
  return IsAsciiAlnum(c) || std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

bool IsToken(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (!IsTokenChar(c)) return false;
  }
  return true;
}

// The line at `pos` without its line end, and where the next line starts;
// false when no line end has arrived yet.
bool NextLine(std::string_view input, size_t& pos, std::string_view& line) {
  size_t newline = input.find('\n', pos);
  if (newline == std::string_view::npos) return false;
  line = input.substr(pos, newline - pos);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  pos = newline + 1;
  return true;
}

bool ParseDecimal(std::string_view text, size_t& value) {
  if (text.empty() || text.size() > 18) return false;
  value = 0;
  for (char c : text) {
    if (!IsAsciiDigit(c)) return false;
    value = value * 10 + size_t(c - '0');
  }
  return true;
}

bool ParseHex(std::string_view text, size_t& value) {
  if (text.empty() || text.size() > 15) return false;
  value = 0;
  for (char c : text) {
    int digit = HexDigitValue(c);
    if (digit < 0) return false;
    value = value * 16 + size_t(digit);
  }
  return true;
}

ParseResult ParseRequestLine(std::string_view line, const Limits& limits, Request& request) {
  size_t first = line.find(' ');
  size_t second = first == std::string_view::npos ? first : line.find(' ', first + 1);
  if (second == std::string_view::npos || line.find(' ', second + 1) != std::string_view::npos) {
    return Error(400, "malformed request line");
  }
  std::string_view method = line.substr(0, first);
  std::string_view target = line.substr(first + 1, second - first - 1);
  std::string_view version = line.substr(second + 1);
  if (!IsToken(method)) return Error(400, "malformed method");
  if (version.size() != 8 || version.substr(0, 5) != "HTTP/" || !IsAsciiDigit(version[5]) ||
      version[6] != '.' || !IsAsciiDigit(version[7])) {
    return Error(400, "malformed HTTP version");
  }
  if (version[5] != '1') return Error(505, "only HTTP/1.x is served");
  if (target.size() > limits.max_target_bytes) return Error(414, "request target too long");
  for (char c : target) {
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f) return Error(400, "malformed target");
  }
  // Origin form ("/path?query"); the absolute form a proxy would send is
  // reduced to it; "*" only names the server (OPTIONS).
  std::string_view path_and_query = target;
  if (target.substr(0, 7) == "http://" || target.substr(0, 8) == "https://") {
    size_t slash = target.find('/', target.find("//") + 2);
    path_and_query = slash == std::string_view::npos ? "/" : target.substr(slash);
  } else if (target != "*" && (target.empty() || target[0] != '/')) {
    return Error(400, "malformed target");
  }
  path_and_query = path_and_query.substr(0, path_and_query.find('#'));
  size_t question = path_and_query.find('?');
  request.method = std::string(method);
  request.target = std::string(target);
  request.minor_version = version[7] - '0';
  request.path = PercentDecode(path_and_query.substr(0, question), false);
  if (request.path.find('\0') != std::string::npos) return Error(400, "NUL in path");
  request.params = question == std::string_view::npos
                       ? decltype(request.params)()
                       : ParseQuery(path_and_query.substr(question + 1));
  return Complete(0);
}

// The chunked body starting at `pos`, joined into request.body.
ParseResult ParseChunked(std::string_view input, size_t pos, const Limits& limits,
                         Request& request) {
  constexpr size_t kMaxChunkLine = 1024;
  std::string_view line;
  while (true) {
    size_t line_start = pos;
    if (!NextLine(input, pos, line)) {
      if (input.size() - line_start > kMaxChunkLine) return Error(400, "malformed chunk size");
      return ParseResult();
    }
    size_t size = 0;
    if (line.size() > kMaxChunkLine || !ParseHex(TrimView(line.substr(0, line.find(';'))), size)) {
      return Error(400, "malformed chunk size");
    }
    if (size == 0) break;
    if (size > limits.max_body_bytes - request.body.size()) {
      return Error(413, "request body too large");
    }
    if (input.size() - pos < size) return ParseResult();
    request.body.append(input.substr(pos, size));
    pos += size;
    if (!NextLine(input, pos, line)) return ParseResult();
    if (!line.empty()) return Error(400, "malformed chunk end");
  }
  // Trailer fields, ignored, up to the empty line.
  size_t trailers = 0;
  while (true) {
    if (!NextLine(input, pos, line)) return ParseResult();
    if (line.empty()) return Complete(pos);
    if (++trailers > limits.max_headers) return Error(431, "too many trailer fields");
  }
}

}  // namespace

ParseResult ParseRequest(std::string_view input, const Limits& limits, Request& request) {
  request = Request();
  size_t pos = 0;
  while (pos < input.size() && (input[pos] == '\r' || input[pos] == '\n')) ++pos;
  const size_t head_start = pos;
  std::vector<std::string_view> lines;
  std::string_view line;
  while (true) {
    if (!NextLine(input, pos, line)) {
      if (input.size() - head_start > limits.max_head_bytes) {
        return Error(431, "request head too large");
      }
      return ParseResult();
    }
    if (pos - head_start > limits.max_head_bytes) return Error(431, "request head too large");
    if (line.empty()) break;
    if (lines.size() > limits.max_headers) return Error(431, "too many header fields");
    lines.push_back(line);
  }

  ParseResult request_line = ParseRequestLine(lines[0], limits, request);
  if (request_line.state == ParseResult::kError) return request_line;

  bool has_length = false, chunked = false, expects_continue = false;
  size_t length = 0;
  for (size_t i = 1; i < lines.size(); ++i) {
    line = lines[i];
    if (line[0] == ' ' || line[0] == '\t') return Error(400, "obsolete header folding");
    size_t colon = line.find(':');
    if (colon == std::string_view::npos || !IsToken(line.substr(0, colon))) {
      return Error(400, "malformed header field");
    }
    std::string name = AsciiLower(line.substr(0, colon));
    std::string_view value = TrimView(line.substr(colon + 1));
    if (value.find('\0') != std::string_view::npos) return Error(400, "NUL in header field");
    if (name == "content-length") {
      size_t parsed = 0;
      if (!ParseDecimal(value, parsed) || (has_length && parsed != length)) {
        return Error(400, "malformed Content-Length");
      }
      has_length = true;
      length = parsed;
    } else if (name == "transfer-encoding") {
      if (!EqualsIgnoreCase(value, "chunked") || chunked) {
        return Error(501, "only the chunked transfer coding is accepted");
      }
      chunked = true;
    } else if (name == "expect") {
      expects_continue = EqualsIgnoreCase(value, "100-continue");
    }
    request.headers.emplace_back(std::move(name), std::string(value));
  }
  if (has_length && chunked) return Error(400, "both Content-Length and Transfer-Encoding");

  if (chunked) {
    ParseResult body = ParseChunked(input, pos, limits, request);
    body.awaits_continue = body.state == ParseResult::kIncomplete && expects_continue;
    return body;
  }
  if (length > limits.max_body_bytes) return Error(413, "request body too large");
  if (input.size() - pos < length) {
    ParseResult incomplete;
    incomplete.awaits_continue = expects_continue;
    return incomplete;
  }
  request.body = std::string(input.substr(pos, length));
  return Complete(pos + length);
}

}  // namespace newsloom::http
