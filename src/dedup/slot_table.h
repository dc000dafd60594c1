// An open-addressing hash table of article numbers (linear probing), for the
// dedup index: it stores only the numbers, and the caller checks each one it
// meets against its own arrays, so a slot costs 4 bytes. Entries are never
// erased one by one; the owner rebuilds the table instead.
// Not thread-safe.
#ifndef NEWSLOOM_DEDUP_SLOT_TABLE_H_
#define NEWSLOOM_DEDUP_SLOT_TABLE_H_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace newsloom::dedup {

class SlotTable {
 public:
  // Empties the table and sizes it to hold `entries` entries 3/4 full.
  void Reset(size_t entries);

  // Whether `more` entries would pass the 3/4 load limit.
  bool Full(size_t more) const { return (count_ + more) * 4 > slots_.size() * 3; }

  // REQUIRES: !Full(1).
  void Insert(uint64_t hash, uint32_t number);

  // Calls visit(number) for every entry in the probe run of `hash` (entries
  // of other hashes included) until visit returns false.
  template <typename Visit>
  void ForEach(uint64_t hash, Visit visit) const {
    if (slots_.empty()) return;
    for (size_t slot = Home(hash); slots_[slot] != 0; slot = Next(slot)) {
      if (!visit(slots_[slot] - 1)) return;
    }
  }

  size_t MemoryBytes() const { return slots_.capacity() * sizeof(uint32_t); }

 private:
  // The hash scaled to [0, size) (Lemire's multiply-shift, no power of two
  // needed, so the table can grow by a quarter instead of doubling).
  size_t Home(uint64_t hash) const {
    return size_t((static_cast<unsigned __int128>(hash) * slots_.size()) >> 64);
  }
  size_t Next(size_t slot) const { return slot + 1 == slots_.size() ? 0 : slot + 1; }

  std::vector<uint32_t> slots_;  // number + 1; 0 marks an empty slot
  size_t count_ = 0;
};

}  // namespace newsloom::dedup

#endif  // NEWSLOOM_DEDUP_SLOT_TABLE_H_
