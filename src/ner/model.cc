#include "ner/model.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace newsloom::ner {

namespace {

constexpr std::string_view kMagic("NLNER\0\0\1", 8);

uint32_t Mix(uint32_t hash) {
  hash ^= hash >> 16;
  hash *= 0x45d9f3bU;
  hash ^= hash >> 16;
  return hash;
}

}  // namespace

uint32_t ModelChecksum(std::string_view bytes) { return Hasher(11).Add(bytes).Finish(); }

std::vector<int> Viterbi(const std::vector<float>& scores, int n,
                         const std::array<float, (kLabelCount + 1) * kLabelCount>& transitions) {
  constexpr float kNone = -std::numeric_limits<float>::infinity();
  if (n == 0) return {};
  // For each label, the labels allowed before it, in increasing order (the
  // order of the search below, which settles ties).
  struct Previous {
    std::array<int8_t, kLabelCount> labels{};
    int count = 0;
  };
  static const std::array<Previous, kLabelCount> kAllowedBefore = [] {
    std::array<Previous, kLabelCount> allowed{};
    for (int y = 0; y < kLabelCount; ++y) {
      for (int p = 0; p < kLabelCount; ++p) {
        if (TransitionAllowed(p, y)) allowed[y].labels[allowed[y].count++] = int8_t(p);
      }
    }
    return allowed;
  }();
  std::vector<float> best(size_t(n) * kLabelCount, kNone);
  std::vector<int8_t> back(size_t(n) * kLabelCount, -1);
  for (int y = 0; y < kLabelCount; ++y) {
    if (TransitionAllowed(-1, y)) best[y] = scores[y] + transitions[y];
  }
  for (int t = 1; t < n; ++t) {
    for (int y = 0; y < kLabelCount; ++y) {
      float top = kNone;
      int argmax = -1;
      const Previous& allowed = kAllowedBefore[y];
      for (int k = 0; k < allowed.count; ++k) {
        const int p = allowed.labels[k];
        float previous = best[size_t(t - 1) * kLabelCount + p];
        if (previous == kNone) continue;
        float value = previous + transitions[(p + 1) * kLabelCount + y];
        if (value > top) {
          top = value;
          argmax = p;
        }
      }
      if (argmax < 0) continue;
      best[size_t(t) * kLabelCount + y] = top + scores[size_t(t) * kLabelCount + y];
      back[size_t(t) * kLabelCount + y] = int8_t(argmax);
    }
  }
  int last = 0;
  float top = kNone;
  for (int y = 0; y < kLabelCount; ++y) {
    float value = best[size_t(n - 1) * kLabelCount + y];
    if (EndAllowed(y) && value > top) {
      top = value;
      last = y;
    }
  }
  std::vector<int> labels(n, 0);
  labels[n - 1] = last;
  for (int t = n - 1; t > 0; --t) {
    int previous = back[size_t(t) * kLabelCount + labels[t]];
    labels[t - 1] = previous < 0 ? 0 : previous;
  }
  return labels;
}

Model Model::FromDense(const DenseWeights& dense, float min_weight, Gazetteer gazetteer,
                       WordClasses classes) {
  Model model;
  float max_weight = 0;
  for (float w : dense.weights) max_weight = std::max(max_weight, std::fabs(w));
  model.scale_ = max_weight > 0 ? max_weight / 32767.0f : 1.0f;
  std::vector<size_t> order(dense.hashes.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](size_t a, size_t b) { return dense.hashes[a] < dense.hashes[b]; });
  model.starts_.push_back(0);
  for (size_t i : order) {
    if (!model.keys_.empty() && model.keys_.back() == dense.hashes[i]) continue;
    size_t entries_before = model.labels_.size();
    for (int label = 0; label < kLabelCount; ++label) {
      float w = dense.weights[i * kLabelCount + label];
      if (std::fabs(w) < min_weight) continue;
      int quantised = int(std::lround(w / model.scale_));
      if (quantised == 0) continue;
      model.labels_.push_back(uint8_t(label));
      model.values_.push_back(int16_t(std::clamp(quantised, -32767, 32767)));
    }
    if (model.labels_.size() == entries_before) continue;
    model.keys_.push_back(dense.hashes[i]);
    model.starts_.push_back(uint32_t(model.labels_.size()));
  }
  model.transitions_ = dense.transitions;
  model.gazetteer_ = std::move(gazetteer);
  model.classes_ = std::move(classes);
  model.BuildIndex();
  return model;
}

std::string Model::Serialize() const {
  ByteWriter writer;
  writer.bytes().append(kMagic);
  writer.U32(uint32_t(keys_.size()));
  for (size_t f = 0; f < keys_.size(); ++f) {
    writer.U32(keys_[f]);
    writer.U8(uint8_t(starts_[f + 1] - starts_[f]));
    for (uint32_t e = starts_[f]; e < starts_[f + 1]; ++e) {
      writer.U8(labels_[e]);
      writer.U16(uint16_t(values_[e]));
    }
  }
  writer.F32(scale_);
  for (float w : transitions_) writer.F32(w);
  gazetteer_.Write(writer);
  classes_.Write(writer);
  writer.U32(ModelChecksum(writer.bytes()));
  return std::move(writer.bytes());
}

