// newsloom ner --conll FILE: tags CoNLL-2003 columns, for conlleval scoring.
#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>

#include "cli/commands.h"
#include "ner/conll.h"
#include "ner/labels.h"
#include "ner/tagger.h"

namespace newsloom::cli {

namespace {

struct NerFlags {
  std::string conll;
  std::string model;
};

int RunNer(const NerFlags& flags) {
  Result<std::unique_ptr<ner::Tagger>> tagger =
      flags.model.empty() ? ner::Tagger::FromEmbeddedModel() : ner::Tagger::FromFile(flags.model);
  if (!tagger.ok()) {
    std::fprintf(stderr, "newsloom ner: %s\n", tagger.status().ToString().c_str());
    return kExitInputFailed;
  }
  std::ifstream in(flags.conll, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "newsloom ner: cannot open %s\n", flags.conll.c_str());
    return kExitInputFailed;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  Result<ner::ConllCorpus> corpus = ner::ParseConll(buffer.str(), false);
  if (!corpus.ok()) {
    std::fprintf(stderr, "newsloom ner: %s: %s\n", flags.conll.c_str(),
                 corpus.status().message().c_str());
    return kExitInputFailed;
  }
  std::vector<std::string> tags(corpus->lines.size());
  for (const ner::ConllDocument& document : corpus->documents) {
    std::vector<std::vector<std::string_view>> sentences;
    for (const ner::ConllSentence& sentence : document.sentences) {
      sentences.emplace_back(sentence.words.begin(), sentence.words.end());
    }
    std::vector<std::vector<int>> labels = (*tagger)->TagDocument(sentences);
    for (size_t s = 0; s < sentences.size(); ++s) {
      const ner::ConllSentence& sentence = document.sentences[s];
      std::vector<std::string> iob =
          ner::IobFromSpans(ner::SpansFromLabels(labels[s]), int(sentence.words.size()));
      for (size_t t = 0; t < iob.size(); ++t) tags[sentence.lines[t]] = iob[t];
    }
  }
  std::string out;
  for (size_t i = 0; i < corpus->lines.size(); ++i) {
    out += corpus->lines[i];
    if (!tags[i].empty()) out += " " + tags[i];
    out += '\n';
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}

}  // namespace

Command AddNerCommand(CLI::App& app) {
  auto flags = std::make_shared<NerFlags>();
  CLI::App* command = app.add_subcommand("ner", "Tag names in CoNLL-2003 column files");
  command->footer(
      "Prints every line of FILE back with the predicted tag (IOB2: B-PER, I-ORG, O...)\n"
      "appended as the last column; blank and -DOCSTART- lines are kept as they are, so\n"
      "conlleval-style scorers apply. Sentences of one document inform each other.");
  command->add_option("--conll", flags->conll, "CoNLL file: word first, one token per line")
      ->required();
  command->add_option("--model", flags->model, "Model file (default: the built-in model)");
  return {command, [flags] { return RunNer(*flags); }};
}

}  // namespace newsloom::cli
