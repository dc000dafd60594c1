#include "ingest/warc.h"

#include <algorithm>
#include <charconv>

#include "common/strings.h"
#include "common/utf8.h"
#include "ingest/http_response.h"
#include "ingest/input_format.h"

namespace newsloom::ingest {
namespace {

constexpr size_t kReadChunk = size_t(64) << 10;
constexpr size_t kMaxHeaderLine = size_t(64) << 10;
constexpr size_t kMaxHeaderLines = 1000;

}  // namespace

Status NoPageInArchive() { return Status::InvalidArgument("no page in WARC archive"); }

bool HasWarcSuffix(std::string_view name) {
  return EndsWithIgnoreCase(WithoutGzipSuffix(name), ".warc");
}

bool StartsLikeWarc(std::string_view bytes) { return bytes.starts_with("WARC/"); }

struct WarcReader::Header {
  std::string type;
  std::string target_uri;
  std::string date;
  std::string content_type;
  std::optional<uint64_t> content_length;
};

WarcReader::WarcReader(std::string_view name, std::unique_ptr<ByteSource> source,
                       const ReadOptions& options)
    : name_(name), id_prefix_(IdFromPath(name)), source_(std::move(source)), options_(options) {}

WarcReader::~WarcReader() = default;

// Makes at least `bytes` unconsumed bytes available; false when the stream
// ends (or fails) first. A source error is kept in read_error_.
bool WarcReader::Fill(size_t bytes) {
  while (buffer_.size() - position_ < bytes) {
    if (source_ended_) return false;
    if (position_ > 0 && position_ * 2 >= buffer_.size()) {
      buffer_.erase(0, position_);
      position_ = 0;
    }
    const size_t old_size = buffer_.size();
    const size_t want = std::max(kReadChunk, bytes - (old_size - position_));
    buffer_.resize(old_size + want);
    Result<size_t> count = source_->Read(buffer_.data() + old_size, want);
    buffer_.resize(old_size + (count.ok() ? *count : 0));
    if (!count.ok()) {
      read_error_ = count.status().message();
      if (!source_->Resynchronize()) source_ended_ = true;
      return false;
    }
    if (*count == 0) source_ended_ = true;
  }
  return true;
}

void WarcReader::Consume(size_t bytes) {
  position_ += bytes;
  offset_ += bytes;
}

bool WarcReader::SkipBytes(uint64_t bytes) {
  while (bytes > 0) {
    if (buffer_.size() == position_ && !Fill(1)) return false;
    const size_t step = size_t(std::min<uint64_t>(bytes, buffer_.size() - position_));
    Consume(step);
    bytes -= step;
  }
  return true;
}

// The next line without CR LF, or nullopt at the end of the stream or when
// the line is too long to be a header.
std::optional<std::string_view> WarcReader::ReadLine() {
  size_t searched = 0;
  for (;;) {
    const std::string_view available = std::string_view(buffer_).substr(position_);
    const size_t newline = available.find('\n', searched);
    if (newline != std::string_view::npos) {
      std::string_view line = available.substr(0, newline);
      Consume(newline + 1);
      if (line.ends_with('\r')) line.remove_suffix(1);
      return line;
    }
    if (available.size() > kMaxHeaderLine) return std::nullopt;
    searched = available.size();
    if (!Fill(available.size() + 1)) {
      if (buffer_.size() == position_) return std::nullopt;
      std::string_view rest = std::string_view(buffer_).substr(position_);
      Consume(rest.size());
      return rest;
    }
  }
}

// Skips to the next line that starts with "WARC/"; false at the end.
bool WarcReader::ResynchronizeToRecord() {
  for (;;) {
    if (!Fill(5)) return false;
    const std::string_view available = std::string_view(buffer_).substr(position_);
    if (available.starts_with("WARC/")) return true;
    const size_t found = available.find("\nWARC/");
    if (found != std::string_view::npos) {
      Consume(found + 1);
      return true;
    }
    // Keep the last bytes: a marker may straddle the chunk boundary.
    Consume(available.size() - 5);
    if (!Fill(6)) {
      SkipBytes(buffer_.size() - position_);
      return false;
    }
  }
}

ReadRecord WarcReader::Broken(uint64_t offset, std::string_view what) {
  ReadRecord record;
  record.page.origin = name_ + "@" + std::to_string(offset);
  record.page.id = id_prefix_ + "-" + std::to_string(records_);
  record.status = Status::Corruption("WARC record at offset " + std::to_string(offset) + ": " +
                                     RepairUtf8(what));
  return record;
}

std::optional<ReadRecord> WarcReader::Next() {
  while (!finished_) {
    // Records are separated by CR LF CR LF; tolerate any blank lines.
    while (Fill(1) && (buffer_[position_] == '\r' || buffer_[position_] == '\n')) Consume(1);
    if (!read_error_.empty()) {
      const uint64_t offset = offset_;
      std::string error = std::move(read_error_);
      read_error_.clear();
      ++records_;
      // After a corrupt gzip member the stream resumes at the next member.
      buffer_.erase(0, position_);
      position_ = 0;
      ResynchronizeToRecord();
      return Broken(offset, error);
    }
    if (buffer_.size() == position_) {
      finished_ = true;
      break;
    }
    const uint64_t offset = offset_;
    ++records_;
    std::optional<std::string_view> version = ReadLine();
    if (!version || !version->starts_with("WARC/")) {
      ResynchronizeToRecord();
      return Broken(offset, "no WARC/ version line");
    }
    Header header;
    bool ended = false;
    for (size_t lines = 0; lines < kMaxHeaderLines; ++lines) {
      std::optional<std::string_view> line = ReadLine();
      if (!line) break;
      if (line->empty()) {
        ended = true;
        break;
      }
      const size_t colon = line->find(':');
      if (colon == std::string_view::npos) continue;
      const std::string_view field = TrimView(line->substr(0, colon));
      const std::string_view value = TrimView(line->substr(colon + 1));
      if (EqualsIgnoreCase(field, "WARC-Type")) {
        header.type = AsciiLower(value);
      } else if (EqualsIgnoreCase(field, "WARC-Target-URI")) {
        std::string_view uri = value;
        if (uri.size() >= 2 && uri.front() == '<' && uri.back() == '>') {
          uri = uri.substr(1, uri.size() - 2);
        }
        header.target_uri = RepairUtf8(uri);
      } else if (EqualsIgnoreCase(field, "WARC-Date")) {
        header.date = RepairUtf8(value);
      } else if (EqualsIgnoreCase(field, "Content-Type")) {
        header.content_type = AsciiLower(value);
      } else if (EqualsIgnoreCase(field, "Content-Length")) {
        uint64_t length = 0;
        auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), length);
        if (error == std::errc() && end == value.data() + value.size()) {
          header.content_length = length;
        }
      }
    }
    if (!ended) {
      if (!read_error_.empty()) continue;  // reported at the top of the loop
      ResynchronizeToRecord();
      return Broken(offset, "header does not end");
    }
    if (!header.content_length) {
      ResynchronizeToRecord();
      return Broken(offset, "no valid Content-Length");
    }
    const uint64_t length = *header.content_length;
    const bool response = header.type == "response";
    if (!response || length > options_.max_page_bytes) {
      if (!SkipBytes(length)) {
        if (!read_error_.empty()) continue;
        finished_ = true;
        return Broken(offset, "truncated record");
      }
      if (response) {
        return Broken(offset, "record of " + FormatByteCount(size_t(length)) +
                                  " exceeds the page limit of " +
                                  FormatByteCount(options_.max_page_bytes));
      }
      continue;
    }
    if (!Fill(size_t(length))) {
      if (!read_error_.empty()) continue;
      finished_ = true;
      SkipBytes(buffer_.size() - position_);
      return Broken(offset, "truncated record (" + std::to_string(length) + " bytes announced)");
    }
    const std::string block = buffer_.substr(position_, size_t(length));
    Consume(size_t(length));
    std::optional<ReadRecord> page = PageFromBlock(header, offset, block);
    if (page) return page;
  }
  return std::nullopt;
}

