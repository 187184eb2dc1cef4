#include "store/db.h"

#include <soci/connection-pool.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <spdlog/spdlog.h>

#include "store/dialect.h"

namespace probity::store {

namespace {
// SOCI's SQLite backend reads "key=value" pairs; a quoted value may hold spaces.
std::string SqliteConnectString(const std::string& path) {
  std::string quoted;
  for (char c : path) {
    if (c == '"') quoted += '\\';
    quoted += c;
  }
  return "db=\"" + quoted + "\" timeout=30";
}

// SOCI's PostgreSQL backend mangles URIs ("postgresql:///db" reaches libpq as "db="), so the URI is
// parsed by libpq itself and handed over as keyword=value pairs.
Result<std::string> PostgresConnectString(const DbUrl& url) {
  char* message = nullptr;
  PQconninfoOption* options = PQconninfoParse(url.target.c_str(), &message);
  if (options == nullptr) {
    std::string text = message ? message : "cannot parse the URL";
    PQfreemem(message);
    return Error::Invalid("bad_db_url", "bad PostgreSQL URL " + url.display + ": " + text, "db");
  }
  std::string out;
  for (PQconninfoOption* o = options; o->keyword != nullptr; ++o) {
    if (o->val == nullptr) continue;
    std::string value;
    for (const char* c = o->val; *c; ++c) {
      if (*c == '\\' || *c == '\'') value += '\\';
      value += *c;
    }
    out += std::string(o->keyword) + "='" + value + "' ";
  }
  PQconninfoFree(options);
  return out;
}

std::string OneLine(std::string text) {
  for (char& c : text)
    if (c == '\n' || c == '\r') c = ' ';
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return text;
}
}  // namespace

Db::Db(DbUrl url, size_t pool_size)
    : url_(std::move(url)),
      pool_size_(pool_size),
      pool_(std::make_unique<soci::connection_pool>(pool_size)) {}

Db::~Db() = default;

Result<std::unique_ptr<Db>> Db::Open(std::string_view url_text, size_t pool_size) {
  auto url = ParseDbUrl(url_text);
  if (!url) return url.error();
  if (pool_size == 0) pool_size = 1;
  Result<std::string> pg_connect = std::string();
  if (url->backend == Backend::kPostgres) {
    pg_connect = PostgresConnectString(*url);
    if (!pg_connect) return pg_connect.error();
  }
  std::unique_ptr<Db> db(new Db(*url, pool_size));
  try {
    for (size_t i = 0; i < pool_size; ++i) {
      soci::session& s = db->pool_->at(i);
      if (url->backend == Backend::kSqlite)
        s.open(soci::sqlite3, SqliteConnectString(url->target));
      else
        s.open(soci::postgresql, *pg_connect);
      dialect::ConfigureConnection(s, url->backend);
    }
  } catch (const soci::soci_error& e) {
    return Error::Unavailable(
        "database_unreachable",
        "cannot open the database " + url->display + ": " + OneLine(e.what()) +
            " (check --db or PROBITY_DB, that the server is running and the path is writable)");
  }
  return db;
}

Transaction Db::Begin(const char* begin_sql) {
  Transaction tx(std::make_unique<soci::session>(*pool_), url_.backend);
  try {
    tx.sql() << begin_sql;
  } catch (const soci::soci_error& e) {
    if (!dialect::ConnectionLost(tx.sql(), url_.backend)) throw;
    spdlog::warn("database connection lost ({}); reconnecting", OneLine(e.what()));
    tx.sql().reconnect();
    dialect::ConfigureConnection(tx.sql(), url_.backend);
    tx.sql() << begin_sql;
  }
  tx.open_ = true;
  return tx;
}

Transaction Db::BeginWrite() { return Begin(dialect::BeginWrite(url_.backend)); }

Transaction Db::BeginRead() { return Begin(dialect::BeginRead(url_.backend)); }

bool Db::Ping() {
  try {
    auto tx = BeginRead();
    int one = 0;
    tx.sql() << "SELECT 1", soci::into(one);
    return one == 1;
  } catch (const std::exception& e) {
    spdlog::warn("database ping failed: {}", OneLine(e.what()));
    return false;
  }
}

Transaction::Transaction(std::unique_ptr<soci::session> session, Backend backend)
    : session_(std::move(session)), backend_(backend) {}

Transaction::Transaction(Transaction&& other) noexcept
    : session_(std::move(other.session_)), backend_(other.backend_), open_(other.open_) {
  other.open_ = false;
}

Transaction::~Transaction() {
  if (!open_) return;
  try {
    Rollback();
  } catch (const std::exception& e) {
    spdlog::error("rollback failed: {}", OneLine(e.what()));
  }
}

void Transaction::Commit() {
  try {
    *session_ << "COMMIT";
    open_ = false;
  } catch (...) {
    try {
      Rollback();
    } catch (const std::exception& e) {
      spdlog::error("rollback after failed commit failed: {}", OneLine(e.what()));
    }
    throw;
  }
}

void Transaction::Rollback() {
  if (!open_) return;
  open_ = false;
  *session_ << "ROLLBACK";
}

}  // namespace probity::store
