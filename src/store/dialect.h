// Every difference between SQLite and PostgreSQL lives here, so the rest of the store writes one
// SQL for both. Callers outside src/store/ never see a Backend switch.
#pragma once

#include <string>
#include <string_view>

#include "store/db_url.h"

namespace soci {
class session;
class soci_error;
}  // namespace soci

namespace probity::store::dialect {

// Statement that opens a write transaction. SQLite takes the write lock at once (IMMEDIATE), so
// two writers never deadlock upgrading a read lock; PostgreSQL uses READ COMMITTED plus explicit
// locks where order matters (the event chain).
const char* BeginWrite(Backend b);

// A read-only transaction with one consistent snapshot.
const char* BeginRead(Backend b);

// Migration tokens: `{{AUTO_ID}}` is an integer primary key the database assigns.
std::string ExpandTokens(Backend b, std::string_view sql);

// Runs a script of several statements (migrations hold triggers and functions with inner `;`),
// through the driver's own multi-statement call. Throws soci::soci_error on failure.
void ExecScript(soci::session& sql, Backend b, const std::string& script);

// Serialises appends to the event chain across every connection and server: PostgreSQL takes a
// transaction-scoped advisory lock; SQLite already holds its single write lock (BeginWrite).
void LockEventChain(soci::session& sql, Backend b);

// Serialises migrations across servers starting at once.
void LockMigrations(soci::session& sql, Backend b);

// The text of a top-level field of an event's payload (a number as its digits), written exactly
// as the expression indexes of migration 0020 write it: a query uses such an index only when
// the two match. `field` is the code's own constant, never input.
std::string PayloadField(Backend b, std::string_view field);

// `table` for a FROM clause, read through `index`. SQLite plans without statistics and may walk
// a wider index, so it is told (INDEXED BY); PostgreSQL's statistics choose unaided.
std::string TableThroughIndex(Backend b, std::string_view table, std::string_view index);

// Per-connection settings applied when a pooled connection opens.
void ConfigureConnection(soci::session& sql, Backend b);

// True when the connection itself is gone (the server restarted or the network dropped), so
// reopening it may help; false for an error in a statement.
bool ConnectionLost(soci::session& sql, Backend b);

// True when the error is a unique or primary-key violation (the thing exists already).
bool IsUniqueViolation(const soci::soci_error& e);

// True when the error is a trigger's refusal to change the append-only log.
bool IsAppendOnlyRefusal(const soci::soci_error& e);

}  // namespace probity::store::dialect
