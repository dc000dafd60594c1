// Text helpers of metadata extraction (internal to src/extract): entity
// decoding, comparison keys, and url joining. Pure functions, thread-safe.
#ifndef NEWSLOOM_EXTRACT_METADATA_TEXT_H_
#define NEWSLOOM_EXTRACT_METADATA_TEXT_H_

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace newsloom::extract::metadata_internal {

// True when the space-separated list `tokens` holds `token` (ASCII case-insensitive).
bool HasToken(std::string_view tokens, std::string_view token);

// True when `text` contains one of `needles`, ASCII case-insensitively.
bool ContainsAny(std::string_view text, std::initializer_list<std::string_view> needles);

// Words split on single spaces (callers collapse whitespace first).
std::vector<std::string_view> SpaceWords(std::string_view text);

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
