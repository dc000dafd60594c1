// Pieces of the hand-written pages the extract tests build.
#ifndef NEWSLOOM_EXTRACT_TEST_PAGES_H_
#define NEWSLOOM_EXTRACT_TEST_PAGES_H_

#include <string>

#include "common/time.h"

namespace newsloom::extract::test_pages {

// The fetch time the tests extract at: 2026-01-01T00:00:00Z.
inline Timestamp Fetched() {
  Timestamp stamp;
  stamp.utc_seconds = 1767225600;
  stamp.has_offset = true;
  return stamp;
}

// One sentence of running text about `topic`, long enough to count as prose.
inline std::string Sentence(const std::string& topic) {
  return "The council said on Tuesday that the " + topic +
         " would go ahead next spring after a long public consultation with residents. ";
}

}  // namespace newsloom::extract::test_pages

#endif  // NEWSLOOM_EXTRACT_TEST_PAGES_H_
