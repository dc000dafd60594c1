#include "extract/html_parser.h"

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>  // xmlStringText, the name libxml2 gives text nodes

#include <algorithm>
#include <array>
#include <cassert>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "common/strings.h"

namespace newsloom::extract {

// ---------------------------------------------------------------------------
// Arena

struct Arena::Chunk {
  Chunk* previous;
  size_t bytes;
};

namespace {
// Keeps chunk payloads 16-byte aligned (operator new returns 16-aligned memory).
constexpr size_t kChunkHeader = 32;
static_assert(sizeof(void*) * 2 <= kChunkHeader);
constexpr size_t kMaxChunkBytes = size_t(4) << 20;
}  // namespace

Arena::Arena(size_t first_chunk_bytes)
    : next_chunk_bytes_(std::max<size_t>(first_chunk_bytes, 4096)) {}

Arena::~Arena() {
  while (chunks_ != nullptr) {
    Chunk* previous = chunks_->previous;
    ::operator delete(chunks_);
    chunks_ = previous;
  }
}

char* Arena::Grow(size_t bytes) {
  size_t size = std::max(next_chunk_bytes_, bytes + 16);
  next_chunk_bytes_ = std::min(next_chunk_bytes_ * 2, kMaxChunkBytes);
  auto* chunk = static_cast<Chunk*>(::operator new(kChunkHeader + size));
  chunk->previous = chunks_;
  chunk->bytes = size;
  chunks_ = chunk;
  cursor_ = reinterpret_cast<char*>(chunk) + kChunkHeader;
  limit_ = cursor_ + size;
  last_chars_ = nullptr;
  bytes_reserved_ += size;
  return cursor_;
}

void* Arena::Allocate(size_t bytes) {
  uintptr_t aligned = (reinterpret_cast<uintptr_t>(cursor_) + 15) & ~uintptr_t(15);
  if (aligned + bytes > reinterpret_cast<uintptr_t>(limit_)) {
    Grow(bytes);
    aligned = reinterpret_cast<uintptr_t>(cursor_);
  }
  cursor_ = reinterpret_cast<char*>(aligned + bytes);
  last_chars_ = nullptr;
  return reinterpret_cast<void*>(aligned);
}

char* Arena::AllocateChars(size_t bytes) {
  if (size_t(limit_ - cursor_) < bytes) Grow(bytes);
  char* block = cursor_;
  cursor_ += bytes;
  last_chars_ = block;
  return block;
}

void Arena::TrimLastChars(char* end) {
  assert(last_chars_ != nullptr && end >= last_chars_ && end <= cursor_);
  cursor_ = end;
}

namespace {

// ---------------------------------------------------------------------------
// Character classes

enum CharClass : uint8_t {
  kSpace = 1,        // \t \n \f \r and space
  kAlpha = 2,        // ASCII letter
  kAlnum = 4,        // ASCII letter or digit
  kNameEnd = 8,      // ends a tag name: space / >
  kAttrEnd = 16,     // ends an attribute name: space / > =
  kUnquotedEnd = 32  // ends an unquoted attribute value: space >
};

constexpr std::array<uint8_t, 256> MakeCharClasses() {
  std::array<uint8_t, 256> table{};
  for (int c = 0; c < 256; ++c) {
    uint8_t bits = 0;
    bool space = c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
    bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (space) bits |= kSpace | kNameEnd | kAttrEnd | kUnquotedEnd;
    if (alpha) bits |= kAlpha | kAlnum;
    if (c >= '0' && c <= '9') bits |= kAlnum;
    if (c == '/') bits |= kNameEnd | kAttrEnd;
    if (c == '>') bits |= kNameEnd | kAttrEnd | kUnquotedEnd;
    if (c == '=') bits |= kAttrEnd;
    table[size_t(c)] = bits;
  }
  return table;
}
constexpr std::array<uint8_t, 256> kCharClasses = MakeCharClasses();

inline bool Is(char c, CharClass cls) { return (kCharClasses[uint8_t(c)] & cls) != 0; }
inline char ToLower(char c) { return (c >= 'A' && c <= 'Z') ? char(c + 32) : c; }

// ---------------------------------------------------------------------------
// Known tags

enum class Tag : uint8_t {
  kOther,  // known name with no special handling
  kUnknown,
  kHtml,
  kHead,
  kBody,
  kP,
  kLi,
  kUl,
  kOl,
  kDd,
  kDt,
  kOption,
  kOptgroup,
  kTr,
  kTd,
  kTh,
  kTable,
  kTbody,
  kThead,
  kTfoot,
  kCaption,
  kColgroup,
  kA,
  kNoscript,
  kBr,
  kButton,
  kAddress,
  kDiv,
  kPlaintext,
};

enum TagFlag : uint16_t {
  kVoid = 1 << 0,           // never has children
  kRawText = 1 << 1,        // content is text up to the matching end tag
  kRcdata = 1 << 2,         // like kRawText, with character references decoded
  kHeadish = 1 << 3,        // belongs in <head> when it comes before body content
  kClosesP = 1 << 4,        // its start tag closes an open <p>
  kSpecial = 1 << 5,        // HTML5 "special": stops end tags of ordinary elements
  kScopeBoundary = 1 << 6,  // ends the default element scope
  kTableScope = 1 << 7,     // ends table scope
  kHeading = 1 << 8,        // h1-h6
  kRestOfInput = 1 << 9,    // plaintext: everything after it is text
};

struct TagInfo {
  const char* name;
  Tag id;
  uint16_t flags;
};

constexpr uint16_t kBlock = kClosesP | kSpecial;

// Attributes past this many on one element are dropped, which keeps the
// duplicate checks linear; real pages stay far below it.
constexpr size_t kMaxAttributes = 256;

// Names here point to static strings in the tree; other names are copied.
constexpr TagInfo kTags[] = {
    {"html", Tag::kHtml, kSpecial | kScopeBoundary | kTableScope},
    {"head", Tag::kHead, kSpecial},
    {"body", Tag::kBody, kSpecial},
    {"title", Tag::kOther, kRcdata | kHeadish | kSpecial},
    {"meta", Tag::kOther, kVoid | kHeadish | kSpecial},
    {"link", Tag::kOther, kVoid | kHeadish | kSpecial},
    {"base", Tag::kOther, kVoid | kHeadish | kSpecial},
    {"basefont", Tag::kOther, kVoid | kHeadish | kSpecial},
    {"bgsound", Tag::kOther, kVoid | kHeadish | kSpecial},
    {"style", Tag::kOther, kRawText | kHeadish | kSpecial},
    {"script", Tag::kOther, kRawText | kHeadish | kSpecial},
    {"template", Tag::kOther, kHeadish | kSpecial | kScopeBoundary | kTableScope},
    {"noscript", Tag::kNoscript, kSpecial},
    {"p", Tag::kP, kBlock},
    {"div", Tag::kDiv, kBlock},
    {"address", Tag::kAddress, kBlock},
    {"article", Tag::kOther, kBlock},
    {"aside", Tag::kOther, kBlock},
    {"blockquote", Tag::kOther, kBlock},
    {"center", Tag::kOther, kBlock},
    {"details", Tag::kOther, kBlock},
    {"dialog", Tag::kOther, kClosesP},
    {"dir", Tag::kOther, kBlock},
    {"dl", Tag::kOther, kBlock},
    {"fieldset", Tag::kOther, kBlock},
    {"figcaption", Tag::kOther, kBlock},
    {"figure", Tag::kOther, kBlock},
    {"footer", Tag::kOther, kBlock},
    {"form", Tag::kOther, kBlock},
    {"h1", Tag::kOther, kBlock | kHeading},
    {"h2", Tag::kOther, kBlock | kHeading},
    {"h3", Tag::kOther, kBlock | kHeading},
    {"h4", Tag::kOther, kBlock | kHeading},
    {"h5", Tag::kOther, kBlock | kHeading},
    {"h6", Tag::kOther, kBlock | kHeading},
    {"header", Tag::kOther, kBlock},
    {"hgroup", Tag::kOther, kBlock},
    {"hr", Tag::kOther, kBlock | kVoid},
    {"main", Tag::kOther, kBlock},
    {"menu", Tag::kOther, kBlock},
    {"nav", Tag::kOther, kBlock},
    {"ol", Tag::kOl, kBlock},
    {"ul", Tag::kUl, kBlock},
    {"li", Tag::kLi, kBlock},
    {"dd", Tag::kDd, kBlock},
    {"dt", Tag::kDt, kBlock},
    {"pre", Tag::kOther, kBlock},
    {"listing", Tag::kOther, kBlock},
    {"section", Tag::kOther, kBlock},
    {"search", Tag::kOther, kBlock},
    {"summary", Tag::kOther, kBlock},
    {"plaintext", Tag::kPlaintext, kBlock | kRestOfInput},
    {"xmp", Tag::kOther, kBlock | kRawText},
    {"table", Tag::kTable, kBlock | kScopeBoundary | kTableScope},
    {"caption", Tag::kCaption, kSpecial | kScopeBoundary},
    {"colgroup", Tag::kColgroup, kSpecial},
    {"col", Tag::kOther, kSpecial | kVoid},
    {"tbody", Tag::kTbody, kSpecial},
    {"thead", Tag::kThead, kSpecial},
    {"tfoot", Tag::kTfoot, kSpecial},
    {"tr", Tag::kTr, kSpecial},
    {"td", Tag::kTd, kSpecial | kScopeBoundary},
    {"th", Tag::kTh, kSpecial | kScopeBoundary},
    {"area", Tag::kOther, kSpecial | kVoid},
    {"br", Tag::kBr, kSpecial | kVoid},
    {"embed", Tag::kOther, kSpecial | kVoid},
    {"img", Tag::kOther, kSpecial | kVoid},
    {"input", Tag::kOther, kSpecial | kVoid},
    {"keygen", Tag::kOther, kSpecial | kVoid},
    {"param", Tag::kOther, kSpecial | kVoid},
    {"source", Tag::kOther, kSpecial | kVoid},
    {"track", Tag::kOther, kSpecial | kVoid},
    {"wbr", Tag::kOther, kSpecial | kVoid},
    {"frame", Tag::kOther, kSpecial | kVoid},
    {"iframe", Tag::kOther, kSpecial | kRawText},
    {"noembed", Tag::kOther, kSpecial | kRawText},
    {"noframes", Tag::kOther, kSpecial | kRawText},
    {"textarea", Tag::kOther, kSpecial | kRcdata},
    {"frameset", Tag::kOther, kSpecial},
    {"select", Tag::kOther, kSpecial},
    {"button", Tag::kButton, kSpecial},
    {"applet", Tag::kOther, kSpecial | kScopeBoundary},
    {"marquee", Tag::kOther, kSpecial | kScopeBoundary},
    {"object", Tag::kOther, kSpecial | kScopeBoundary},
    {"option", Tag::kOption, 0},
    {"optgroup", Tag::kOptgroup, 0},
    {"a", Tag::kA, 0},
    {"abbr", Tag::kOther, 0},
    {"audio", Tag::kOther, 0},
    {"b", Tag::kOther, 0},
    {"bdi", Tag::kOther, 0},
    {"bdo", Tag::kOther, 0},
    {"big", Tag::kOther, 0},
    {"canvas", Tag::kOther, 0},
    {"cite", Tag::kOther, 0},
    {"code", Tag::kOther, 0},
    {"data", Tag::kOther, 0},
    {"del", Tag::kOther, 0},
    {"dfn", Tag::kOther, 0},
    {"em", Tag::kOther, 0},
    {"font", Tag::kOther, 0},
    {"i", Tag::kOther, 0},
    {"ins", Tag::kOther, 0},
    {"kbd", Tag::kOther, 0},
    {"label", Tag::kOther, 0},
    {"legend", Tag::kOther, 0},
    {"map", Tag::kOther, 0},
    {"mark", Tag::kOther, 0},
    {"meter", Tag::kOther, 0},
    {"nobr", Tag::kOther, 0},
    {"output", Tag::kOther, 0},
    {"picture", Tag::kOther, 0},
    {"progress", Tag::kOther, 0},
    {"q", Tag::kOther, 0},
    {"rp", Tag::kOther, 0},
    {"rt", Tag::kOther, 0},
    {"ruby", Tag::kOther, 0},
    {"s", Tag::kOther, 0},
    {"samp", Tag::kOther, 0},
    {"slot", Tag::kOther, 0},
    {"small", Tag::kOther, 0},
    {"span", Tag::kOther, 0},
    {"strike", Tag::kOther, 0},
    {"strong", Tag::kOther, 0},
    {"sub", Tag::kOther, 0},
    {"sup", Tag::kOther, 0},
    {"time", Tag::kOther, 0},
    {"tt", Tag::kOther, 0},
    {"u", Tag::kOther, 0},
    {"var", Tag::kOther, 0},
    {"video", Tag::kOther, 0},
    {"svg", Tag::kOther, 0},
    {"math", Tag::kOther, 0},
    {"path", Tag::kOther, 0},
    {"g", Tag::kOther, 0},
    {"use", Tag::kOther, 0},
    {"circle", Tag::kOther, 0},
    {"rect", Tag::kOther, 0},
    {"defs", Tag::kOther, 0},
    {"symbol", Tag::kOther, 0},
    {"polygon", Tag::kOther, 0},
    {"line", Tag::kOther, 0},
};

constexpr TagInfo kUnknownTag = {nullptr, Tag::kUnknown, 0};

inline uint32_t HashName(const char* name, size_t length) {
  uint32_t hash = 2166136261u;
  for (size_t i = 0; i < length; ++i) hash = (hash ^ uint8_t(name[i])) * 16777619u;
  return hash;
}

// Open-addressing table from tag name to kTags index + 1; built once.
class TagTable {
 public:
  TagTable() {
    slots_.fill(0);
    for (size_t i = 0; i < std::size(kTags); ++i) {
      size_t length = std::strlen(kTags[i].name);
      lengths_[i] = uint8_t(length);
      size_t slot = HashName(kTags[i].name, length) & kMask;
      while (slots_[slot] != 0) slot = (slot + 1) & kMask;
      slots_[slot] = uint16_t(i + 1);
    }
  }

