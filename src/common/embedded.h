// Files linked into the binary by newsloom_embed_file (cmake/embed.cmake).
#ifndef NEWSLOOM_COMMON_EMBEDDED_H_
#define NEWSLOOM_COMMON_EMBEDDED_H_

#include <string_view>

// Declares the bytes of an embedded file, at namespace scope.
#define NEWSLOOM_DECLARE_EMBEDDED(symbol)             \
  extern "C" const char newsloom_embedded_##symbol[]; \
  extern "C" const char newsloom_embedded_##symbol##_end[]

// The bytes of an embedded file as a string_view.
#define NEWSLOOM_EMBEDDED(symbol)              \
  std::string_view(newsloom_embedded_##symbol, \
                   size_t(newsloom_embedded_##symbol##_end - newsloom_embedded_##symbol))

#endif  // NEWSLOOM_COMMON_EMBEDDED_H_
