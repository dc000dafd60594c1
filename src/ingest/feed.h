// Internal to ingest: RSS (2.0, 0.9x and 1.0/RDF) and Atom feeds, each item an
// article record. Nothing is fetched: an item is what the feed holds.
// Thread-safe: no shared state.
#ifndef NEWSLOOM_INGEST_FEED_H_
#define NEWSLOOM_INGEST_FEED_H_

#include <string_view>
#include <vector>

#include "ingest/ingest.h"

namespace newsloom::ingest {

// One kRecord page per item (RSS <item>, Atom <entry>): title, url (RSS
// <link>, else a permalink <guid>; Atom <link rel="alternate"> href), published
// (pubDate, dc:date, Atom published, else updated; as written), authors
// (author, dc:creator, Atom author/name), description (description or
// summary, markup removed), language (the channel's <language> or xml:lang)
// and a body of text paragraphs from content:encoded or Atom content, else
// from the description. Ids are "<IdFromPath(name)>-N" for item N, origins
// "<name>:N". An item without title, link or text is a record whose status
// says so. InvalidArgument for a document that is not XML, has no feed root
// or no item;
// the XML's own encoding declaration is honoured, no DTD or network is read.
Result<std::vector<ReadRecord>> ReadFeedRecords(std::string_view name, std::string_view bytes,
                                                const ReadOptions& options);

}  // namespace newsloom::ingest

#endif  // NEWSLOOM_INGEST_FEED_H_
