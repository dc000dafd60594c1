// Training: an averaged structured perceptron (Collins 2002) over the
// features of features.h, decoded with Viterbi under BILOU constraints, with
// document memory fed by the model's own predictions, as at tagging time.
// Deterministic: the same data and options give the same model bytes.
#ifndef NEWSLOOM_NER_TRAINER_H_
#define NEWSLOOM_NER_TRAINER_H_

#include <functional>
#include <string>
#include <vector>

#include "ner/conll.h"
#include "ner/model.h"

namespace newsloom::ner {

struct TrainOptions {
  int epochs = 10;
  float min_weight = 0.05f;  // averaged weights smaller than this are pruned
  uint32_t seed = 1;         // document order shuffling
};

// Entity-level scores, as conlleval counts them.
struct Score {
  int gold = 0;
  int predicted = 0;
  int correct = 0;
  double F1() const {
    return gold + predicted == 0 ? 0.0 : 2.0 * correct / double(gold + predicted);
  }
};

// Called after each epoch with the epoch number (1-based) and the model so far.
using EpochCallback = std::function<void(int epoch, const Model& model)>;

Model TrainModel(const std::vector<ConllDocument>& documents, const Gazetteer& gazetteer,
                 const WordClasses& classes, const TrainOptions& options,
                 const EpochCallback& on_epoch);

// Tags every sentence of `documents` and counts entities against their tags.
Score Evaluate(const Model& model, const std::vector<ConllDocument>& documents);

// Sentences of unlabelled text for word classes: each file is JSON Lines
// (fields "title" and "text"), Reuters SGML (<BODY> elements) or plain text.
Result<std::vector<std::vector<std::string>>> ReadUnlabelledText(const std::string& path);

}  // namespace newsloom::ner

#endif  // NEWSLOOM_NER_TRAINER_H_
