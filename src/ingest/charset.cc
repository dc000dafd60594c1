#include "ingest/charset.h"

#include <iconv.h>
#include <uchardet/uchardet.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <optional>

#include "common/strings.h"
#include "common/utf8.h"
#include "ingest/ingest.h"

namespace newsloom::ingest {

namespace {

constexpr std::string_view kUtf8 = "UTF-8";
constexpr std::string_view kWindows1252 = "WINDOWS-1252";

// uchardet needs far less than a whole page to decide, and is the slowest step.
constexpr size_t kDetectionBytes = size_t(1) << 20;
// Bytes inspected when telling UTF-16 from other text by its NULs.
constexpr size_t kUtf16SniffBytes = 4096;

struct CharsetAlias {
  std::string_view label;
  std::string_view canonical;
};

// Labels whose iconv name differs from the label, after the WHATWG Encoding
// Standard: browsers decode these labels as the (wider) charset on the right.
constexpr CharsetAlias kCharsetAliases[] = {
    {"utf8", "UTF-8"},
    {"unicode-1-1-utf-8", "UTF-8"},
    {"x-unicode20utf8", "UTF-8"},
    {"us-ascii", "WINDOWS-1252"},
    {"ascii", "WINDOWS-1252"},
    {"ansi_x3.4-1968", "WINDOWS-1252"},
    {"iso-ir-6", "WINDOWS-1252"},
    {"iso-8859-1", "WINDOWS-1252"},
    {"iso8859-1", "WINDOWS-1252"},
    {"iso88591", "WINDOWS-1252"},
    {"iso_8859-1", "WINDOWS-1252"},
    {"iso_8859-1:1987", "WINDOWS-1252"},
    {"iso-ir-100", "WINDOWS-1252"},
    {"csisolatin1", "WINDOWS-1252"},
    {"latin1", "WINDOWS-1252"},
    {"latin-1", "WINDOWS-1252"},
    {"l1", "WINDOWS-1252"},
    {"cp819", "WINDOWS-1252"},
    {"ibm819", "WINDOWS-1252"},
    {"cp1252", "WINDOWS-1252"},
    {"x-cp1252", "WINDOWS-1252"},
    {"iso-8859-9", "WINDOWS-1254"},
    {"iso8859-9", "WINDOWS-1254"},
    {"iso_8859-9", "WINDOWS-1254"},
    {"latin5", "WINDOWS-1254"},
    {"l5", "WINDOWS-1254"},
    {"tis-620", "WINDOWS-874"},
    {"iso-8859-11", "WINDOWS-874"},
    {"dos-874", "WINDOWS-874"},
    {"gb2312", "GB18030"},
    {"gbk", "GB18030"},
    {"x-gbk", "GB18030"},
    {"gb_2312-80", "GB18030"},
    {"csgb2312", "GB18030"},
    {"chinese", "GB18030"},
    {"cp936", "GB18030"},
    {"windows-936", "GB18030"},
    {"big5", "BIG5-HKSCS"},
    {"cn-big5", "BIG5-HKSCS"},
    {"x-x-big5", "BIG5-HKSCS"},
    {"csbig5", "BIG5-HKSCS"},
    {"shift_jis", "CP932"},
    {"shift-jis", "CP932"},
    {"sjis", "CP932"},
    {"x-sjis", "CP932"},
    {"ms_kanji", "CP932"},
    {"ms932", "CP932"},
    {"windows-31j", "CP932"},
    {"csshiftjis", "CP932"},
    {"x-euc-jp", "EUC-JP"},
    {"euc-kr", "CP949"},
    {"ks_c_5601-1987", "CP949"},
    {"ks_c_5601-1989", "CP949"},
    {"ksc5601", "CP949"},
    {"csksc56011987", "CP949"},
    {"iso-ir-149", "CP949"},
    {"korean", "CP949"},
    {"windows-949", "CP949"},
    {"x-mac-cyrillic", "MAC-CYRILLIC"},
    {"utf-16", "UTF-16LE"},
    {"unicode", "UTF-16LE"},
    {"ucs-2", "UTF-16LE"},
    {"csunicode", "UTF-16LE"},
    {"iso-10646-ucs-2", "UTF-16LE"},
    {"unicodefeff", "UTF-16LE"},
    {"unicodefffe", "UTF-16BE"},
};

bool IsCharsetNameCharacter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == '.' || c == ':' || c == '+';
}

std::string AsciiUpper(std::string_view text) {
  std::string upper(text);
  for (char& c : upper) {
    if (c >= 'a' && c <= 'z') c = char(c - 'a' + 'A');
  }
  return upper;
}

bool IsUtf16(std::string_view canonical) { return canonical.starts_with("UTF-16"); }

bool IsUtf16Or32(std::string_view canonical) {
  return IsUtf16(canonical) || canonical.starts_with("UTF-32") || canonical.starts_with("UCS-");
}

// False for charsets whose text can look like plain ASCII while meaning
// something else (UTF-16/32, ISO-2022, UTF-7, HZ): an ASCII-only page declared
// in them must still be converted.
bool IsAsciiCompatible(std::string_view canonical) {
  return !IsUtf16Or32(canonical) && !canonical.starts_with("ISO-2022") &&
         !canonical.starts_with("UTF-7") && !canonical.starts_with("HZ");
}

// True when every byte is ASCII other than NUL and escape: then all
// ASCII-compatible charsets agree and no conversion is needed.
bool IsPlainAscii(std::string_view bytes) {
  for (char c : bytes) {
    unsigned char byte = static_cast<unsigned char>(c);
    if (byte >= 0x80 || byte == 0 || byte == 0x1B) return false;
  }
  return true;
}

// True when more bytes start invalid UTF-8 sequences than start valid
// multi-byte ones: the text is in another charset, not UTF-8 with a few
// damaged characters.
bool IsMostlyNotUtf8(std::string_view bytes) {
  size_t valid_sequences = 0;
  size_t invalid_bytes = 0;
  for (size_t position = 0; position < bytes.size();) {
    if (static_cast<unsigned char>(bytes[position]) < 0x80) {
      ++position;
      continue;
    }
    size_t start = position;
    uint32_t code_point = DecodeUtf8(bytes, &position);
    if (code_point == 0xFFFD && position == start + 1) {
      ++invalid_bytes;
    } else {
      ++valid_sequences;
    }
  }
  return invalid_bytes > valid_sequences;
}

std::string Utf8OrRepaired(std::string_view bytes) {
  return IsValidUtf8(bytes) ? std::string(bytes) : RepairUtf8(bytes);
}

// Converts with iconv; U+FFFD for each byte iconv cannot decode. Gives nullopt
// when iconv does not know the charset, or when so much fails that the charset
// is evidently wrong.
std::optional<std::string> ConvertWithIconv(std::string_view bytes, const std::string& charset) {
  iconv_t converter = iconv_open("UTF-8", charset.c_str());
  if (converter == reinterpret_cast<iconv_t>(-1)) return std::nullopt;

  std::string output(bytes.size() * 2 + 16, '\0');
  size_t produced = 0;
  size_t replaced = 0;
  // iconv's interface takes char** but does not write through the input.
  char* input = const_cast<char*>(bytes.data());
  size_t input_left = bytes.size();
  auto reserve = [&](size_t needed) {
    if (output.size() - produced < needed) output.resize(output.size() * 2 + needed);
  };
  bool failed = false;
  while (!failed) {
    char* output_position = output.data() + produced;
    size_t output_left = output.size() - produced;
    // Once the input is consumed, a call without input flushes the shift state
    // of stateful charsets such as ISO-2022-JP.
    bool flushing = input_left == 0;
    size_t result = flushing
                        ? iconv(converter, nullptr, nullptr, &output_position, &output_left)
                        : iconv(converter, &input, &input_left, &output_position, &output_left);
    produced = size_t(output_position - output.data());
    if (result != size_t(-1)) {
      if (flushing) break;
      continue;
    }
    if (errno == E2BIG) {
      output.resize(output.size() * 2 + 64);
      continue;
    }
    if (flushing) break;
    switch (errno) {
      case EILSEQ:
      case EINVAL:
        // Skip one undecodable byte, as browsers do, and carry on.
        reserve(3);
        std::memcpy(output.data() + produced, "\xEF\xBF\xBD", 3);
        produced += 3;
        ++input;
        --input_left;
        ++replaced;
        break;
      default:
        failed = true;
        break;
    }
  }
  iconv_close(converter);
  if (failed || replaced > bytes.size() / 20 + 8) return std::nullopt;
  output.resize(produced);
  return Utf8OrRepaired(output);
}

// Decodes bytes in `charset` (canonical) when the answer is not UTF-8.
std::optional<std::string> ConvertFrom(std::string_view bytes, const std::string& charset) {
  if (charset == kWindows1252) return DecodeWindows1252(bytes);
  if (charset == "UTF-16LE") return DecodeUtf16(bytes, /*little_endian=*/true);
  if (charset == "UTF-16BE") return DecodeUtf16(bytes, /*little_endian=*/false);
  return ConvertWithIconv(bytes, charset);
}

// No usable declaration: valid UTF-8 is taken as it is, damaged UTF-8 is
// repaired, anything else is detected; what detection cannot place is decoded
// the way browsers default to, as windows-1252.
std::string DecodeUndeclared(std::string_view bytes) {
  if (IsValidUtf8(bytes)) {
    // 7-bit ISO-2022 text is valid UTF-8 byte for byte; only its escapes tell.
    if (bytes.find('\x1B') != std::string_view::npos) {
      std::string detected = DetectCharset(bytes);
      if (detected.starts_with("ISO-2022") || detected.starts_with("HZ")) {
        if (auto converted = ConvertWithIconv(bytes, detected)) return *std::move(converted);
      }
    }
    return std::string(bytes);
  }
  std::string_view utf16 = SniffUtf16(bytes);
  if (!utf16.empty()) return DecodeUtf16(bytes, utf16 == "UTF-16LE");

  // uchardet gives up on UTF-8 at the first bad byte, so it is only asked
  // about text that is mostly not UTF-8.
  if (!IsMostlyNotUtf8(bytes)) return RepairUtf8(bytes);
  std::string detected = DetectCharset(bytes);
  if (!detected.empty() && detected != kUtf8 && !IsUtf16Or32(detected)) {
    if (auto converted = ConvertFrom(bytes, detected)) return *std::move(converted);
  }
  return DecodeWindows1252(bytes);
}

// `charset` is canonical and non-empty.
std::string DecodeDeclared(std::string_view bytes, const std::string& charset) {
  if (charset == kUtf8) {
    if (IsValidUtf8(bytes)) return std::string(bytes);
    // Damaged UTF-8 is repaired; only a page that is mostly something else
    // and that uchardet places is re-decoded.
    if (IsMostlyNotUtf8(bytes)) {
      std::string detected = DetectCharset(bytes);
      if (!detected.empty() && detected != kUtf8 && !IsUtf16Or32(detected)) {
        if (auto converted = ConvertFrom(bytes, detected)) return *std::move(converted);
      }
    }
    return RepairUtf8(bytes);
  }
  if (IsUtf16(charset)) {
    std::string_view sniffed = SniffUtf16(bytes);
    bool little_endian = sniffed.empty() ? charset != "UTF-16BE" : sniffed == "UTF-16LE";
    return DecodeUtf16(bytes, little_endian);
  }
  if (IsAsciiCompatible(charset)) {
    if (IsPlainAscii(bytes)) return std::string(bytes);
    // Legacy declarations on pages that are really UTF-8 are common; text in a
    // legacy charset is practically never valid multi-byte UTF-8 by chance.
    if (IsValidUtf8(bytes)) return std::string(bytes);
  }
  if (auto converted = ConvertFrom(bytes, charset)) return *std::move(converted);
  return DecodeUndeclared(bytes);
}

// windows-1252 bytes 0x80..0x9F; the rest of the charset is ISO-8859-1.
constexpr uint16_t kWindows1252High[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

}  // namespace

ByteOrderMark DetectByteOrderMark(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) return ByteOrderMark::kUtf8;
  if (bytes.starts_with("\xFF\xFE")) return ByteOrderMark::kUtf16LittleEndian;
  if (bytes.starts_with("\xFE\xFF")) return ByteOrderMark::kUtf16BigEndian;
  return ByteOrderMark::kNone;
}

