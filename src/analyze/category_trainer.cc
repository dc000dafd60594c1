#include "analyze/category_trainer.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace newsloom::analyze {

namespace {

// SplitMix64: a small, fully specified generator, so the shuffle is the same
// with every standard library.
class SplitMix64 {
 public:
  explicit SplitMix64(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }

 private:
  uint64_t state_;
};

void Shuffle(std::vector<uint32_t>& order, SplitMix64& random) {
  for (size_t i = order.size(); i > 1; --i) {
    size_t j = random.Next() % i;
    std::swap(order[i - 1], order[j]);
  }
}

struct EncodedExample {
  std::vector<WeightedFeature> features;
  uint32_t label = 0;
};

// The per bucket and class input scale of TrainOptions::nb_weight, bucket-major.
std::vector<float> NaiveBayesScale(const std::vector<EncodedExample>& encoded, size_t buckets,
                                   size_t class_count, double nb_weight) {
  std::vector<float> scale(buckets * class_count, 1.0f);
  if (nb_weight <= 0) return scale;
  // Feature mass per bucket and class, and per class.
  std::vector<double> mass(buckets * class_count, 0.0);
  std::vector<double> class_mass(class_count, 0.0);
  for (const EncodedExample& example : encoded) {
    for (const WeightedFeature& feature : example.features) {
      mass[size_t(feature.bucket) * class_count + example.label] += feature.value;
      class_mass[example.label] += feature.value;
    }
  }
  double total_mass = 0;
  for (double value : class_mass) total_mass += value;
  // Laplace-style smoothing of every bucket by a small share of a feature.
  constexpr double kSmoothing = 0.1;
  std::vector<double> ratio(scale.size(), 0.0);
  double ratio_sum = 0;
  size_t ratio_count = 0;
  for (size_t b = 0; b < buckets; ++b) {
    double bucket_mass = 0;
    for (size_t c = 0; c < class_count; ++c) bucket_mass += mass[b * class_count + c];
    if (bucket_mass <= 0) continue;  // never seen: its weight stays 0 anyway
    for (size_t c = 0; c < class_count; ++c) {
      double in_class =
          (mass[b * class_count + c] + kSmoothing) / (class_mass[c] + kSmoothing * double(buckets));
      double elsewhere = (bucket_mass - mass[b * class_count + c] + kSmoothing) /
                         (total_mass - class_mass[c] + kSmoothing * double(buckets));
      ratio[b * class_count + c] = std::fabs(std::log(in_class / elsewhere));
      ratio_sum += ratio[b * class_count + c];
      ++ratio_count;
    }
  }
  if (ratio_count == 0 || ratio_sum <= 0) return scale;
  const double mean_ratio = ratio_sum / double(ratio_count);
  for (size_t i = 0; i < scale.size(); ++i) {
    scale[i] = static_cast<float>((1 - nb_weight) + nb_weight * ratio[i] / mean_ratio);
  }
  return scale;
}

}  // namespace

