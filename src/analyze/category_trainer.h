// Training of a CategoryModel from labelled texts: multinomial logistic
// regression fitted by stochastic gradient descent with L2 regularisation,
// over the features of text_features.h with IDF from the training texts.
//
// Deterministic: the same examples and options give the same model bytes
// (one thread, a fixed-seed shuffle). Thread-compatible.
#ifndef NEWSLOOM_ANALYZE_CATEGORY_TRAINER_H_
#define NEWSLOOM_ANALYZE_CATEGORY_TRAINER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "analyze/category_model.h"
#include "analyze/text_features.h"
#include "newsloom/status.h"

namespace newsloom::analyze {

struct TrainingExample {
  std::string title;
  std::string text;
  std::string label;
};

struct TrainOptions {
  FeatureSettings features;
  int epochs = 30;           // passes over the shuffled examples
  double l2 = 1e-5;          // regularisation strength (per example)
  double learning_rate = 5;  // initial step; decays as 1 / (1 + l2 * rate * step)
  uint64_t seed = 1;         // of the shuffle
};

// Trains on `examples`. InvalidArgument when there are none, or fewer than
// two distinct labels, or a label is empty. Classes are the labels in sorted order.
Result<CategoryModel> TrainCategoryModel(const std::vector<TrainingExample>& examples,
                                         const TrainOptions& options);

}  // namespace newsloom::analyze

#endif  // NEWSLOOM_ANALYZE_CATEGORY_TRAINER_H_
