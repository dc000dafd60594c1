// Internal to ingest: the steps DecodeToUtf8 (ingest.h) is built from, exposed
// so that each can be tested on its own. All functions are pure and thread-safe.
#ifndef NEWSLOOM_INGEST_CHARSET_H_
#define NEWSLOOM_INGEST_CHARSET_H_

#include <string>
#include <string_view>

namespace newsloom::ingest {

// How many leading bytes are searched for <meta charset> or <?xml encoding?>.
inline constexpr size_t kCharsetDeclarationScanBytes = 4096;

enum class ByteOrderMark { kNone, kUtf8, kUtf16LittleEndian, kUtf16BigEndian };

// The byte order mark `bytes` starts with, if any.
ByteOrderMark DetectByteOrderMark(std::string_view bytes);

// Length in bytes of `mark` (0 for kNone).
size_t ByteOrderMarkLength(ByteOrderMark mark);

// Maps a charset label as found in pages, HTTP headers or uchardet's answers to
// the name iconv knows it by ("UTF-8", "WINDOWS-1252", "KOI8-R", ...). Like
// browsers, "iso-8859-1", "latin1" and "us-ascii" become "WINDOWS-1252".
// Quotes and spaces around the label are ignored; an empty or malformed label
// gives "".
std::string CanonicalCharset(std::string_view label);

// The charset label declared in `head` by <meta charset="...">,
// <meta http-equiv="Content-Type" content="...; charset=..."> or
// <?xml ... encoding="..."?>, as written (not canonical); "" when none.
// Callers pass the first kCharsetDeclarationScanBytes bytes of a page.
std::string FindDeclaredCharset(std::string_view head);

// "UTF-16LE" or "UTF-16BE" when `bytes` (without a BOM) look like ASCII-range
// text in UTF-16, judged from where the NUL bytes fall; "" otherwise.
std::string_view SniffUtf16(std::string_view bytes);

// uchardet's guess for `bytes`, canonical as above; "" when it has none.
std::string DetectCharset(std::string_view bytes);

// Decodes windows-1252 as the WHATWG Encoding Standard does, except that
// sequences which are valid UTF-8 are kept: pages that mix a UTF-8 template
// with Latin-1 text come out right, and genuine windows-1252 text almost never
// forms valid multi-byte UTF-8. NULs are dropped; the result is valid UTF-8.
std::string DecodeWindows1252(std::string_view bytes);

// Decodes UTF-16 without a BOM; unpaired surrogates become U+FFFD, NULs are
// dropped, an odd trailing byte is ignored.
std::string DecodeUtf16(std::string_view bytes, bool little_endian);

}  // namespace newsloom::ingest

#endif  // NEWSLOOM_INGEST_CHARSET_H_
