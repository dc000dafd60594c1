// Training of a CategoryModel from labelled texts over the features of
// text_features.h with IDF from the training texts: multinomial logistic
// regression fitted by stochastic gradient descent with L2 regularisation, or
// one-vs-rest linear SVMs (squared hinge loss) fitted by dual coordinate
// descent, whose margins a fitted scale turns into probabilities.
//
// Deterministic: the same examples and options give the same model bytes
// (one thread, a fixed-seed shuffle). Thread-compatible.
//
// Measured without gain against these features and defaults (5-fold
// cross-validation on the training parts of BBC and AG News, then the
// classify gate; the CLI's defaults): hashed character 3-5 or 4-6 byte
// n-grams of "<word>" as a third, separately normalised block (weights 0.3
// to 1.0, 18 or 20 hash bits, of body and title words or of the title's
// alone); a block of the body's first 40 words; a minimum document
// frequency of 2; 4- or 6-byte word prefixes instead of 5; the L1 hinge loss;
// an 8-bit weight scale clipped at the 99.9th percentile. Quantising the
// weights to 8 bits costs about 0.001 of AG News accuracy in cross-validation.
// Also without gain (issue 3, 5-fold cross-validation on the gate's training
// parts, CLI defaults otherwise; baseline BBC 0.9768, AG News 0.8896):
// an ensemble of the SVMs and the softmax model summed into one linear model
// (SVM margins + softmax logits / 2, 4 or 8: BBC 0.9753, AG 0.8876-0.8893);
// a title weight of 1.0 added to the cross-validated grid (never chosen);
// binary or square-root term frequency instead of 1 + ln (BBC 0.9761 / 0.9768,
// AG 0.8880 / 0.8884); a dual tolerance of 0.001 (same models); and outside
// knowledge from 6.0M words of unlabelled text in ../shared/data (Reuters-
// 21578, CoNLL-2003, Giveme5W1H, ECB+, WikiRef220, WCXB and Scrapinghub page
// texts): a block of the sum of the words' PPMI context vectors (2,000
// context words, window 8 or 15, top 24 or 100 contexts per word, 20-30k
// words), its weights folded back into the unigrams' after training, at
// block weights 0.1 to 2: BBC 0.9645-0.9768, AG 0.8798-0.8907; the best AG
// figure (0.8907, weight 0.5, top 24) came with BBC 0.9761.
// Also without gain (issue 3, the same baseline; "CV" is the trainer's
// reported 5-fold figure on the gate's training parts, "gate" the held-out
// parts, whose baseline is BBC 0.9815 = 372/379, AG News 0.8940 = 1029/1151):
// nb_weight 1.0, 0.75 or 0.25 instead of 0.5 (CV BBC 0.9761 / 0.9753 / 0.9753,
// AG 0.8884 / 0.8898 / 0.8869; gate BBC 0.9789 / 0.9789 / 0.9815, AG 0.8905 /
// 0.8914 / 0.8931); 20 hash bits (CV 0.9753 / 0.8904, gate 0.9736 / 0.8940);
// word trigrams in both blocks (CV 0.9761 / 0.8831, gate 0.9815 / 0.8897);
// bigrams of consecutive words outside a 70-word stop list, skipping the
// stop words, as extra features (CV 0.9775 / 0.8880, gate 0.9815 / 0.8905);
// Wang and Manning's interpolation of each class's weights towards their mean
// magnitude, beta 0.5 or 0.8 (CV BBC 0.9717 / 0.9768, AG 0.8884 / 0.8887; gate
// BBC 0.9815 / 0.9789, AG 0.8888 / 0.8923); complement naive Bayes weights
// instead of multinomial ones for nb_interpolation (CV 0.9768 / 0.8887, gate
// 0.9815 / 0.8931); IDF to the power 0.5 or 1.5 (CV BBC 0.9761 / 0.9746, AG
// 0.8871 / 0.8878; gate BBC 0.9815 / 0.9789, AG 0.8905 / 0.8949); the final
// weights averaged with the five cross-validation fold models' (gate 0.9815 /
// 0.8905); per-class bias offsets fitted to the out-of-fold margins by maximum
// likelihood under the fitted logit scale (gate 0.9763 / 0.8888); costs 3 and
// 0.03, or title weights 0.15, 0.45 and 0.8, added to the grids (never
// chosen: same models). The gate's BBC errors (McDonald's sponsoring an MTV
// show, pensions policy, an EU fraud clampdown, video-gaming tournaments) sit
// between two labels; most AG errors are Business against Sci/Tech.
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

// The model fitted to the weighted features.
enum class Loss {
  kLogistic,      // multinomial logistic regression by SGD: epochs, l2, learning_rate
  kSquaredHinge,  // one-vs-rest L2-regularised linear SVMs by dual coordinate descent: cost
};

struct TrainOptions {
  FeatureSettings features;
  Loss loss = Loss::kLogistic;
  int epochs = 30;           // passes over the shuffled examples
  double l2 = 3e-6;          // regularisation strength (per example)
  double learning_rate = 5;  // initial step; decays as 1 / (1 + l2 * rate * step)
  uint64_t seed = 1;         // of the shuffle
  // kSquaredHinge: each class's SVM minimises |w|^2 / 2 + cost * sum of
  // squared hinge losses (liblinear's C; the bias is a weight like the others).
  double cost = 0.3;
  // kSquaredHinge: class probabilities are softmax(logit_scale * margin).
  // With cross-validation (cv_folds >= 2) the scale is fitted to the
  // out-of-fold margins by maximum likelihood and this value is ignored; the
  // default lies between what that fit gives on BBC (7.5) and AG News (2.9).
  double logit_scale = 4;
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
  // When 2 or more: the regularisation (l2 for kLogistic, cost for
  // kSquaredHinge), nb_interpolation and features.title_weight are chosen
  // from a small grid by cv_folds-fold cross-validation on the training
  // examples (accuracy), and the values given here are ignored. 0 turns
  // selection off.
  int cv_folds = 0;
};

// What training chose and measured.
struct TrainReport {
  TrainOptions options;     // those the model was fitted with
  double cv_accuracy = -1;  // of those options in cross-validation; -1 without it
};

// Trains on `examples`. InvalidArgument when there are none, or fewer than
// two distinct labels, or a label is empty. Classes are the labels in sorted
// order. `report`, when given, receives the options the model was fitted
// with (those chosen by cross-validation when cv_folds is set).
Result<CategoryModel> TrainCategoryModel(const std::vector<TrainingExample>& examples,
                                         const TrainOptions& options,
                                         TrainReport* report = nullptr);

}  // namespace newsloom::analyze

#endif  // NEWSLOOM_ANALYZE_CATEGORY_TRAINER_H_
