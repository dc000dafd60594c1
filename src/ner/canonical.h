// Canonical names: the form of a name that mentions of one entity share.
#ifndef NEWSLOOM_NER_CANONICAL_H_
#define NEWSLOOM_NER_CANONICAL_H_

#include <string>
#include <string_view>

#include "ner/gazetteer.h"
#include "newsloom/article.h"

namespace newsloom::ner {

// Strips words that open sentences, not names ("Because", "An", "Well"),
// leading titles ("Prime Minister", "Mr.", "President"), possessive
// endings and surrounding punctuation; maps demonyms and country aliases to
// the country's common name ("Japanese" -> "Japan", "U.S." -> "United
// States"), and then sets *type to a place; writes an all-capitals place the
// gazetteer knows in its usual case ("TOKYO" -> "Tokyo"). Returns "" when
// nothing of the name is left.
std::string CanonicalName(std::string_view text, Entity::Type* type, const Gazetteer& gazetteer);

// Leading titles of `text` removed ("Prime Minister Shigeru Ishiba" ->
// "Shigeru Ishiba").
std::string_view StripTitles(std::string_view text);

}  // namespace newsloom::ner

#endif  // NEWSLOOM_NER_CANONICAL_H_
