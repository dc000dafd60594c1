#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "dedup/dedup.h"
#include "dedup/shingles.h"
#include "dedup/sketch.h"
#include "dedup/slot_table.h"

namespace newsloom::dedup {
namespace {

// LSH banding of the sketch: a pair becomes a candidate when all kRows values
// of one of kBands bands agree, with probability 1 - (1 - J^3)^10: 0.74 at
// J = 0.5, 0.91 at 0.6, 0.98 at 0.7, 0.9998 at 0.8.
constexpr int kBands = 10;
constexpr int kRows = 3;
static_assert(kBands * kRows <= kMinHashes);

uint64_t BandHash(int band, const MinHashSketch& sketch) {
  uint64_t key = uint64_t(band + 1) << 32;
  for (int row = 0; row < kRows; ++row) key |= uint64_t(sketch[band * kRows + row]) << (8 * row);
  return Mix64(key);
}

// A band's bucket keeps its first kMaxBucket articles: a text copied more
// often than that is still found through them (a copy of a copy is a near
// duplicate of the first ones too), and no lookup or insertion walks a run of
// thousands of copies (synthetic load, boilerplate-only pages), so adding
// stays O(1) however often a text recurs.
constexpr size_t kMaxBucket = 64;

bool BandEquals(int band, const MinHashSketch& a, const MinHashSketch& b) {
  for (int row = 0; row < kRows; ++row) {
    if (a[band * kRows + row] != b[band * kRows + row]) return false;
  }
  return true;
}

// Whether a band before `band` already made `a` and `b` candidates.
bool EarlierBandEquals(int band, const MinHashSketch& a, const MinHashSketch& b) {
  for (int earlier = 0; earlier < band; ++earlier) {
    if (BandEquals(earlier, a, b)) return true;
  }
  return false;
}

uint64_t IdHash(std::string_view id) {
  uint64_t hash = 0xcbf29ce484222325ULL;
  for (char c : id) hash = (hash ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
  return Mix64(hash);
}

// Grows `values` by a quarter instead of doubling, so that a million stored
// articles do not hold room for two million.
template <typename Container>
void ReserveOneMore(Container& values) {
  if (values.size() == values.capacity())
    values.reserve(values.capacity() + values.capacity() / 4 + 64);
}

// Ids longer than this are cut: they only name the article in answers.
constexpr size_t kMaxIdBytes = 1024;

// What Add and Find need from an article, computed once.
struct Fingerprint {
  uint64_t exact = 0;  // 0: no words
  bool has_sketch = false;
  MinHashSketch sketch{};
};

Fingerprint FingerprintOf(const Article& article, const DedupOptions& options) {
  Fingerprint fingerprint;
  const std::vector<uint64_t> words = WordHashes(article.Text());
  fingerprint.exact = NormalizedTextHash(words);
  if (words.size() >= size_t(std::max(options.min_words, 1))) {
    fingerprint.sketch = ComputeMinHash(ShingleHashes(words));
    fingerprint.has_sketch = true;
  }
  return fingerprint;
}

}  // namespace

// Articles are numbered in the order they were added; per-article state lives
// in parallel arrays indexed by that number (struct of arrays keeps it small).
// Removed articles stay in the arrays, flagged, until the next rebuild
// compacts them away.
class Deduplicator::Index {
 public:
  explicit Index(DedupOptions options) : options_(options) { RebuildTables(0); }

  std::optional<Match> Find(const Fingerprint& fingerprint) const {
    if (fingerprint.exact == 0) return std::nullopt;
    std::optional<uint32_t> exact = FindExact(fingerprint.exact);
    if (exact) return MakeMatch(Match::Kind::kExact, *exact, 1);
    if (!fingerprint.has_sketch) return std::nullopt;
    std::optional<NearCandidate> near = FindNear(fingerprint.sketch);
    if (!near) return std::nullopt;
    return MakeMatch(Match::Kind::kNear, near->number, near->similarity);
  }

  std::optional<Match> Add(const Article& article, const Fingerprint& fingerprint) {
    if (fingerprint.exact == 0) return std::nullopt;
    std::optional<Match> match;
    uint32_t canonical = uint32_t(exact_.size());
    if (std::optional<uint32_t> exact = FindExact(fingerprint.exact)) {
      match = MakeMatch(Match::Kind::kExact, *exact, 1);
      canonical = CanonicalOf(*exact);
    } else if (fingerprint.has_sketch) {
      if (std::optional<NearCandidate> near = FindNear(fingerprint.sketch)) {
        match = MakeMatch(Match::Kind::kNear, near->number, near->similarity);
        canonical = CanonicalOf(near->number);
      }
    }
    Store(article.id, fingerprint, canonical,
          /*in_bands=*/fingerprint.has_sketch && (!match || match->kind == Match::Kind::kNear));
    return match;
  }

