#include "analyze/category_model.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace newsloom::analyze {

namespace {

// Version 2 adds a u32 of feature flags to version 1's header. Models
// without flags are written as version 1, so their bytes stay the same.
constexpr char kMagic[7] = {'N', 'L', 'C', 'A', 'T', '\0', '\0'};
constexpr char kVersion1 = '\1';
constexpr char kVersion2 = '\2';
constexpr uint32_t kTitleInBodyFlag = 1;
constexpr uint32_t kMinHashBits = 10;
constexpr uint32_t kMaxHashBits = 22;
constexpr uint32_t kMaxClasses = 256;

uint64_t Fnv1a(std::string_view bytes) {
  uint64_t hash = 14695981039346656037ull;
  for (char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ull;
  }
  return hash;
}

template <typename T>
void Put(std::string* out, T value) {
  char bytes[sizeof(T)];
  std::memcpy(bytes, &value, sizeof(T));
  out->append(bytes, sizeof(T));
}

// Reads fixed-size values from a byte range; every read is bounds-checked.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}

  template <typename T>
  bool Get(T* value) {
    if (bytes_.size() - position_ < sizeof(T)) return false;
    std::memcpy(value, bytes_.data() + position_, sizeof(T));
    position_ += sizeof(T);
    return true;
  }

  bool GetBytes(size_t count, std::string_view* value) {
    if (bytes_.size() - position_ < count) return false;
    *value = bytes_.substr(position_, count);
    position_ += count;
    return true;
  }

  size_t remaining() const { return bytes_.size() - position_; }

 private:
  std::string_view bytes_;
  size_t position_ = 0;
};

bool ValidSettings(const FeatureSettings& settings) {
  return settings.hash_bits >= kMinHashBits && settings.hash_bits <= kMaxHashBits &&
         settings.max_tokens > 0 && settings.max_tokens <= 1000000 &&
         std::isfinite(settings.title_weight) && settings.title_weight >= 0 &&
         settings.title_weight <= 100;
}

}  // namespace

Result<CategoryModel> CategoryModel::FromParameters(const FeatureSettings& settings,
                                                    std::vector<std::string> classes,
                                                    const std::vector<float>& idf,
                                                    const std::vector<float>& weights,
                                                    const std::vector<float>& bias) {
  if (!ValidSettings(settings)) return Status::InvalidArgument("bad feature settings");
  if (classes.size() < 2 || classes.size() > kMaxClasses) {
    return Status::InvalidArgument("a model needs between 2 and 256 classes");
  }
  const size_t buckets = size_t(1) << settings.hash_bits;
  const size_t class_count = classes.size();
  if (idf.size() != buckets || weights.size() != buckets * class_count ||
      bias.size() != class_count) {
    return Status::InvalidArgument("model parameters do not match the settings");
  }
  CategoryModel model;
  model.settings_ = settings;
  model.classes_ = std::move(classes);

  float max_idf = 0;
  for (float value : idf) max_idf = std::max(max_idf, value);
  model.idf_scale_ = max_idf > 0 ? max_idf / 255.0f : 1.0f;
  const size_t row_size = class_count + 1;
  model.rows_.assign(buckets * row_size, 0);
  for (size_t b = 0; b < buckets; ++b) {
    float code = std::round(std::max(0.0f, idf[b]) / model.idf_scale_);
    model.rows_[b * row_size] = static_cast<uint8_t>(std::clamp(code, 0.0f, 255.0f));
  }

  model.weight_scales_.assign(class_count, 1.0f);
  for (size_t c = 0; c < class_count; ++c) {
    float max_weight = 0;
    for (size_t b = 0; b < buckets; ++b)
      max_weight = std::max(max_weight, std::fabs(weights[b * class_count + c]));
    if (max_weight > 0) model.weight_scales_[c] = max_weight / 127.0f;
  }
  for (size_t b = 0; b < buckets; ++b) {
    for (size_t c = 0; c < class_count; ++c) {
      float code = std::round(weights[b * class_count + c] / model.weight_scales_[c]);
      auto weight = static_cast<int8_t>(std::clamp(code, -127.0f, 127.0f));
      model.rows_[b * row_size + 1 + c] = static_cast<uint8_t>(weight);
    }
  }
  model.bias_ = bias;
  // Round trip through the file format, so this model is the one a load gives.
  return Parse(model.Serialize());
}

