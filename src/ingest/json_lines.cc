#include "ingest/json_lines.h"

#include <initializer_list>
#include <nlohmann/json.hpp>
#include <string>

#include "common/strings.h"
#include "common/utf8.h"
#include "ingest/input_format.h"

namespace newsloom::ingest {

namespace {

using nlohmann::json;

// Parser messages quote the text they stopped at; keep them one short line.
constexpr size_t kMaxErrorMessageBytes = 200;

// Where a record came from, for its origin, its default id and its messages.
struct RecordPlace {
  std::string origin;      // "feed.jsonl:17"
  std::string default_id;  // "feed-17"
  std::string label;       // "line 17", prefixed to messages
};

// A SAX handler that accepts everything and keeps the parser's message: the
// only way to learn why a line is not JSON without enabling exceptions.
class ParseErrorCollector : public nlohmann::json_sax<json> {
 public:
  bool null() override { return true; }
  bool boolean(bool value) override { return true; }
  bool number_integer(number_integer_t value) override { return true; }
  bool number_unsigned(number_unsigned_t value) override { return true; }
  bool number_float(number_float_t value, const string_t& text) override { return true; }
  bool string(string_t& value) override { return true; }
  bool binary(binary_t& value) override { return true; }
  bool start_object(std::size_t elements) override { return true; }
  bool key(string_t& value) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t elements) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t position, const std::string& last_token,
                   const nlohmann::detail::exception& error) override {
    message_ = error.what();
    return false;
  }

  const std::string& message() const { return message_; }

 private:
  std::string message_;
};

// "column 6: syntax error while parsing value - invalid literal; last read:
// '"a":x'", without nlohmann's "[json.exception.parse_error.101]" prefix.
std::string ParseErrorMessage(std::string_view text) {
  ParseErrorCollector collector;
  json::sax_parse(text, &collector);
  std::string message = collector.message();
  size_t bracket = message.find("] ");
  if (message.starts_with("[json.exception") && bracket != std::string::npos) {
    message.erase(0, bracket + 2);
  }
  // Lines are parsed one at a time: the parser's line number is always 1.
  constexpr std::string_view kFirstLinePrefix = "parse error at line 1, ";
  if (message.starts_with(kFirstLinePrefix)) message.erase(0, kFirstLinePrefix.size());
  if (message.empty()) message = "unknown parse error";
  if (message.size() > kMaxErrorMessageBytes) {
    message.resize(kMaxErrorMessageBytes);
    message += "...";
  }
  return RepairUtf8(message);
}

std::string ValidUtf8(std::string_view text) {
  return IsValidUtf8(text) ? std::string(text) : RepairUtf8(text);
}

// Short fields are trimmed; bodies are kept as written.
std::string CleanField(std::string_view text) { return ValidUtf8(TrimView(text)); }

// The first of `keys` whose value is a non-blank string; nullptr when none is.
const std::string* FirstString(const json& record, std::initializer_list<const char*> keys) {
  for (const char* key : keys) {
    auto found = record.find(key);
    if (found == record.end() || !found->is_string()) continue;
    const std::string& value = found->get_ref<const std::string&>();
    if (!TrimView(value).empty()) return &value;
  }
  return nullptr;
}

// Like FirstString, but a number counts too, written as in the record.
std::string FirstStringOrNumber(const json& record, std::initializer_list<const char*> keys) {
  for (const char* key : keys) {
    auto found = record.find(key);
    if (found == record.end()) continue;
    if (found->is_number()) return found->dump();
    if (found->is_string()) {
      std::string value = CleanField(found->get_ref<const std::string&>());
      if (!value.empty()) return value;
    }
  }
  return "";
}

void AppendAuthors(const json& value, std::vector<std::string>* authors) {
  if (value.is_string()) {
    std::string author = CleanField(value.get_ref<const std::string&>());
    if (!author.empty()) authors->push_back(std::move(author));
  } else if (value.is_array()) {
    for (const json& element : value) {
      if (element.is_string()) AppendAuthors(element, authors);
    }
  }
}

