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

// One-vs-rest linear SVMs with the squared hinge loss, fitted by dual
// coordinate descent (Hsieh, Chang, Lin, Keerthi and Sundararajan 2008):
// class c's problem sees each feature times its column of feature_scale, and
// a constant feature of 1 gives its bias. Writes the weights (before
// feature_scale, bucket-major) and biases.
void FitSquaredHinge(const std::vector<EncodedExample>& encoded,
                     const std::vector<float>& feature_scale, size_t class_count,
                     const TrainOptions& options, std::vector<double>* weights_out,
                     std::vector<double>* bias_out) {
  constexpr int kMaxPasses = 200;
  // Stop when no coordinate's projected gradient exceeds this.
  constexpr double kTolerance = 0.01;
  const size_t buckets = feature_scale.size() / class_count;
  const size_t count = encoded.size();
  // The squared hinge's dual: a diagonal of 1 / (2 cost), no upper bound.
  const double diagonal = 0.5 / options.cost;
  std::vector<double> weights(buckets);
  std::vector<double> alpha(count);
  std::vector<double> curvature(count);
  std::vector<uint32_t> order(count);
  for (size_t c = 0; c < class_count; ++c) {
    auto input = [&](const WeightedFeature& feature) {
      return double(feature.value) * feature_scale[size_t(feature.bucket) * class_count + c];
    };
    std::fill(weights.begin(), weights.end(), 0.0);
    std::fill(alpha.begin(), alpha.end(), 0.0);
    double bias = 0;
    for (size_t i = 0; i < count; ++i) {
      double squared_norm = 1.0;  // the bias feature
      for (const WeightedFeature& feature : encoded[i].features)
        squared_norm += input(feature) * input(feature);
      curvature[i] = squared_norm + diagonal;
      order[i] = static_cast<uint32_t>(i);
    }
    SplitMix64 random(options.seed + c);
    for (int pass = 0; pass < kMaxPasses; ++pass) {
      Shuffle(order, random);
      double largest_gradient = 0;
      for (uint32_t i : order) {
        const EncodedExample& example = encoded[i];
        const double sign = example.label == c ? 1.0 : -1.0;
        double margin = bias;
        for (const WeightedFeature& feature : example.features)
          margin += weights[feature.bucket] * input(feature);
        const double gradient = sign * margin - 1 + diagonal * alpha[i];
        // Projected onto alpha >= 0.
        const double projected = alpha[i] == 0 ? std::min(gradient, 0.0) : gradient;
        if (projected == 0) continue;
        largest_gradient = std::max(largest_gradient, std::fabs(projected));
        const double previous = alpha[i];
        alpha[i] = std::max(previous - gradient / curvature[i], 0.0);
        const double step = (alpha[i] - previous) * sign;
        for (const WeightedFeature& feature : example.features)
          weights[feature.bucket] += step * input(feature);
        bias += step;
      }
      if (largest_gradient < kTolerance) break;
    }
    for (size_t b = 0; b < buckets; ++b) (*weights_out)[b * class_count + c] = weights[b];
    (*bias_out)[c] = bias;
  }
}

// A fitted linear model over the weighted features.
struct LinearParameters {
  std::vector<float> weights;  // bucket-major
  std::vector<float> bias;
};

