// The story list's cursor: the last listed story's (rank, id), so the next
// page starts after it in (rank descending, id ascending) order. Shared by
// the store's SQL listing and the server's in-memory catalog, which must hand
// out the same cursors.
#ifndef NEWSLOOM_STORE_STORY_CURSOR_H_
#define NEWSLOOM_STORE_STORY_CURSOR_H_

#include <string>
#include <string_view>

namespace newsloom::store {

// Hex of "<rank bits as 16 hex digits>:<id>", safe in a URL and in JSON.
std::string EncodeStoryCursor(double rank, std::string_view id);
// False when `cursor` is not one EncodeStoryCursor made (or its rank is NaN).
bool DecodeStoryCursor(std::string_view cursor, double& rank, std::string& id);

}  // namespace newsloom::store

#endif  // NEWSLOOM_STORE_STORY_CURSOR_H_