  // `name` is lower-case.
  const TagInfo* Find(const char* name, size_t length) const {
    if (length > 16) return nullptr;
    size_t slot = HashName(name, length) & kMask;
    while (uint16_t entry = slots_[slot]) {
      size_t index = entry - 1;
      if (lengths_[index] == length && std::memcmp(kTags[index].name, name, length) == 0) {
        return &kTags[index];
      }
      slot = (slot + 1) & kMask;
    }
    return nullptr;
  }

 private:
  static constexpr size_t kMask = 511;
  std::array<uint16_t, kMask + 1> slots_;
  std::array<uint8_t, std::size(kTags)> lengths_;
};

const TagTable& Tags() {
  static const TagTable table;
  return table;
}

// ---------------------------------------------------------------------------
// Character references

// libxml2's HTML 4 entity table, hashed. libxml2 only offers a linear lookup
// by name, so the names are collected once through the lookup by value.
class EntityTable {
 public:
  EntityTable() {
    for (unsigned value = 1; value < 0x3000; ++value) {
      const htmlEntityDesc* entity = htmlEntityValueLookup(value);
      if (entity == nullptr || entity->value != value || entity->name == nullptr) continue;
      size_t length = std::strlen(entity->name);
      if (length >= sizeof(Entry::name)) continue;
      size_t slot = HashName(entity->name, length) & kMask;
      while (slots_[slot].length != 0) slot = (slot + 1) & kMask;
      std::memcpy(slots_[slot].name, entity->name, length);
      slots_[slot].length = uint8_t(length);
      slots_[slot].value = value;
    }
  }

