// Loading many rows fast, inside the caller's write Transaction: on SQLite through one prepared
// statement re-executed per row; on PostgreSQL through COPY ... FROM STDIN in COPY's text
// format, sent through libpq. For bulk loads (probity gen-data, imports), never for a use case:
// rows go in with the ids the caller chose, so the caller owns id assignment (MaxId, then
// SyncIdSequence before commit).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/db.h"

namespace probity::store {

// Rows for one table. Give each row's values in column order, then EndRow(). On SQLite each row
// is inserted at EndRow() (so a parent row must end before its children); on PostgreSQL rows are
// buffered and sent at Finish(), since one connection runs one COPY at a time: finish parent
// tables before their children. Throws soci::soci_error when the database refuses a row (the
// caller's transaction then rolls back) and std::logic_error when a row has the wrong number of
// values (that row is dropped; the rows before it stay). Not thread-safe; lives within its
// Transaction.
class BulkInsert {
 public:
  BulkInsert(Transaction& tx, std::string table, std::vector<std::string> columns);
  ~BulkInsert();
  BulkInsert(const BulkInsert&) = delete;
  BulkInsert& operator=(const BulkInsert&) = delete;

  BulkInsert& Int(int64_t value);
  BulkInsert& Int(const std::optional<int64_t>& value);  // nullopt: NULL
  BulkInsert& Text(std::string_view value);
  BulkInsert& Text(const std::string& value) { return Text(std::string_view(value)); }
  BulkInsert& Text(const char* value) { return Text(std::string_view(value)); }
  BulkInsert& Text(const std::optional<std::string>& value);  // nullopt: NULL
  BulkInsert& Null();
  void EndRow();

  // Sends what is buffered (PostgreSQL); idempotent. Call before the transaction commits.
  void Finish();

  const std::string& table() const { return table_; }
  int64_t rows() const { return rows_; }

 private:
  struct Sqlite;
  void Sent();
  [[noreturn]] void Abandon(const std::string& why);
  Transaction& tx_;
  std::string table_;
  std::vector<std::string> columns_;
  size_t column_ = 0;  // values given in the current row
  int64_t rows_ = 0;
  std::string copy_;      // PostgreSQL: COPY text-format rows not yet sent
  size_t row_start_ = 0;  // where the current row begins in copy_
  std::unique_ptr<Sqlite> sqlite_;
};

// The largest id in `table` (0 when empty).
int64_t MaxId(Transaction& tx, const std::string& table);

// After inserting explicit ids: moves PostgreSQL's identity sequence of `table`.id past the
// largest, so later ordinary inserts do not collide. Nothing to do on SQLite.
void SyncIdSequence(Transaction& tx, const std::string& table);

// Settings for a long load on this connection: SQLite gets a large page cache (the indexes of
// millions of rows stay in memory). Durability is untouched.
void TuneForBulkLoad(Transaction& tx);

// Appends `value` to `out` escaped for COPY's text format: backslash, tab, newline and carriage
// return become \\, \t, \n and \r (the other control characters pass as they are).
void AppendCopyText(std::string& out, std::string_view value);

}  // namespace probity::store
