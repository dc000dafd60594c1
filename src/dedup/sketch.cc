#include "dedup/sketch.h"

#include <limits>

#include "dedup/shingles.h"

namespace newsloom::dedup {
namespace {

// Multiply-add hash functions h_k(x) = a_k x + b_k (mod 2^64) with odd a_k:
// the shingle hashes are already uniform, and the high bits, which decide the
// minimum, are well mixed by the multiplication.
struct HashFamily {
  std::array<uint64_t, kMinHashes> multiplier;
  std::array<uint64_t, kMinHashes> increment;
  HashFamily() {
    for (int k = 0; k < kMinHashes; ++k) {
      multiplier[k] = Mix64(2 * k + 1) | 1;
      increment[k] = Mix64(2 * k + 2);
    }
  }
};

const HashFamily& Family() {
  static const HashFamily family;
  return family;
}

}  // namespace

MinHashSketch ComputeMinHash(const std::vector<uint64_t>& shingles) {
  const HashFamily& family = Family();
  std::array<uint64_t, kMinHashes> minimum;
  minimum.fill(std::numeric_limits<uint64_t>::max());
  for (uint64_t shingle : shingles) {
    for (int k = 0; k < kMinHashes; ++k) {
      const uint64_t value = family.multiplier[k] * shingle + family.increment[k];
      if (value < minimum[k]) minimum[k] = value;
    }
  }
  MinHashSketch sketch;
  // The minimum's top bits are mostly zero; keep bits of its hash instead.
  for (int k = 0; k < kMinHashes; ++k) {
    sketch[k] = uint8_t(Mix64(minimum[k]) >> (64 - kMinHashBits));
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
  std::array<int32_t, 64> votes{};
  for (uint64_t shingle : shingles) {
    for (int bit = 0; bit < 64; ++bit) votes[bit] += ((shingle >> bit) & 1) ? 1 : -1;
  }
  uint64_t signature = 0;
  for (int bit = 0; bit < 64; ++bit) {
    if (votes[bit] > 0) signature |= uint64_t(1) << bit;
  }
  return signature;
}

}  // namespace newsloom::dedup
