#include "workload/declaration_store.h"

#include <soci/soci.h>

#include "store/bind.h"
#include "store/row.h"
#include "store/rows.h"

namespace probity::workload {

namespace {
using store::GetInt;
using store::GetOptionalInt;
using store::GetOptionalText;
using store::GetText;

// The declaration, its unit's code and name, and its end (if any), by LEFT JOINs; the caller
// adds WHERE and ORDER BY.
constexpr const char* kSelect =
    "SELECT d.id, d.team_id, d.pdu_id, COALESCE(t.code, p.code), COALESCE(t.name, p.name), "
    "d.from_date, d.to_date, d.reason, d.suspended_work, d.declared_by, d.declared_at, "
    "e.ended_on, e.reason, e.ended_by FROM capacity_declaration d JOIN pdu p ON p.id = d.pdu_id "
    "LEFT JOIN team t ON t.id = d.team_id LEFT JOIN capacity_declaration_end e ON "
    "e.declaration_id = d.id ";

Declaration Read(const soci::row& r) {
  Declaration d;
  d.id = GetInt(r, 0);
  d.team_id = GetOptionalInt(r, 1);
  d.pdu_id = GetInt(r, 2);
  d.unit_code = GetText(r, 3);
  d.unit_name = GetText(r, 4);
  d.from = ParseDate(GetText(r, 5)).value_or(Date{});
  if (auto to = GetOptionalText(r, 6)) d.to = ParseDate(*to);
  d.reason = GetText(r, 7);
  d.suspended_work = GetText(r, 8);
  d.declared_by = GetText(r, 9);
  d.declared_at = ParseUtc(GetText(r, 10)).value_or(UtcTime{});
  if (auto ended = GetOptionalText(r, 11)) {
    d.ended_on = ParseDate(*ended);
    d.end_reason = GetOptionalText(r, 12).value_or("");
    d.ended_by = GetOptionalText(r, 13).value_or("");
  }
  return d;
}
}  // namespace

std::optional<Unit> FindTeamUnit(store::Transaction& tx, const std::string& team_code) {
  std::optional<Unit> out;
  store::Rows(tx).Use(team_code).Read(
      "SELECT t.id, t.pdu_id, t.code, t.name FROM team t WHERE t.code = :c",
      [&](const soci::row& r) {
        out = Unit{GetInt(r, 0), GetInt(r, 1), GetText(r, 2), GetText(r, 3)};
      });
  return out;
}

std::optional<Unit> FindPduUnit(store::Transaction& tx, const std::string& pdu_code) {
  std::optional<Unit> out;
  store::Rows(tx).Use(pdu_code).Read(
      "SELECT id, code, name FROM pdu WHERE code = :c", [&](const soci::row& r) {
        out = Unit{std::nullopt, GetInt(r, 0), GetText(r, 1), GetText(r, 2)};
      });
  return out;
}

int64_t InsertDeclaration(store::Transaction& tx, const Declaration& d) {
  auto team = store::NullableIdOf(d.team_id);
  const long long pdu = d.pdu_id;
  const std::string from = FormatDate(d.from), at = FormatUtc(d.declared_at);
  store::NullableText to(d.to ? std::optional<std::string>(FormatDate(*d.to)) : std::nullopt);
  long long id = 0;
  tx.sql() << "INSERT INTO capacity_declaration (team_id, pdu_id, from_date, to_date, reason, "
              "suspended_work, declared_by, declared_at) VALUES (:t, :p, :f, :to, :r, :s, :b, :a) "
              "RETURNING id",
      store::Use(team), soci::use(pdu), soci::use(from), store::Use(to), soci::use(d.reason),
      soci::use(d.suspended_work), soci::use(d.declared_by), soci::use(at), soci::into(id);
  return id;
}

void InsertDeclarationEnd(store::Transaction& tx, int64_t declaration_id, Date ended_on,
                          const std::string& reason, const std::string& ended_by, UtcTime at) {
  const long long id = declaration_id;
  const std::string on = FormatDate(ended_on), when = FormatUtc(at);
  tx.sql() << "INSERT INTO capacity_declaration_end (declaration_id, ended_on, reason, ended_by, "
              "ended_at) VALUES (:d, :o, :r, :b, :a)",
      soci::use(id), soci::use(on), soci::use(reason), soci::use(ended_by), soci::use(when);
}

std::optional<Declaration> FindDeclaration(store::Transaction& tx, int64_t id) {
  std::optional<Declaration> out;
  const long long key = id;
  store::Rows(tx).Use(key).Read(std::string(kSelect) + "WHERE d.id = :id",
                                [&](const soci::row& r) { out = Read(r); });
  return out;
}

std::vector<Declaration> ListDeclarations(store::Transaction& tx,
                                          const std::optional<std::vector<int64_t>>& pdu_ids) {
  std::vector<Declaration> out;
  if (pdu_ids && pdu_ids->empty()) return out;
  // Whole numbers from the caller's own list, not user text, so they are written in directly.
  const std::string where =
      pdu_ids ? "WHERE d.pdu_id IN (" + store::IdList(*pdu_ids) + ") " : std::string();
  store::Rows(tx).Read(std::string(kSelect) + where + "ORDER BY d.from_date DESC, d.id DESC",
                       [&](const soci::row& r) { out.push_back(Read(r)); });
  return out;
}

}  // namespace probity::workload