  // The code point named `name` (case-sensitive), or 0.
  uint32_t Find(const char* name, size_t length) const {
    if (length == 0 || length >= sizeof(Entry::name)) return 0;
    size_t slot = HashName(name, length) & kMask;
    while (slots_[slot].length != 0) {
      const Entry& entry = slots_[slot];
      if (entry.length == length && std::memcmp(entry.name, name, length) == 0) return entry.value;
      slot = (slot + 1) & kMask;
    }
    // A name whose value another name shares was not collected.
    char terminated[sizeof(Entry::name)];
    std::memcpy(terminated, name, length);
    terminated[length] = '\0';
    const htmlEntityDesc* entity = htmlEntityLookup(reinterpret_cast<const xmlChar*>(terminated));
    return entity ? entity->value : 0;
  }

 private:
  struct Entry {
    char name[15] = {};
    uint8_t length = 0;
    uint32_t value = 0;
  };
  static constexpr size_t kMask = 1023;
  std::array<Entry, kMask + 1> slots_{};
};

const EntityTable& Entities() {
  static const EntityTable table;
  return table;
}

// Names browsers decode even without the ';', longest first within a prefix.
struct LegacyEntity {
  const char* name;
  uint8_t length;
  uint32_t value;
};
constexpr LegacyEntity kLegacyEntities[] = {
    {"amp", 3, '&'},     {"AMP", 3, '&'},   {"lt", 2, '<'},     {"LT", 2, '<'},
    {"gt", 2, '>'},      {"GT", 2, '>'},    {"quot", 4, '"'},   {"QUOT", 4, '"'},
    {"nbsp", 4, 0xA0},   {"copy", 4, 0xA9}, {"COPY", 4, 0xA9},  {"reg", 3, 0xAE},
    {"REG", 3, 0xAE},    {"shy", 3, 0xAD},  {"laquo", 5, 0xAB}, {"raquo", 5, 0xBB},
    {"middot", 6, 0xB7}, {"deg", 3, 0xB0},  {"times", 5, 0xD7}, {"eacute", 6, 0xE9},
};

// HTML5 maps numeric references in 0x80-0x9F through Windows-1252.
constexpr uint16_t kWindows1252[32] = {
    0x20AC, 0x81,   0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x8D,   0x017D, 0x8F,   0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,   0x017E, 0x0178};

inline char* AppendUtf8(uint32_t code, char* out) {
  if (code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) code = 0xFFFD;
  if (code >= 0x80 && code <= 0x9F) code = kWindows1252[code - 0x80];
  if (code < 0x80) {
    *out++ = char(code);
  } else if (code < 0x800) {
    *out++ = char(0xC0 | (code >> 6));
    *out++ = char(0x80 | (code & 0x3F));
  } else if (code < 0x10000) {
    *out++ = char(0xE0 | (code >> 12));
    *out++ = char(0x80 | ((code >> 6) & 0x3F));
    *out++ = char(0x80 | (code & 0x3F));
  } else {
    *out++ = char(0xF0 | (code >> 18));
    *out++ = char(0x80 | ((code >> 12) & 0x3F));
    *out++ = char(0x80 | ((code >> 6) & 0x3F));
    *out++ = char(0x80 | (code & 0x3F));
  }
  return out;
}

// Decodes the reference at `amp` (which points to '&'). On success writes the
// character to *out, advances it and returns the input position after the
// reference; otherwise returns nullptr and writes nothing. The output is
// never longer than the reference it replaces.
const char* DecodeReference(const char* amp, const char* end, bool in_attribute, char** out) {
  const char* cursor = amp + 1;
  if (cursor < end && *cursor == '#') {
    ++cursor;
    bool hex = cursor < end && (*cursor == 'x' || *cursor == 'X');
    if (hex) ++cursor;
    const char* digits = cursor;
    uint32_t value = 0;
    while (cursor < end) {
      int digit = hex ? HexDigitValue(*cursor) : (IsAsciiDigit(*cursor) ? *cursor - '0' : -1);
      if (digit < 0) break;
      value = value > 0x10FFFF ? value : value * (hex ? 16 : 10) + uint32_t(digit);
      ++cursor;
    }
    if (cursor == digits) return nullptr;
    if (cursor < end && *cursor == ';') ++cursor;
    *out = AppendUtf8(value, *out);
    return cursor;
  }
  const char* name = cursor;
  while (cursor < end && cursor - name < 32 && Is(*cursor, kAlnum)) ++cursor;
  size_t length = size_t(cursor - name);
  if (length == 0) return nullptr;
  if (cursor < end && *cursor == ';') {
    if (uint32_t value = Entities().Find(name, length)) {
      *out = AppendUtf8(value, *out);
      return cursor + 1;
    }
  }
  for (const LegacyEntity& legacy : kLegacyEntities) {
    if (legacy.length > length || std::memcmp(legacy.name, name, legacy.length) != 0) continue;
    const char* after = name + legacy.length;
    // In attributes "&copy=1" stays as written: it is almost always a URL.
    if (in_attribute && after < end && (Is(*after, kAlnum) || *after == '=')) return nullptr;
    *out = AppendUtf8(legacy.value, *out);
    return after;
  }
  return nullptr;
}

// Copies [begin, end) to out with character references decoded; returns the
// end of the output, which is at most end - begin bytes long.
char* DecodeText(const char* begin, const char* end, bool in_attribute, char* out) {
  while (begin < end) {
    const char* amp = static_cast<const char*>(std::memchr(begin, '&', size_t(end - begin)));
    if (amp == nullptr) {
      std::memcpy(out, begin, size_t(end - begin));
      return out + (end - begin);
    }
    std::memcpy(out, begin, size_t(amp - begin));
    out += amp - begin;
    const char* after = DecodeReference(amp, end, in_attribute, &out);
    if (after == nullptr) {
      *out++ = '&';
      begin = amp + 1;
    } else {
      begin = after;
    }
  }
  return out;
}

bool AllSpace(const char* begin, const char* end) {
  for (; begin < end; ++begin) {
    if (!Is(*begin, kSpace)) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------
// Parser

class Parser {
 public:
  Parser(std::string_view input, Arena& arena) : arena_(arena) {
    if (std::memchr(input.data(), '\0', input.size()) != nullptr) {
      without_nul_.reserve(input.size());
      for (char c : input) {
        if (c != '\0') without_nul_.push_back(c);
      }
      input = without_nul_;
    }
    begin_ = input.data();
    end_ = input.data() + input.size();
    attributes_.reserve(16);
  }

  xmlDoc* Run();

 private:
  struct OpenElement {
    xmlNode* node;
    const TagInfo* info;
  };
  struct AttributeToken {
    const char* name;  // in the arena, NUL-terminated
    size_t name_length;
    const char* value;  // in the arena, NUL-terminated; null when the attribute has no '='
  };

  template <typename T>
  T* New() {
    void* memory = arena_.Allocate(sizeof(T));
    std::memset(memory, 0, sizeof(T));
    return static_cast<T*>(memory);
  }

  // Tokenizer: each consumes the construct at cursor_ (which is at '<').
  void ParseMarkup();
  void ParseStartTag();
  void ParseEndTag();
  void ParseComment();
  void SkipPast(char terminator, const char* from);
  void ParseRawText(const TagInfo& info, const char* name, size_t name_length, xmlNode* element);

  const char* CopyLower(const char* begin, const char* end);
  const char* CopyDecoded(const char* begin, const char* end, bool in_attribute);

  // Tree builder.
  xmlNode* NewElement(const xmlChar* name);
  xmlNode* NewText(const char* content);
  void Append(xmlNode* parent, xmlNode* child);
  void AddAttributes(xmlNode* element, bool only_missing);
  void Push(xmlNode* node, const TagInfo* info) { open_[depth_++] = {node, info}; }
  // Removes open_[index] and above, after pending text went to the current node.
  void PopTo(int index) {
    FlushText();
    depth_ = std::min(depth_, index);
  }
  xmlNode* Current() const { return open_[depth_ - 1].node; }
  const TagInfo* CurrentInfo() const { return open_[depth_ - 1].info; }
  bool Matches(const OpenElement& open, const TagInfo* info, const char* name) const;
  int FindInScope(const TagInfo* info, const char* name, uint16_t boundary_flags,
                  Tag extra_boundary1 = Tag::kUnknown, Tag extra_boundary2 = Tag::kUnknown) const;
  void StartBody();
  void AddText(const char* begin, const char* end);
  void FlushText();
  void InsertText(const char* begin, const char* end, bool decoded);
  xmlNode* StartTag(const TagInfo* info, const char* name, bool self_closing);
  void EndTag(const TagInfo* info, const char* name);
  void CloseListItem(Tag first, Tag second);
  enum class TablePart { kCell, kRow, kSection };
  void CloseTableParts(TablePart what);

  Arena& arena_;
  std::string without_nul_;
  const char* begin_ = nullptr;
  const char* end_ = nullptr;
  const char* cursor_ = nullptr;

  xmlDoc* doc_ = nullptr;
  xmlNode* html_ = nullptr;
  xmlNode* head_ = nullptr;
  xmlNode* body_ = nullptr;
  std::array<OpenElement, kMaxParserDepth> open_;
  int depth_ = 0;
  std::vector<AttributeToken> attributes_;

  // Text waits here until the tree changes, so that text split by comments or
  // by ignored tags becomes one node. One raw segment is kept as a range; more
  // are decoded into text_buffer_.
  const char* text_begin_ = nullptr;
  const char* text_end_ = nullptr;
  std::string text_buffer_;
  bool text_buffered_ = false;
};

xmlNode* Parser::NewElement(const xmlChar* name) {
  auto* node = New<xmlNode>();
  node->type = XML_ELEMENT_NODE;
  node->name = name;
  node->doc = doc_;
  return node;
}

xmlNode* Parser::NewText(const char* content) {
  auto* node = New<xmlNode>();
  node->type = XML_TEXT_NODE;
  node->name = xmlStringText;
  node->content = reinterpret_cast<xmlChar*>(const_cast<char*>(content));
  node->doc = doc_;
  return node;
}

void Parser::Append(xmlNode* parent, xmlNode* child) {
  child->parent = parent;
  if (parent->last == nullptr) {
    parent->children = child;
  } else {
    parent->last->next = child;
    child->prev = parent->last;
  }
  parent->last = child;
}

const char* Parser::CopyLower(const char* begin, const char* end) {
  size_t length = size_t(end - begin);
  char* copy = arena_.AllocateChars(length + 1);
  for (size_t i = 0; i < length; ++i) copy[i] = ToLower(begin[i]);
  copy[length] = '\0';
  return copy;
}

const char* Parser::CopyDecoded(const char* begin, const char* end, bool in_attribute) {
  size_t length = size_t(end - begin);
  char* copy = arena_.AllocateChars(length + 1);
  if (std::memchr(begin, '&', length) == nullptr) {
    std::memcpy(copy, begin, length);
    copy[length] = '\0';
    return copy;
  }
  char* out = DecodeText(begin, end, in_attribute, copy);
  *out++ = '\0';
  arena_.TrimLastChars(out);
  return copy;
}

void Parser::AddAttributes(xmlNode* element, bool only_missing) {
  xmlAttr* last = element->properties;
  size_t count = last ? 1 : 0;
  while (last != nullptr && last->next != nullptr) {
    last = last->next;
    ++count;
  }
  for (const AttributeToken& token : attributes_) {
    if (count >= kMaxAttributes) return;
    if (only_missing) {
      bool present = false;
      for (xmlAttr* attr = element->properties; attr != nullptr; attr = attr->next) {
        if (std::strcmp(reinterpret_cast<const char*>(attr->name), token.name) == 0) present = true;
      }
      if (present) continue;
    }
    auto* attr = New<xmlAttr>();
    attr->type = XML_ATTRIBUTE_NODE;
    attr->name = reinterpret_cast<const xmlChar*>(token.name);
    attr->parent = element;
    attr->doc = doc_;
    if (token.value != nullptr) {
      xmlNode* text = NewText(token.value);
      text->parent = reinterpret_cast<xmlNode*>(attr);
      attr->children = attr->last = text;
    }
    if (last == nullptr) {
      element->properties = attr;
    } else {
      last->next = attr;
      attr->prev = last;
    }
    last = attr;
    ++count;
  }
}

bool Parser::Matches(const OpenElement& open, const TagInfo* info, const char* name) const {
  if (info != &kUnknownTag) return open.info == info;
  return open.info == &kUnknownTag &&
         std::strcmp(reinterpret_cast<const char*>(open.node->name), name) == 0;
}

int Parser::FindInScope(const TagInfo* info, const char* name, uint16_t boundary_flags,
                        Tag extra_boundary1, Tag extra_boundary2) const {
  for (int i = depth_ - 1; i >= 0; --i) {
    if (Matches(open_[i], info, name)) return i;
    const TagInfo* open = open_[i].info;
    if ((open->flags & boundary_flags) || open->id == extra_boundary1 ||
        open->id == extra_boundary2) {
      return -1;
    }
  }
  return -1;
}

void Parser::StartBody() {
  FlushText();  // text before the body may itself start it
  if (body_ != nullptr) return;
  PopTo(1);
  body_ = NewElement(reinterpret_cast<const xmlChar*>("body"));
  Append(html_, body_);
  Push(body_, Tags().Find("body", 4));
}

void Parser::AddText(const char* begin, const char* end) {
  if (text_begin_ == nullptr && !text_buffered_) {
    text_begin_ = begin;
    text_end_ = end;
    return;
  }
  if (!text_buffered_) {
    text_buffer_.clear();
    text_buffered_ = true;
    const char* first_begin = text_begin_;
    text_begin_ = nullptr;
    AddText(first_begin, text_end_);
  }
  size_t old_size = text_buffer_.size();
  text_buffer_.resize(old_size + size_t(end - begin));
  char* out = DecodeText(begin, end, false, text_buffer_.data() + old_size);
  text_buffer_.resize(size_t(out - text_buffer_.data()));
}

void Parser::FlushText() {
  if (text_buffered_) {
    text_buffered_ = false;  // cleared first: InsertText may start the body, which flushes
    InsertText(text_buffer_.data(), text_buffer_.data() + text_buffer_.size(), true);
  } else if (text_begin_ != nullptr) {
    const char* begin = text_begin_;
    text_begin_ = nullptr;
    InsertText(begin, text_end_, false);
  }
}

void Parser::InsertText(const char* begin, const char* end, bool decoded) {
  if (body_ == nullptr) {
    bool in_head_element = CurrentInfo()->id != Tag::kHead;  // noscript or template in head
    if (!in_head_element) {
      if (AllSpace(begin, end)) return;
      StartBody();
    }
  }
  const char* content;
  if (decoded) {
    size_t length = size_t(end - begin);
    char* copy = arena_.AllocateChars(length + 1);
    std::memcpy(copy, begin, length);
    copy[length] = '\0';
    content = copy;
  } else {
    content = CopyDecoded(begin, end, false);
  }
  Append(Current(), NewText(content));
}

void Parser::CloseListItem(Tag first, Tag second) {
  for (int i = depth_ - 1; i > 0; --i) {
    const TagInfo* info = open_[i].info;
    if (info->id == first || info->id == second) {
      PopTo(i);
      return;
    }
    if ((info->flags & kSpecial) && info->id != Tag::kAddress && info->id != Tag::kDiv &&
        info->id != Tag::kP) {
      return;
    }
  }
}

// Closes the open cells, rows or row groups (as `what` says) inside the
// nearest table.
void Parser::CloseTableParts(TablePart what) {
  int lowest = -1;
  for (int i = depth_ - 1; i > 0; --i) {
    Tag id = open_[i].info->id;
    if (open_[i].info->flags & kTableScope) break;
    bool close = id == Tag::kTd || id == Tag::kTh;
    if (what != TablePart::kCell) close = close || id == Tag::kTr;
    if (what == TablePart::kSection) {
      close = close || id == Tag::kTbody || id == Tag::kThead || id == Tag::kTfoot ||
              id == Tag::kCaption || id == Tag::kColgroup;
    }
    if (close) lowest = i;
  }
  if (lowest > 0) PopTo(lowest);
}

xmlNode* Parser::StartTag(const TagInfo* info, const char* name, bool self_closing) {
  Tag id = info->id;
  if (id == Tag::kHtml) {
    AddAttributes(html_, true);
    return nullptr;
  }
  if (id == Tag::kHead) return nullptr;
  if (id == Tag::kBody) {
    FlushText();  // text before <body> starts the body
    if (body_ == nullptr) {
      StartBody();
      AddAttributes(body_, false);
    } else {
      AddAttributes(body_, true);
    }
    return nullptr;
  }

  if (body_ == nullptr) {
    // Head elements go to <head>. Inside a <noscript> or <template> there,
    // inline content (a tracking pixel) stays put; a block starts the body.
    bool at_head = CurrentInfo()->id == Tag::kHead;
    bool stays_in_head = (info->flags & kHeadish) || (at_head && id == Tag::kNoscript) ||
                         (!at_head && !(info->flags & kClosesP));
    if (!stays_in_head) StartBody();
  } else {
    if (info->flags & kClosesP) {
      int p = FindInScope(Tags().Find("p", 1), "p", kScopeBoundary, Tag::kButton);
      if (p > 0) PopTo(p);
    }
    switch (id) {
      case Tag::kLi:
        CloseListItem(Tag::kLi, Tag::kLi);
        break;
      case Tag::kDd:
      case Tag::kDt:
        CloseListItem(Tag::kDd, Tag::kDt);
        break;
      case Tag::kOption:
        if (CurrentInfo()->id == Tag::kOption) PopTo(depth_ - 1);
        break;
      case Tag::kOptgroup:
        if (CurrentInfo()->id == Tag::kOption) PopTo(depth_ - 1);
        if (CurrentInfo()->id == Tag::kOptgroup) PopTo(depth_ - 1);
        break;
      case Tag::kA: {
        // Only an <a> with no block between: page authors nest links inside
        // blocks inside links, and closing the outer one would close the blocks.
        int a = FindInScope(info, name, kSpecial);
        if (a > 0) PopTo(a);
        break;
      }
      case Tag::kTr:
        CloseTableParts(TablePart::kRow);
        break;
      case Tag::kTd:
      case Tag::kTh:
        CloseTableParts(TablePart::kCell);
        break;
      case Tag::kTbody:
      case Tag::kThead:
      case Tag::kTfoot:
      case Tag::kCaption:
      case Tag::kColgroup:
        CloseTableParts(TablePart::kSection);
        break;
      default:
        if ((info->flags & kHeading) && (CurrentInfo()->flags & kHeading)) PopTo(depth_ - 1);
        break;
    }
  }

  if (depth_ >= kMaxParserDepth) return nullptr;
  const xmlChar* element_name = reinterpret_cast<const xmlChar*>(info->name ? info->name : name);
  xmlNode* element = NewElement(element_name);
  AddAttributes(element, false);
  FlushText();
  Append(Current(), element);
  bool leaf = (info->flags & (kVoid | kRawText | kRcdata | kRestOfInput)) || self_closing;
  if (!leaf) Push(element, info);
  return element;
}

void Parser::EndTag(const TagInfo* info, const char* name) {
  int index = -1;
  switch (info->id) {
    case Tag::kHtml:
    case Tag::kBody:
      return;
    case Tag::kHead:
      if (body_ == nullptr) PopTo(2);
      return;
    case Tag::kBr:
      attributes_.clear();
      StartTag(info, name, false);
      return;
    case Tag::kP:
      index = FindInScope(info, name, kScopeBoundary, Tag::kButton);
      break;
    case Tag::kLi:
      index = FindInScope(info, name, kScopeBoundary, Tag::kUl, Tag::kOl);
      break;
    case Tag::kTable:
    case Tag::kTbody:
    case Tag::kThead:
    case Tag::kTfoot:
    case Tag::kTr:
    case Tag::kTd:
    case Tag::kTh:
    case Tag::kCaption:
    case Tag::kColgroup:
      index = FindInScope(info, name, kTableScope);
      break;
    default:
      if (info->flags & kHeading) {
        for (int i = depth_ - 1; i > 0; --i) {
          if (open_[i].info->flags & kHeading) {
            index = i;
            break;
          }
          if (open_[i].info->flags & kScopeBoundary) break;
        }
      } else if (info->flags & kSpecial) {
        index = FindInScope(info, name, kScopeBoundary);
      } else {
        // An ordinary element closes only if no special element is open inside it.
        index = FindInScope(info, name, kSpecial);
      }
      break;
  }
  // Never pop html, or body once it exists.
  if (index > 0 && !(body_ != nullptr && open_[index].node == body_)) PopTo(index);
}

void Parser::SkipPast(char terminator, const char* from) {
  const char* found =
      from < end_ ? static_cast<const char*>(std::memchr(from, terminator, size_t(end_ - from)))
                  : nullptr;
  cursor_ = found ? found + 1 : end_;
}

void Parser::ParseComment() {
  const char* body = cursor_ + 4;  // after "<!--"
  if (body < end_ && *body == '>') {
    cursor_ = body + 1;
    return;
  }
  if (body + 1 < end_ && body[0] == '-' && body[1] == '>') {
    cursor_ = body + 2;
    return;
  }
  std::string_view rest(body, size_t(end_ - body));
  size_t close = rest.find("-->");
  cursor_ = close == std::string_view::npos ? end_ : body + close + 3;
}

void Parser::ParseMarkup() {
  const char* next = cursor_ + 1;
  char c = *next;
  if (Is(c, kAlpha)) {
    ParseStartTag();
  } else if (c == '/') {
    if (next + 1 < end_ && Is(next[1], kAlpha)) {
      ParseEndTag();
    } else if (next + 1 < end_ && next[1] == '>') {
      cursor_ = next + 2;
    } else {
      SkipPast('>', next + 1);
    }
  } else if (c == '!') {
    std::string_view rest(next, size_t(end_ - next));
    if (rest.starts_with("!--")) {
      ParseComment();
    } else {  // doctype; in HTML content a CDATA section too ends at the first '>'
      SkipPast('>', next + 1);
    }
  } else {  // '?': a processing instruction, or an XML declaration
    SkipPast('>', next + 1);
  }
}

void Parser::ParseStartTag() {
  const char* cursor = cursor_ + 1;
  const char* name_begin = cursor;
  while (cursor < end_ && !Is(*cursor, kNameEnd)) ++cursor;
  if (cursor >= end_) {  // truncated tag at end of input: dropped
    cursor_ = end_;
    return;
  }
  size_t name_length = size_t(cursor - name_begin);
  char lower[17];
  const TagInfo* info = nullptr;
  if (name_length < sizeof(lower)) {
    for (size_t i = 0; i < name_length; ++i) lower[i] = ToLower(name_begin[i]);
    info = Tags().Find(lower, name_length);
  }
  const char* name = info ? info->name : CopyLower(name_begin, cursor);
  if (info == nullptr) info = &kUnknownTag;

  attributes_.clear();
  bool self_closing = false;
  while (true) {
    while (cursor < end_ && Is(*cursor, kSpace)) ++cursor;
    if (cursor >= end_) {
      cursor_ = end_;
      return;
    }
    if (*cursor == '>') {
      ++cursor;
      break;
    }
    if (*cursor == '/') {
      ++cursor;
      if (cursor < end_ && *cursor == '>') {
        self_closing = true;
        ++cursor;
        break;
      }
      continue;
    }
    const char* attr_begin = cursor++;  // a leading '=' belongs to the name
    while (cursor < end_ && !Is(*cursor, kAttrEnd)) ++cursor;
    const char* attr_end = cursor;
    while (cursor < end_ && Is(*cursor, kSpace)) ++cursor;
    const char* value_begin = nullptr;
    const char* value_end = nullptr;
    if (cursor < end_ && *cursor == '=') {
      ++cursor;
      while (cursor < end_ && Is(*cursor, kSpace)) ++cursor;
      if (cursor >= end_) {
        cursor_ = end_;
        return;
      }
      if (*cursor == '"' || *cursor == '\'') {
        char quote = *cursor++;
        const char* close =
            static_cast<const char*>(std::memchr(cursor, quote, size_t(end_ - cursor)));
        if (close == nullptr) {
          cursor_ = end_;
          return;
        }
        value_begin = cursor;
        value_end = close;
        cursor = close + 1;
      } else {
        value_begin = cursor;
        while (cursor < end_ && !Is(*cursor, kUnquotedEnd)) ++cursor;
        value_end = cursor;
      }
    }
    if (attributes_.size() >= kMaxAttributes) continue;
    size_t attr_length = size_t(attr_end - attr_begin);
    bool duplicate = false;
    for (const AttributeToken& token : attributes_) {
      if (token.name_length != attr_length) continue;
      size_t i = 0;
      while (i < attr_length && token.name[i] == ToLower(attr_begin[i])) ++i;
      if (i == attr_length) {
        duplicate = true;
        break;
      }
    }
    if (duplicate) continue;
    const char* attr_name = CopyLower(attr_begin, attr_end);
    const char* value = value_begin ? CopyDecoded(value_begin, value_end, true) : nullptr;
    attributes_.push_back({attr_name, attr_length, value});
  }
  cursor_ = cursor;

  xmlNode* element = StartTag(info, name, self_closing);
  if ((info->flags & (kRawText | kRcdata | kRestOfInput)) && !self_closing) {
    ParseRawText(*info, name, std::strlen(name), element);
  }
}

void Parser::ParseRawText(const TagInfo& info, const char* name, size_t name_length,
                          xmlNode* element) {
  const char* text_begin = cursor_;
  const char* text_end = end_;
  const char* after = end_;
  if (!(info.flags & kRestOfInput)) {
    const char* cursor = cursor_;
    while (cursor < end_) {
      const char* lt = static_cast<const char*>(std::memchr(cursor, '<', size_t(end_ - cursor)));
      if (lt == nullptr) break;
      cursor = lt + 1;
      if (size_t(end_ - lt) < name_length + 2 || lt[1] != '/') continue;
      size_t i = 0;
      while (i < name_length && ToLower(lt[2 + i]) == name[i]) ++i;
      if (i != name_length) continue;
      const char* name_end = lt + 2 + name_length;
      if (name_end < end_ && !Is(*name_end, kNameEnd)) continue;
      text_end = lt;
      const char* close =
          static_cast<const char*>(std::memchr(name_end, '>', size_t(end_ - name_end)));
      after = close ? close + 1 : end_;
      break;
    }
  }
  cursor_ = after;
  if (element == nullptr || text_end == text_begin) return;
  const char* content;
  if (info.flags & kRcdata) {
    content = CopyDecoded(text_begin, text_end, false);
  } else {
    size_t length = size_t(text_end - text_begin);
    char* copy = arena_.AllocateChars(length + 1);
    std::memcpy(copy, text_begin, length);
    copy[length] = '\0';
    content = copy;
  }
  Append(element, NewText(content));
}

void Parser::ParseEndTag() {
  const char* name_begin = cursor_ + 2;
  const char* cursor = name_begin;
  while (cursor < end_ && !Is(*cursor, kNameEnd)) ++cursor;
  const char* close =
      cursor < end_ ? static_cast<const char*>(std::memchr(cursor, '>', size_t(end_ - cursor)))
                    : nullptr;
  if (close == nullptr) {  // truncated at end of input: dropped
    cursor_ = end_;
    return;
  }
  cursor_ = close + 1;
  size_t name_length = size_t(cursor - name_begin);
  char lower[64];
  if (name_length >= sizeof(lower)) return;  // cannot match anything open that we care about
  for (size_t i = 0; i < name_length; ++i) lower[i] = ToLower(name_begin[i]);
  lower[name_length] = '\0';
  const TagInfo* info = Tags().Find(lower, name_length);
  EndTag(info ? info : &kUnknownTag, lower);
}

xmlDoc* Parser::Run() {
  doc_ = New<xmlDoc>();
  doc_->type = XML_HTML_DOCUMENT_NODE;
  doc_->doc = doc_;
  doc_->standalone = 1;
  doc_->charset = XML_CHAR_ENCODING_UTF8;
  doc_->properties = XML_DOC_HTML | XML_DOC_USERBUILT;
  html_ = NewElement(reinterpret_cast<const xmlChar*>("html"));
  html_->parent = reinterpret_cast<xmlNode*>(doc_);
  doc_->children = doc_->last = html_;
  head_ = NewElement(reinterpret_cast<const xmlChar*>("head"));
  Append(html_, head_);
  Push(html_, Tags().Find("html", 4));
  Push(head_, Tags().Find("head", 4));

  cursor_ = begin_;
  const char* text_begin = cursor_;
  const char* scan = cursor_;
  while (scan < end_) {
    const char* lt = static_cast<const char*>(std::memchr(scan, '<', size_t(end_ - scan)));
    if (lt == nullptr || lt + 1 >= end_) break;
    char next = lt[1];
    bool markup = Is(next, kAlpha) || next == '!' || next == '?' || (next == '/' && lt + 2 < end_);
    if (!markup) {  // a literal '<' in text
      scan = lt + 1;
      continue;
    }
    if (lt > text_begin) AddText(text_begin, lt);
    cursor_ = lt;
    ParseMarkup();
    text_begin = scan = cursor_;
  }
  if (end_ > text_begin) AddText(text_begin, end_);
  FlushText();
  if (body_ == nullptr) {
    body_ = NewElement(reinterpret_cast<const xmlChar*>("body"));
    Append(html_, body_);
  }
  return doc_;
}

}  // namespace

xmlDoc* ParseHtml(std::string_view utf8_html, Arena& arena) {
  Parser parser(utf8_html, arena);
  return parser.Run();
}

}  // namespace newsloom::extract
