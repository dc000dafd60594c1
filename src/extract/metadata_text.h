// Text helpers of metadata extraction (internal to src/extract): entity
// decoding, comparison keys, and url joining. Pure functions, thread-safe.
#ifndef NEWSLOOM_EXTRACT_METADATA_TEXT_H_
#define NEWSLOOM_EXTRACT_METADATA_TEXT_H_

#include <string>
#include <string_view>

namespace newsloom::extract::metadata_internal {

// Decodes HTML character references (&amp; &#8217; &#x2019; &rsquo; ...) that
// survive in JSON-LD and in double-escaped attributes. Unknown names are kept.
std::string DecodeEntities(std::string_view text);

// DecodeEntities, then whitespace collapsed and trimmed.
std::string CleanText(std::string_view text);

// A key for "is this the same title/name": ASCII lower-case, typographic
// quotes and dashes folded to ASCII, whitespace collapsed, trailing
// punctuation dropped.
std::string ComparisonKey(std::string_view text);

// Only letters and digits, ASCII lower-cased: "Example.com" and "example com"
// both give "examplecom". Used to match a title part against a host name.
std::string CompactKey(std::string_view text);

// The host of an absolute url ("" if none), lower-cased, without "www.".
std::string HostOf(std::string_view url);

// `reference` made absolute against `base` ("" when it cannot be).
std::string ResolveUrl(std::string_view base, std::string_view reference);

}  // namespace newsloom::extract::metadata_internal

#endif  // NEWSLOOM_EXTRACT_METADATA_TEXT_H_
