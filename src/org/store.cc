#include "org/store.h"

#include <soci/soci.h>

#include "store/dialect.h"
#include "store/row.h"

namespace probity::org {

namespace {
// Resolves a parent's code to its id: kNotFound naming the field when there is none.
Result<int64_t> IdOf(store::Transaction& tx, const char* table, const std::string& code,
                     const char* field) {
  long long id = 0;
  tx.sql() << "SELECT id FROM " << table << " WHERE code = :code", soci::use(code), soci::into(id);
  if (!tx.sql().got_data())
    return Error{ErrorKind::kNotFound, "unknown_" + std::string(table),
                 "there is no " + std::string(table) + " with code " + code, field};
  return static_cast<int64_t>(id);
}

// Runs an INSERT ... RETURNING id; a taken code is kConflict rather than an exception.
template <class... Uses>
Result<int64_t> InsertReturningId(store::Transaction& tx, const std::string& what,
                                  const std::string& code, const std::string& sql, Uses&&... uses) {
  try {
    long long id = 0;
    ((tx.sql() << sql), ..., std::forward<Uses>(uses)), soci::into(id);
    return static_cast<int64_t>(id);
  } catch (const soci::soci_error& e) {
    if (!store::dialect::IsUniqueViolation(e)) throw;
    return Error::Conflict("code_taken", "a " + what + " with code " + code + " already exists");
  }
}
}  // namespace

Result<int64_t> Insert(store::Transaction& tx, const Region& r) {
  return InsertReturningId(tx, "region", r.code,
                           "INSERT INTO region (code, name) VALUES (:c, :n) RETURNING id",
                           soci::use(r.code), soci::use(r.name));
}

Result<int64_t> Insert(store::Transaction& tx, const Pdu& p) {
  auto region = IdOf(tx, "region", p.region_code, "region_code");
  if (!region) return region.error();
  const long long region_id = *region;
  return InsertReturningId(
      tx, "PDU", p.code, "INSERT INTO pdu (code, name, region_id) VALUES (:c, :n, :r) RETURNING id",
      soci::use(p.code), soci::use(p.name), soci::use(region_id));
}

Result<int64_t> Insert(store::Transaction& tx, const Team& t) {
  auto pdu = IdOf(tx, "pdu", t.pdu_code, "pdu_code");
  if (!pdu) return pdu.error();
  const long long pdu_id = *pdu;
  return InsertReturningId(tx, "team", t.code,
                           "INSERT INTO team (code, name, pdu_id) VALUES (:c, :n, :p) RETURNING id",
                           soci::use(t.code), soci::use(t.name), soci::use(pdu_id));
}

Result<int64_t> Insert(store::Transaction& tx, const Office& o) {
  auto pdu = IdOf(tx, "pdu", o.pdu_code, "pdu_code");
  if (!pdu) return pdu.error();
  const long long pdu_id = *pdu;
  return InsertReturningId(
      tx, "office", o.code,
      "INSERT INTO office (code, name, address, pdu_id) VALUES (:c, :n, :a, :p) RETURNING id",
      soci::use(o.code), soci::use(o.name), soci::use(o.address), soci::use(pdu_id));
}

std::optional<Team> FindTeam(store::Transaction& tx, const std::string& code) {
  Team t;
  long long id = 0;
  tx.sql() << "SELECT t.id, t.code, t.name, p.code, t.version FROM team t JOIN pdu p ON p.id = "
              "t.pdu_id WHERE t.code = :code",
      soci::use(code), soci::into(id), soci::into(t.code), soci::into(t.name),
      soci::into(t.pdu_code), soci::into(t.version);
  if (!tx.sql().got_data()) return std::nullopt;
  t.id = id;
  return t;
}

std::vector<Team> ListTeams(store::Transaction& tx) {
  std::vector<Team> out;
  soci::rowset<soci::row> rows = tx.sql().prepare
                                 << "SELECT t.id, t.code, t.name, p.code, t.version FROM team t "
                                    "JOIN pdu p ON p.id = t.pdu_id ORDER BY t.code";
  for (const auto& r : rows)
    out.push_back(Team{store::GetInt(r, 0), store::GetText(r, 1), store::GetText(r, 2),
                       store::GetText(r, 3), static_cast<int>(store::GetInt(r, 4))});
  return out;
}

int64_t CountRegions(store::Transaction& tx) {
  long long n = 0;
  tx.sql() << "SELECT COUNT(*) FROM region", soci::into(n);
  return n;
}

}  // namespace probity::org
