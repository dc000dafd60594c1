// Fixed-size summaries of a text's shingle set: a MinHash sketch, whose
// agreement estimates the Jaccard similarity of two texts, and a 64-bit
// SimHash, whose Hamming distance tracks their cosine similarity.
// Thread-safe: pure functions.
#ifndef NEWSLOOM_DEDUP_SKETCH_H_
#define NEWSLOOM_DEDUP_SKETCH_H_

#include <array>
#include <cstdint>
#include <vector>

namespace newsloom::dedup {

// 48 MinHash values of 8 bits each (b-bit MinHash, Li and König 2010): 48
// bytes per text. One hash per shingle is split into 48 bins by its top bits
// and each bin keeps its minimum (one-permutation hashing, Li, Owen and Zhang
// 2012); an empty bin borrows from the next non-empty one with an offset per
// step (rotation densification, Shrivastava and Li 2014). Two sketches agree
// at position k with probability about J + (1 - J) / 256, J being the Jaccard
// similarity of the shingle sets.
inline constexpr int kMinHashes = 48;
inline constexpr int kMinHashBits = 8;
using MinHashSketch = std::array<uint8_t, kMinHashes>;

// REQUIRES: shingles is not empty.
MinHashSketch ComputeMinHash(const std::vector<uint64_t>& shingles);

// The Jaccard similarity estimated from the share of agreeing positions,
// corrected for chance collisions of the 8-bit values (standard error about
// sqrt(J(1-J)/48)); clamped to [0, 1].
double EstimatedJaccard(const MinHashSketch& a, const MinHashSketch& b);

// Charikar's SimHash: bit i is set when more shingles have bit i set than
// not. 0 for an empty set.
uint64_t ComputeSimHash(const std::vector<uint64_t>& shingles);

}  // namespace newsloom::dedup

#endif  // NEWSLOOM_DEDUP_SKETCH_H_
