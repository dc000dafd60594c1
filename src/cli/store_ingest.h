// Adding the articles under PATHs to a store: shared by `newsloom ingest` and
// `newsloom serve DIR PATH...`.
#ifndef NEWSLOOM_CLI_STORE_INGEST_H_
#define NEWSLOOM_CLI_STORE_INGEST_H_

#include <string>

#include "cli/input_loop.h"
#include "serve/newsroom.h"

namespace newsloom::cli {

// Extracts every page under flags.paths and stores the articles through
// `newsroom`, committing in batches. Prints a summary line on stderr unless
// quiet. Returns the exit code as ForEachArticle does; kExitInputFailed also
// when the store refused a batch.
int IngestInto(const InputFlags& flags, serve::Newsroom& newsroom, const std::string& db);

}  // namespace newsloom::cli

#endif  // NEWSLOOM_CLI_STORE_INGEST_H_
