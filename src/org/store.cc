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

Organisation LoadOrganisation(store::Transaction& tx) {
  Organisation out;
  soci::rowset<soci::row> regions = tx.sql().prepare
                                    << "SELECT id, code, name, version FROM region ORDER BY code";
  for (const auto& r : regions)
    out.regions.push_back(Region{store::GetInt(r, 0), store::GetText(r, 1), store::GetText(r, 2),
                                 static_cast<int>(store::GetInt(r, 3))});
  soci::rowset<soci::row> pdus = tx.sql().prepare
                                 << "SELECT p.id, p.code, p.name, r.code, p.version FROM pdu p "
                                    "JOIN region r ON r.id = p.region_id ORDER BY p.code";
  for (const auto& r : pdus)
    out.pdus.push_back(Pdu{store::GetInt(r, 0), store::GetText(r, 1), store::GetText(r, 2),
                           store::GetText(r, 3), static_cast<int>(store::GetInt(r, 4))});
  out.teams = ListTeams(tx);
  soci::rowset<soci::row> offices =
      tx.sql().prepare << "SELECT o.id, o.code, o.name, o.address, p.code, o.version FROM office o "
                          "JOIN pdu p ON p.id = o.pdu_id ORDER BY o.code";
  for (const auto& r : offices)
    out.offices.push_back(Office{store::GetInt(r, 0), store::GetText(r, 1), store::GetText(r, 2),
                                 store::GetText(r, 3), store::GetText(r, 4),
                                 static_cast<int>(store::GetInt(r, 5))});
  return out;
}

Result<int> RenameTeam(store::Transaction& tx, const std::string& code, const std::string& name,
                       int expected_version) {
  auto current = FindTeam(tx, code);
  if (!current)
    return Error{ErrorKind::kNotFound, "unknown_team", "there is no team with code " + code,
                 "code"};
  if (current->version != expected_version)
    return Error::Conflict("stale_version", "team " + code +
                                                " was changed by someone else (now version " +
                                                std::to_string(current->version) + ", you had " +
                                                std::to_string(expected_version) +
                                                "): reload it and make your change again");
  const int next = expected_version + 1;
  // The version in the WHERE clause makes the check and the write one step.
  soci::statement st =
      (tx.sql().prepare << "UPDATE team SET name = :n, version = :next WHERE code = :c AND "
                           "version = :v",
       soci::use(name), soci::use(next), soci::use(code), soci::use(expected_version));
  st.execute(true);
  if (st.get_affected_rows() != 1)
    return Error::Conflict("stale_version", "team " + code + " was changed by someone else");
  return next;
}

int64_t CountRegions(store::Transaction& tx) {
  long long n = 0;
  tx.sql() << "SELECT COUNT(*) FROM region", soci::into(n);
  return n;
}

}  // namespace probity::org
