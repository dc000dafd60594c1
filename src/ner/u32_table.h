// U32Table: a map from 32-bit keys (already hashes) to small values, in one
// flat open-addressing array, so a lookup costs one cache line where a
// std::unordered_map costs a bucket and a node. The NER features look up a
// few of these per token. Not thread-safe for writes; const lookups are.
#ifndef NEWSLOOM_NER_U32_TABLE_H_
#define NEWSLOOM_NER_U32_TABLE_H_

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace newsloom::ner {

template <typename Value>
class U32Table {
 public:
  // The value of `key`, inserted value-initialised when absent.
  Value& operator[](uint32_t key) {
    if ((size_ + 1) * 2 > slots_.size()) Grow();
    Slot& slot = slots_[Position(key)];
    if (!slot.used) {
      slot = {key, Value(), true};
      ++size_;
    }
    return slot.value;
  }

  const Value* Find(uint32_t key) const {
    if (size_ == 0) return nullptr;
    const Slot& slot = slots_[Position(key)];
    return slot.used ? &slot.value : nullptr;
  }

  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  void clear() {
    slots_.clear();
    size_ = 0;
  }

  // Every (key, value), in no particular order.
  std::vector<std::pair<uint32_t, Value>> Entries() const {
    std::vector<std::pair<uint32_t, Value>> entries;
    entries.reserve(size_);
    for (const Slot& slot : slots_) {
      if (slot.used) entries.emplace_back(slot.key, slot.value);
    }
    return entries;
  }

 private:
  struct Slot {
    uint32_t key = 0;
    Value value{};
    bool used = false;
  };

  static size_t Mix(uint32_t key) {
    uint64_t mixed = uint64_t(key) * 0x9E3779B97F4A7C15ULL;
    return size_t(mixed >> 32);
  }

  // The slot holding `key`, or the empty slot where it would go.
  size_t Position(uint32_t key) const {
    const size_t mask = slots_.size() - 1;
    size_t i = Mix(key) & mask;
    while (slots_[i].used && slots_[i].key != key) i = (i + 1) & mask;
    return i;
  }

  void Grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 16 : old.size() * 2, Slot());
    for (const Slot& slot : old) {
      if (slot.used) slots_[Position(slot.key)] = slot;
    }
  }

  std::vector<Slot> slots_;  // a power of two long, at most half full
  size_t size_ = 0;
};

}  // namespace newsloom::ner

#endif  // NEWSLOOM_NER_U32_TABLE_H_