// Maps a parsed record to a page, accepting news-please's and trafilatura's
// field names.
ReadRecord RecordFromObject(const json& object, const RecordPlace& place) {
  ReadRecord record;
  RawPage& page = record.page;
  page.origin = place.origin;
  page.id = FirstStringOrNumber(object, {"id"});
  if (page.id.empty()) page.id = place.default_id;

  const std::string* text = FirstString(object, {"text", "maintext", "body"});
  const std::string* html = FirstString(object, {"html", "raw_html"});
  if (text != nullptr) {
    page.format = RawPage::Format::kRecord;
    page.body = ValidUtf8(*text);
  } else if (html != nullptr) {
    page.format = RawPage::Format::kHtml;
    page.body = ValidUtf8(*html);
  } else {
    page.format = RawPage::Format::kRecord;
  }

  if (const std::string* url = FirstString(object, {"url"})) page.url = CleanField(*url);
  if (const std::string* title = FirstString(object, {"title"})) page.title = CleanField(*title);
  page.published =
      FirstStringOrNumber(object, {"published", "date_publish", "date", "published_at"});
  // "source" is a domain in newsloom's and news-please's records, the page's
  // URL in trafilatura's (which names the domain "hostname").
  if (const std::string* source = FirstString(object, {"source"})) {
    std::string value = CleanField(*source);
    bool is_url = value.starts_with("http://") || value.starts_with("https://");
    if (is_url && page.url.empty()) page.url = value;
    if (!is_url) page.source_domain = value;
  }
  if (const std::string* domain = FirstString(object, {"source_domain", "hostname"})) {
    page.source_domain = CleanField(*domain);
  }
  if (const std::string* language = FirstString(object, {"language"})) {
    page.language = CleanField(*language);
  }
  if (const std::string* description = FirstString(object, {"description", "excerpt"})) {
    page.description = CleanField(*description);
  }
  for (const char* key : {"authors", "author"}) {
    auto found = object.find(key);
    if (found != object.end()) AppendAuthors(*found, &page.authors);
    if (!page.authors.empty()) break;
  }

  if (text == nullptr && html == nullptr && page.title.empty()) {
    record.status = Status::InvalidArgument(place.label + ": no text, html or title");
  }
  return record;
}

ReadRecord RecordFromValue(const json& value, const RecordPlace& place) {
  if (value.is_object()) return RecordFromObject(value, place);
  ReadRecord record;
  record.page.origin = place.origin;
  record.page.id = place.default_id;
  record.status = Status::Corruption(place.label + ": invalid JSON: expected an object, found " +
                                     std::string(value.type_name()));
  return record;
}

// `text`, or its repair kept in `storage` when it is not valid UTF-8: one bad
// byte in a string should cost a U+FFFD, not the record.
std::string_view RepairedView(std::string_view text, std::string* storage) {
  if (IsValidUtf8(text)) return text;
  *storage = RepairUtf8(text);
  return *storage;
}

// Parses without exceptions; discarded() when `text` is not one JSON value.
json ParseLenient(std::string_view text) {
  std::string storage;
  return json::parse(RepairedView(text, &storage), nullptr, /*allow_exceptions=*/false);
}

std::string_view WithoutUtf8Bom(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  return text;
}

// The first non-blank line, without its line break.
std::string_view FirstNonBlankLine(std::string_view text) {
  for (size_t start = 0; start < text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!TrimView(line).empty()) return line;
    start = end + 1;
  }
  return {};
}

// Pretty-printed JSON: one object, or an array of objects. Empty when `text`
// is not one JSON value.
std::vector<ReadRecord> ReadWholeDocument(std::string_view name, std::string_view text) {
  std::vector<ReadRecord> records;
  json document = ParseLenient(text);
  std::string base_id = IdFromPath(name);
  if (document.is_object()) {
    records.push_back(RecordFromObject(document, {std::string(name), base_id, "record"}));
  } else if (document.is_array()) {
    size_t number = 0;
    for (const json& element : document) {
      ++number;
      std::string suffix = std::to_string(number);
      records.push_back(RecordFromValue(
          element, {std::string(name) + ":" + suffix, base_id + "-" + suffix, "record " + suffix}));
    }
  }
  return records;
}

}  // namespace

bool FirstLineIsJsonObject(std::string_view text) {
  return ParseLenient(FirstNonBlankLine(WithoutUtf8Bom(text))).is_object();
}

std::vector<ReadRecord> ReadJsonRecords(std::string_view name, std::string_view text,
                                        const ReadOptions& options) {
  text = WithoutUtf8Bom(text);
  std::string_view trimmed = TrimView(text);
  if ((trimmed.starts_with('{') || trimmed.starts_with('[')) &&
      ParseLenient(FirstNonBlankLine(text)).is_discarded()) {
    std::vector<ReadRecord> records = ReadWholeDocument(name, trimmed);
    if (!records.empty()) return records;
  }

  std::vector<ReadRecord> records;
  std::string base_id = IdFromPath(name);
  size_t line_number = 0;
  for (size_t start = 0; start < text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++line_number;
    if (TrimView(line).empty()) continue;

    std::string number = std::to_string(line_number);
    RecordPlace place{std::string(name) + ":" + number, base_id + "-" + number, "line " + number};
    if (line.size() > options.max_page_bytes) {
      ReadRecord record;
      record.page.origin = place.origin;
      record.page.id = place.default_id;
      record.status = Status::InvalidArgument(
          place.label + ": record of " + FormatByteCount(line.size()) + " exceeds the limit of " +
          FormatByteCount(options.max_page_bytes));
      records.push_back(std::move(record));
      continue;
    }
    std::string storage;
    std::string_view repaired = RepairedView(line, &storage);
    json value = json::parse(repaired, nullptr, /*allow_exceptions=*/false);
    if (value.is_discarded()) {
      ReadRecord record;
      record.page.origin = place.origin;
      record.page.id = place.default_id;
      record.status =
          Status::Corruption(place.label + ": invalid JSON: " + ParseErrorMessage(repaired));
      records.push_back(std::move(record));
      continue;
    }
    records.push_back(RecordFromValue(value, place));
  }
  return records;
}

}  // namespace newsloom::ingest
