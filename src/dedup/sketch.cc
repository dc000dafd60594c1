#include "dedup/sketch.h"

#include <limits>

#include "dedup/shingles.h"

namespace newsloom::dedup {
MinHashSketch ComputeMinHash(const std::vector<uint64_t>& shingles) {
  constexpr uint64_t kEmpty = std::numeric_limits<uint64_t>::max();
  std::array<uint64_t, kMinHashes> minimum;
  minimum.fill(kEmpty);
  for (uint64_t shingle : shingles) {
    // The bin from the top bits (Lemire's multiply-shift), the value from the
    // low 58, which the bin hardly depends on.
    const size_t bin = size_t((static_cast<unsigned __int128>(shingle) * kMinHashes) >> 64);
    const uint64_t value = shingle & (kEmpty >> 6);
    if (value < minimum[bin]) minimum[bin] = value;
  }
  MinHashSketch sketch;
  for (int k = 0; k < kMinHashes; ++k) {
    // Borrow from the next non-empty bin, salted by the distance, so two texts
    // agree on an empty bin only when they agree on the bin lent.
    int distance = 0;
    while (distance < kMinHashes && minimum[(k + distance) % kMinHashes] == kEmpty) ++distance;
    const uint64_t value = distance == kMinHashes ? 0 : minimum[(k + distance) % kMinHashes];
    // The minimum's top bits are mostly zero; keep bits of its hash instead.
    sketch[k] =
        uint8_t(Mix64(value + uint64_t(distance) * 0x9e3779b97f4a7c15ULL) >> (64 - kMinHashBits));
  }
  return sketch;
}

double EstimatedJaccard(const MinHashSketch& a, const MinHashSketch& b) {
  int agree = 0;
  for (int k = 0; k < kMinHashes; ++k) agree += a[k] == b[k];
  constexpr double kChance = 1.0 / (1 << kMinHashBits);
  const double estimate = (double(agree) / kMinHashes - kChance) / (1 - kChance);
  return estimate < 0 ? 0 : estimate;
}

uint64_t ComputeSimHash(const std::vector<uint64_t>& shingles) {
  if (shingles.empty()) return 0;
  std::array<uint32_t, 64> ones{};
  for (uint64_t shingle : shingles) {
    for (int bit = 0; bit < 64; ++bit) ones[bit] += uint32_t(shingle >> bit) & 1;
  }
  uint64_t signature = 0;
  for (int bit = 0; bit < 64; ++bit) {
    if (2 * size_t(ones[bit]) > shingles.size()) signature |= uint64_t(1) << bit;
  }
  return signature;
}

}  // namespace newsloom::dedup