Result<Model> Model::Parse(std::string_view bytes) {
  if (bytes.size() < kMagic.size() + 4 || bytes.substr(0, kMagic.size()) != kMagic) {
    return Status::Corruption("not a newsloom NER model (bad magic)");
  }
  std::string_view body = bytes.substr(0, bytes.size() - 4);
  ByteReader tail(bytes.substr(bytes.size() - 4));
  uint32_t checksum = 0;
  tail.U32(&checksum);
  if (checksum != ModelChecksum(body)) return Status::Corruption("NER model checksum mismatch");
  ByteReader reader(body.substr(kMagic.size()));
  Model model;
  uint32_t count = 0;
  if (!reader.U32(&count) || count > reader.remaining() / 5) {
    return Status::Corruption("NER model feature table truncated");
  }
  model.keys_.reserve(count);
  model.starts_.reserve(count + 1);
  model.starts_.push_back(0);
  for (uint32_t f = 0; f < count; ++f) {
    uint32_t key = 0;
    uint8_t entries = 0;
    if (!reader.U32(&key) || !reader.U8(&entries) || entries > kLabelCount ||
        (!model.keys_.empty() && key <= model.keys_.back())) {
      return Status::Corruption("NER model feature table malformed");
    }
    for (int e = 0; e < entries; ++e) {
      uint8_t label = 0;
      uint16_t value = 0;
      if (!reader.U8(&label) || !reader.U16(&value) || label >= kLabelCount) {
        return Status::Corruption("NER model weights malformed");
      }
      model.labels_.push_back(label);
      model.values_.push_back(int16_t(value));
    }
    model.keys_.push_back(key);
    model.starts_.push_back(uint32_t(model.labels_.size()));
  }
  bool ok = reader.F32(&model.scale_) && std::isfinite(model.scale_);
  for (float& w : model.transitions_) ok = ok && reader.F32(&w) && std::isfinite(w);
  if (!ok) return Status::Corruption("NER model transitions truncated");
  Status status = model.gazetteer_.Read(reader);
  if (!status.ok()) return status;
  status = model.classes_.Read(reader);
  if (!status.ok()) return status;
  if (reader.remaining() != 0) return Status::Corruption("NER model has trailing bytes");
  model.BuildIndex();
  return model;
}

void Model::BuildIndex() {
  size_t capacity = 16;
  while (capacity < keys_.size() * 2) capacity *= 2;
  slots_.assign(capacity, Slot());
  weights_.clear();
  weights_.reserve(labels_.size());
  for (size_t e = 0; e < labels_.size(); ++e) weights_.push_back({labels_[e], values_[e]});
  for (size_t f = 0; f < keys_.size(); ++f) {
    size_t slot = Mix(keys_[f]) & (capacity - 1);
    while (slots_[slot].used) slot = (slot + 1) & (capacity - 1);
    slots_[slot] = {keys_[f], starts_[f], uint16_t(starts_[f + 1] - starts_[f]), 1};
  }
}

void Model::Score(const uint32_t* begin, const uint32_t* end, float* scores) const {
  const size_t mask = slots_.size() - 1;
  for (const uint32_t* hash = begin; hash != end; ++hash) {
    for (size_t i = Mix(*hash) & mask; slots_[i].used; i = (i + 1) & mask) {
      const Slot& slot = slots_[i];
      if (slot.key != *hash) continue;
      const Weight* weight = &weights_[slot.begin];
      for (uint16_t e = 0; e < slot.count; ++e) {
        scores[weight[e].label] += float(weight[e].value) * scale_;
      }
      break;
    }
  }
}

std::vector<int> Model::Decode(const SentenceFeatures& features) const {
  const int n = features.size();
  std::vector<float> scores(size_t(std::max(n, 0)) * kLabelCount, 0.0f);
  if (n <= 0) return {};
  // Score every feature of the sentence in one pass, in the same order as
  // Score() would (so the sums are bit-identical), with the two dependent
  // cache misses of each lookup (its slot, then its weights) prefetched a
  // few features ahead: the index is larger than the caches, so the lookups
  // would otherwise wait on memory one after the other.
  const std::vector<uint32_t>& hashes = features.hashes;
  const size_t total = std::min<size_t>(hashes.size(), features.starts[size_t(n)]);
  const size_t mask = slots_.size() - 1;
  constexpr size_t kAhead = 8;  // features between the two prefetches and the use
  struct Found {
    uint32_t begin = 0;
    uint16_t count = 0;
  };
  std::array<Found, kAhead> found{};
  auto probe = [&](size_t j) {
    Found result;
    const uint32_t hash = hashes[j];
    for (size_t i = Mix(hash) & mask; slots_[i].used; i = (i + 1) & mask) {
      if (slots_[i].key != hash) continue;
      result = {slots_[i].begin, slots_[i].count};
      __builtin_prefetch(&weights_[result.begin]);
      break;
    }
    found[j % kAhead] = result;
  };
  auto prefetch_slot = [&](size_t j) { __builtin_prefetch(&slots_[Mix(hashes[j]) & mask]); };
  for (size_t j = 0; j < std::min(total, 2 * kAhead); ++j) prefetch_slot(j);
  for (size_t j = 0; j < std::min(total, kAhead); ++j) probe(j);
  int t = 0;
  for (size_t j = 0; j < total; ++j) {
    while (features.starts[size_t(t) + 1] <= j) ++t;
    const Found here = found[j % kAhead];
    if (j + 2 * kAhead < total) prefetch_slot(j + 2 * kAhead);
    if (j + kAhead < total) probe(j + kAhead);
    float* row = &scores[size_t(t) * kLabelCount];
    const Weight* weight = weights_.data() + here.begin;
    for (uint16_t e = 0; e < here.count; ++e) {
      row[weight[e].label] += float(weight[e].value) * scale_;
    }
  }
  return Viterbi(scores, n, transitions_);
}

}  // namespace newsloom::ner