// Fits the model of `options` (NB scaling, SGD or SVMs, NB interpolation) to `encoded`.
LinearParameters Fit(const std::vector<EncodedExample>& encoded, size_t buckets, size_t class_count,
                     const TrainOptions& options) {
  const std::vector<float> feature_scale =
      NaiveBayesScale(encoded, buckets, class_count, options.nb_weight);

  std::vector<double> average(buckets * class_count, 0.0);
  std::vector<double> average_bias(class_count, 0.0);
  if (options.loss == Loss::kSquaredHinge) {
    FitSquaredHinge(encoded, feature_scale, class_count, options, &average, &average_bias);
  } else {
    FitSgd(encoded, feature_scale, class_count, options, &average, &average_bias);
  }

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

// The parameters' logits for one example, written to `logits` (one per class).
void Logits(const LinearParameters& parameters, const EncodedExample& example, size_t class_count,
            double* logits) {
  for (size_t c = 0; c < class_count; ++c) logits[c] = parameters.bias[c];
  for (const WeightedFeature& feature : example.features) {
    const float* row = &parameters.weights[size_t(feature.bucket) * class_count];
    for (size_t c = 0; c < class_count; ++c) logits[c] += double(feature.value) * row[c];
  }
}

// The outcome of cross-validating one setting.
struct CrossValidation {
  TrainOptions options;
  size_t correct = 0;  // out-of-fold answers that were right
  // Out-of-fold logits, class_count per example, in the examples' order.
  std::vector<double> logits;
};

// Cross-validates every setting of the grid (regularisation by loss, then
// nb_interpolation) in `folds`-fold cross-validation on `encoded` and returns
// the one with the most correct answers (ties: the earlier setting).
CrossValidation SelectByCrossValidation(const std::vector<EncodedExample>& encoded, size_t buckets,
                                        size_t class_count, const TrainOptions& options) {
  std::vector<uint32_t> order(encoded.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<uint32_t>(i);
  SplitMix64 random(options.seed ^ 0xc0ffee);
  Shuffle(order, random);
  const size_t folds = size_t(options.cv_folds);
  std::vector<std::vector<EncodedExample>> train(folds);
  std::vector<std::vector<uint32_t>> test(folds);
  for (size_t i = 0; i < order.size(); ++i) {
    for (size_t f = 0; f < folds; ++f) {
      if (i % folds == f) {
        test[f].push_back(order[i]);
      } else {
        train[f].push_back(encoded[order[i]]);
      }
    }
  }
  // The first value of each list is the default's neighbourhood: ties keep it.
  const bool svm = options.loss == Loss::kSquaredHinge;
  const std::vector<double> strengths =
      svm ? std::vector<double>{0.3, 1.0, 0.1} : std::vector<double>{3e-6, 1e-6, 1e-5};
  CrossValidation best;
  best.options = options;
  bool have_best = false;
  CrossValidation candidate;
  for (double strength : strengths) {
    for (double nb_interpolation : {0.0, 0.1, 0.3}) {
      candidate.options = options;
      (svm ? candidate.options.cost : candidate.options.l2) = strength;
      candidate.options.nb_interpolation = nb_interpolation;
      candidate.correct = 0;
      candidate.logits.assign(encoded.size() * class_count, 0.0);
      for (size_t f = 0; f < folds; ++f) {
        if (train[f].empty() || test[f].empty()) continue;
        const LinearParameters parameters = Fit(train[f], buckets, class_count, candidate.options);
        for (uint32_t index : test[f]) {
          double* logits = &candidate.logits[size_t(index) * class_count];
          Logits(parameters, encoded[index], class_count, logits);
          if (size_t(std::max_element(logits, logits + class_count) - logits) ==
              encoded[index].label) {
            ++candidate.correct;
          }
        }
      }
      if (!have_best || candidate.correct > best.correct) {
        std::swap(best, candidate);
        have_best = true;
      }
    }
  }
  return best;
}

// The scale s maximising the likelihood of the labels under
// softmax(s * logits) (logits: class_count per example), searched in
// [1/64, 64] on a log scale; the log-likelihood is concave in s.
double FitLogitScale(const std::vector<double>& logits, const std::vector<EncodedExample>& encoded,
                     size_t class_count) {
  auto log_likelihood = [&](double scale) {
    double total = 0;
    for (size_t i = 0; i < encoded.size(); ++i) {
      const double* row = &logits[i * class_count];
      const double top = *std::max_element(row, row + class_count);
      double sum = 0;
      for (size_t c = 0; c < class_count; ++c) sum += std::exp(scale * (row[c] - top));
      total += scale * (row[encoded[i].label] - top) - std::log(sum);
    }
    return total;
  };
  // Golden-section search on log2(scale).
  constexpr double kRatio = 0.6180339887498949;
  double low = -6;
  double high = 6;
  double left = high - kRatio * (high - low);
  double right = low + kRatio * (high - low);
  double left_value = log_likelihood(std::exp2(left));
  double right_value = log_likelihood(std::exp2(right));
  for (int step = 0; step < 40; ++step) {
    if (left_value >= right_value) {
      high = right;
      right = left;
      right_value = left_value;
      left = high - kRatio * (high - low);
      left_value = log_likelihood(std::exp2(left));
    } else {
      low = left;
      left = right;
      left_value = right_value;
      right = low + kRatio * (high - low);
      right_value = log_likelihood(std::exp2(right));
    }
  }
  return std::exp2((low + high) / 2);
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
                                         const TrainOptions& options, TrainReport* report) {
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
  if (!(options.cost > 0 && options.cost <= 1e6) ||
      !(options.logit_scale > 0 && options.logit_scale <= 1e3)) {
    return Status::InvalidArgument("cost and logit_scale must be positive");
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
  double cv_accuracy = -1;
  if (options.cv_folds >= 2 && examples.size() >= size_t(options.cv_folds)) {
    // The title's weight is chosen too: long articles say their topic in the
    // body (BBC: 0.3 best), short ones lean on the title (AG News: 0.6).
    CrossValidation best;
    bool have_best = false;
    std::vector<EncodedExample> best_encoded;
    for (float title_weight : {0.6f, 0.3f}) {
      TrainOptions candidate = options;
      candidate.features.title_weight = title_weight;
      std::vector<EncodedExample> encoded =
          Encode(title_counts, body_counts, labels, idf, candidate.features);
      CrossValidation result = SelectByCrossValidation(encoded, buckets, class_count, candidate);
      if (!have_best || result.correct > best.correct) {
        best = std::move(result);
        best_encoded = std::move(encoded);
        have_best = true;
      }
    }
    fitted = best.options;
    cv_accuracy = double(best.correct) / double(examples.size());
    if (fitted.loss == Loss::kSquaredHinge) {
      fitted.logit_scale = FitLogitScale(best.logits, best_encoded, class_count);
    }
  }
  if (report != nullptr) {
    report->options = fitted;
    report->cv_accuracy = cv_accuracy;
  }
  const std::vector<EncodedExample> encoded =
      Encode(title_counts, body_counts, labels, idf, fitted.features);
  title_counts = {};
  body_counts = {};
  LinearParameters parameters = Fit(encoded, buckets, class_count, fitted);
  if (fitted.loss == Loss::kSquaredHinge) {
    // SVM margins are not log-odds: the fitted scale makes them so.
    const auto scale = static_cast<float>(fitted.logit_scale);
    for (float& weight : parameters.weights) weight *= scale;
    for (float& bias : parameters.bias) bias *= scale;
  }
  return CategoryModel::FromParameters(fitted.features, std::move(classes), idf, parameters.weights,
                                       parameters.bias);
}

}  // namespace newsloom::analyze
