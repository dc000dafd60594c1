#include "ingest/byte_source.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <system_error>
#include <vector>

namespace newsloom::ingest {
namespace {

class BufferSource : public ByteSource {
 public:
  explicit BufferSource(std::string_view bytes) : bytes_(bytes) {}

  Result<size_t> Read(char* buffer, size_t capacity) override {
    const size_t count = std::min(capacity, bytes_.size());
    std::memcpy(buffer, bytes_.data(), count);
    bytes_.remove_prefix(count);
    return count;
  }

 private:
  std::string_view bytes_;
};

class FileSource : public ByteSource {
 public:
  explicit FileSource(int descriptor) : descriptor_(descriptor) {}
  ~FileSource() override { close(descriptor_); }
  FileSource(const FileSource&) = delete;
  FileSource& operator=(const FileSource&) = delete;

  Result<size_t> Read(char* buffer, size_t capacity) override {
    for (;;) {
      const ssize_t count = read(descriptor_, buffer, capacity);
      if (count >= 0) return size_t(count);
      if (errno == EINTR) continue;
      return Status::IOError("cannot read: " + std::generic_category().message(errno));
    }
  }

 private:
  int descriptor_;
};

// windowBits 15 + 16: gzip headers only (a WARC.gz holds gzip members).
constexpr int kGzipWindowBits = 15 + 16;
constexpr size_t kInputChunk = size_t(64) << 10;

class InflatingSource : public ByteSource {
 public:
  explicit InflatingSource(std::unique_ptr<ByteSource> compressed)
      : compressed_(std::move(compressed)), input_(kInputChunk) {
    initialised_ = inflateInit2(&stream_, kGzipWindowBits) == Z_OK;
  }
  ~InflatingSource() override {
    if (initialised_) inflateEnd(&stream_);
  }
  InflatingSource(const InflatingSource&) = delete;
  InflatingSource& operator=(const InflatingSource&) = delete;

  Result<size_t> Read(char* buffer, size_t capacity) override {
    if (!initialised_) return Status::IOError("cannot initialise zlib");
    if (failed_) return Status::Corruption(failure_);
    stream_.next_out = reinterpret_cast<Bytef*>(buffer);
    stream_.avail_out = uInt(std::min<size_t>(capacity, UINT_MAX));
    while (stream_.avail_out == uInt(std::min<size_t>(capacity, UINT_MAX)) && capacity > 0) {
      if (stream_.avail_in == 0) {
        Result<bool> more = Refill();
        if (!more.ok()) return more.status();
        if (!*more) {
          // End of input: clean between members, truncated inside one.
          if (in_member_) return Fail("truncated gzip member");
          break;
        }
      }
      if (!in_member_) {
        // Between members: another must start here, else the rest is
        // trailing garbage, ignored as gzip(1) does.
        if (stream_.avail_in >= 1 && stream_.next_in[0] != 0x1F) {
          stream_.avail_in = 0;
          at_end_ = true;
          break;
        }
        member_offset_ = consumed_ - stream_.avail_in;
        in_member_ = true;
      }
      const int result = inflate(&stream_, Z_NO_FLUSH);
      if (result == Z_STREAM_END) {
        in_member_ = false;
        inflateReset(&stream_);
        continue;
      }
      if (result == Z_BUF_ERROR && stream_.avail_in == 0) continue;
      if (result != Z_OK) return Fail("corrupt gzip data");
    }
    return capacity - stream_.avail_out;
  }

  bool Resynchronize() override {
    if (!failed_ || !initialised_) return false;
    failed_ = false;
    in_member_ = false;
    inflateReset(&stream_);
    // The next member header after the point where inflation failed.
    for (;;) {
      while (stream_.avail_in >= 3) {
        const Bytef* found =
            static_cast<const Bytef*>(std::memchr(stream_.next_in, 0x1F, stream_.avail_in));
        if (found == nullptr) {
          stream_.avail_in = 0;
          break;
        }
        const size_t at = size_t(found - stream_.next_in);
        if (stream_.avail_in - at < 3) {
          // Keep the partial header for the next chunk.
          std::memmove(input_.data(), found, stream_.avail_in - at);
          stream_.next_in = input_.data();
          stream_.avail_in = uInt(stream_.avail_in - at);
          break;
        }
        if (found[1] == 0x8B && found[2] == 8) {
          stream_.avail_in -= uInt(at);
          stream_.next_in += at;
          return true;
        }
        stream_.avail_in -= uInt(at + 1);
        stream_.next_in += at + 1;
      }
      Result<bool> more = Refill(/*keep=*/stream_.avail_in);
      if (!more.ok() || !*more) return false;
    }
  }

 private:
  // Reads the next chunk of compressed input after the `keep` bytes still
  // unread; false at its end.
  Result<bool> Refill(size_t keep = 0) {
    if (at_end_) return false;
    if (keep > 0 && stream_.next_in != input_.data()) {
      std::memmove(input_.data(), stream_.next_in, keep);
    }
    Result<size_t> count =
        compressed_->Read(reinterpret_cast<char*>(input_.data()) + keep, input_.size() - keep);
    if (!count.ok()) return count.status();
    if (*count == 0) return false;
    consumed_ += *count;
    stream_.next_in = input_.data();
    stream_.avail_in = uInt(keep + *count);
    return true;
  }

  Status Fail(std::string_view what) {
    failed_ = true;
    failure_ =
        std::string(what) + " in the member at compressed offset " + std::to_string(member_offset_);
    return Status::Corruption(failure_);
  }

  std::unique_ptr<ByteSource> compressed_;
  std::vector<Bytef> input_;
  z_stream stream_{};
  bool initialised_ = false;
  bool in_member_ = false;
  bool at_end_ = false;
  bool failed_ = false;
  std::string failure_;
  uint64_t consumed_ = 0;       // compressed bytes read from the source
  uint64_t member_offset_ = 0;  // compressed offset of the current member
};

}  // namespace

std::unique_ptr<ByteSource> MemorySource(std::string_view bytes) {
  return std::make_unique<BufferSource>(bytes);
}

Result<std::unique_ptr<ByteSource>> OpenFileSource(const std::string& path) {
  const int descriptor = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (descriptor < 0) {
    const int error_number = errno;
    if (error_number == ENOENT) return Status::NotFound("no such file or directory");
    return Status::IOError("cannot open: " + std::generic_category().message(error_number));
  }
  struct stat info;
  if (fstat(descriptor, &info) == 0 && S_ISDIR(info.st_mode)) {
    close(descriptor);
    return Status::IOError("is a directory");
  }
  return std::unique_ptr<ByteSource>(std::make_unique<FileSource>(descriptor));
}

std::unique_ptr<ByteSource> GzipSource(std::unique_ptr<ByteSource> compressed) {
  return std::make_unique<InflatingSource>(std::move(compressed));
}

std::string ReadPrefix(ByteSource& source, size_t count) {
  std::string prefix(count, '\0');
  size_t size = 0;
  while (size < count) {
    Result<size_t> read = source.Read(prefix.data() + size, count - size);
    if (!read.ok() || *read == 0) break;
    size += *read;
  }
  prefix.resize(size);
  return prefix;
}

}  // namespace newsloom::ingest
