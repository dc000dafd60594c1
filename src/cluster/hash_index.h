// HashIndex: a map from 64-bit hashes to 32-bit indices, open addressing with
// linear probing over a power-of-two table (Fibonacci hashing picks the
// start). One probe usually touches one cache line, with no node to follow
// and no division, which matters for the vocabulary lookup every term of
// every article makes.
#ifndef NEWSLOOM_CLUSTER_HASH_INDEX_H_
#define NEWSLOOM_CLUSTER_HASH_INDEX_H_

#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

namespace newsloom::cluster {

class HashIndex {
 public:
  static constexpr uint32_t kAbsent = std::numeric_limits<uint32_t>::max();

  // The value stored for `key`, or kAbsent.
  uint32_t Find(uint64_t key) const {
    if (slots_.empty()) return kAbsent;
    for (size_t at = Start(key);; at = (at + 1) & (slots_.size() - 1)) {
      const Slot& slot = slots_[at];
      if (slot.value == kAbsent) return kAbsent;
      if (slot.key == key) return slot.value;
    }
  }

  // Stores `value` (not kAbsent) for `key`, which must not be present yet.
  void Insert(uint64_t key, uint32_t value) {
    if (10 * (size_ + 1) > 7 * slots_.size()) Grow();
    Place(key, value);
    ++size_;
  }

  size_t size() const { return size_; }
  size_t MemoryBytes() const { return slots_.capacity() * sizeof(Slot); }

 private:
  struct Slot {
    uint64_t key = 0;
    uint32_t value = kAbsent;
  };

  size_t Start(uint64_t key) const {
    return static_cast<size_t>((key * 0x9E3779B97F4A7C15ULL) >> shift_);
  }

  void Place(uint64_t key, uint32_t value) {
    size_t at = Start(key);
    while (slots_[at].value != kAbsent) at = (at + 1) & (slots_.size() - 1);
    slots_[at] = {key, value};
  }

  void Grow() {
    std::vector<Slot> old;
    old.swap(slots_);
    const size_t capacity = old.empty() ? 1024 : 2 * old.size();
    slots_.assign(capacity, Slot{});
    shift_ = 64;
    for (size_t size = capacity; size > 1; size >>= 1) --shift_;
    for (const Slot& slot : old) {
      if (slot.value != kAbsent) Place(slot.key, slot.value);
    }
  }

  std::vector<Slot> slots_;
  size_t size_ = 0;
  int shift_ = 64;
};

}  // namespace newsloom::cluster

#endif  // NEWSLOOM_CLUSTER_HASH_INDEX_H_
