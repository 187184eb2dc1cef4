#include "store/bulk_copy.h"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <stdexcept>

namespace probity::store {

namespace {
constexpr size_t kCopyChunk = 1 << 20;  // bytes per PQputCopyData call

// SQLITE_TRANSIENT names its type unqualified, which SOCI's header puts in a namespace.
const auto kSqliteCopy = reinterpret_cast<sqlite_api::sqlite3_destructor_type>(intptr_t{-1});

sqlite_api::sqlite3* SqliteOf(Transaction& tx) {
  return static_cast<soci::sqlite3_session_backend*>(tx.sql().get_backend())->conn_;
}

PGconn* PostgresOf(Transaction& tx) {
  return static_cast<soci::postgresql_session_backend*>(tx.sql().get_backend())->conn_;
}

[[noreturn]] void ThrowPostgres(PGconn* conn, PGresult* result, const std::string& what) {
  std::string message = what + ": ";
  const char* sqlstate = nullptr;
  std::string state;
  if (result != nullptr) {
    message += PQresultErrorMessage(result);
    if (const char* s = PQresultErrorField(result, PG_DIAG_SQLSTATE)) state = s;
    PQclear(result);
  } else {
    message += PQerrorMessage(conn);
  }
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  if (!state.empty()) sqlstate = state.c_str();
  throw soci::postgresql_soci_error(message, sqlstate ? sqlstate : "     ");
}

std::string ColumnList(const std::vector<std::string>& columns) {
  std::string out;
  for (const auto& c : columns) {
    if (!out.empty()) out += ", ";
    out += c;
  }
  return out;
}
}  // namespace

struct BulkInsert::Sqlite {
  sqlite_api::sqlite3* db = nullptr;
  sqlite_api::sqlite3_stmt* statement = nullptr;
  ~Sqlite() {
    if (statement != nullptr) sqlite_api::sqlite3_finalize(statement);
  }
  [[noreturn]] void Fail(const std::string& what) const {
    throw soci::soci_error(what + ": " + sqlite_api::sqlite3_errmsg(db));
  }
};

BulkInsert::BulkInsert(Transaction& tx, std::string table, std::vector<std::string> columns)
    : tx_(tx), table_(std::move(table)), columns_(std::move(columns)) {
  if (columns_.empty()) throw std::logic_error("BulkInsert needs at least one column");
  if (tx_.backend() != Backend::kSqlite) return;
  sqlite_ = std::make_unique<Sqlite>();
  sqlite_->db = SqliteOf(tx_);
  std::string sql = "INSERT INTO " + table_ + " (" + ColumnList(columns_) + ") VALUES (";
  for (size_t i = 0; i < columns_.size(); ++i) sql += i ? ", ?" : "?";
  sql += ")";
  if (sqlite_api::sqlite3_prepare_v2(sqlite_->db, sql.c_str(), static_cast<int>(sql.size()),
                                     &sqlite_->statement, nullptr) != SQLITE_OK)
    sqlite_->Fail("cannot prepare the insert into " + table_);
}

BulkInsert::~BulkInsert() = default;

void BulkInsert::Sent() {
  if (++column_ > columns_.size()) Abandon("too many values in a row of " + table_);
}

void BulkInsert::Abandon(const std::string& why) {
  // The half-made row is dropped, so the rows before it can still be sent.
  column_ = 0;
  copy_.resize(row_start_);
  if (sqlite_) sqlite_api::sqlite3_clear_bindings(sqlite_->statement);
  throw std::logic_error(why);
}

BulkInsert& BulkInsert::Int(int64_t value) {
  if (sqlite_) {
    sqlite_api::sqlite3_bind_int64(sqlite_->statement, static_cast<int>(column_) + 1, value);
  } else {
    if (column_ > 0) copy_ += '\t';
    copy_ += std::to_string(value);
  }
  Sent();
  return *this;
}

BulkInsert& BulkInsert::Int(const std::optional<int64_t>& value) {
  return value ? Int(*value) : Null();
}

BulkInsert& BulkInsert::Text(std::string_view value) {
  if (sqlite_) {
    sqlite_api::sqlite3_bind_text(sqlite_->statement, static_cast<int>(column_) + 1, value.data(),
                                  static_cast<int>(value.size()), kSqliteCopy);
  } else {
    if (column_ > 0) copy_ += '\t';
    AppendCopyText(copy_, value);
  }
  Sent();
  return *this;
}

BulkInsert& BulkInsert::Text(const std::optional<std::string>& value) {
  return value ? Text(std::string_view(*value)) : Null();
}

BulkInsert& BulkInsert::Null() {
  if (sqlite_) {
    sqlite_api::sqlite3_bind_null(sqlite_->statement, static_cast<int>(column_) + 1);
  } else {
    if (column_ > 0) copy_ += '\t';
    copy_ += "\\N";
  }
  Sent();
  return *this;
}

void BulkInsert::EndRow() {
  if (column_ != columns_.size())
    Abandon("a row of " + table_ + " has " + std::to_string(column_) + " values for " +
            std::to_string(columns_.size()) + " columns");
  column_ = 0;
  ++rows_;
  if (sqlite_) {
    const int rc = sqlite_api::sqlite3_step(sqlite_->statement);
    sqlite_api::sqlite3_reset(sqlite_->statement);
    if (rc != SQLITE_DONE) sqlite_->Fail("insert into " + table_ + " failed");
    return;
  }
  copy_ += '\n';
  row_start_ = copy_.size();
}

void BulkInsert::Finish() {
  if (sqlite_ || copy_.empty()) return;
  PGconn* conn = PostgresOf(tx_);
  const std::string sql = "COPY " + table_ + " (" + ColumnList(columns_) + ") FROM STDIN";
  PGresult* started = PQexec(conn, sql.c_str());
  if (PQresultStatus(started) != PGRES_COPY_IN) ThrowPostgres(conn, started, "COPY " + table_);
  PQclear(started);
  for (size_t at = 0; at < copy_.size(); at += kCopyChunk) {
    const size_t n = std::min(kCopyChunk, copy_.size() - at);
    if (PQputCopyData(conn, copy_.data() + at, static_cast<int>(n)) != 1)
      ThrowPostgres(conn, nullptr, "COPY " + table_ + " (sending rows)");
  }
  if (PQputCopyEnd(conn, nullptr) != 1) ThrowPostgres(conn, nullptr, "COPY " + table_ + " (end)");
  // Every result must be read before the connection takes another command.
  PGresult* failed = nullptr;
  while (PGresult* result = PQgetResult(conn)) {
    if (PQresultStatus(result) != PGRES_COMMAND_OK && failed == nullptr)
      failed = result;
    else
      PQclear(result);
  }
  copy_.clear();
  row_start_ = 0;
  if (failed != nullptr) ThrowPostgres(conn, failed, "COPY " + table_);
}

int64_t MaxId(Transaction& tx, const std::string& table) {
  long long id = 0;
  tx.sql() << "SELECT COALESCE(MAX(id), 0) FROM " + table, soci::into(id);
  return id;
}

void SyncIdSequence(Transaction& tx, const std::string& table) {
  if (tx.backend() != Backend::kPostgres) return;
  const int64_t max = MaxId(tx, table);
  if (max == 0) return;
  long long set = 0;
  tx.sql() << "SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), " +
                  std::to_string(max) + ")",
      soci::into(set);
}

void TuneForBulkLoad(Transaction& tx) {
  if (tx.backend() != Backend::kSqlite) return;
  tx.sql() << "PRAGMA cache_size = -1048576";  // 1 GiB
  // Checkpoint every 256 MiB of WAL rather than every 4 MiB: an index page changed by several
  // batches is then copied into the database once, not once a batch.
  tx.sql() << "PRAGMA wal_autocheckpoint = 65536";
}

void AppendCopyText(std::string& out, std::string_view value) {
  for (char c : value) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        out += c;
    }
  }
}

}  // namespace probity::store
