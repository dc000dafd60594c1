#include "extract/metadata_text.h"

#include <cstdint>

#include "common/strings.h"
#include "common/utf8.h"

namespace newsloom::extract::metadata_internal {

namespace {

struct NamedEntity {
  std::string_view name;
  uint32_t code_point;
};

// The references that occur in titles, names and descriptions in practice.
constexpr NamedEntity kEntities[] = {
    {"amp", '&'},      {"lt", '<'},       {"gt", '>'},       {"quot", '"'},     {"apos", '\''},
    {"nbsp", 0xA0},    {"ndash", 0x2013}, {"mdash", 0x2014}, {"lsquo", 0x2018}, {"rsquo", 0x2019},
    {"sbquo", 0x201A}, {"ldquo", 0x201C}, {"rdquo", 0x201D}, {"bdquo", 0x201E}, {"hellip", 0x2026},
    {"laquo", 0xAB},   {"raquo", 0xBB},   {"middot", 0xB7},  {"bull", 0x2022},  {"copy", 0xA9},
    {"reg", 0xAE},     {"trade", 0x2122}, {"eacute", 0xE9},  {"egrave", 0xE8},  {"ecirc", 0xEA},
    {"euml", 0xEB},    {"aacute", 0xE1},  {"agrave", 0xE0},  {"acirc", 0xE2},   {"auml", 0xE4},
    {"atilde", 0xE3},  {"aring", 0xE5},   {"iacute", 0xED},  {"igrave", 0xEC},  {"icirc", 0xEE},
    {"iuml", 0xEF},    {"oacute", 0xF3},  {"ograve", 0xF2},  {"ocirc", 0xF4},   {"ouml", 0xF6},
    {"otilde", 0xF5},  {"uacute", 0xFA},  {"ugrave", 0xF9},  {"ucirc", 0xFB},   {"uuml", 0xFC},
    {"ccedil", 0xE7},  {"ntilde", 0xF1},  {"szlig", 0xDF},   {"Eacute", 0xC9},  {"Auml", 0xC4},
    {"Ouml", 0xD6},    {"Uuml", 0xDC},    {"Ccedil", 0xC7},  {"Ntilde", 0xD1},  {"Aacute", 0xC1},
    {"Oacute", 0xD3},  {"oslash", 0xF8},  {"Oslash", 0xD8},  {"aelig", 0xE6},   {"AElig", 0xC6},
    {"euro", 0x20AC},  {"pound", 0xA3},   {"deg", 0xB0},     {"times", 0xD7},   {"shy", 0xAD},
    {"zwj", 0x200D},   {"zwnj", 0x200C},  {"thinsp", 0x2009}};

// Decodes one reference at text[i] == '&'; returns its length, 0 if none.
size_t DecodeReference(std::string_view text, size_t i, std::string* out) {
  size_t end = text.find(';', i + 1);
  if (end == std::string_view::npos || end - i > 12 || end == i + 1) return 0;
  std::string_view body = text.substr(i + 1, end - i - 1);
  if (body[0] == '#') {
    uint32_t value = 0;
    bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
    size_t start = hex ? 2 : 1;
    if (start >= body.size()) return 0;
    for (size_t k = start; k < body.size(); ++k) {
      char c = body[k];
      uint32_t digit;
      if (c >= '0' && c <= '9') {
        digit = uint32_t(c - '0');
      } else if (hex && c >= 'a' && c <= 'f') {
        digit = uint32_t(c - 'a' + 10);
      } else if (hex && c >= 'A' && c <= 'F') {
        digit = uint32_t(c - 'A' + 10);
      } else {
        return 0;
      }
      value = value * (hex ? 16 : 10) + digit;
      if (value > 0x10FFFF) return 0;
    }
    if (value == 0) return 0;
    AppendUtf8(value, out);
    return end - i + 1;
  }
  for (const NamedEntity& entity : kEntities) {
    if (entity.name == body) {
      AppendUtf8(entity.code_point, out);
      return end - i + 1;
    }
  }
  return 0;
}

}  // namespace

std::string DecodeEntities(std::string_view text) {
  if (text.find('&') == std::string_view::npos) return std::string(text);
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    if (text[i] == '&') {
      if (size_t length = DecodeReference(text, i, &out); length > 0) {
        i += length;
        continue;
      }
    }
    out.push_back(text[i]);
    ++i;
  }
  return out;
}

std::string CleanText(std::string_view text) {
  std::string decoded = DecodeEntities(text);
  // A second pass undoes double escaping ("&amp;#8217;").
  if (decoded.find('&') != std::string::npos) decoded = DecodeEntities(decoded);
  return CollapseWhitespace(decoded);
}

