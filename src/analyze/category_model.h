// CategoryModel: a linear text classifier (multinomial logistic regression
// over hashed TF-IDF features, see text_features.h), stored compactly with
// 8-bit weights.
//
// Immutable once built; Predict is const and thread-safe.
//
// File format (little-endian), all of it covered by the checksum at the end:
//   "NLCAT\0\0" + version byte   magic and format version (1 or 2)
//   u32 hash_bits, u32 max_tokens, f32 title_weight
//   version 2 only: u32 feature flags (1: title_in_body); version 1 has none
//   u32 class count, then per class: u16 length + UTF-8 name
//   f32 idf_scale, u8 idf[2^hash_bits]            idf = idf_scale * u8
//   per class f32 weight_scale, f32 bias
//   i8 weights[2^hash_bits][classes]              w = weight_scale[class] * i8
//   u64 FNV-1a checksum of every byte before it
#ifndef NEWSLOOM_ANALYZE_CATEGORY_MODEL_H_
#define NEWSLOOM_ANALYZE_CATEGORY_MODEL_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/text_features.h"
#include "newsloom/status.h"

namespace newsloom::analyze {

// The model's answer for one text.
struct CategoryScores {
  std::vector<float> probabilities;  // one per class, summing to 1
  size_t best = 0;                   // index of the most probable class
};

class CategoryModel {
 public:
  // Builds a model from full-precision parameters: idf has 2^hash_bits
  // entries, weights 2^hash_bits * classes (bucket-major), bias one per class.
  // The parameters are quantised to the stored precision here, so a model
  // predicts the same before and after a save/load round trip.
  static Result<CategoryModel> FromParameters(const FeatureSettings& settings,
                                              std::vector<std::string> classes,
                                              const std::vector<float>& idf,
                                              const std::vector<float>& weights,
                                              const std::vector<float>& bias);

  // Reads a model file's bytes. Corruption for a damaged or truncated file.
  static Result<CategoryModel> Parse(std::string_view bytes);

  // The model file's bytes.
  std::string Serialize() const;

  const std::vector<std::string>& classes() const { return classes_; }
  const FeatureSettings& settings() const { return settings_; }

  // Class probabilities for an article's title and body text.
  CategoryScores Predict(std::string_view title, std::string_view body) const;

 private:
  CategoryModel() = default;

  size_t row_size() const { return classes_.size() + 1; }

  FeatureSettings settings_;
  std::vector<std::string> classes_;
  float idf_scale_ = 0;
  std::vector<float> weight_scales_;
  std::vector<float> bias_;
  // One row per bucket: the u8 IDF code, then the i8 weight of each class, so
  // a feature costs one cache line however many classes there are.
  std::vector<uint8_t> rows_;
};

}  // namespace newsloom::analyze

#endif  // NEWSLOOM_ANALYZE_CATEGORY_MODEL_H_
