// The database: a pool of connections to SQLite or PostgreSQL, and transactions over them.
// Every write is one Transaction that changes state tables and appends its events, committed
// before anything is acknowledged. Never holds SQL for a capability: that lives in */store.cc.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/result.h"
#include "store/db_url.h"

namespace soci {
class connection_pool;
class session;
}  // namespace soci

namespace probity::store {

class Transaction;

class Db {
 public:
  // Opens pool_size connections and configures each (SQLite: WAL, synchronous=FULL, foreign keys,
  // busy timeout). kInvalid for a bad URL; kUnavailable when the database cannot be reached, with
  // a one-line message saying what to check.
  static Result<std::unique_ptr<Db>> Open(std::string_view url, size_t pool_size = 4);
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  Backend backend() const { return url_.backend; }
  const DbUrl& url() const { return url_; }
  size_t pool_size() const { return pool_size_; }

  // A write transaction: SQLite holds the single write lock from the start. Blocks while every
  // pooled connection is in use. A connection lost since its last use (a database restart) is
  // reopened once; throws soci::soci_error only if the database is still unreachable.
  Transaction BeginWrite();
  // A read-only transaction over one consistent snapshot.
  Transaction BeginRead();

  // True while the database answers a trivial query (for /readyz); reconnects a pooled connection
  // that was lost, so readiness returns when the database does. Never throws.
  bool Ping();

 private:
  Db(DbUrl url, size_t pool_size);
  Transaction Begin(const char* begin_sql);
  DbUrl url_;
  size_t pool_size_;
  std::unique_ptr<soci::connection_pool> pool_;
};

// One transaction on one leased connection. Rolls back on destruction unless committed, so an
// early return or an exception midway leaves neither state nor event.
class Transaction {
 public:
  Transaction(Transaction&&) noexcept;
  Transaction& operator=(Transaction&&) = delete;
  ~Transaction();

  soci::session& sql() { return *session_; }
  Backend backend() const { return backend_; }

  // Makes every change durable (SQLite: synced to disk under synchronous=FULL). Throws
  // soci::soci_error if the database refuses or is lost; the transaction is then rolled back.
  void Commit();
  void Rollback();

 private:
  friend class Db;
  Transaction(std::unique_ptr<soci::session> session, Backend backend);
  std::unique_ptr<soci::session> session_;
  Backend backend_;
  bool open_ = false;
};

}  // namespace probity::store