  bool Remove(std::string_view id) {
    bool found = false;
    ids_table_.ForEach(IdHash(id), [&](uint32_t number) {
      if (!(flags_[number] & kRemoved) && IdOf(number) == id) {
        flags_[number] |= kRemoved;
        ++removed_;
        found = true;
      }
      return true;
    });
    if (removed_ > 64 && removed_ * 2 > exact_.size()) Compact();
    return found;
  }

  size_t size() const { return exact_.size() - removed_; }
  const DedupOptions& options() const { return options_; }

  size_t MemoryBytes() const {
    return sketches_.capacity() * sizeof(MinHashSketch) + exact_.capacity() * sizeof(uint64_t) +
           canonical_.capacity() * sizeof(uint32_t) + flags_.capacity() +
           id_ends_.capacity() * sizeof(uint32_t) + id_bytes_.capacity() +
           exact_table_.MemoryBytes() + ids_table_.MemoryBytes() + band_table_.MemoryBytes();
  }

 private:
  static constexpr uint8_t kRemoved = 1;
  static constexpr uint8_t kInBands = 2;

  std::string_view IdOf(uint32_t number) const {
    const uint32_t begin = number == 0 ? 0 : id_ends_[number - 1];
    return std::string_view(id_bytes_).substr(begin, id_ends_[number] - begin);
  }

  uint32_t CanonicalOf(uint32_t number) const {
    const uint32_t canonical = canonical_[number];
    return (flags_[canonical] & kRemoved) ? number : canonical;
  }

  Match MakeMatch(Match::Kind kind, uint32_t number, double similarity) const {
    Match match;
    match.kind = kind;
    match.canonical_id = std::string(IdOf(CanonicalOf(number)));
    match.matched_id = std::string(IdOf(number));
    match.similarity = similarity;
    return match;
  }

  std::optional<uint32_t> FindExact(uint64_t hash) const {
    std::optional<uint32_t> found;
    exact_table_.ForEach(hash, [&](uint32_t number) {
      if (exact_[number] != hash || (flags_[number] & kRemoved)) return true;
      found = number;
      return false;
    });
    return found;
  }

  struct NearCandidate {
    uint32_t number = 0;
    double similarity = 0;
  };

  // The most similar verified candidate (the earliest on ties).
  std::optional<NearCandidate> FindNear(const MinHashSketch& sketch) const {
    std::optional<NearCandidate> best;
    for (int band = 0; band < kBands; ++band) {
      size_t bucket = 0;
      band_table_.ForEach(BandHash(band, sketch), [&](uint32_t number) {
        if ((flags_[number] & (kRemoved | kInBands)) != kInBands) return true;
        if (!BandEquals(band, sketches_[number], sketch)) return true;
        if (++bucket > kMaxBucket) return false;
        if (EarlierBandEquals(band, sketches_[number], sketch)) return true;  // checked there
        const double similarity = EstimatedJaccard(sketches_[number], sketch);
        if (similarity < options_.min_similarity) return true;
        if (!best || similarity > best->similarity ||
            (similarity == best->similarity && number < best->number)) {
          best = NearCandidate{number, similarity};
        }
        return true;
      });
    }
    return best;
  }

  void Store(std::string_view id, const Fingerprint& fingerprint, uint32_t canonical,
             bool in_bands) {
    const uint32_t number = uint32_t(exact_.size());
    id = id.substr(0, kMaxIdBytes);
    if (id_bytes_.size() + id.size() > UINT32_MAX || number == UINT32_MAX - 1) return;  // full
    ReserveOneMore(sketches_);
    ReserveOneMore(exact_);
    ReserveOneMore(canonical_);
    ReserveOneMore(flags_);
    ReserveOneMore(id_ends_);
    if (id_bytes_.size() + id.size() > id_bytes_.capacity()) {
      id_bytes_.reserve(id_bytes_.capacity() + id_bytes_.capacity() / 4 + id.size() + 1024);
    }
    sketches_.push_back(fingerprint.sketch);
    exact_.push_back(fingerprint.exact);
    canonical_.push_back(canonical);
    flags_.push_back(in_bands ? kInBands : 0);
    id_bytes_.append(id);
    id_ends_.push_back(uint32_t(id_bytes_.size()));
    if (in_bands) ++banded_;
    if (exact_table_.Full(1) || ids_table_.Full(1) || (in_bands && band_table_.Full(kBands))) {
      RebuildTables(exact_.size() * 5 / 4);
      return;
    }
    InsertIntoTables(number);
  }

