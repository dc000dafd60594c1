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

// Multinomial naive Bayes weights over the same weighted features: per
// bucket and class the smoothed log share of the class's feature mass,
// centred across classes (bucket-major); unseen buckets get 0. `prior`
// receives the centred log class frequencies.
std::vector<float> NaiveBayesWeights(const std::vector<EncodedExample>& encoded, size_t buckets,
                                     size_t class_count, std::vector<double>* prior) {
  std::vector<double> mass(buckets * class_count, 0.0);
  std::vector<double> class_mass(class_count, 0.0);
  std::vector<double> class_examples(class_count, 0.0);
  std::vector<char> seen(buckets, 0);
  for (const EncodedExample& example : encoded) {
    class_examples[example.label] += 1;
    for (const WeightedFeature& feature : example.features) {
      mass[size_t(feature.bucket) * class_count + example.label] += feature.value;
      class_mass[example.label] += feature.value;
      seen[feature.bucket] = 1;
    }
  }
  double seen_buckets = 0;
  for (char s : seen) seen_buckets += s;
  constexpr double kSmoothing = 0.1;
  std::vector<float> weights(buckets * class_count, 0.0f);
  std::vector<double> row(class_count);
  for (size_t b = 0; b < buckets; ++b) {
    if (!seen[b]) continue;
    double mean = 0;
    for (size_t c = 0; c < class_count; ++c) {
      row[c] = std::log((mass[b * class_count + c] + kSmoothing) /
                        (class_mass[c] + kSmoothing * seen_buckets));
      mean += row[c] / double(class_count);
    }
    for (size_t c = 0; c < class_count; ++c)
      weights[b * class_count + c] = static_cast<float>(row[c] - mean);
  }
  prior->assign(class_count, 0.0);
  double mean = 0;
  for (size_t c = 0; c < class_count; ++c) {
    (*prior)[c] =
        std::log((class_examples[c] + 1) / (double(encoded.size()) + double(class_count)));
    mean += (*prior)[c] / double(class_count);
  }
  for (double& value : *prior) value -= mean;
  return weights;
}

// One SGD fit of the softmax model; returns the averaged weights (before
// feature_scale) and biases.
void FitSgd(const std::vector<EncodedExample>& encoded, const std::vector<float>& feature_scale,
            size_t class_count, const TrainOptions& options, std::vector<double>* weights_out,
            std::vector<double>* bias_out) {
  // Weights are kept as scale * values so the L2 shrink of every weight is
  // one multiplication per step (Bottou's trick for sparse SGD).
  const size_t buckets = feature_scale.size() / class_count;
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

  for (size_t i = 0; i < values.size(); ++i) (*weights_out)[i] = average[i] / averaged_epochs;
  for (size_t c = 0; c < class_count; ++c) (*bias_out)[c] = average_bias[c] / averaged_epochs;
}

// A fitted linear model over the weighted features.
struct LinearParameters {
  std::vector<float> weights;  // bucket-major
  std::vector<float> bias;
};

// Fits the model of `options` (NB scaling, SGD, NB interpolation) to `encoded`.
LinearParameters Fit(const std::vector<EncodedExample>& encoded, size_t buckets, size_t class_count,
                     const TrainOptions& options) {
  const std::vector<float> feature_scale =
      NaiveBayesScale(encoded, buckets, class_count, options.nb_weight);

  std::vector<double> average(buckets * class_count, 0.0);
  std::vector<double> average_bias(class_count, 0.0);
  FitSgd(encoded, feature_scale, class_count, options, &average, &average_bias);

  std::vector<float> weights(average.size());
  for (size_t i = 0; i < average.size(); ++i)
    weights[i] = static_cast<float>(average[i] * feature_scale[i]);
  std::vector<float> bias_out(class_count);
  for (size_t c = 0; c < class_count; ++c) bias_out[c] = static_cast<float>(average_bias[c]);
  if (options.nb_interpolation > 0) {
    std::vector<double> prior;
    const std::vector<float> nb = NaiveBayesWeights(encoded, buckets, class_count, &prior);
    const auto alpha = static_cast<float>(options.nb_interpolation);
    for (size_t i = 0; i < weights.size(); ++i) weights[i] += alpha * nb[i];
    for (size_t c = 0; c < class_count; ++c) bias_out[c] += alpha * static_cast<float>(prior[c]);
  }
  return {std::move(weights), std::move(bias_out)};
}

// How many of `examples` the parameters classify correctly.
size_t CountCorrect(const LinearParameters& parameters, const std::vector<EncodedExample>& examples,
                    size_t class_count) {
  size_t correct = 0;
  std::vector<double> logits(class_count);
  for (const EncodedExample& example : examples) {
    for (size_t c = 0; c < class_count; ++c) logits[c] = parameters.bias[c];
    for (const WeightedFeature& feature : example.features) {
      const float* row = &parameters.weights[size_t(feature.bucket) * class_count];
      for (size_t c = 0; c < class_count; ++c) logits[c] += double(feature.value) * row[c];
    }
    const size_t best = size_t(std::max_element(logits.begin(), logits.end()) - logits.begin());
    if (best == example.label) ++correct;
  }
  return correct;
}

