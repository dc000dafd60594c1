#include "dedup/slot_table.h"

namespace newsloom::dedup {

void SlotTable::Reset(size_t entries) {
  slots_.assign(entries / 3 * 4 + 16, 0);
  slots_.shrink_to_fit();
  count_ = 0;
}

void SlotTable::Insert(uint64_t hash, uint32_t number) {
  size_t slot = Home(hash);
  while (slots_[slot] != 0) slot = Next(slot);
  slots_[slot] = number + 1;
  ++count_;
}

}  // namespace newsloom::dedup