  void InsertIntoTables(uint32_t number) {
    exact_table_.Insert(exact_[number], number);
    ids_table_.Insert(IdHash(IdOf(number)), number);
    if (flags_[number] & kInBands) {
      for (int band = 0; band < kBands; ++band) {
        if (!BucketFull(band, number))
          band_table_.Insert(BandHash(band, sketches_[number]), number);
      }
    }
  }

  bool BucketFull(int band, uint32_t number) const {
    size_t bucket = 0;
    band_table_.ForEach(BandHash(band, sketches_[number]), [&](uint32_t other) {
      if (!(flags_[other] & kRemoved) && BandEquals(band, sketches_[other], sketches_[number])) {
        ++bucket;
      }
      return bucket < kMaxBucket;
    });
    return bucket >= kMaxBucket;
  }

  // Sizes every table for `articles` articles and re-inserts the live ones.
  void RebuildTables(size_t articles) {
    exact_table_.Reset(articles);
    ids_table_.Reset(articles);
    band_table_.Reset(std::max(banded_ * 5 / 4, size_t(1)) * kBands);
    for (uint32_t number = 0; number < exact_.size(); ++number) {
      if (!(flags_[number] & kRemoved)) InsertIntoTables(number);
    }
  }

  // Drops removed articles from the arrays, renumbering the others.
  void Compact() {
    std::vector<uint32_t> renumbered(exact_.size(), UINT32_MAX);
    std::vector<uint32_t> id_ends;
    std::string id_bytes;
    uint32_t kept = 0;
    banded_ = 0;
    for (uint32_t number = 0; number < exact_.size(); ++number) {
      if (flags_[number] & kRemoved) continue;
      renumbered[number] = kept;
      const uint32_t canonical = renumbered[canonical_[number]];
      canonical_[kept] = canonical == UINT32_MAX ? kept : canonical;
      sketches_[kept] = sketches_[number];
      exact_[kept] = exact_[number];
      flags_[kept] = flags_[number];
      id_bytes.append(IdOf(number));
      id_ends.push_back(uint32_t(id_bytes.size()));
      if (flags_[kept] & kInBands) ++banded_;
      ++kept;
    }
    sketches_.resize(kept);
    exact_.resize(kept);
    canonical_.resize(kept);
    flags_.resize(kept);
    sketches_.shrink_to_fit();
    exact_.shrink_to_fit();
    canonical_.shrink_to_fit();
    flags_.shrink_to_fit();
    id_ends_ = std::move(id_ends);
    id_bytes_ = std::move(id_bytes);
    removed_ = 0;
    RebuildTables(size_t(kept) * 5 / 4);
  }

  DedupOptions options_;
  std::vector<MinHashSketch> sketches_;
  std::vector<uint64_t> exact_;
  std::vector<uint32_t> canonical_;  // a number; the article's own when it is canonical
  std::vector<uint8_t> flags_;
  std::vector<uint32_t> id_ends_;  // id of number n is id_bytes_[id_ends_[n-1], id_ends_[n])
  std::string id_bytes_;
  size_t removed_ = 0;
  size_t banded_ = 0;  // articles with kInBands, removed ones included
  SlotTable exact_table_;
  SlotTable ids_table_;
  SlotTable band_table_;
  // Scratch for FindNear, kept to avoid an allocation per call.
};

Deduplicator::Deduplicator(DedupOptions options) : index_(std::make_unique<Index>(options)) {}
Deduplicator::~Deduplicator() = default;

std::optional<std::string> Deduplicator::Add(const Article& article) {
  std::optional<Match> match = AddWithMatch(article);
  if (!match) return std::nullopt;
  return std::move(match->canonical_id);
}

std::optional<Match> Deduplicator::AddWithMatch(const Article& article) {
  return index_->Add(article, FingerprintOf(article, index_->options()));
}

std::optional<Match> Deduplicator::Find(const Article& article) const {
  return index_->Find(FingerprintOf(article, index_->options()));
}

bool Deduplicator::Remove(std::string_view id) { return index_->Remove(id); }
size_t Deduplicator::size() const { return index_->size(); }
size_t Deduplicator::MemoryBytes() const { return index_->MemoryBytes(); }

}  // namespace newsloom::dedup
