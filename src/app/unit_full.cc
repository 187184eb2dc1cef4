#include "app/unit_full.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "access/policy.h"
#include "cases/store.h"
#include "core/uk_time.h"
#include "workload/declaration_store.h"

namespace probity::app {

// FROZEN event kinds and payload fields (they are in the hash chain). The subject is "team:CODE"
// or "pdu:CODE".
//   workload.unit_declared_full {id, unit (team|pdu), code, from, to (or null), reason,
//                                suspended_work}
//   workload.unit_full_ended    {id, ended_on, reason}

namespace {
using nlohmann::json;

std::string SubjectOf(const workload::Declaration& d) {
  return std::string(d.team_id ? "team:" : "pdu:") + d.unit_code;
}

Status MayDeclare(const access::Principal& who, const workload::Declaration& d) {
  return access::Require(access::Decide(who, access::Action::kDeclareUnitFull,
                                        access::UnitAccess{d.team_id.value_or(0), d.pdu_id}));
}

void NameActors(store::Transaction& tx, workload::Declaration& d) {
  d.declared_by_name = cases::ActorName(tx, d.declared_by);
  if (d.ended_on) d.ended_by_name = cases::ActorName(tx, d.ended_by);
}
}  // namespace

Result<workload::Declaration> DeclareUnitFull(store::Db& db, const access::Principal& who,
                                              const DeclarationInput& in, UtcTime now) {
  if (in.unit != "team" && in.unit != "pdu")
    return Error::Invalid("unknown_code", "unit is team or pdu", "unit");
  const auto from = ParseDate(in.from);
  if (!from) return Error::Invalid("invalid_date", "from is a date, YYYY-MM-DD", "from");
  std::optional<Date> to;
  if (in.to) {
    to = ParseDate(*in.to);
    if (!to) return Error::Invalid("invalid_date", "to is a date, YYYY-MM-DD", "to");
  }
  auto tx = db.BeginWrite();
  const auto unit =
      in.unit == "team" ? workload::FindTeamUnit(tx, in.code) : workload::FindPduUnit(tx, in.code);
  if (!unit) {
    Error missing = Error::NotFound("unknown_unit", "there is no " + in.unit + " " + in.code);
    missing.field = "code";
    return missing;
  }
  workload::Declaration d;
  d.team_id = unit->team_id;
  d.pdu_id = unit->pdu_id;
  d.unit_code = unit->code;
  d.unit_name = unit->name;
  d.from = *from;
  d.to = to;
  d.reason = in.reason;
  d.suspended_work = in.suspended_work;
  d.declared_by = who.ActorId();
  d.declared_at = now;
  if (auto ok = MayDeclare(who, d); !ok) return ok.error();
  if (auto ok = workload::CheckDeclaration(d, UkDateOf(now)); !ok) return ok.error();
  d.id = workload::InsertDeclaration(tx, d);
  const json payload = {{"id", d.id},
                        {"unit", in.unit},
                        {"code", d.unit_code},
                        {"from", FormatDate(d.from)},
                        {"to", d.to ? json(FormatDate(*d.to)) : json(nullptr)},
                        {"reason", d.reason},
                        {"suspended_work", d.suspended_work}};
  store::AppendEvent(tx, {who.ActorId(), std::nullopt},
                     {SubjectOf(d), "workload.unit_declared_full", payload}, now);
  NameActors(tx, d);
  tx.Commit();
  return d;
}

Result<workload::Declaration> EndUnitFull(store::Db& db, const access::Principal& who, int64_t id,
                                          const std::string& ended_on, const std::string& reason,
                                          UtcTime now) {
  const auto on = ParseDate(ended_on);
  if (!on) return Error::Invalid("invalid_date", "ended_on is a date, YYYY-MM-DD", "ended_on");
  auto tx = db.BeginWrite();
  auto d = workload::FindDeclaration(tx, id);
  if (!d) return Error::NotFound("not_found", "there is no such declaration");
  if (auto ok = MayDeclare(who, *d); !ok) return ok.error();
  if (auto ok = workload::CheckEnd(*d, *on, reason, UkDateOf(now)); !ok) return ok.error();
  const json payload = {{"id", id}, {"ended_on", FormatDate(*on)}, {"reason", reason}};
  store::AppendEvent(tx, {who.ActorId(), std::nullopt},
                     {SubjectOf(*d), "workload.unit_full_ended", payload}, now);
  workload::InsertDeclarationEnd(tx, id, *on, reason, who.ActorId(), now);
  auto ended = workload::FindDeclaration(tx, id);
  NameActors(tx, *ended);
  tx.Commit();
  return std::move(*ended);
}

std::vector<workload::Declaration> ListUnitFull(store::Db& db, const access::Principal& who) {
  auto tx = db.BeginRead();
  const bool everywhere =
      who.role == access::Role::kPerformanceAnalyst || who.role == access::Role::kAdministrator;
  auto out = workload::ListDeclarations(
      tx, everywhere ? std::nullopt : std::optional<std::vector<int64_t>>(who.pdu_ids));
  for (auto& d : out) NameActors(tx, d);
  return out;
}

std::vector<workload::Declaration> InForceFor(const std::vector<workload::Declaration>& all,
                                              const access::Principal& who, Date day) {
  std::vector<workload::Declaration> out;
  auto has = [](const std::vector<int64_t>& ids, int64_t id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
  };
  for (const auto& d : all) {
    if (!workload::InForce(d, day)) continue;
    const bool covers =
        d.team_id ? has(who.team_ids, *d.team_id) ||
                        (who.role == access::Role::kSeniorManager && has(who.pdu_ids, d.pdu_id))
                  : has(who.pdu_ids, d.pdu_id);
    if (covers) out.push_back(d);
  }
  return out;
}

}  // namespace probity::app
