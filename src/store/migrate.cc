#include "store/migrate.h"

#include <soci/soci.h>

#include <algorithm>
#include <map>
#include <regex>
#include <stdexcept>

#include "core/embedded.h"
#include "core/time.h"
#include "store/dialect.h"

namespace probity::store {

namespace {
const char* kSchemaTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)";

std::vector<Migration> LoadEmbedded() {
  static const std::regex kName(
      R"(^migrations/(\d{4})_([a-z0-9_]+?)(\.sqlite|\.postgresql)?\.sql$)");
  std::map<int, Migration> by_version;
  for (const auto& f : embedded::Files()) {
    const std::string path(f.path);
    if (path.rfind("migrations/", 0) != 0) continue;
    std::smatch m;
    if (!std::regex_match(path, m, kName))
      throw std::logic_error("bad migration file name: " + path);
    const int version = std::stoi(m[1]);
    Migration& mig = by_version[version];
    if (!mig.name.empty() && mig.name != m[2].str())
      throw std::logic_error("two migrations share version " + m[1].str());
    mig.version = version;
    mig.name = m[2];
    std::string& target = m[3] == ".sqlite"       ? mig.sqlite_sql
                          : m[3] == ".postgresql" ? mig.postgres_sql
                                                  : mig.common_sql;
    target = std::string(f.content);
  }
  std::vector<Migration> out;
  for (auto& [version, mig] : by_version) {
    if (version != static_cast<int>(out.size()) + 1)
      throw std::logic_error("migration versions must run 1, 2, 3...; missing " +
                             std::to_string(out.size() + 1));
    out.push_back(std::move(mig));
  }
  return out;
}

int ReadVersion(soci::session& sql) {
  int version = 0;
  soci::indicator ind = soci::i_null;
  sql << "SELECT MAX(version) FROM schema_migrations", soci::into(version, ind);
  return ind == soci::i_ok ? version : 0;
}
}  // namespace

const std::vector<Migration>& BuiltInMigrations() {
  static const std::vector<Migration> migrations = LoadEmbedded();
  return migrations;
}

int SchemaVersion(Db& db) {
  auto tx = db.BeginRead();
  int exists = 0;
  if (db.backend() == Backend::kSqlite)
    tx.sql()
        << "SELECT COUNT(*) FROM sqlite_master WHERE type='table' AND name='schema_migrations'",
        soci::into(exists);
  else
    tx.sql()
        << "SELECT COUNT(*) FROM information_schema.tables WHERE table_name='schema_migrations'"
           " AND table_schema = current_schema()",
        soci::into(exists);
  return exists ? ReadVersion(tx.sql()) : 0;
}

Result<MigrateReport> Migrate(Db& db, const std::vector<Migration>& migrations) {
  const int known = static_cast<int>(migrations.size());
  int current = 0;
  {
    auto tx = db.BeginWrite();
    dialect::LockMigrations(tx.sql(), db.backend());
    tx.sql() << kSchemaTable;
    current = ReadVersion(tx.sql());
    tx.Commit();
  }
  // An older program must not run against a schema it does not know.
  if (current > known)
    return Error::Conflict("schema_too_new", "the database is at schema version " +
                                                 std::to_string(current) +
                                                 " but this program knows only up to " +
                                                 std::to_string(known) + ": run a newer probity");
  MigrateReport report;
  for (const Migration& m : migrations) {
    if (m.version <= current) continue;
    auto tx = db.BeginWrite();
    // Under the lock, so two servers starting together apply each migration once.
    dialect::LockMigrations(tx.sql(), db.backend());
    if (ReadVersion(tx.sql()) >= m.version) continue;
    std::string script = dialect::ExpandTokens(db.backend(), m.common_sql);
    script += "\n";
    script += db.backend() == Backend::kSqlite ? m.sqlite_sql : m.postgres_sql;
    dialect::ExecScript(tx.sql(), db.backend(), script);
    const std::string at = FormatUtc(SystemClock().Now());
    tx.sql() << "INSERT INTO schema_migrations (version, name, applied_at) VALUES (:v, :n, :a)",
        soci::use(m.version), soci::use(m.name), soci::use(at);
    tx.Commit();
    report.applied.push_back(m.version);
  }
  report.current = std::max(current, known);
  return report;
}

}  // namespace probity::store
