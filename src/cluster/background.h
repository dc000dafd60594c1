// Background document frequencies: how many articles of a general news corpus
// hold each term, so that a term's IDF is sound from the first article on
// rather than only after the stream has seen thousands. The clusterer adds
// them to the frequencies it counts itself.
//
// The built-in table (data/models/cluster_idf.model) is counted by
// scripts/train_idf_model.sh with `newsloom train-idf` over English newswire
// (BBC, AG News, Reuters-21578); terms of other languages simply miss it.
#ifndef NEWSLOOM_CLUSTER_BACKGROUND_H_
#define NEWSLOOM_CLUSTER_BACKGROUND_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "cluster/terms.h"
#include "newsloom/status.h"

namespace newsloom::cluster {

class DocumentFrequencies {
 public:
  DocumentFrequencies() = default;

  // Parses a table written by Serialize; Corruption on malformed bytes.
  static Result<DocumentFrequencies> Parse(std::string_view bytes);
  // The table linked into the binary.
  static const DocumentFrequencies& BuiltIn();

  uint64_t documents() const { return documents_; }
  size_t size() const { return counts_.size(); }
  // Articles that hold the term with this hash (0 when unknown).
  uint32_t Of(uint64_t term_hash) const {
    auto found = counts_.find(term_hash);
    return found == counts_.end() ? 0 : found->second;
  }

  // Little-endian: magic, documents, count, then (hash, frequency) pairs in
  // hash order, so equal tables give equal bytes.
  std::string Serialize() const;

 private:
  friend class DocumentFrequencyCounter;
  uint64_t documents_ = 0;
  std::unordered_map<uint64_t, uint32_t> counts_;
};

// Counts the terms of a corpus, article by article.
class DocumentFrequencyCounter {
 public:
  void Add(const std::vector<WeightedTerm>& terms);
  // The table, without terms seen in fewer than `min_documents` articles
  // (rare terms get the IDF of an unseen one anyway, and cost space).
  DocumentFrequencies Finish(uint32_t min_documents) const;

 private:
  uint64_t documents_ = 0;
  std::unordered_map<uint64_t, uint32_t> counts_;
};

}  // namespace newsloom::cluster

#endif  // NEWSLOOM_CLUSTER_BACKGROUND_H_
