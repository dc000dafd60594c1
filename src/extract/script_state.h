// The text a page rendered by script carries in its state blob rather than in
// its markup: a React or Next.js store's `"body":[{"html":"<p>..."}]`, a
// shop's `"description":"\u003cp>..."`.
//
// Pure function, thread-safe, linear in the size of the page's scripts.
#ifndef NEWSLOOM_EXTRACT_SCRIPT_STATE_H_
#define NEWSLOOM_EXTRACT_SCRIPT_STATE_H_

#include <string>

#include "extract/html_document.h"

namespace newsloom::extract {

// The HTML fragments that the string literals of the page's <script>
// elements hold (JSON-LD excluded: metadata reads that), each decoded from
// its JSON escapes, in page order, an exact repeat skipped, joined by
// newlines. A fragment counts when it holds a paragraph (<p>) and some
// length; the result is capped at a few MB. Empty when there are none.
std::string HtmlFromScriptState(const HtmlDocument& document);

}  // namespace newsloom::extract

#endif  // NEWSLOOM_EXTRACT_SCRIPT_STATE_H_
