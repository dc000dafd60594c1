#include "common/utf8.h"

#include <cstring>

namespace newsloom {

namespace {

constexpr uint32_t kReplacement = 0xFFFD;

// Length of the valid sequence at text[i], or 0 when it is not valid.
size_t ValidSequenceLength(std::string_view text, size_t i) {
  auto byte = [&](size_t k) -> unsigned char {
    return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0;
  };
  unsigned char c = byte(0);
  if (c < 0x80) return 1;
  auto continuation = [&](size_t k) { return (byte(k) & 0xC0) == 0x80; };
  if (c >= 0xC2 && c <= 0xDF) return continuation(1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (!continuation(1) || !continuation(2)) return 0;
    if (c == 0xE0 && byte(1) < 0xA0) return 0;   // overlong
    if (c == 0xED && byte(1) >= 0xA0) return 0;  // surrogates
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (!continuation(1) || !continuation(2) || !continuation(3)) return 0;
    if (c == 0xF0 && byte(1) < 0x90) return 0;   // overlong
    if (c == 0xF4 && byte(1) >= 0x90) return 0;  // above U+10FFFF
    return 4;
  }
  return 0;
}

}  // namespace

bool IsValidUtf8(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    // Most page bytes are ASCII: skip eight at a time while no high bit or NUL is set.
    while (i + 8 <= text.size()) {
      uint64_t word;
      std::memcpy(&word, text.data() + i, 8);
      bool has_zero_byte = ((word - 0x0101010101010101ULL) & ~word & 0x8080808080808080ULL) != 0;
      if ((word & 0x8080808080808080ULL) != 0 || has_zero_byte) break;
      i += 8;
    }
    if (i >= text.size()) break;
    size_t length = ValidSequenceLength(text, i);
    if (length == 0 || text[i] == '\0') return false;
    i += length;
  }
  return true;
}

std::string RepairUtf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    size_t length = ValidSequenceLength(text, i);
    if (length == 0) {
      AppendUtf8(kReplacement, &out);
      ++i;
    } else {
      if (text[i] != '\0') out.append(text.substr(i, length));
      i += length;
    }
  }
  return out;
}

void AppendUtf8(uint32_t code_point, std::string* out) {
  if (code_point > 0x10FFFF || (code_point >= 0xD800 && code_point <= 0xDFFF)) {
    code_point = kReplacement;
  }
  if (code_point < 0x80) {
    out->push_back(char(code_point));
  } else if (code_point < 0x800) {
    out->push_back(char(0xC0 | (code_point >> 6)));
    out->push_back(char(0x80 | (code_point & 0x3F)));
  } else if (code_point < 0x10000) {
    out->push_back(char(0xE0 | (code_point >> 12)));
    out->push_back(char(0x80 | ((code_point >> 6) & 0x3F)));
    out->push_back(char(0x80 | (code_point & 0x3F)));
  } else {
    out->push_back(char(0xF0 | (code_point >> 18)));
    out->push_back(char(0x80 | ((code_point >> 12) & 0x3F)));
    out->push_back(char(0x80 | ((code_point >> 6) & 0x3F)));
    out->push_back(char(0x80 | (code_point & 0x3F)));
  }
}

uint32_t DecodeUtf8(std::string_view text, size_t* position) {
  size_t i = *position;
  size_t length = ValidSequenceLength(text, i);
  if (length == 0) {
    *position = i + 1;
    return kReplacement;
  }
  *position = i + length;
  unsigned char c = static_cast<unsigned char>(text[i]);
  if (length == 1) return c;
  uint32_t code_point = c & (0xFF >> (length + 1));
  for (size_t k = 1; k < length; ++k) {
    code_point = (code_point << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
  }
  return code_point;
}

namespace {

uint32_t LowerCodePoint(uint32_t c) {
  if ((c >= 0xC0 && c <= 0xDE && c != 0xD7) || (c >= 0x391 && c <= 0x3AB && c != 0x3A2) ||
      (c >= 0x410 && c <= 0x42F)) {
    return c + 0x20;  // Latin-1, Greek and Russian capitals
  }
  if (c >= 0x400 && c <= 0x40F) return c + 0x50;  // Ѐ..Џ
  if (c >= 0x100 && c <= 0x17F) {
    // Latin Extended-A pairs capitals with the next code point, except Ÿ.
    bool odd_pairs = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
    if (c == 0x178) return 0xFF;
    if (c == 0x130 || c == 0x138 || c == 0x149 || c == 0x17F) return c;  // no simple pair
    return (c % 2 == 1) == odd_pairs ? c + 1 : c;
  }
  if (c == 0x386) return 0x3AC;
  if (c >= 0x388 && c <= 0x38A) return c + 0x25;
  if (c == 0x38C) return 0x3CC;
  if (c == 0x38E || c == 0x38F) return c + 0x3F;
  return c;
}

}  // namespace

std::string LowerUtf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    unsigned char byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      out.push_back(byte >= 'A' && byte <= 'Z' ? char(byte + 0x20) : char(byte));
      ++i;
      continue;
    }
    size_t start = i;
    uint32_t code_point = DecodeUtf8(text, &i);
    uint32_t lower = LowerCodePoint(code_point);
    if (lower == code_point) {
      out.append(text.substr(start, i - start));  // unchanged bytes, invalid ones too
    } else {
      AppendUtf8(lower, &out);
    }
  }
  return out;
}