size_t ByteOrderMarkLength(ByteOrderMark mark) {
  switch (mark) {
    case ByteOrderMark::kNone:
      return 0;
    case ByteOrderMark::kUtf8:
      return 3;
    case ByteOrderMark::kUtf16LittleEndian:
    case ByteOrderMark::kUtf16BigEndian:
      return 2;
  }
  return 0;
}

std::string CanonicalCharset(std::string_view label) {
  label = TrimView(label);
  while (!label.empty() && (label.front() == '"' || label.front() == '\'')) label.remove_prefix(1);
  while (!label.empty() && (label.back() == '"' || label.back() == '\'')) label.remove_suffix(1);
  label = TrimView(label);
  if (label.empty() || label.size() > 40 ||
      !std::all_of(label.begin(), label.end(), IsCharsetNameCharacter)) {
    return "";
  }
  std::string lower = AsciiLower(label);
  for (const CharsetAlias& alias : kCharsetAliases) {
    if (lower == alias.label) return std::string(alias.canonical);
  }
  return AsciiUpper(lower);
}

std::string FindDeclaredCharset(std::string_view head) {
  std::string lower = AsciiLower(head);
  // The value after `name` (then optional spaces, '=', spaces and quotes) up to
  // the first character that cannot be part of a charset name.
  auto value_after = [&](size_t name_end, size_t limit) -> std::string {
    size_t position = name_end;
    auto skip = [&](std::string_view characters) {
      while (position < limit && characters.find(lower[position]) != std::string_view::npos) {
        ++position;
      }
    };
    skip(" \t\r\n");
    if (position >= limit || lower[position] != '=') return "";
    ++position;
    skip(" \t\r\n\"'");
    size_t start = position;
    while (position < limit && IsCharsetNameCharacter(lower[position])) ++position;
    return std::string(head.substr(start, position - start));
  };

  if (lower.starts_with("<?xml")) {
    size_t end = lower.find("?>");
    if (end == std::string::npos) end = lower.size();
    size_t encoding = lower.find("encoding", 0);
    if (encoding < end) {
      std::string value = value_after(encoding + 8, end);
      if (!value.empty()) return value;
    }
  }
  for (size_t meta = lower.find("<meta"); meta != std::string::npos;
       meta = lower.find("<meta", meta + 5)) {
    size_t end = lower.find('>', meta);
    if (end == std::string::npos) end = lower.size();
    // Covers both <meta charset=x> and content="text/html; charset=x".
    for (size_t charset = lower.find("charset", meta); charset < end;
         charset = lower.find("charset", charset + 7)) {
      std::string value = value_after(charset + 7, end);
      if (!value.empty()) return value;
    }
  }
  return "";
}