std::string ComparisonKey(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    char replacement = 0;
    size_t width = 1;
    if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80) {
      unsigned char b = static_cast<unsigned char>(text[i + 2]);
      width = 3;
      if (b == 0x98 || b == 0x99 || b == 0x9B)
        replacement = '\'';
      else if (b == 0x9C || b == 0x9D || b == 0x9E)
        replacement = '"';
      else if (b >= 0x90 && b <= 0x95)
        replacement = '-';
      else if ((b >= 0x80 && b <= 0x8B) || b == 0xAF)
        replacement = ' ';
      else
        width = 1;
    } else if (c == 0xC2 && i + 1 < text.size() &&
               static_cast<unsigned char>(text[i + 1]) == 0xA0) {
      replacement = ' ';
      width = 2;
    }
    char out_char = replacement != 0 ? replacement : LowerAscii(text[i]);
    i += width;
    if (out_char == ' ' || out_char == '\t' || out_char == '\n' || out_char == '\r') {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(out_char);
  }
  while (!out.empty() && (out.back() == '.' || out.back() == ' ' || out.back() == ':' ||
                          out.back() == '!' || out.back() == ',')) {
    out.pop_back();
  }
  return out;
}

std::string CompactKey(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (IsAsciiAlnum(c) || static_cast<unsigned char>(c) >= 0x80) out.push_back(LowerAscii(c));
  }
  return out;
}

std::string HostOf(std::string_view url) {
  size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) {
    if (url.substr(0, 2) != "//") return {};
    scheme = 0;
  }
  size_t start = scheme == 0 && url.substr(0, 2) == "//" ? 2 : scheme + 3;
  size_t end = url.find_first_of("/?#", start);
  std::string_view host = url.substr(start, end == std::string_view::npos ? url.npos : end - start);
  if (size_t at = host.rfind('@'); at != std::string_view::npos) host.remove_prefix(at + 1);
  if (size_t colon = host.find(':'); colon != std::string_view::npos) host = host.substr(0, colon);
  std::string lower = AsciiLower(host);
  if (lower.compare(0, 4, "www.") == 0) lower.erase(0, 4);
  return lower;
}

std::string ResolveUrl(std::string_view base, std::string_view reference) {
  std::string_view ref = TrimView(reference);
  if (ref.empty()) return {};
  // Already absolute: a scheme of letters followed by "://".
  size_t colon = ref.find("://");
  if (colon != std::string_view::npos && colon > 0) {
    bool scheme = true;
    for (size_t i = 0; i < colon; ++i) {
      char c = ref[i];
      if (!IsAsciiAlnum(c) && c != '+' && c != '-' && c != '.') scheme = false;
    }
    if (scheme) return std::string(ref);
  }
  size_t base_scheme = base.find("://");
  if (base_scheme == std::string_view::npos) return {};
  if (ref.substr(0, 2) == "//")
    return std::string(base.substr(0, base_scheme + 1)) + std::string(ref);
  size_t path_start = base.find_first_of("/?#", base_scheme + 3);
  std::string_view origin = base.substr(0, path_start);
  if (ref[0] == '/') return std::string(origin) + std::string(ref);
  std::string_view without_fragment = base.substr(0, base.find('#'));
  if (ref[0] == '#') return std::string(without_fragment) + std::string(ref);
  std::string_view without_query = without_fragment.substr(0, without_fragment.find('?'));
  if (ref[0] == '?') return std::string(without_query) + std::string(ref);
  if (path_start == std::string_view::npos || without_query.size() <= origin.size()) {
    return std::string(origin) + "/" + std::string(ref);
  }
  size_t last_slash = without_query.rfind('/');
  std::string joined(without_query.substr(0, last_slash + 1));
  while (ref.substr(0, 2) == "./") ref.remove_prefix(2);
  joined.append(ref);
  return joined;
}

// True when the space-separated list `tokens` holds `token` (ASCII case-insensitive).
bool HasToken(std::string_view tokens, std::string_view token) {
  size_t i = 0;
  while (i < tokens.size()) {
    while (i < tokens.size() && IsAsciiSpace(tokens[i])) ++i;
    size_t end = i;
    while (end < tokens.size() && !IsAsciiSpace(tokens[end])) ++end;
    if (end > i && EqualsIgnoreCase(tokens.substr(i, end - i), token)) return true;
    i = end;
  }
  return false;
}

bool ContainsAny(std::string_view text, std::initializer_list<std::string_view> needles) {
  for (std::string_view needle : needles) {
    if (ContainsIgnoreCase(text, needle)) return true;
  }
  return false;
}

// Words split on spaces (after whitespace collapsing).
std::vector<std::string_view> SpaceWords(std::string_view text) {
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    size_t end = i;
    while (end < text.size() && text[end] != ' ') ++end;
    if (end > i) words.push_back(text.substr(i, end - i));
    i = end;
  }
  return words;
}

}  // namespace newsloom::extract::metadata_internal