std::string CategoryModel::Serialize() const {
  std::string out(kMagic, sizeof(kMagic));
  const uint32_t flags = settings_.title_in_body ? kTitleInBodyFlag : 0;
  out += flags != 0 ? kVersion2 : kVersion1;
  Put<uint32_t>(&out, settings_.hash_bits);
  Put<uint32_t>(&out, settings_.max_tokens);
  Put<float>(&out, settings_.title_weight);
  if (flags != 0) Put<uint32_t>(&out, flags);
  Put<uint32_t>(&out, static_cast<uint32_t>(classes_.size()));
  for (const std::string& name : classes_) {
    Put<uint16_t>(&out, static_cast<uint16_t>(name.size()));
    out += name;
  }
  const size_t buckets = size_t(1) << settings_.hash_bits;
  Put<float>(&out, idf_scale_);
  for (size_t b = 0; b < buckets; ++b) out += static_cast<char>(rows_[b * row_size()]);
  for (size_t c = 0; c < classes_.size(); ++c) {
    Put<float>(&out, weight_scales_[c]);
    Put<float>(&out, bias_[c]);
  }
  for (size_t b = 0; b < buckets; ++b) {
    const uint8_t* row = &rows_[b * row_size()];
    out.append(reinterpret_cast<const char*>(row + 1), classes_.size());
  }
  Put<uint64_t>(&out, Fnv1a(out));
  return out;
}

Result<CategoryModel> CategoryModel::Parse(std::string_view bytes) {
  if (bytes.size() < sizeof(kMagic) + 1 + sizeof(uint64_t) ||
      std::memcmp(bytes.data(), kMagic, sizeof(kMagic)) != 0 ||
      (bytes[sizeof(kMagic)] != kVersion1 && bytes[sizeof(kMagic)] != kVersion2)) {
    return Status::Corruption("not a newsloom category model (bad magic or version)");
  }
  uint64_t stored_checksum = 0;
  std::memcpy(&stored_checksum, bytes.data() + bytes.size() - sizeof(uint64_t), sizeof(uint64_t));
  std::string_view body = bytes.substr(0, bytes.size() - sizeof(uint64_t));
  if (Fnv1a(body) != stored_checksum) {
    return Status::Corruption("category model is damaged or truncated (checksum mismatch)");
  }

  const bool version2 = bytes[sizeof(kMagic)] == kVersion2;
  Reader reader(body.substr(sizeof(kMagic) + 1));
  CategoryModel model;
  uint32_t class_count = 0;
  uint32_t flags = 0;
  if (!reader.Get(&model.settings_.hash_bits) || !reader.Get(&model.settings_.max_tokens) ||
      !reader.Get(&model.settings_.title_weight) || (version2 && !reader.Get(&flags)) ||
      !reader.Get(&class_count)) {
    return Status::Corruption("category model header is truncated");
  }
  // Version 2 is written only with flags, and only known ones.
  if (version2 && (flags == 0 || (flags & ~kTitleInBodyFlag) != 0)) {
    return Status::Corruption("category model header holds unknown feature flags");
  }
  model.settings_.title_in_body = (flags & kTitleInBodyFlag) != 0;
  if (!ValidSettings(model.settings_) || class_count < 2 || class_count > kMaxClasses) {
    return Status::Corruption("category model header holds impossible values");
  }
  for (uint32_t c = 0; c < class_count; ++c) {
    uint16_t length = 0;
    std::string_view name;
    if (!reader.Get(&length) || !reader.GetBytes(length, &name)) {
      return Status::Corruption("category model class names are truncated");
    }
    model.classes_.emplace_back(name);
  }
  const size_t buckets = size_t(1) << model.settings_.hash_bits;
  std::string_view idf_codes;
  if (!reader.Get(&model.idf_scale_) || !std::isfinite(model.idf_scale_) ||
      !reader.GetBytes(buckets, &idf_codes)) {
    return Status::Corruption("category model IDF table is truncated");
  }
  model.weight_scales_.resize(class_count);
  model.bias_.resize(class_count);
  for (uint32_t c = 0; c < class_count; ++c) {
    if (!reader.Get(&model.weight_scales_[c]) || !reader.Get(&model.bias_[c]) ||
        !std::isfinite(model.weight_scales_[c]) || !std::isfinite(model.bias_[c])) {
      return Status::Corruption("category model class parameters are truncated or invalid");
    }
  }
  std::string_view weights;
  if (!reader.GetBytes(buckets * class_count, &weights) || reader.remaining() != 0) {
    return Status::Corruption("category model weight table has the wrong size");
  }
  const size_t row_size = model.row_size();
  model.rows_.resize(buckets * row_size);
  for (size_t b = 0; b < buckets; ++b) {
    model.rows_[b * row_size] = static_cast<uint8_t>(idf_codes[b]);
    std::memcpy(&model.rows_[b * row_size + 1], weights.data() + b * class_count, class_count);
  }
  return model;
}

