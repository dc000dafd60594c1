#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <new>
#include <system_error>
#include <utility>

#include "common/strings.h"
#include "ingest/byte_source.h"
#include "ingest/charset.h"
#include "ingest/feed.h"
#include "ingest/gzip.h"
#include "ingest/ingest.h"
#include "ingest/input_format.h"
#include "ingest/json_lines.h"
#include "ingest/warc.h"

namespace newsloom::ingest {

namespace {

constexpr size_t kReadChunkBytes = size_t(1) << 20;

std::string ErrnoMessage(int error_number) { return std::generic_category().message(error_number); }

Status TooLarge(std::string_view what, size_t size, size_t limit) {
  return Status::InvalidArgument(std::string(what) + " of " + FormatByteCount(size) +
                                 " exceeds the limit of " + FormatByteCount(limit));
}

// Closes a file descriptor on every return path.
class FileDescriptor {
 public:
  explicit FileDescriptor(int descriptor) : descriptor_(descriptor) {}
  ~FileDescriptor() {
    if (descriptor_ >= 0) close(descriptor_);
  }
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;

  int get() const { return descriptor_; }

 private:
  int descriptor_;
};

// The whole content of `path`, refused when it holds more than `max_bytes`.
// Reads until end of file rather than trusting the size, so pipes and files
// that grow while read work too.
Result<std::string> ReadWholeFile(const std::string& path, size_t max_bytes) {
  FileDescriptor file(open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (file.get() < 0) {
    int error_number = errno;
    if (error_number == ENOENT) return Status::NotFound("no such file or directory");
    return Status::IOError("cannot open: " + ErrnoMessage(error_number));
  }
  struct stat info;
  if (fstat(file.get(), &info) != 0) return Status::IOError("cannot stat: " + ErrnoMessage(errno));
  if (S_ISDIR(info.st_mode)) return Status::IOError("is a directory");
  if (S_ISREG(info.st_mode) && size_t(info.st_size) > max_bytes) {
    return TooLarge("file", size_t(info.st_size), max_bytes);
  }

  std::string bytes;
  size_t size = 0;
  bytes.resize(S_ISREG(info.st_mode) ? size_t(info.st_size) + 1 : kReadChunkBytes);
  for (;;) {
    if (size == bytes.size()) {
      if (size > max_bytes) return TooLarge("file", size, max_bytes);
      bytes.resize(size + kReadChunkBytes);
    }
    ssize_t count = read(file.get(), bytes.data() + size, bytes.size() - size);
    if (count < 0) {
      if (errno == EINTR) continue;
      return Status::IOError("cannot read: " + ErrnoMessage(errno));
    }
    if (count == 0) break;
    size += size_t(count);
  }
  if (size > max_bytes) return TooLarge("file", size, max_bytes);
  bytes.resize(size);
  return bytes;
}

// Every record a WARC reader (or stream) gives, refusing pages past
// max_file_bytes in total; InvalidArgument when the archive holds no page.
template <typename Reader>
Result<std::vector<ReadRecord>> CollectWarcRecords(Reader& reader, const ReadOptions& options) {
  std::vector<ReadRecord> records;
  size_t total = 0;
  while (std::optional<ReadRecord> record = reader.Next()) {
    total += record->page.body.size();
    if (total > options.max_file_bytes) {
      record->status = TooLarge("archive's pages", total, options.max_file_bytes);
      record->page.body.clear();
      records.push_back(std::move(*record));
      break;
    }
    records.push_back(std::move(*record));
  }
  if (records.empty()) return NoPageInArchive();
  return records;
}

// Whether `bytes` (maybe gzip) hold a WARC archive, by content, else by name.
bool IsWarc(std::string_view name, std::string_view bytes) {
  if (HasGzipMagic(bytes)) {
    std::unique_ptr<ByteSource> inflated = GzipSource(MemorySource(bytes));
    const std::string prefix = ReadPrefix(*inflated, 5);
    return StartsLikeWarc(prefix) || (prefix.size() < 5 && HasWarcSuffix(name));
  }
  return StartsLikeWarc(bytes) || HasWarcSuffix(name);
}

Result<std::vector<ReadRecord>> ReadWarc(std::string_view name, std::string_view bytes,
                                         const ReadOptions& options) {
  std::unique_ptr<ByteSource> source = MemorySource(bytes);
  if (HasGzipMagic(bytes)) source = GzipSource(std::move(source));
  WarcReader reader(name, std::move(source), options);
  return CollectWarcRecords(reader, options);
}

Result<std::vector<ReadRecord>> ReadContent(std::string_view name, std::string_view bytes,
                                            const ReadOptions& options) {
  if (bytes.empty()) return Status::InvalidArgument("empty file");
  // WARC is read record by record, a corrupt gzip member costing one record.
  if (IsWarc(name, bytes)) return ReadWarc(name, bytes, options);
  // Holds the content once decompressed or converted; `content` views it.
  std::string storage;
  std::string_view content = bytes;
  if (HasGzipMagic(content)) {
    Result<std::string> inflated = Gunzip(content, options.max_file_bytes);
    if (!inflated.ok()) return inflated.status();
    storage = std::move(inflated).value();
    content = storage;
    if (content.empty()) return Status::InvalidArgument("empty file");
  } else if (content.size() > options.max_file_bytes) {
    return TooLarge("file", content.size(), options.max_file_bytes);
  }

  // UTF-16 is converted first: everything below reads ASCII markup.
  bool decoded = false;
  ByteOrderMark mark = DetectByteOrderMark(content);
  std::string_view utf16 = mark == ByteOrderMark::kUtf16LittleEndian ? "UTF-16LE"
                           : mark == ByteOrderMark::kUtf16BigEndian  ? "UTF-16BE"
                                                                     : SniffUtf16(content);
  if (!utf16.empty()) {
    storage = DecodeToUtf8(content, utf16);
    content = storage;
    decoded = true;
  }
  if (TrimView(content).empty()) return Status::InvalidArgument("no text in file");
  if (Status text = CheckLooksLikeText(content); !text.ok()) return text;

  InputFormat format = DetectFormat(name, content);
  RawPage page;
  switch (format) {
    case InputFormat::kWarc:
      return ReadWarc(name, content, options);
    case InputFormat::kFeed:
      return ReadFeedRecords(name, content, options);
    case InputFormat::kJsonLines:
      return ReadJsonRecords(name, content, options);
    case InputFormat::kHtml:
      page.format = RawPage::Format::kHtml;
      break;
    case InputFormat::kText:
      page.format = RawPage::Format::kText;
      break;
  }
  if (content.size() > options.max_page_bytes) {
    return TooLarge("page", content.size(), options.max_page_bytes);
  }
  page.id = IdFromPath(name);
  page.origin = std::string(name);
  page.body = decoded ? std::move(storage) : DecodeToUtf8(content);
  std::vector<ReadRecord> records(1);
  records.front().page = std::move(page);
  return records;
}

}  // namespace

Result<std::vector<ReadRecord>> ReadFile(const std::string& path, const ReadOptions& options) {
  // Allocation failure on one oversized input should not end the whole run.
  try {
    if (HasWarcSuffix(path)) {
      // Streamed from the file: the archive may be larger than max_file_bytes.
      Result<std::unique_ptr<RecordStream>> stream = OpenRecords(path, options);
      if (!stream.ok()) return stream.status();
      return CollectWarcRecords(**stream, options);
    }
    Result<std::string> bytes = ReadWholeFile(path, options.max_file_bytes);
    if (!bytes.ok()) return bytes.status();
    return ReadContent(path, *bytes, options);
  } catch (const std::bad_alloc&) {
    return Status::IOError("out of memory");
  }
}

Result<std::vector<ReadRecord>> ReadBuffer(std::string_view name, std::string_view bytes,
                                           const ReadOptions& options) {
  try {
    return ReadContent(name, bytes, options);
  } catch (const std::bad_alloc&) {
    return Status::IOError("out of memory");
  }
}

}  // namespace newsloom::ingest
