// The tagger's model: feature weights per label, label transition weights,
// and the gazetteer and word classes the features need, in one file.
//
// File layout (little-endian): "NLNER\0\0\1", u32 feature count, then per
// feature u32 hash, u8 entry count, entries of (u8 label, i16 weight);
// f32 weight scale; f32 transitions[(kLabelCount + 1) * kLabelCount]; the
// gazetteer; the word classes; u32 FNV checksum of everything before it.
//
// Immutable after loading; const methods are thread-safe.
#ifndef NEWSLOOM_NER_MODEL_H_
#define NEWSLOOM_NER_MODEL_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ner/features.h"
#include "ner/gazetteer.h"
#include "ner/labels.h"
#include "ner/word_classes.h"
#include "newsloom/status.h"

namespace newsloom::ner {

// Dense weights as training produces them, before pruning and quantising.
struct DenseWeights {
  std::vector<uint32_t> hashes;                                      // one per feature
  std::vector<float> weights;                                        // hashes.size() * kLabelCount
  std::array<float, (kLabelCount + 1) * kLabelCount> transitions{};  // [previous + 1][label]
};

class Model {
 public:
  // Prunes weights below `min_weight` in magnitude, quantises the rest.
  static Model FromDense(const DenseWeights& dense, float min_weight, Gazetteer gazetteer,
                         WordClasses classes);
  static Result<Model> Parse(std::string_view bytes);
  std::string Serialize() const;

  // Adds the weights of every feature in [begin, end) to scores[kLabelCount].
  void Score(const uint32_t* begin, const uint32_t* end, float* scores) const;
  // Best label sequence under the BILOU constraints (Viterbi).
  std::vector<int> Decode(const SentenceFeatures& features) const;

  const Gazetteer& gazetteer() const { return gazetteer_; }
  const WordClasses& classes() const { return classes_; }
  size_t feature_count() const { return keys_.size(); }

 private:
  void BuildIndex();

  std::vector<uint32_t> keys_;    // sorted feature hashes
  std::vector<uint32_t> starts_;  // keys_.size() + 1 offsets into entries
  std::vector<uint8_t> labels_;   // entry label
  std::vector<int16_t> values_;   // entry weight / scale_
  float scale_ = 1.0f;
  std::array<float, (kLabelCount + 1) * kLabelCount> transitions_{};
  Gazetteer gazetteer_;
  WordClasses classes_;
  // The lookup index, laid out so a feature costs two cache lines: an
  // open-addressing slot holding the key and where its weights are, and
  // the weights themselves.
  struct Slot {
    uint32_t key = 0;
    uint32_t begin = 0;  // into weights_
    uint16_t count = 0;
    uint16_t used = 0;
  };
  struct Weight {
    uint16_t label;
    int16_t value;
  };
  std::vector<Slot> slots_;
  std::vector<Weight> weights_;
};

// The checksum that ends a model file, over the bytes before it.
uint32_t ModelChecksum(std::string_view bytes);

// Viterbi over per-token label scores (`scores` holds n * kLabelCount) and
// the transitions, honouring the BILOU constraints.
std::vector<int> Viterbi(const std::vector<float>& scores, int n,
                         const std::array<float, (kLabelCount + 1) * kLabelCount>& transitions);

}  // namespace newsloom::ner

#endif  // NEWSLOOM_NER_MODEL_H_
