#include "ner/trainer.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <unordered_map>

#include "common/strings.h"
#include "ner/tokenizer.h"

namespace newsloom::ner {

namespace {

std::vector<std::string_view> Views(const std::vector<std::string>& words) {
  return std::vector<std::string_view>(words.begin(), words.end());
}

// The weights being learned, with the running sums for averaging.
class Perceptron {
 public:
  // Index of a feature, created on first sight.
  uint32_t Index(uint32_t hash) {
    auto [it, inserted] = index_.try_emplace(hash, uint32_t(hashes_.size()));
    if (inserted) {
      hashes_.push_back(hash);
      weights_.resize(weights_.size() + kLabelCount, 0.0f);
      sums_.resize(sums_.size() + kLabelCount, 0.0);
    }
    return it->second;
  }

  void Scores(const std::vector<uint32_t>& indices, float* scores) const {
    for (uint32_t f : indices) {
      const float* row = &weights_[size_t(f) * kLabelCount];
      for (int y = 0; y < kLabelCount; ++y) scores[y] += row[y];
    }
  }

  void UpdateFeature(uint32_t f, int label, float delta) {
    weights_[size_t(f) * kLabelCount + label] += delta;
    sums_[size_t(f) * kLabelCount + label] += double(step_) * delta;
  }
  void UpdateTransition(int previous, int label, float delta) {
    size_t i = size_t(previous + 1) * kLabelCount + label;
    transitions_[i] += delta;
    transition_sums_[i] += double(step_) * delta;
  }
  void Tick() { ++step_; }

  const std::array<float, (kLabelCount + 1) * kLabelCount>& transitions() const {
    return transitions_;
  }

  DenseWeights Averaged() const {
    DenseWeights dense;
    dense.hashes = hashes_;
    dense.weights.resize(weights_.size());
    for (size_t i = 0; i < weights_.size(); ++i) {
      dense.weights[i] = float(weights_[i] - sums_[i] / double(step_));
    }
    for (size_t i = 0; i < transitions_.size(); ++i) {
      dense.transitions[i] = float(transitions_[i] - transition_sums_[i] / double(step_));
    }
    return dense;
  }

 private:
  std::unordered_map<uint32_t, uint32_t> index_;
  std::vector<uint32_t> hashes_;
  std::vector<float> weights_;
  std::vector<double> sums_;
  std::array<float, (kLabelCount + 1) * kLabelCount> transitions_{};
  std::array<double, (kLabelCount + 1) * kLabelCount> transition_sums_{};
  int64_t step_ = 1;
};

void TrainSentence(const ConllSentence& sentence, const FeatureExtractor& extractor,
                   DocumentMemory& memory, Perceptron& perceptron) {
  std::vector<std::string_view> words = Views(sentence.words);
  std::vector<int> gold = LabelsFromSpans(SpansFromIob(sentence.tags), int(words.size()));
  SentenceFeatures features;
  extractor.Extract(words, &memory, &features);
  const int n = features.size();
  std::vector<std::vector<uint32_t>> indices(n);
  std::vector<float> scores(size_t(n) * kLabelCount, 0.0f);
  for (int t = 0; t < n; ++t) {
    for (uint32_t k = features.starts[t]; k < features.starts[t + 1]; ++k) {
      indices[t].push_back(perceptron.Index(features.hashes[k]));
    }
    perceptron.Scores(indices[t], &scores[size_t(t) * kLabelCount]);
  }
  std::vector<int> predicted = Viterbi(scores, n, perceptron.transitions());
  if (predicted != gold) {
    for (int t = 0; t < n; ++t) {
      if (predicted[t] != gold[t]) {
        for (uint32_t f : indices[t]) {
          perceptron.UpdateFeature(f, gold[t], 1.0f);
          perceptron.UpdateFeature(f, predicted[t], -1.0f);
        }
      }
      int gold_previous = t == 0 ? -1 : gold[t - 1];
      int predicted_previous = t == 0 ? -1 : predicted[t - 1];
      if (gold_previous != predicted_previous || gold[t] != predicted[t]) {
        perceptron.UpdateTransition(gold_previous, gold[t], 1.0f);
        perceptron.UpdateTransition(predicted_previous, predicted[t], -1.0f);
      }
    }
  }
  perceptron.Tick();
  memory.Remember(words, predicted);
}

std::string Unescape(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '&') {
      size_t end = text.find(';', i);
      if (end != std::string_view::npos && end - i <= 6) {
        std::string_view entity = text.substr(i + 1, end - i - 1);
        const char* replacement = entity == "lt"     ? "<"
                                  : entity == "gt"   ? ">"
                                  : entity == "amp"  ? "&"
                                  : entity == "quot" ? "\""
                                                     : " ";
        out += replacement;
        i = end;
        continue;
      }
    }
    out.push_back(text[i]);
  }
  return out;
}

