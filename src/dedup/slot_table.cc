#include "dedup/slot_table.h"

namespace newsloom::dedup {

void SlotTable::Reset(size_t entries) {
  size_t capacity = 16;
  while (capacity * 3 < entries * 4 + 4) capacity *= 2;
  slots_.assign(capacity, 0);
  slots_.shrink_to_fit();
  mask_ = capacity - 1;
  count_ = 0;
}

void SlotTable::Insert(uint64_t hash, uint32_t number) {
  size_t slot = hash & mask_;
  while (slots_[slot] != 0) slot = (slot + 1) & mask_;
  slots_[slot] = number + 1;
  ++count_;
}

}  // namespace newsloom::dedup
