// HashIndex: a map from 64-bit hashes to 32-bit indices, open addressing with
// linear probing over a power-of-two table (Fibonacci hashing picks the
// start). One probe usually touches one cache line, with no node to follow
// and no division, which matters for the vocabulary lookup every term of
// every article makes.
#ifndef NEWSLOOM_CLUSTER_HASH_INDEX_H_
#define NEWSLOOM_CLUSTER_HASH_INDEX_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

namespace newsloom::cluster {

class HashIndex {
 public:
  static constexpr uint32_t kAbsent = std::numeric_limits<uint32_t>::max();

  // The value stored for `key` (the first stored, when several share it), or kAbsent.
  uint32_t Find(uint64_t key) const {
    return FindIf(key, [](uint32_t) { return true; });
  }

  // The first value stored for `key` that `accept(value)` takes, or kAbsent:
  // for keys that are hashes of something the caller can compare (a word),
  // where two different things may share a hash.
  template <typename Accept>
  uint32_t FindIf(uint64_t key, Accept accept) const {
    if (slots_.empty()) return kAbsent;
    for (size_t at = Start(key);; at = (at + 1) & (slots_.size() - 1)) {
      const Slot& slot = slots_[at];
      if (slot.value == kAbsent) return kAbsent;
      if (slot.key == key && accept(slot.value)) return slot.value;
    }
  }

  // Asks the processor to start loading the slot where the search for `key`
  // begins, so a Find a little later does not wait for memory.
  void Prefetch(uint64_t key) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[Start(key)]);
  }

  // Stores `value` (not kAbsent) for `key`. A key stored again keeps its
  // earlier values: Find returns the first, FindIf the first it accepts.
  void Insert(uint64_t key, uint32_t value) {
    if (10 * (size_ + 1) > 7 * slots_.size()) Grow();
    Place(key, value);
    ++size_;
  }

  // Forgets every entry; keeps the table's size.
  void Clear() {
    std::fill(slots_.begin(), slots_.end(), Slot{});
    size_ = 0;
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