std::string_view SniffUtf16(std::string_view bytes) {
  size_t length = std::min(bytes.size(), kUtf16SniffBytes) & ~size_t(1);
  if (length < 4) return "";
  size_t even_nuls = 0;
  size_t odd_nuls = 0;
  for (size_t i = 0; i < length; i += 2) {
    if (bytes[i] == '\0') ++even_nuls;
    if (bytes[i + 1] == '\0') ++odd_nuls;
  }
  size_t pairs = length / 2;
  // ASCII-range text in UTF-16 has a NUL in nearly every pair, all on one side.
  if (odd_nuls * 10 >= pairs * 4 && even_nuls * 20 < pairs) return "UTF-16LE";
  if (even_nuls * 10 >= pairs * 4 && odd_nuls * 20 < pairs) return "UTF-16BE";
  return "";
}

std::string DetectCharset(std::string_view bytes) {
  uchardet_t detector = uchardet_new();
  if (detector == nullptr) return "";
  std::string charset;
  size_t length = std::min(bytes.size(), kDetectionBytes);
  if (uchardet_handle_data(detector, bytes.data(), length) == 0) {
    uchardet_data_end(detector);
    const char* name = uchardet_get_charset(detector);
    if (name != nullptr) charset = CanonicalCharset(name);
  }
  uchardet_delete(detector);
  return charset;
}

