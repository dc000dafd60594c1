// Little-endian byte writing and bounds-checked reading for the model file,
// and the 32-bit string hash that names features and gazetteer phrases.
#ifndef NEWSLOOM_NER_BYTES_H_
#define NEWSLOOM_NER_BYTES_H_

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace newsloom::ner {

// FNV-1a over bytes, 64-bit state folded to 32 bits at the end.
class Hasher {
 public:
  explicit Hasher(uint64_t seed = 0) { Add(uint8_t(seed)); }
  Hasher& Add(std::string_view text) {
    for (char c : text) Add(uint8_t(c));
    return *this;
  }
  Hasher& Add(uint8_t byte) {
    state_ = (state_ ^ byte) * 0x100000001b3ULL;
    return *this;
  }
  uint32_t Finish() const { return uint32_t(state_ ^ (state_ >> 32)); }

 private:
  uint64_t state_ = 0xcbf29ce484222325ULL;
};

class ByteWriter {
 public:
  void U8(uint8_t value) { bytes_.push_back(char(value)); }
  void U16(uint16_t value) {
    for (int i = 0; i < 2; ++i) U8(uint8_t(value >> (8 * i)));
  }
  void U32(uint32_t value) {
    for (int i = 0; i < 4; ++i) U8(uint8_t(value >> (8 * i)));
  }
  void F32(float value) {
    uint32_t bits;
    std::memcpy(&bits, &value, 4);
    U32(bits);
  }
  void String(std::string_view text) {
    U32(uint32_t(text.size()));
    bytes_.append(text);
  }
  std::string& bytes() { return bytes_; }

 private:
  std::string bytes_;
};

// Every read returns false once the input ran out; values read then are 0.
class ByteReader {
 public:
  explicit ByteReader(std::string_view bytes) : bytes_(bytes) {}
  bool U8(uint8_t* value) {
    if (position_ >= bytes_.size()) return Fail(value);
    *value = uint8_t(bytes_[position_++]);
    return true;
  }
  bool U16(uint16_t* value) {
    uint8_t low = 0, high = 0;
    if (!U8(&low) || !U8(&high)) return Fail(value);
    *value = uint16_t(low | (high << 8));
    return true;
  }
  bool U32(uint32_t* value) {
    uint32_t result = 0;
    for (int i = 0; i < 4; ++i) {
      uint8_t byte = 0;
      if (!U8(&byte)) return Fail(value);
      result |= uint32_t(byte) << (8 * i);
    }
    *value = result;
    return true;
  }
  bool F32(float* value) {
    uint32_t bits = 0;
    if (!U32(&bits)) return Fail(value);
    std::memcpy(value, &bits, 4);
    return true;
  }
  bool String(std::string* text) {
    uint32_t size = 0;
    if (!U32(&size) || size > remaining()) return false;
    text->assign(bytes_.substr(position_, size));
    position_ += size;
    return true;
  }
  size_t remaining() const { return bytes_.size() - position_; }
  size_t position() const { return position_; }

 private:
  template <typename T>
  bool Fail(T* value) {
    *value = T();
    position_ = bytes_.size();
    return false;
  }
  std::string_view bytes_;
  size_t position_ = 0;
};

}  // namespace newsloom::ner

#endif  // NEWSLOOM_NER_BYTES_H_