Result<CategoryModel> TrainCategoryModel(const std::vector<TrainingExample>& examples,
                                         const TrainOptions& options) {
  if (examples.empty()) return Status::InvalidArgument("no training examples");
  if (options.epochs <= 0 || !(options.l2 > 0) || !(options.learning_rate > 0)) {
    return Status::InvalidArgument("epochs, l2 and learning_rate must be positive");
  }
  if (!(options.nb_weight >= 0 && options.nb_weight <= 1)) {
    return Status::InvalidArgument("nb_weight must be between 0 and 1");
  }
  std::map<std::string, uint32_t> label_index;
  for (const TrainingExample& example : examples) {
    if (example.label.empty()) return Status::InvalidArgument("an example has an empty label");
    label_index.emplace(example.label, 0);
  }
  if (label_index.size() < 2) return Status::InvalidArgument("training needs at least two labels");
  std::vector<std::string> classes;
  for (auto& [label, index] : label_index) {
    index = static_cast<uint32_t>(classes.size());
    classes.push_back(label);
  }

  const FeatureSettings& settings = options.features;
  if (settings.hash_bits < 10 || settings.hash_bits > 22) {
    return Status::InvalidArgument("hash_bits must be between 10 and 22");
  }
  const size_t buckets = size_t(1) << settings.hash_bits;
  const size_t class_count = classes.size();

  // Counts, then document frequencies, then smoothed IDF.
  std::vector<std::vector<FeatureCount>> title_counts(examples.size());
  std::vector<std::vector<FeatureCount>> body_counts(examples.size());
  std::vector<uint32_t> document_frequency(buckets, 0);
  for (size_t i = 0; i < examples.size(); ++i) {
    CountFeatures(examples[i].title, examples[i].text, settings, &title_counts[i], &body_counts[i]);
    // A bucket in both blocks counts once for its document.
    std::vector<uint32_t> seen;
    for (const FeatureCount& feature : title_counts[i]) seen.push_back(feature.bucket);
    for (const FeatureCount& feature : body_counts[i]) seen.push_back(feature.bucket);
    std::sort(seen.begin(), seen.end());
    seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
    for (uint32_t bucket : seen) ++document_frequency[bucket];
  }
  const double documents = static_cast<double>(examples.size());
  std::vector<float> idf(buckets);
  for (size_t b = 0; b < buckets; ++b) {
    idf[b] = static_cast<float>(std::log((documents + 1) / (document_frequency[b] + 1)) + 1);
  }
  // Train on the 8-bit IDF the model stores, so training and prediction see the same vectors.
  const float idf_scale = *std::max_element(idf.begin(), idf.end()) / 255.0f;
  for (float& value : idf) value = std::round(value / idf_scale) * idf_scale;

  std::vector<EncodedExample> encoded(examples.size());
  for (size_t i = 0; i < examples.size(); ++i) {
    WeighFeatures(title_counts[i], body_counts[i], idf, settings, &encoded[i].features);
    encoded[i].label = label_index.at(examples[i].label);
    title_counts[i] = {};
    body_counts[i] = {};
  }

  const std::vector<float> feature_scale =
      NaiveBayesScale(encoded, buckets, class_count, options.nb_weight);

  // Weights are kept as scale * values so the L2 shrink of every weight is
  // one multiplication per step (Bottou's trick for sparse SGD).
  std::vector<double> values(buckets * class_count, 0.0);
  std::vector<double> bias(class_count, 0.0);
  double scale = 1.0;
  std::vector<double> logits(class_count);
  std::vector<uint32_t> order(encoded.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<uint32_t>(i);
  SplitMix64 random(options.seed);
  uint64_t step = 0;
  // The final weights are the mean of the weights after each epoch of the
  // second half: averaging damps the last steps' noise (Polyak averaging, per epoch).
  std::vector<double> average(values.size(), 0.0);
  std::vector<double> average_bias(class_count, 0.0);
  int averaged_epochs = 0;
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    Shuffle(order, random);
    for (uint32_t index : order) {
      const EncodedExample& example = encoded[index];
      const double rate =
          options.learning_rate / (1.0 + options.l2 * options.learning_rate * double(step++));
      std::fill(logits.begin(), logits.end(), 0.0);
      for (const WeightedFeature& feature : example.features) {
        const double* row = &values[size_t(feature.bucket) * class_count];
        const float* input = &feature_scale[size_t(feature.bucket) * class_count];
        for (size_t c = 0; c < class_count; ++c) logits[c] += feature.value * input[c] * row[c];
      }
      double max_logit = -INFINITY;
      for (size_t c = 0; c < class_count; ++c) {
        logits[c] = logits[c] * scale + bias[c];
        max_logit = std::max(max_logit, logits[c]);
      }
      double total = 0;
      for (size_t c = 0; c < class_count; ++c) {
        logits[c] = std::exp(logits[c] - max_logit);
        total += logits[c];
      }
      scale *= 1.0 - rate * options.l2;
      // logits now hold the gradient of the log loss with respect to each logit.
      for (size_t c = 0; c < class_count; ++c) {
        logits[c] = logits[c] / total - (c == example.label ? 1.0 : 0.0);
        bias[c] -= rate * 0.1 * logits[c];
      }
      const double step_size = rate / scale;
      for (const WeightedFeature& feature : example.features) {
        double* row = &values[size_t(feature.bucket) * class_count];
        const float* input = &feature_scale[size_t(feature.bucket) * class_count];
        for (size_t c = 0; c < class_count; ++c)
          row[c] -= step_size * logits[c] * feature.value * input[c];
      }
      if (scale < 1e-6) {
        for (double& value : values) value *= scale;
        scale = 1.0;
      }
    }
    if (2 * epoch >= options.epochs - 1) {
      for (size_t i = 0; i < values.size(); ++i) average[i] += values[i] * scale;
      for (size_t c = 0; c < class_count; ++c) average_bias[c] += bias[c];
      ++averaged_epochs;
    }
  }

  std::vector<float> weights(values.size());
  for (size_t i = 0; i < values.size(); ++i)
    weights[i] = static_cast<float>(average[i] / averaged_epochs * feature_scale[i]);
  std::vector<float> bias_out(class_count);
  for (size_t c = 0; c < class_count; ++c)
    bias_out[c] = static_cast<float>(average_bias[c] / averaged_epochs);
  return CategoryModel::FromParameters(settings, std::move(classes), idf, weights, bias_out);
}

}  // namespace newsloom::analyze
