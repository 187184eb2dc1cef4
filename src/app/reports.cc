#include "app/reports.h"

#include <algorithm>
#include <charconv>
#include <map>

#include "access/store.h"
#include "cases/store.h"
#include "org/store.h"
#include "reporting/store.h"
#include "store/row.h"
#include "store/rows.h"

namespace probity::app {
namespace {

using reporting::Scope;

// The unit's name for headings, and kInvalid naming the query parameter when it does not exist.
Result<std::string> ScopeName(store::Transaction& tx, const Scope& scope) {
  const auto org = org::LoadOrganisation(tx);
  const auto named = [](const auto& list, const std::string& code) -> const std::string* {
    for (const auto& unit : list)
      if (unit.code == code) return &unit.name;
    return nullptr;
  };
  switch (scope.level) {
    case Scope::Level::kAll:
      return std::string("All units");
    case Scope::Level::kRegion:
      if (const auto* name = named(org.regions, scope.code))
        return "Region " + scope.code + " (" + *name + ")";
      return Error::Invalid("unknown_region", "There is no region " + scope.code + ".", "region");
    case Scope::Level::kPdu:
      if (const auto* name = named(org.pdus, scope.code))
        return "PDU " + scope.code + " (" + *name + ")";
      return Error::Invalid("unknown_pdu", "There is no PDU " + scope.code + ".", "pdu");
    case Scope::Level::kTeam:
      if (const auto* name = named(org.teams, scope.code))
        return "Team " + scope.code + " (" + *name + ")";
      return Error::Invalid("unknown_team", "There is no team " + scope.code + ".", "team");
    case Scope::Level::kOfficer: {
      auto staff = access::LoadStaff(tx, scope.staff_id);
      if (!staff)
        return Error::Invalid("unknown_staff",
                              "There is no member of staff " + std::to_string(scope.staff_id) + ".",
                              "staff_id");
      return staff->staff.name;
    }
  }
  return std::string("All units");
}

Status MaySee(store::Transaction& tx, const access::Principal& viewer, const Scope& scope) {
  if (SeesEveryUnit(viewer.role)) return {};
  if (scope.level == Scope::Level::kOfficer && scope.staff_id == viewer.staff_id) return {};
  if (viewer.role == access::Role::kSpo && scope.level == Scope::Level::kTeam) {
    const auto staff = access::LoadStaff(tx, viewer.staff_id);
    if (staff && std::find(staff->staff.team_codes.begin(), staff->staff.team_codes.end(),
                           scope.code) != staff->staff.team_codes.end())
      return {};
    return Error::Forbidden("not_your_team",
                            "An SPO sees the figures of their own teams and their own.");
  }
  return Error::Forbidden("own_figures_only",
                          "You see your own figures; performance analysts and senior managers "
                          "see every unit's.");
}

// Restricted (or limited) cases keep their CRN only for a viewer the access policy lets open
// them; everyone else sees that the item exists and nothing that identifies the person.
class Withholder {
 public:
  Withholder(store::Transaction& tx, const access::Principal* viewer) : tx_(tx), viewer_(viewer) {}

  void Apply(std::string& crn, bool restricted) {
    if (!restricted || viewer_ == nullptr || crn.empty()) return;
    auto [it, fresh] = visible_.try_emplace(crn, false);
    if (fresh) {
      const long long viewer = viewer_->staff_id;
      const long long viewer2 = viewer_->staff_id;
      store::Rows(tx_)
          .Use(crn, "crn")
          .Use(viewer, "viewer")
          .Use(viewer2, "viewer2")
          .Read(std::string("SELECT 1 FROM person p WHERE p.crn = :crn AND ") + cases::kVisibleTo,
                [&](const soci::row&) { it->second = true; });
    }
    if (!it->second) crn.clear();
  }