// A page from a response record's block, a broken record when its HTTP part
// does not parse, or nullopt for a response that is no page (an image, a
// redirect, an error status).
std::optional<ReadRecord> WarcReader::PageFromBlock(const Header& header, uint64_t offset,
                                                    std::string_view block) {
  std::string media_type;
  std::string charset;
  std::string body;
  if (header.content_type.starts_with("application/http")) {
    Result<HttpResponse> response = ParseHttpResponse(block, options_.max_page_bytes);
    if (!response.ok()) return Broken(offset, response.status().message());
    if (response->status_code < 200 || response->status_code > 299) return std::nullopt;
    media_type = std::move(response->media_type);
    charset = std::move(response->charset);
    body = std::move(response->body);
  } else {
    // A resource-like response holding the document itself.
    ParseContentType(header.content_type, &media_type, &charset);
    body = std::string(block);
  }
  RawPage page;
  if (media_type == "text/html" || media_type == "application/xhtml+xml") {
    page.format = RawPage::Format::kHtml;
  } else if (media_type == "text/plain") {
    page.format = RawPage::Format::kText;
  } else if (media_type.empty() && LooksLikeHtml(body)) {
    page.format = RawPage::Format::kHtml;
  } else {
    return std::nullopt;
  }
  if (TrimView(body).empty() || !CheckLooksLikeText(body).ok()) return std::nullopt;
  page.id = id_prefix_ + "-" + std::to_string(records_);
  page.origin = name_ + "@" + std::to_string(offset);
  page.url = header.target_uri;
  page.fetched = header.date;
  page.body = DecodeToUtf8(body, charset);
  ReadRecord record;
  record.page = std::move(page);
  return record;
}

}  // namespace newsloom::ingest
