#include "fuzz/http_entry.h"

#include <cstdio>
#include <cstdlib>

#include "http/request_parser.h"

namespace newsloom::fuzz {

namespace {

http::Limits SmallLimits() {
  http::Limits limits;
  limits.max_target_bytes = 512;
  limits.max_head_bytes = 2048;
  limits.max_headers = 16;
  limits.max_body_bytes = 1024;
  return limits;
}

}  // namespace

std::string CheckRequestParse(std::string_view bytes) {
  const http::Limits limits = SmallLimits();
  http::Request request;
  http::ParseResult result = http::ParseRequest(bytes, limits, request);
  switch (result.state) {
    case http::ParseResult::kIncomplete:
      return "";
    case http::ParseResult::kError:
      if (result.status < 400 || result.status > 599) {
        return "error status " + std::to_string(result.status);
      }
      return result.error.empty() ? "error without a message" : "";
    case http::ParseResult::kComplete:
      break;
  }
  if (result.consumed == 0 || result.consumed > bytes.size()) {
    return "consumed " + std::to_string(result.consumed) + " of " + std::to_string(bytes.size());
  }
  if (request.method.empty()) return "complete without a method";
  if (request.path.empty() || request.path.find('\0') != std::string::npos) {
    return "empty path or NUL in path";
  }
  if (request.body.size() > limits.max_body_bytes) return "body over the limit";
  http::Request again;
  http::ParseResult exact = http::ParseRequest(bytes.substr(0, result.consumed), limits, again);
  if (exact.state != http::ParseResult::kComplete || exact.consumed != result.consumed ||
      again.body != request.body || again.path != request.path) {
    return "parses differently from exactly the bytes it took";
  }
  return "";
}

int FuzzHttpOneInput(const uint8_t* data, size_t size) {
  std::string broken =
      CheckRequestParse(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!broken.empty()) {
    std::fprintf(stderr, "broken invariant: %s\n", broken.c_str());
    std::abort();
  }
  return 0;
}

}  // namespace newsloom::fuzz