std::string DecodeWindows1252(std::string_view bytes) {
  std::string output;
  output.reserve(bytes.size() + bytes.size() / 8);
  for (size_t position = 0; position < bytes.size();) {
    unsigned char byte = static_cast<unsigned char>(bytes[position]);
    if (byte < 0x80) {
      if (byte != 0) output.push_back(char(byte));
      ++position;
      continue;
    }
    size_t start = position;
    uint32_t code_point = DecodeUtf8(bytes, &position);
    if (code_point == 0xFFFD && position == start + 1) {
      code_point = byte < 0xA0 ? kWindows1252High[byte - 0x80] : byte;
      AppendUtf8(code_point, &output);
    } else {
      output.append(bytes.substr(start, position - start));
    }
  }
  return output;
}

std::string DecodeUtf16(std::string_view bytes, bool little_endian) {
  std::string output;
  output.reserve(bytes.size());
  auto unit_at = [&](size_t i) -> uint32_t {
    uint32_t first = static_cast<unsigned char>(bytes[i]);
    uint32_t second = static_cast<unsigned char>(bytes[i + 1]);
    return little_endian ? (second << 8) | first : (first << 8) | second;
  };
  for (size_t i = 0; i + 1 < bytes.size(); i += 2) {
    uint32_t unit = unit_at(i);
    if (unit == 0) continue;
    if (unit >= 0xD800 && unit <= 0xDBFF && i + 3 < bytes.size()) {
      uint32_t low = unit_at(i + 2);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        AppendUtf8(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00), &output);
        i += 2;
        continue;
      }
    }
    AppendUtf8(unit, &output);  // a lone surrogate becomes U+FFFD here
  }
  return output;
}

std::string DecodeToUtf8(std::string_view bytes, std::string_view charset_hint) {
  ByteOrderMark mark = DetectByteOrderMark(bytes);
  std::string_view content = bytes.substr(ByteOrderMarkLength(mark));
  switch (mark) {
    case ByteOrderMark::kUtf8:
      return Utf8OrRepaired(content);
    case ByteOrderMark::kUtf16LittleEndian:
      return DecodeUtf16(content, /*little_endian=*/true);
    case ByteOrderMark::kUtf16BigEndian:
      return DecodeUtf16(content, /*little_endian=*/false);
    case ByteOrderMark::kNone:
      break;
  }
  std::string charset = CanonicalCharset(charset_hint);
  if (charset.empty()) {
    charset = CanonicalCharset(FindDeclaredCharset(bytes.substr(0, kCharsetDeclarationScanBytes)));
    // A page whose markup we could read is not UTF-16, whatever it says;
    // browsers take such a declaration as UTF-8.
    if (IsUtf16Or32(charset)) charset = std::string(kUtf8);
  }
  if (charset.empty()) return DecodeUndeclared(bytes);
  return DecodeDeclared(bytes, charset);
}

}  // namespace newsloom::ingest
