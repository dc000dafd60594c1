// The dedup stage: exact and near-duplicate articles.
//
// Exact duplicates have the same words once whitespace, ASCII case and
// punctuation are normalised. Near-duplicates are the same story lightly
// edited (a paragraph cut, boilerplate lines added, a few words changed):
// their word-shingle sets have an estimated Jaccard similarity of at least
// DedupOptions::min_similarity. Candidates come from MinHash LSH band tables
// (10 bands of 3 values), so an Add costs O(1) expected time however many
// articles are stored, and every candidate is verified on its sketch before
// it is declared a duplicate. Only the paragraphs count: a changed headline
// does not hide a copy.
#ifndef NEWSLOOM_DEDUP_DEDUP_H_
#define NEWSLOOM_DEDUP_DEDUP_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "newsloom/article.h"

namespace newsloom::dedup {

// The 64-bit SimHash of the article's word shingles (3 words, normalised as
// for exact duplicates), for Article::signature. 0 when the text has no word.
// Thread-safe.
uint64_t Signature(const Article& article);

struct DedupOptions {
  // Estimated Jaccard similarity of the shingle sets from which two texts are
  // near-duplicates. Default 0.5, chosen on the edited-copy dev split (see
  // dedup_shared_data_test.cc); lower finds more rewrites and more false pairs.
  double min_similarity = 0.5;
  // Texts with fewer words are matched exactly only: a sketch of a few
  // shingles says little. Default 25 words.
  int min_words = 25;
};

// What an article duplicates.
struct Match {
  enum class Kind { kExact, kNear };
  Kind kind = Kind::kExact;
  std::string canonical_id;  // the first-seen article of the group still stored
  std::string matched_id;    // the stored article it was found through (may itself be a duplicate)
  double similarity = 1;     // 1 for exact; the estimated Jaccard similarity for near
};

// An index of the articles added so far. Each stored article costs about
// 165 bytes with short ids (sketch, hashes, id, table slots): 158 MiB for
// 1.02M articles in bench/dedup_bench.cc.
// Not thread-safe: one thread at a time (the engine owns it).
class Deduplicator {
 public:
  explicit Deduplicator(DedupOptions options = {});
  ~Deduplicator();
  Deduplicator(const Deduplicator&) = delete;
  Deduplicator& operator=(const Deduplicator&) = delete;

  // Stores the article and returns the id of the canonical article it
  // duplicates (exact or near), or nullopt when it is new. A duplicate is
  // stored too, pointing to that canonical article, so later copies still find
  // the group. An article without words is never a duplicate and not stored.
  // Ids are kept up to 1 KiB; past 4 GiB of ids nothing more is stored.
  std::optional<std::string> Add(const Article& article);

  // Add, telling how the duplicate was found.
  std::optional<Match> AddWithMatch(const Article& article);

  // What the article would duplicate, without storing it.
  std::optional<Match> Find(const Article& article) const;

  // Forgets every stored article with this id; false when there was none. A
  // duplicate whose canonical article is removed becomes canonical itself for
  // later matches. Amortised O(1).
  bool Remove(std::string_view id);

  // Articles stored (not removed).
  size_t size() const;

  // Bytes held by the index (arrays and tables, capacity included).
  size_t MemoryBytes() const;

 private:
  class Index;
  std::unique_ptr<Index> index_;
};

}  // namespace newsloom::dedup

#endif  // NEWSLOOM_DEDUP_DEDUP_H_
