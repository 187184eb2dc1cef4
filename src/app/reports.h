// Honest reporting (issue 12): performance figures and the integrity report for a period and a
// unit, computed from the event log alone (reporting::FoldCase over the rows reporting::store
// reads), for the pages, the API and the CLI alike, so all three give the same figures.
//
// Who sees what: performance analysts, senior managers and administrators any unit; an SPO their
// own teams and themselves; everyone else (practitioners) only their own figures. Drill-down
// items on a restricted case the viewer may not open show no CRN.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "access/model.h"
#include "core/result.h"
#include "core/time.h"
#include "reporting/integrity.h"
#include "reporting/kpi.h"
#include "store/db.h"

namespace probity::app {

struct ReportQuery {
  reporting::Period period;
  reporting::Scope scope;
};

// Where the figures came from, so anyone can recompute them: the log up to through_seq, whose
// hash is head_hash, read at as_of.
struct ReportSource {
  int64_t through_seq = 0;
  std::string head_hash;
  UtcTime as_of{};
  int64_t cases_read = 0;
  int64_t events_read = 0;
};

struct KpiReport {
  ReportQuery query;
  std::string scope_name;  // "Team N1A (Newcastle North)", "All units", "Jo Bloggs"
  ReportSource source;
  std::vector<reporting::Kpi> kpis;
};

struct IntegrityReport {
  ReportQuery query;
  std::string scope_name;
  ReportSource source;
  std::vector<reporting::IntegritySection> sections;
};

// A query from text (the CLI's options, the API's and the pages' query parameters): `from` and
// `to` as YYYY-MM-DD, and at most one of team, pdu, region (codes) and staff_id (a number); none
// is every unit. kInvalid naming the parameter at fault.
struct ReportQueryText {
  std::string from;
  std::string to;
  std::string team;
  std::string pdu;
  std::string region;
  std::string staff_id;
};
Result<ReportQuery> ParseReportQuery(const ReportQueryText& text);

// Performance analysts, senior managers and administrators: every unit's figures. The one place
// the pages (which offer the units) and the use cases (which check them) ask.
bool SeesEveryUnit(access::Role role);

// kInvalid for a bad period ("from"/"to") or an unknown unit ("team", "pdu", "region", "staff");
// kForbidden when the viewer may not see that unit's figures.
Status CheckReportAccess(store::Db& db, const access::Principal& viewer, const ReportQuery& query);

// Both check the query and the viewer first (CheckReportAccess), then read the log.
Result<KpiReport> KpiReportFor(store::Db& db, const access::Principal& viewer,
                               const ReportQuery& query, UtcTime now);
Result<IntegrityReport> IntegrityReportFor(store::Db& db, const access::Principal& viewer,
                                           const ReportQuery& query, UtcTime now);

// For the CLI (an operator with the database): no viewer, every unit, nothing withheld.
Result<KpiReport> KpiReportFromLog(store::Db& db, const ReportQuery& query, UtcTime now);
Result<IntegrityReport> IntegrityReportFromLog(store::Db& db, const ReportQuery& query,
                                               UtcTime now);

}  // namespace probity::app
