#include "dedup/dedup.h"
#include "dedup/shingles.h"
#include "dedup/sketch.h"

namespace newsloom::dedup {

uint64_t Signature(const Article& article) {
  return ComputeSimHash(ShingleHashes(WordHashes(article.Text())));
}

}  // namespace newsloom::dedup