CategoryScores CategoryModel::Predict(std::string_view title, std::string_view body) const {
  // Scratch reused across calls on this thread: no allocation per text.
  thread_local std::vector<FeatureCount> title_counts;
  thread_local std::vector<FeatureCount> body_counts;
  thread_local std::vector<float> sums;
  thread_local std::vector<float> values;
  CountFeatures(title, body, settings_, &title_counts, &body_counts, {rows_.data(), row_size()});

  // The same weighting as WeighFeatures, read from the rows: the IDF scale
  // cancels in each block's normalisation, so the u8 codes serve as they are.
  const size_t class_count = classes_.size();
  const size_t row_size = this->row_size();
  sums.assign(class_count, 0.0f);
  auto add_block = [&](const std::vector<FeatureCount>& counts, float norm_target) {
    values.resize(counts.size());
    float sum_squares = 0;
    for (size_t i = 0; i < counts.size(); ++i) {
      float idf_code = rows_[size_t(counts[i].bucket) * row_size];
      values[i] = SublinearTf(counts[i].count) * idf_code;
      sum_squares += values[i] * values[i];
    }
    if (sum_squares <= 0) return;
    const float scale = norm_target / std::sqrt(sum_squares);
    for (size_t i = 0; i < counts.size(); ++i) {
      const auto* weights =
          reinterpret_cast<const int8_t*>(&rows_[size_t(counts[i].bucket) * row_size + 1]);
      const float value = values[i] * scale;
      for (size_t c = 0; c < class_count; ++c) sums[c] += value * weights[c];
    }
  };
  add_block(body_counts, 1.0f);
  add_block(title_counts, settings_.title_weight);

  CategoryScores scores;
  scores.probabilities.resize(class_count);
  float max_logit = -INFINITY;
  for (size_t c = 0; c < class_count; ++c) {
    sums[c] = sums[c] * weight_scales_[c] + bias_[c];
    max_logit = std::max(max_logit, sums[c]);
  }
  float total = 0;
  for (size_t c = 0; c < class_count; ++c) {
    scores.probabilities[c] = std::exp(sums[c] - max_logit);
    total += scores.probabilities[c];
  }
  for (size_t c = 0; c < class_count; ++c) {
    scores.probabilities[c] /= total;
    if (scores.probabilities[c] > scores.probabilities[scores.best]) scores.best = c;
  }
  return scores;
}

}  // namespace newsloom::analyze
