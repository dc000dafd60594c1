// Little-endian binary writing and bounds-checked reading, for the files the
// cluster stage keeps: its state snapshot and the background IDF table.
#ifndef NEWSLOOM_CLUSTER_BINARY_IO_H_
#define NEWSLOOM_CLUSTER_BINARY_IO_H_

#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

namespace newsloom::cluster {

inline constexpr uint32_t kMaxStringBytes = 1 << 20;

class Writer {
 public:
  template <typename T>
  void Put(T value) {
    static_assert(std::is_trivially_copyable_v<T>);
    char bytes[sizeof(T)];
    std::memcpy(bytes, &value, sizeof(T));
    out_.append(bytes, sizeof(T));
  }
  void PutString(std::string_view text) {
    Put<uint32_t>(static_cast<uint32_t>(text.size()));
    out_.append(text);
  }
  void PutTime(const std::optional<int64_t>& time) {
    Put<uint8_t>(time.has_value());
    Put<int64_t>(time.value_or(0));
  }
  std::string& out() { return out_; }

 private:
  std::string out_;
};

class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}

  template <typename T>
  bool Get(T& value) {
    if (bytes_.size() - at_ < sizeof(T)) return false;
    std::memcpy(&value, bytes_.data() + at_, sizeof(T));
    at_ += sizeof(T);
    return true;
  }
  bool GetString(std::string& text) {
    uint32_t size = 0;
    if (!Get(size) || size > kMaxStringBytes || bytes_.size() - at_ < size) return false;
    text.assign(bytes_.data() + at_, size);
    at_ += size;
    return true;
  }
  bool GetTime(std::optional<int64_t>& time) {
    uint8_t has = 0;
    int64_t value = 0;
    if (!Get(has) || !Get(value) || has > 1) return false;
    time = has ? std::optional<int64_t>(value) : std::nullopt;
    return true;
  }
  // A count of items at least `item_bytes` each, bounded by what is left.
  bool GetCount(uint32_t& count, size_t item_bytes) {
    return Get(count) && static_cast<uint64_t>(count) * item_bytes <= remaining();
  }
  size_t remaining() const { return bytes_.size() - at_; }
  bool done() const { return at_ == bytes_.size(); }

 private:
  std::string_view bytes_;
  size_t at_ = 0;
};

}  // namespace newsloom::cluster

#endif  // NEWSLOOM_CLUSTER_BINARY_IO_H_
