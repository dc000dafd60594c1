#include "ingest/gzip.h"

#include <zlib.h>

#include <algorithm>
#include <climits>

#include "ingest/input_format.h"

namespace newsloom::ingest {

namespace {

// windowBits for inflateInit2: 15 (the largest window) + 32 (accept a gzip
// or zlib header, detected automatically).
constexpr int kWindowBitsAutoHeader = 15 + 32;
constexpr size_t kMinimumOutputChunk = size_t(64) << 10;

// Owns a z_stream set up for inflation; ends it on every return path.
class Inflater {
 public:
  Inflater() { initialised_ = inflateInit2(&stream_, kWindowBitsAutoHeader) == Z_OK; }
  ~Inflater() {
    if (initialised_) inflateEnd(&stream_);
  }
  Inflater(const Inflater&) = delete;
  Inflater& operator=(const Inflater&) = delete;

  bool initialised() const { return initialised_; }
  z_stream& stream() { return stream_; }

 private:
  z_stream stream_{};
  bool initialised_ = false;
};

}  // namespace

bool HasGzipMagic(std::string_view bytes) { return bytes.starts_with("\x1F\x8B"); }

Result<std::string> Gunzip(std::string_view compressed, size_t max_output_bytes) {
  Inflater inflater;
  if (!inflater.initialised()) return Status::IOError("cannot initialise zlib");
  z_stream& stream = inflater.stream();

  // zlib counts in uInt, so large inputs are fed in pieces.
  const unsigned char* input = reinterpret_cast<const unsigned char*>(compressed.data());
  size_t input_left = compressed.size();
  auto feed = [&] {
    if (stream.avail_in > 0 || input_left == 0) return;
    uInt piece = uInt(std::min<size_t>(input_left, UINT_MAX));
    // zlib's next_in is not const in older headers but is never written.
    stream.next_in = const_cast<unsigned char*>(input);
    stream.avail_in = piece;
    input += piece;
    input_left -= piece;
  };

  // Grown by doubling; one byte past the limit is enough to know it is exceeded.
  const size_t capacity_limit = max_output_bytes + 1;
  std::string output;
  output.resize(std::min(capacity_limit, std::max(kMinimumOutputChunk, compressed.size() * 4)));
  size_t produced = 0;
  const Status too_large = Status::InvalidArgument(
      "larger than " + FormatByteCount(max_output_bytes) + " after decompression");

  for (;;) {
    feed();
    if (produced == output.size()) {
      if (output.size() >= capacity_limit) return too_large;
      output.resize(std::min(capacity_limit, output.size() * 2));
    }
    size_t space = std::min<size_t>(output.size() - produced, UINT_MAX);
    stream.next_out = reinterpret_cast<unsigned char*>(output.data() + produced);
    stream.avail_out = uInt(space);
    int code = inflate(&stream, Z_NO_FLUSH);
    produced += space - stream.avail_out;
    if (produced > max_output_bytes) return too_large;

    switch (code) {
      case Z_OK:
        break;
      case Z_STREAM_END: {
        feed();
        std::string_view rest(reinterpret_cast<const char*>(stream.next_in), stream.avail_in);
        if (!HasGzipMagic(rest)) {
          output.resize(produced);
          return output;
        }
        if (inflateReset(&stream) != Z_OK) return Status::Corruption("corrupt gzip data");
        break;
      }
      case Z_BUF_ERROR:
        // No progress was possible: with output space available, that means
        // the input ended inside a member.
        if (stream.avail_in == 0 && input_left == 0) {
          return Status::Corruption("truncated gzip stream");
        }
        if (stream.avail_out > 0) return Status::Corruption("corrupt gzip data");
        break;
      case Z_NEED_DICT:
        return Status::Corruption("corrupt gzip data: needs a preset dictionary");
      case Z_MEM_ERROR:
        return Status::IOError("out of memory while decompressing");
      default:
        return Status::Corruption(std::string("corrupt gzip data: ") +
                                  (stream.msg != nullptr ? stream.msg : "unknown error"));
    }
  }
}

}  // namespace newsloom::ingest