 private:
  store::Transaction& tx_;
  const access::Principal* viewer_;
  std::map<std::string, bool> visible_;
};

// The log as it stood when the report began: the head, the organisation and the cases the
// unit held. Reading stops at that head, so the report is one consistent snapshot.
struct Snapshot {
  ReportSource source;
  std::string scope_name;
  reporting::OrgLog org;
  std::vector<std::string> crns;
};

Result<Snapshot> OpenSnapshot(store::Transaction& tx, const access::Principal* viewer,
                              const ReportQuery& query, UtcTime now) {
  if (auto ok = reporting::CheckPeriod(query.period); !ok) return ok.error();
  auto name = ScopeName(tx, query.scope);
  if (!name) return name.error();
  if (viewer != nullptr) {
    if (auto ok = MaySee(tx, *viewer, query.scope); !ok) return ok.error();
  }
  Snapshot snapshot;
  snapshot.scope_name = *name;
  const auto head = reporting::ReadLogHead(tx);
  snapshot.source.through_seq = head.seq;
  snapshot.source.head_hash = head.hash;
  snapshot.source.as_of = now;
  snapshot.org = reporting::ReadOrg(tx, head.seq);
  snapshot.crns = reporting::CasesHeldBy(tx, query.scope, snapshot.org, head.seq);
  snapshot.source.cases_read = static_cast<int64_t>(snapshot.crns.size());
  return snapshot;
}

// Folds every case of the snapshot into a Builder (KpiBuilder or IntegrityBuilder) and returns
// what it finishes with, with the source filled in.
template <class Report, class Builder, class Withhold>
Result<Report> Compute(store::Db& db, const access::Principal* viewer, const ReportQuery& query,
                       UtcTime now, Withhold withhold_all) {
  auto tx = db.BeginRead();
  auto snapshot = OpenSnapshot(tx, viewer, query, now);
  if (!snapshot) return snapshot.error();
  Builder builder(query.period, query.scope, snapshot->org, now);
  snapshot->source.events_read =
      reporting::ForEachCase(tx, snapshot->crns, snapshot->source.through_seq,
                             [&](const reporting::CaseLog& c) { builder.Add(c); });
  Report report{query, snapshot->scope_name, snapshot->source, std::move(builder).Finish()};
  Withholder withholder(tx, viewer);
  withhold_all(report, withholder);
  return report;
}

Result<KpiReport> Kpis(store::Db& db, const access::Principal* viewer, const ReportQuery& query,
                       UtcTime now) {
  return Compute<KpiReport, reporting::KpiBuilder>(db, viewer, query, now,
                                                   [](KpiReport& report, Withholder& withhold) {
                                                     for (auto& kpi : report.kpis)
                                                       for (auto& item : kpi.items)
                                                         withhold.Apply(item.crn, item.restricted);
                                                   });
}

Result<IntegrityReport> Integrity(store::Db& db, const access::Principal* viewer,
                                  const ReportQuery& query, UtcTime now) {
  return Compute<IntegrityReport, reporting::IntegrityBuilder>(
      db, viewer, query, now, [](IntegrityReport& report, Withholder& withhold) {
        for (auto& section : report.sections)
          for (auto& entry : section.entries) withhold.Apply(entry.crn, entry.restricted);
      });
}

}  // namespace

bool SeesEveryUnit(access::Role role) {
  return role == access::Role::kPerformanceAnalyst || role == access::Role::kSeniorManager ||
         role == access::Role::kAdministrator;
}

Result<ReportQuery> ParseReportQuery(const ReportQueryText& text) {
  ReportQuery query;
  auto from = RequireDate(text.from, "from");
  if (!from) return from.error();
  auto to = RequireDate(text.to, "to");
  if (!to) return to.error();
  query.period = {*from, *to};
  if (auto ok = reporting::CheckPeriod(query.period); !ok) return ok.error();
  int given = 0;
  if (!text.team.empty()) {
    ++given;
    query.scope = {Scope::Level::kTeam, text.team, 0};
  }
  if (!text.pdu.empty()) {
    ++given;
    query.scope = {Scope::Level::kPdu, text.pdu, 0};
  }
  if (!text.region.empty()) {
    ++given;
    query.scope = {Scope::Level::kRegion, text.region, 0};
  }
  if (!text.staff_id.empty()) {
    ++given;
    int64_t id = 0;
    const auto* end = text.staff_id.data() + text.staff_id.size();
    const auto [ptr, error] = std::from_chars(text.staff_id.data(), end, id);
    if (error != std::errc() || ptr != end || id < 1)
      return Error::Invalid("invalid_staff_id", "staff_id is a member of staff's number.",
                            "staff_id");
    query.scope = {Scope::Level::kOfficer, "", id};
  }
  if (given > 1)
    return Error::Invalid("one_unit",
                          "Give at most one of team, pdu, region and staff_id (none: every unit).",
                          "team");
  return query;
}

Status CheckReportAccess(store::Db& db, const access::Principal& viewer, const ReportQuery& query) {
  if (auto ok = reporting::CheckPeriod(query.period); !ok) return ok.error();
  auto tx = db.BeginRead();
  if (auto name = ScopeName(tx, query.scope); !name) return name.error();
  return MaySee(tx, viewer, query.scope);
}

Result<KpiReport> KpiReportFor(store::Db& db, const access::Principal& viewer,
                               const ReportQuery& query, UtcTime now) {
  return Kpis(db, &viewer, query, now);
}
Result<IntegrityReport> IntegrityReportFor(store::Db& db, const access::Principal& viewer,
                                           const ReportQuery& query, UtcTime now) {
  return Integrity(db, &viewer, query, now);
}
Result<KpiReport> KpiReportFromLog(store::Db& db, const ReportQuery& query, UtcTime now) {
  return Kpis(db, nullptr, query, now);
}
Result<IntegrityReport> IntegrityReportFromLog(store::Db& db, const ReportQuery& query,
                                               UtcTime now) {
  return Integrity(db, nullptr, query, now);
}

}  // namespace probity::app
