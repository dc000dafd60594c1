#include "store/story_cursor.h"

#include <cinttypes>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <optional>

namespace newsloom::store {

namespace {

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

std::string HexEncode(std::string_view bytes) {
  static const char kDigits[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(bytes.size() * 2);
  for (char c : bytes) {
    hex += kDigits[static_cast<unsigned char>(c) >> 4];
    hex += kDigits[static_cast<unsigned char>(c) & 15];
  }
  return hex;
}

std::optional<std::string> HexDecode(std::string_view hex) {
  if (hex.size() % 2 != 0) return std::nullopt;
  std::string bytes;
  bytes.reserve(hex.size() / 2);
  for (size_t i = 0; i < hex.size(); i += 2) {
    int high = HexDigit(hex[i]), low = HexDigit(hex[i + 1]);
    if (high < 0 || low < 0) return std::nullopt;
    bytes += char(high * 16 + low);
  }
  return bytes;
}

}  // namespace

std::string EncodeStoryCursor(double rank, std::string_view id) {
  uint64_t bits;
  std::memcpy(&bits, &rank, sizeof bits);
  char prefix[32];
  std::snprintf(prefix, sizeof prefix, "%016" PRIx64 ":", bits);
  std::string plain(prefix);
  plain += id;
  return HexEncode(plain);
}

bool DecodeStoryCursor(std::string_view cursor, double& rank, std::string& id) {
  auto bytes = HexDecode(cursor);
  if (!bytes || bytes->size() < 17 || (*bytes)[16] != ':') return false;
  uint64_t bits = 0;
  for (int i = 0; i < 16; ++i) {
    int digit = HexDigit((*bytes)[size_t(i)]);
    if (digit < 0) return false;
    bits = bits * 16 + uint64_t(digit);
  }
  std::memcpy(&rank, &bits, sizeof rank);
  if (rank != rank) return false;  // NaN
  id = bytes->substr(17);
  return true;
}

}  // namespace newsloom::store
