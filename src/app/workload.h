// Live workloads (issue 10; docs/workload.md): a practitioner's figure with its breakdown, the
// figures of a team, PDU or region with their trend by week, the reductions and court reports
// that move them, versioned weightings, the weekly record, and recommendations for allocating a
// case. Figures are worked out from the record whenever they are read (workload/caseload.h), so a
// change to a case, tier, allocation or reduction shows at once; the weekly record keeps the
// history. Event kinds and payload fields are FROZEN: see workload.cc.
#pragma once

#include <map>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

#include "access/model.h"
#include "allocation/recommend.h"
#include "core/result.h"
#include "core/time.h"
#include "store/db.h"
#include "workload/caseload.h"
#include "workload/declaration.h"
#include "workload/live_store.h"

namespace probity::app {

// How many weeks of trend the pages draw.
inline constexpr int kTrendWeeks = 12;

// One member of staff's figure today, with the weeks that led to it (oldest first; the current
// week is today's figure, not what was last recorded).
struct StaffWorkload {
  workload::StaffFacts staff;
  workload::Figure figure;
  std::vector<workload::Week> weeks;
  bool excessive = false;  // over 110% for four weeks running, this week included
};

struct StaffWorkloadDetail {
  StaffWorkload workload;
  workload::Settings settings;
  std::vector<workload::ReductionRecord> reductions;  // every one, newest first, names filled
  std::vector<workload::CourtReport> reports;         // counting today, newest first
  bool may_manage = false;  // the caller may add and end reductions and record reports for them
};

// Your own (always), or a member of staff's for those who read their team's workload. kNotFound
// for an unknown username; kForbidden otherwise.
Result<StaffWorkloadDetail> WorkloadOfStaff(store::Db& db, const access::Principal& who,
                                            const std::string& username, UtcTime now);

// A unit's week in the trend: its members' sums.
struct UnitWeek {
  Date week_start;
  workload::Sum sum;
};

struct UnitWorkload {
  std::string unit;  // team, pdu or region
  std::string code, name;
  std::vector<StaffWorkload> staff;  // the practitioners (grades that hold cases), by name
  workload::Sum sum;
  std::vector<UnitWeek> trend;  // oldest first, this week last
  bool excessive = false;       // the unit over 110% four weeks running
  std::vector<workload::OverCapacityAllocation> over_capacity;  // the last 12 weeks
  std::vector<workload::Declaration> declarations;              // in force on the day
  struct Part {                                                 // a PDU's teams, a region's PDUs
    std::string code, name;
    workload::Sum sum;
    int64_t staff = 0;
  };
  std::vector<Part> parts;
};

// unit: "team" (its SPOs, the head of its PDU, performance analysts), "pdu" (its senior
// managers, performance analysts), "region" (performance analysts, senior managers of a PDU in
// it). kNotFound for an unknown code; kForbidden otherwise.
Result<UnitWorkload> WorkloadOfUnit(store::Db& db, const access::Principal& who,
                                    const std::string& unit, const std::string& code, UtcTime now);

struct ReductionInput {
  std::string username;              // whose hours
  std::string allowance;             // a code of workload::Allowances()
  std::optional<std::string> hours;  // "7.4": required for other and trade union time
  std::string start;                 // YYYY-MM-DD
  std::string note;
};
// Adds a reduction: hours from the allowance's percent of contracted hours (or as given: other,
// or trade union time up to 50%), expiring after the allowance's months. The SPO of one of their
// teams or the head of their PDU. kInvalid naming the field; kNotFound "username".
Result<workload::ReductionRecord> AddReduction(store::Db& db, const access::Principal& who,
                                               const ReductionInput& in, UtcTime now);
// Ends a reduction early; ended_on is the first day it no longer applies. kConflict
// "already_ended"; kInvalid for a date before its start or after its expiry, or no reason.
Result<workload::ReductionRecord> EndReduction(store::Db& db, const access::Principal& who,
                                               int64_t id, const std::string& ended_on,
                                               const std::string& reason, UtcTime now);

struct CourtReportInput {
  std::string username;  // who wrote it: yourself, or one of your staff
  std::string kind;      // standard or fast
  std::string completed_on;
  std::string crn;
};
// kInvalid naming the field (a date in the future or over 30 days back counts nothing and is
// refused); kNotFound "crn" or "username".
Result<workload::CourtReport> RecordCourtReport(store::Db& db, const access::Principal& who,
                                                const CourtReportInput& in, UtcTime now);

// The versions, newest first (the defaults last, as version 0).
std::vector<workload::SettingsVersion> WeightingVersions(store::Db& db);
// Records a new version from the API's JSON ({"community": [16], "custody": [16], "licence":
// [16], "young_adult": [16], "standard_report", "fast_report", "nominal_target",
// "default_hours", "reason"}); administrators only. kInvalid naming the field.
Result<workload::SettingsVersion> ChangeWeightings(store::Db& db, const access::Principal& who,
                                                   const nlohmann::json& body, UtcTime now);

// Every practitioner's figure on `today` (the grades that hold cases), by staff id: a handful of
// bulk reads, then the rules. What RecordWeek writes.
std::map<int64_t, workload::Figure> AllFigures(store::Db& db, Date today);

// Writes every member of staff's figure for the week `now` falls in (the nightly job, or after
// a weightings change). Returns how many were written.
int64_t RecordWeek(store::Db& db, UtcTime now);

// The figure of one member of staff in the caller's transaction (allocation checks it).
Result<workload::Figure> FigureOfStaff(store::Transaction& tx, int64_t staff_id, Date today);
// What the case adds to whoever holds it, under the weightings in force.
int64_t PointsOfCase(store::Transaction& tx, int64_t person_id, Date today);

// Eligible practitioners for a case waiting in the queue, ranked (allocation::Recommend): the
// members of the case's team with their live figures. kForbidden unless the caller allocates
// in that team; kNotFound for an unknown CRN or a case hidden from the caller.
struct Recommendations {
  std::string crn, team_code;
  allocation::CaseToPlace to_place;
  std::vector<allocation::Recommendation> ranked;
};
Result<Recommendations> RecommendFor(store::Db& db, const access::Principal& who,
                                     const std::string& crn, UtcTime now);

}  // namespace probity::app