// The l2 and nb_interpolation of the grid with the most correct answers in
// `folds`-fold cross-validation on `encoded` (ties: the earlier setting);
// `best_correct` receives that number.
TrainOptions SelectByCrossValidation(const std::vector<EncodedExample>& encoded, size_t buckets,
                                     size_t class_count, const TrainOptions& options,
                                     size_t* best_correct_out) {
  std::vector<uint32_t> order(encoded.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<uint32_t>(i);
  SplitMix64 random(options.seed ^ 0xc0ffee);
  Shuffle(order, random);
  const size_t folds = size_t(options.cv_folds);
  std::vector<std::vector<EncodedExample>> train(folds), test(folds);
  for (size_t i = 0; i < order.size(); ++i) {
    for (size_t f = 0; f < folds; ++f)
      (i % folds == f ? test : train)[f].push_back(encoded[order[i]]);
  }
  TrainOptions best = options;
  size_t best_correct = 0;
  for (double l2 : {3e-6, 1e-6, 1e-5}) {
    for (double nb_interpolation : {0.0, 0.1, 0.3}) {
      TrainOptions candidate = options;
      candidate.l2 = l2;
      candidate.nb_interpolation = nb_interpolation;
      size_t correct = 0;
      for (size_t f = 0; f < folds; ++f) {
        if (train[f].empty() || test[f].empty()) continue;
        correct +=
            CountCorrect(Fit(train[f], buckets, class_count, candidate), test[f], class_count);
      }
      if (correct > best_correct) {
        best_correct = correct;
        best = candidate;
      }
    }
  }
  *best_correct_out = best_correct;
  return best;
}

// The weighted features of every example under `settings`.
std::vector<EncodedExample> Encode(const std::vector<std::vector<FeatureCount>>& title_counts,
                                   const std::vector<std::vector<FeatureCount>>& body_counts,
                                   const std::vector<uint32_t>& labels,
                                   const std::vector<float>& idf, const FeatureSettings& settings) {
  std::vector<EncodedExample> encoded(labels.size());
  for (size_t i = 0; i < labels.size(); ++i) {
    WeighFeatures(title_counts[i], body_counts[i], idf, settings, &encoded[i].features);
    encoded[i].label = labels[i];
  }
  return encoded;
}

}  // namespace

Result<CategoryModel> TrainCategoryModel(const std::vector<TrainingExample>& examples,
                                         const TrainOptions& options, TrainOptions* selected) {
  if (examples.empty()) return Status::InvalidArgument("no training examples");
  if (options.epochs <= 0 || !(options.l2 > 0) || !(options.learning_rate > 0)) {
    return Status::InvalidArgument("epochs, l2 and learning_rate must be positive");
  }
  if (!(options.nb_weight >= 0 && options.nb_weight <= 1)) {
    return Status::InvalidArgument("nb_weight must be between 0 and 1");
  }
  if (!(options.nb_interpolation >= 0 && options.nb_interpolation <= 100)) {
    return Status::InvalidArgument("nb_interpolation must be between 0 and 100");
  }
  if (options.cv_folds < 0 || options.cv_folds > 20) {
    return Status::InvalidArgument("cv_folds must be between 0 and 20");
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

  std::vector<uint32_t> labels(examples.size());
  for (size_t i = 0; i < examples.size(); ++i) labels[i] = label_index.at(examples[i].label);

  TrainOptions fitted = options;
  if (options.cv_folds >= 2 && examples.size() >= size_t(options.cv_folds)) {
    // The title's weight is chosen too: long articles say their topic in the
    // body (BBC: 0.3 best), short ones lean on the title (AG News: 0.6).
    size_t best_correct = 0;
    for (float title_weight : {0.6f, 0.3f}) {
      TrainOptions candidate = options;
      candidate.features.title_weight = title_weight;
      size_t correct = 0;
      candidate = SelectByCrossValidation(
          Encode(title_counts, body_counts, labels, idf, candidate.features), buckets, class_count,
          candidate, &correct);
      if (correct > best_correct) {
        best_correct = correct;
        fitted = candidate;
      }
    }
  }
  if (selected != nullptr) *selected = fitted;
  const std::vector<EncodedExample> encoded =
      Encode(title_counts, body_counts, labels, idf, fitted.features);
  title_counts = {};
  body_counts = {};
  LinearParameters parameters = Fit(encoded, buckets, class_count, fitted);
  return CategoryModel::FromParameters(fitted.features, std::move(classes), idf, parameters.weights,
                                       parameters.bias);
}

}  // namespace newsloom::analyze
