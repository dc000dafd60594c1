#include "ingest/input_format.h"

#include "common/strings.h"
#include "ingest/json_lines.h"

namespace newsloom::ingest {

namespace {

// Starts of common binary files that a crawl or a careless glob brings along.
constexpr std::string_view kBinaryMagicNumbers[] = {
    "%PDF-",               // PDF
    "\x89PNG",             // PNG
    "\xFF\xD8\xFF",        // JPEG
    "GIF87a",              // GIF
    "GIF89a",              // GIF
    "PK\x03\x04",          // ZIP, DOCX, EPUB
    "\177ELF",             // executables
    "\x28\xB5\x2F\xFD",    // zstd
    "\3757zXZ",            // xz
    "7z\xBC\xAF\x27\x1C",  // 7-Zip
    "\x1F\x8B",            // gzip inside gzip
};

constexpr std::string_view kHtmlTags[] = {"html",     "head",  "body", "div",     "p",
                                          "!doctype", "title", "meta", "article", "table"};

constexpr std::string_view kFeedRoots[] = {"rss", "feed", "rdf:rdf"};

constexpr std::string_view kJsonSuffixes[] = {".jsonl", ".json", ".ndjson"};
constexpr std::string_view kHtmlSuffixes[] = {".html", ".htm", ".xhtml", ".shtml"};
constexpr std::string_view kFeedSuffixes[] = {".rss", ".atom"};

std::string_view SkipBomAndSpace(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  size_t start = 0;
  while (start < text.size() && IsAsciiSpace(text[start])) ++start;
  return text.substr(start);
}

bool IsTagNameCharacter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ':' ||
         c == '-' || c == '!';
}

// The element name of the tag that opens at text[position] ('<'), as written.
std::string_view TagNameAt(std::string_view text, size_t position) {
  size_t start = position + 1;
  size_t end = start;
  while (end < text.size() && IsTagNameCharacter(text[end])) ++end;
  return text.substr(start, end - start);
}

template <size_t N>
bool EqualsAnyIgnoreCase(std::string_view text, const std::string_view (&candidates)[N]) {
  for (std::string_view candidate : candidates) {
    if (EqualsIgnoreCase(text, candidate)) return true;
  }
  return false;
}

template <size_t N>
bool EndsWithAnyIgnoreCase(std::string_view text, const std::string_view (&suffixes)[N]) {
  for (std::string_view suffix : suffixes) {
    if (EndsWithIgnoreCase(text, suffix)) return true;
  }
  return false;
}

// The name of the first element of a markup document, after any XML
// declaration, processing instructions, comments and doctype.
std::string_view RootElementName(std::string_view content) {
  content = content.substr(0, kHtmlSniffBytes);
  size_t position = 0;
  for (;;) {
    while (position < content.size() && IsAsciiSpace(content[position])) ++position;
    if (position >= content.size() || content[position] != '<') return {};
    std::string_view rest = content.substr(position);
    std::string_view terminator;
    if (rest.starts_with("<?")) {
      terminator = "?>";
    } else if (rest.starts_with("<!--")) {
      terminator = "-->";
    } else if (rest.starts_with("<!")) {
      terminator = ">";
    } else {
      return TagNameAt(content, position);
    }
    size_t end = rest.find(terminator);
    if (end == std::string_view::npos) return {};
    position += end + terminator.size();
  }
}

}  // namespace

Status CheckLooksLikeText(std::string_view bytes) {
  const Status binary = Status::InvalidArgument("binary data, not a page");
  for (std::string_view magic : kBinaryMagicNumbers) {
    if (bytes.starts_with(magic)) return binary;
  }
  std::string_view head = bytes.substr(0, kBinarySniffBytes);
  size_t control_bytes = 0;
  for (char c : head) {
    unsigned char byte = static_cast<unsigned char>(c);
    if (byte == 0) return binary;
    bool allowed = byte == '\t' || byte == '\n' || byte == '\r' || byte == '\f' || byte == 0x1B;
    if ((byte < 0x20 && !allowed) || byte == 0x7F) ++control_bytes;
  }
  if (control_bytes * 10 > head.size()) return binary;
  return Status::Ok();
}

bool LooksLikeHtml(std::string_view text) {
  std::string_view content = SkipBomAndSpace(text);
  if (!content.starts_with('<')) return false;
  content = content.substr(0, kHtmlSniffBytes);
  for (size_t position = content.find('<'); position != std::string_view::npos;
       position = content.find('<', position + 1)) {
    if (EqualsAnyIgnoreCase(TagNameAt(content, position), kHtmlTags)) return true;
  }
  return false;
}

InputFormat DetectFormat(std::string_view name, std::string_view text) {
  std::string_view content = SkipBomAndSpace(text);
  if (content.starts_with("WARC/")) return InputFormat::kWarc;
  if (content.starts_with('{') && FirstLineIsJsonObject(content)) return InputFormat::kJsonLines;
  if (content.starts_with('<')) {
    // Feeds are told by their root: their items often carry HTML tags too.
    if (EqualsAnyIgnoreCase(RootElementName(content), kFeedRoots)) return InputFormat::kFeed;
    if (LooksLikeHtml(content)) return InputFormat::kHtml;
  }
  std::string_view base = WithoutGzipSuffix(name);
  if (EndsWithAnyIgnoreCase(base, kJsonSuffixes)) return InputFormat::kJsonLines;
  if (EndsWithAnyIgnoreCase(base, kHtmlSuffixes)) return InputFormat::kHtml;
  if (EndsWithIgnoreCase(base, ".warc")) return InputFormat::kWarc;
  if (EndsWithAnyIgnoreCase(base, kFeedSuffixes)) return InputFormat::kFeed;
  return InputFormat::kText;
}

std::string_view WithoutGzipSuffix(std::string_view name) {
  if (EndsWithIgnoreCase(name, ".gz")) name.remove_suffix(3);
  return name;
}

std::string FormatByteCount(size_t bytes) {
  constexpr size_t kKilobyte = 1024;
  constexpr size_t kMegabyte = kKilobyte * 1024;
  if (bytes < kKilobyte) return std::to_string(bytes) + (bytes == 1 ? " byte" : " bytes");
  if (bytes < kMegabyte) return std::to_string((bytes + kKilobyte - 1) / kKilobyte) + " KB";
  if (bytes < 10 * kMegabyte && bytes % kMegabyte != 0) {
    size_t tenths = (bytes * 10 + kMegabyte - 1) / kMegabyte;
    return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " MB";
  }
  return std::to_string((bytes + kMegabyte - 1) / kMegabyte) + " MB";
}

}  // namespace newsloom::ingest