namespace {

// The byte a code point stood for when UTF-8 was read as Windows-1252 (or
// Latin-1, whose C1 controls U+0080..U+009F map to themselves); -1 otherwise.
int MisreadByte(uint32_t c) {
  if (c >= 0x80 && c <= 0xFF) return int(c);
  switch (c) {
    case 0x20AC:
      return 0x80;
    case 0x201A:
      return 0x82;
    case 0x0192:
      return 0x83;
    case 0x201E:
      return 0x84;
    case 0x2026:
      return 0x85;
    case 0x2020:
      return 0x86;
    case 0x2021:
      return 0x87;
    case 0x02C6:
      return 0x88;
    case 0x2030:
      return 0x89;
    case 0x0160:
      return 0x8A;
    case 0x2039:
      return 0x8B;
    case 0x0152:
      return 0x8C;
    case 0x017D:
      return 0x8E;
    case 0x2018:
      return 0x91;
    case 0x2019:
      return 0x92;
    case 0x201C:
      return 0x93;
    case 0x201D:
      return 0x94;
    case 0x2022:
      return 0x95;
    case 0x2013:
      return 0x96;
    case 0x2014:
      return 0x97;
    case 0x02DC:
      return 0x98;
    case 0x2122:
      return 0x99;
    case 0x0161:
      return 0x9A;
    case 0x203A:
      return 0x9B;
    case 0x0153:
      return 0x9C;
    case 0x017E:
      return 0x9E;
    case 0x0178:
      return 0x9F;
    default:
      return -1;
  }
}

// Lead bytes whose sequences mojibake comes from: Latin-1 and Latin
// Extended (C2..C6), spacing modifiers (CB), Greek (CE, CF), Cyrillic (D0,
// D1), and general punctuation and symbols (E2).
bool IsMojibakeLead(int byte) {
  return (byte >= 0xC2 && byte <= 0xC6) || byte == 0xCB || byte == 0xCE || byte == 0xCF ||
         byte == 0xD0 || byte == 0xD1 || byte == 0xE2;
}

// The length in bytes of the misread run starting at text[start] and the
// character it stood for, or 0 when none starts there.
size_t MisreadRun(std::string_view text, size_t start, uint32_t* original) {
  size_t position = start;
  int lead = MisreadByte(DecodeUtf8(text, &position));
  if (!IsMojibakeLead(lead)) return 0;
  int continuations = lead >= 0xE0 ? 2 : 1;
  uint32_t code_point = uint32_t(lead & (lead >= 0xE0 ? 0x0F : 0x1F));
  for (int i = 0; i < continuations; ++i) {
    if (position >= text.size()) return 0;
    int byte = MisreadByte(DecodeUtf8(text, &position));
    if (byte < 0x80 || byte > 0xBF) return 0;
    code_point = (code_point << 6) | uint32_t(byte & 0x3F);
  }
  if (code_point < 0x80 || (lead == 0xE2 && code_point < 0x2000)) return 0;  // overlong
  *original = code_point;
  return position - start;
}

}  // namespace

std::optional<std::string> RepairMojibake(std::string_view text) {
  std::string out;
  bool repaired = false;
  size_t copied = 0;  // text before this offset is in `out` (once repairing)
  for (size_t i = 0; i < text.size();) {
    unsigned char byte = static_cast<unsigned char>(text[i]);
    // Misread leads are U+00C2..U+00E2, encoded C3 82..C3 A2.
    if (byte != 0xC3) {
      ++i;
      continue;
    }
    uint32_t original = 0;
    size_t length = MisreadRun(text, i, &original);
    if (length == 0) {
      ++i;
      continue;
    }
    out.append(text.substr(copied, i - copied));
    AppendUtf8(original, &out);
    i += length;
    copied = i;
    repaired = true;
  }
  if (!repaired) return std::nullopt;
  out.append(text.substr(copied));
  return out;
}

}  // namespace newsloom
