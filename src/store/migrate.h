// Numbered schema migrations, compiled into the program from migrations/ and applied in order,
// each in its own transaction, recorded in schema_migrations. Applying twice changes nothing.
//
// A migration is `migrations/NNNN_name.sql` (the same SQL on both backends, with dialect tokens
// such as {{AUTO_ID}}), optionally followed by `NNNN_name.sqlite.sql` and
// `NNNN_name.postgresql.sql` for what cannot be written once (triggers, functions). Files are never
// edited once released.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"
#include "store/db.h"

namespace probity::store {

struct Migration {
  int version = 0;
  std::string name;
  std::string common_sql;    // may be empty when only backend files exist
  std::string sqlite_sql;    // run after common_sql on SQLite
  std::string postgres_sql;  // run after common_sql on PostgreSQL
};

// The migrations compiled into this program, by version. Throws std::logic_error if the files
// are malformed (a gap, a duplicate, a bad name): a build defect, caught by the tests.
const std::vector<Migration>& BuiltInMigrations();

struct MigrateReport {
  std::vector<int> applied;  // versions applied by this call
  int current = 0;           // the schema version afterwards
};

// Applies every pending migration. kConflict when the database is at a version newer than this
// program knows (an older binary against a newer schema must not run).
Result<MigrateReport> Migrate(Db& db,
                              const std::vector<Migration>& migrations = BuiltInMigrations());

// The highest applied version, or 0 for an empty database.
int SchemaVersion(Db& db);

}  // namespace probity::store