void AddSentences(std::string_view text, std::vector<std::vector<std::string>>& sentences) {
  for (std::string_view line : Split(text, '\n')) {
    for (const Sentence& sentence : TokenizeParagraph(line)) {
      std::vector<std::string> words;
      for (const Token& token : sentence) words.emplace_back(token.text);
      sentences.push_back(std::move(words));
    }
  }
}

}  // namespace

Model TrainModel(const std::vector<ConllDocument>& documents, const Gazetteer& gazetteer,
                 const WordClasses& classes, const TrainOptions& options,
                 const EpochCallback& on_epoch) {
  FeatureExtractor extractor(gazetteer, classes);
  Perceptron perceptron;
  std::vector<size_t> order(documents.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937 random(options.seed);
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    // Fisher-Yates with explicit arithmetic: std::shuffle differs between libraries.
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[random() % i]);
    for (size_t d : order) {
      DocumentMemory memory;
      for (const ConllSentence& sentence : documents[d].sentences) {
        TrainSentence(sentence, extractor, memory, perceptron);
      }
    }
    if (on_epoch && epoch < options.epochs) {
      on_epoch(epoch,
               Model::FromDense(perceptron.Averaged(), options.min_weight, gazetteer, classes));
    }
  }
  Model model = Model::FromDense(perceptron.Averaged(), options.min_weight, gazetteer, classes);
  if (on_epoch) on_epoch(options.epochs, model);
  return model;
}

Score Evaluate(const Model& model, const std::vector<ConllDocument>& documents) {
  FeatureExtractor extractor(model.gazetteer(), model.classes());
  Score score;
  for (const ConllDocument& document : documents) {
    DocumentMemory memory;
    for (const ConllSentence& sentence : document.sentences) {
      std::vector<std::string_view> words = Views(sentence.words);
      SentenceFeatures features;
      extractor.Extract(words, &memory, &features);
      std::vector<int> predicted = model.Decode(features);
      memory.Remember(words, predicted);
      std::vector<Span> gold = SpansFromIob(sentence.tags);
      std::vector<Span> found = SpansFromLabels(predicted);
      score.gold += int(gold.size());
      score.predicted += int(found.size());
      for (const Span& a : found) {
        for (const Span& b : gold) {
          if (a.begin == b.begin && a.end == b.end && a.type == b.type) ++score.correct;
        }
      }
    }
  }
  return score;
}

Result<std::vector<std::vector<std::string>>> ReadUnlabelledText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError("cannot open " + path);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  std::string text = buffer.str();
  std::vector<std::vector<std::string>> sentences;
  if (EndsWithIgnoreCase(path, ".jsonl")) {
    for (std::string_view line : Split(text, '\n')) {
      nlohmann::json record = nlohmann::json::parse(line, nullptr, false);
      if (!record.is_object()) continue;
      for (const char* field : {"title", "text"}) {
        if (record.contains(field) && record[field].is_string()) {
          AddSentences(record[field].get<std::string>(), sentences);
        }
      }
    }
  } else if (EndsWithIgnoreCase(path, ".sgm")) {
    size_t at = 0;
    while ((at = text.find("<BODY>", at)) != std::string::npos) {
      size_t end = text.find("</BODY>", at);
      if (end == std::string::npos) break;
      // Bodies are wrapped at 70 columns: lines are not sentences.
      std::string body = Unescape(std::string_view(text).substr(at + 6, end - at - 6));
      for (char& c : body) {
        if (c == '\n') c = ' ';
      }
      AddSentences(body, sentences);
      at = end;
    }
  } else {
    AddSentences(text, sentences);
  }
  return sentences;
}

}  // namespace newsloom::ner
