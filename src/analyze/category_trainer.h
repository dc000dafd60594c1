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
  double l2 = 3e-6;          // regularisation strength (per example)
  double learning_rate = 5;  // initial step; decays as 1 / (1 + l2 * rate * step)
  uint64_t seed = 1;         // of the shuffle
  // NBSVM-style scaling (Wang & Manning 2012): during training, feature f's
  // input to class c is multiplied by (1 - nb_weight) + nb_weight * |r[f][c]| /
  // mean |r|, where r is the one-vs-rest naive Bayes log-count ratio. The L2
  // penalty then falls hardest on words that do not tell the class apart. The
  // stored weights absorb the scale, so prediction is unchanged. 0 turns it off.
  // The defaults (nb_weight 0.5, l2 3e-6) were chosen by 5-fold cross-validation
  // on the training parts of BBC and AG News and on the contest training data.
  double nb_weight = 0.5;
  // Adds this multiple of a multinomial naive Bayes model's weights (over
  // the same features) to the trained ones: an ensemble at no cost per
  // prediction, since both are linear in the features. 0 turns it off.
  double nb_interpolation = 0;
  // When 2 or more: l2, nb_interpolation and features.title_weight are chosen
  // from a small grid by cv_folds-fold cross-validation on the training
  // examples (accuracy), and the values given here are ignored. 0 turns
  // selection off.
  int cv_folds = 0;
};

// Trains on `examples`. InvalidArgument when there are none, or fewer than
// two distinct labels, or a label is empty. Classes are the labels in sorted
// order. `selected`, when given, receives the options the model was fitted
// with (those chosen by cross-validation when cv_folds is set).
Result<CategoryModel> TrainCategoryModel(const std::vector<TrainingExample>& examples,
                                         const TrainOptions& options,
                                         TrainOptions* selected = nullptr);

}  // namespace newsloom::analyze

#endif  // NEWSLOOM_ANALYZE_CATEGORY_TRAINER_H_
