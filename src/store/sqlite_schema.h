// The SQLite store's schema and its migrations, versioned by PRAGMA user_version.
#ifndef NEWSLOOM_STORE_SQLITE_SCHEMA_H_
#define NEWSLOOM_STORE_SQLITE_SCHEMA_H_

#include "newsloom/status.h"
#include "store/sqlite_db.h"

namespace newsloom::store {

// The schema version this build writes.
int CurrentSchemaVersion();

// Brings the database to CurrentSchemaVersion(), one migration per version,
// each in its own transaction. Refuses a database newer than this build.
Status MigrateSchema(Connection& connection);

}  // namespace newsloom::store

#endif  // NEWSLOOM_STORE_SQLITE_SCHEMA_H_
