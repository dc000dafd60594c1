// newsloom train-ner: trains the named-entity model from CoNLL-2003 data.
#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>

#include "cli/commands.h"
#include "ner/conll.h"
#include "ner/trainer.h"

namespace newsloom::cli {

namespace {

struct TrainNerFlags {
  std::string train;
  std::string gazetteers;
  std::string out;
  std::vector<std::string> unlabelled;
  std::string dev;
  double heldout = 0;
  int epochs = 10;
  int classes = 0;
  int class_min_count = 5;
  float min_weight = 0.05f;
};

Result<ner::ConllCorpus> ReadConll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError("cannot open " + path);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return ner::ParseConll(buffer.str(), true);
}

int Fail(const std::string& message) {
  std::fprintf(stderr, "newsloom train-ner: %s\n", message.c_str());
  return kExitInputFailed;
}

int RunTrainNer(const TrainNerFlags& flags) {
  Result<ner::ConllCorpus> corpus = ReadConll(flags.train);
  if (!corpus.ok()) return Fail(flags.train + ": " + corpus.status().message());
  Result<ner::Gazetteer> gazetteer = ner::LoadGazetteerFiles(flags.gazetteers);
  if (!gazetteer.ok()) return Fail(gazetteer.status().ToString());
  std::vector<ner::ConllDocument> documents = std::move(corpus->documents);
  // The last documents held out, to choose epochs and options on.
  std::vector<ner::ConllDocument> heldout;
  size_t keep = documents.size() - size_t(double(documents.size()) * flags.heldout);
  heldout.assign(std::make_move_iterator(documents.begin() + keep),
                 std::make_move_iterator(documents.end()));
  documents.resize(keep);
  std::vector<ner::ConllDocument> dev;
  if (!flags.dev.empty()) {
    Result<ner::ConllCorpus> dev_corpus = ReadConll(flags.dev);
    if (!dev_corpus.ok()) return Fail(flags.dev + ": " + dev_corpus.status().message());
    dev = std::move(dev_corpus->documents);
  }
  ner::WordClasses classes;
  if (flags.classes > 0) {
    std::vector<std::vector<std::string>> sentences;
    for (const ner::ConllDocument& document : documents) {
      for (const ner::ConllSentence& sentence : document.sentences) {
        sentences.push_back(sentence.words);
      }
    }
    for (const std::string& path : flags.unlabelled) {
      auto more = ner::ReadUnlabelledText(path);
      if (!more.ok()) return Fail(more.status().ToString());
      sentences.insert(sentences.end(), more->begin(), more->end());
    }
    classes = ner::LearnWordClasses(sentences, flags.classes, flags.class_min_count, 8);
    std::fprintf(stderr, "word classes: %zu words from %zu sentences\n", classes.size(),
                 sentences.size());
  }
  ner::TrainOptions options;
  options.epochs = flags.epochs;
  options.min_weight = flags.min_weight;
  auto report = [&](int epoch, const ner::Model& model) {
    std::string line = "epoch " + std::to_string(epoch) + ": " +
                       std::to_string(model.feature_count()) + " features";
    char figure[64];
    if (!heldout.empty()) {
      std::snprintf(figure, sizeof(figure), ", held-out F1=%.4f",
                    ner::Evaluate(model, heldout).F1());
      line += figure;
    }
    if (!dev.empty()) {
      std::snprintf(figure, sizeof(figure), ", dev F1=%.4f", ner::Evaluate(model, dev).F1());
      line += figure;
    }
    std::fprintf(stderr, "%s\n", line.c_str());
  };
  ner::Model model = ner::TrainModel(documents, *gazetteer, classes, options, report);
  std::string bytes = model.Serialize();
  std::ofstream out(flags.out, std::ios::binary);
  out.write(bytes.data(), std::streamsize(bytes.size()));
  if (!out) return Fail("cannot write " + flags.out);
  std::fprintf(stderr, "wrote %s: %zu bytes\n", flags.out.c_str(), bytes.size());
  return 0;
}

}  // namespace

Command AddTrainNerCommand(CLI::App& app) {
  auto flags = std::make_shared<TrainNerFlags>();
  CLI::App* command = app.add_subcommand("train-ner", "Train the named-entity model");
  command->footer(
      "Trains an averaged perceptron on CoNLL-2003 data (word first, IOB tag last) with\n"
      "gazetteer features from DIR (countries.json, cities15000.zip) and, with --classes,\n"
      "word classes learned from --unlabelled text (.jsonl, Reuters .sgm, plain text).\n"
      "The same inputs and flags always give the same model bytes.");
  command->add_option("--train", flags->train, "CoNLL training file")->required();
  command->add_option("--gazetteers", flags->gazetteers, "Gazetteer directory")->required();
  command->add_option("--out", flags->out, "Model file to write")->required();
  command->add_option("--unlabelled", flags->unlabelled, "Unlabelled text files for classes");
  command->add_option("--classes", flags->classes, "Word classes to learn (0: none)");
  command->add_option("--class-min-count", flags->class_min_count,
                      "Occurrences a word needs to get a class");
  command->add_option("--epochs", flags->epochs, "Training passes");
  command->add_option("--min-weight", flags->min_weight, "Prune weights smaller than this");
  command->add_option("--heldout", flags->heldout,
                      "Fraction of training documents held out and scored each epoch");
  command->add_option("--dev", flags->dev, "CoNLL file scored after each epoch");
  return {command, [flags] { return RunTrainNer(*flags); }};
}

}  // namespace newsloom::cli
