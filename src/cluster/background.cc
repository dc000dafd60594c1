#include "cluster/background.h"

#include <algorithm>
#include <cstring>

#include "common/embedded.h"

NEWSLOOM_DECLARE_EMBEDDED(cluster_idf_model);

namespace newsloom::cluster {

namespace {

constexpr std::string_view kMagic = "NLIDF001";
constexpr size_t kEntryBytes = sizeof(uint64_t) + sizeof(uint32_t);

template <typename T>
void Put(std::string& out, T value) {
  char bytes[sizeof(T)];
  std::memcpy(bytes, &value, sizeof(T));
  out.append(bytes, sizeof(T));
}

template <typename T>
T Get(std::string_view bytes, size_t at) {
  T value;
  std::memcpy(&value, bytes.data() + at, sizeof(T));
  return value;
}

}  // namespace

Result<DocumentFrequencies> DocumentFrequencies::Parse(std::string_view bytes) {
  const size_t header = kMagic.size() + sizeof(uint64_t) + sizeof(uint64_t);
  if (bytes.size() < header || bytes.substr(0, kMagic.size()) != kMagic) {
    return Status::Corruption("not a newsloom IDF table");
  }
  DocumentFrequencies table;
  table.documents_ = Get<uint64_t>(bytes, kMagic.size());
  const auto count = Get<uint64_t>(bytes, kMagic.size() + sizeof(uint64_t));
  if (count > (bytes.size() - header) / kEntryBytes ||
      bytes.size() != header + count * kEntryBytes) {
    return Status::Corruption("IDF table: wrong size for its term count");
  }
  table.counts_.reserve(count);
  uint64_t previous = 0;
  for (size_t k = 0; k < count; ++k) {
    const size_t at = header + k * kEntryBytes;
    const auto hash = Get<uint64_t>(bytes, at);
    const auto frequency = Get<uint32_t>(bytes, at + sizeof(uint64_t));
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
    // The build links a table it checked; an empty one only weakens early IDF.
    return parsed.ok() ? std::move(*parsed) : DocumentFrequencies();
  }();
  return table;
}

std::string DocumentFrequencies::Serialize() const {
  std::vector<std::pair<uint64_t, uint32_t>> entries(counts_.begin(), counts_.end());
  std::sort(entries.begin(), entries.end());
  std::string out(kMagic);
  Put<uint64_t>(out, documents_);
  Put<uint64_t>(out, entries.size());
  for (const auto& [hash, frequency] : entries) {
    Put<uint64_t>(out, hash);
    Put<uint32_t>(out, frequency);
  }
  return out;
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
