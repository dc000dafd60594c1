#include "cluster/background.h"

#include <algorithm>

#include "cluster/binary_io.h"
#include "common/embedded.h"

NEWSLOOM_DECLARE_EMBEDDED(cluster_idf_model);

namespace newsloom::cluster {

namespace {

constexpr std::string_view kMagic = "NLIDF001";
constexpr size_t kEntryBytes = sizeof(uint64_t) + sizeof(uint32_t);

}  // namespace

Result<DocumentFrequencies> DocumentFrequencies::Parse(std::string_view bytes) {
  if (bytes.substr(0, kMagic.size()) != kMagic) {
    return Status::Corruption("not a newsloom IDF table");
  }
  Reader in(bytes.substr(kMagic.size()));
  DocumentFrequencies table;
  uint64_t count = 0;
  if (!in.Get(table.documents_) || !in.Get(count) || count > in.remaining() / kEntryBytes ||
      count * kEntryBytes != in.remaining()) {
    return Status::Corruption("IDF table: wrong size for its term count");
  }
  table.counts_.reserve(count);
  uint64_t previous = 0;
  for (size_t k = 0; k < count; ++k) {
    uint64_t hash = 0;
    uint32_t frequency = 0;
    in.Get(hash);
    in.Get(frequency);
    if ((k > 0 && hash <= previous) || frequency > table.documents_) {
      return Status::Corruption("IDF table: terms out of order or counted past its documents");
    }
    previous = hash;
    table.counts_.emplace(hash, frequency);
  }
  return table;
}

const DocumentFrequencies& DocumentFrequencies::BuiltIn() {
  static const DocumentFrequencies table = [] {
    auto parsed = Parse(NEWSLOOM_EMBEDDED(cluster_idf_model));
    // A table that does not parse (a test checks the shipped one) leaves the
    // IDF to the stream's own counts.
    return parsed.ok() ? std::move(*parsed) : DocumentFrequencies();
  }();
  return table;
}

std::string DocumentFrequencies::Serialize() const {
  std::vector<std::pair<uint64_t, uint32_t>> entries(counts_.begin(), counts_.end());
  std::sort(entries.begin(), entries.end());
  Writer out;
  out.out().append(kMagic);
  out.Put<uint64_t>(documents_);
  out.Put<uint64_t>(entries.size());
  for (const auto& [hash, frequency] : entries) {
    out.Put<uint64_t>(hash);
    out.Put<uint32_t>(frequency);
  }
  return std::move(out.out());
}

void DocumentFrequencyCounter::Add(const std::vector<WeightedTerm>& terms) {
  if (terms.empty()) return;
  ++documents_;
  for (const WeightedTerm& term : terms) ++counts_[term.hash];
}

DocumentFrequencies DocumentFrequencyCounter::Finish(uint32_t min_documents) const {
  DocumentFrequencies table;
  table.documents_ = documents_;
  for (const auto& [hash, frequency] : counts_) {
    if (frequency >= min_documents) table.counts_.emplace(hash, frequency);
  }
  return table;
}

}  // namespace newsloom::cluster
