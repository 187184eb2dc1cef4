// Reads and writes behind live workloads (migration 0016; docs/workload.md): the weightings in
// force, the facts a figure is worked out from (staff, their cases, reductions and court reports)
// read in bulk so a whole region costs a handful of queries, and the rows the use cases append.
// No rules here: workload/caseload.h decides.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "access/model.h"
#include "core/date.h"
#include "core/time.h"
#include "store/db.h"
#include "workload/caseload.h"

namespace probity::workload {

// nullopt: everyone; else exactly these staff.
using StaffIds = std::optional<std::vector<int64_t>>;

// A version of the weightings with who recorded it and why (version 0, the defaults, has none).
struct SettingsVersion {
  Settings settings;
  std::string reason, changed_by;
  UtcTime changed_at{};
};
Settings LoadSettings(store::Transaction& tx);
std::vector<SettingsVersion> ListSettings(store::Transaction& tx);  // newest first
int64_t InsertSettings(store::Transaction& tx, const Settings& s, const std::string& weights_json,
                       const std::string& reason, const std::string& by, UtcTime at);
std::optional<std::string> LatestWeightsJson(store::Transaction& tx);

// A member of staff as a workload needs them.
struct StaffFacts {
  int64_t id = 0;
  std::string name;
  std::string username;  // empty without an account
  access::Grade grade = access::Grade::kPo;
  int64_t contracted_minutes = 0;
  std::optional<Date> qualified_on;
  std::vector<int64_t> team_ids;
};
std::vector<StaffFacts> LoadStaff(store::Transaction& tx, const StaffIds& ids);
std::vector<StaffFacts> StaffOfTeams(store::Transaction& tx, const std::vector<int64_t>& team_ids);
std::optional<StaffFacts> StaffOfUsername(store::Transaction& tx, const std::string& username);

// The cases each officer holds, with their active sentences (cases without one are left out).
std::map<int64_t, std::vector<CaseFacts>> CasesOfStaff(store::Transaction& tx, const StaffIds& ids);
// One case's facts, whoever holds it; nullopt for an unknown person.
std::optional<CaseFacts> CaseFactsOf(store::Transaction& tx, int64_t person_id);

// A reduction as recorded, with its early end.
struct ReductionRecord {
  int64_t id = 0;
  int64_t staff_id = 0;
  std::string allowance;
  Hours hours = 0;
  Date start;
  std::optional<Date> expires;  // as recorded; exclusive
  std::string note, added_by;
  UtcTime added_at{};
  std::optional<Date> ended_on;
  std::string end_reason, ended_by;
  // The reduction as it applies: until the earlier of its expiry and its early end.
  Reduction Effective() const;
};
std::map<int64_t, std::vector<Reduction>> ReductionsOfStaff(store::Transaction& tx,
                                                            const StaffIds& ids);
std::vector<ReductionRecord> ListReductions(store::Transaction& tx, int64_t staff_id);
std::optional<ReductionRecord> FindReduction(store::Transaction& tx, int64_t id);
int64_t InsertReduction(store::Transaction& tx, const ReductionRecord& r);
void InsertReductionEnd(store::Transaction& tx, int64_t id, Date on, const std::string& reason,
                        const std::string& by, UtcTime at);

// Court reports completed from `from` to `to` inclusive, counted by kind.
struct ReportCounts {
  int64_t standard = 0, fast = 0;
};
std::map<int64_t, ReportCounts> ReportsOfStaff(store::Transaction& tx, const StaffIds& ids,
                                               Date from, Date to);
struct CourtReport {
  int64_t id = 0;
  int64_t staff_id = 0;
  std::string kind;  // standard or fast
  Date completed_on;
  std::string crn, added_by;
  UtcTime added_at{};
};
std::vector<CourtReport> ListCourtReports(store::Transaction& tx, int64_t staff_id, Date from);
int64_t InsertCourtReport(store::Transaction& tx, const CourtReport& r);

// An allocation that took its officer past 100%.
struct OverCapacityAllocation {
  int64_t allocation_id = 0;
  int64_t staff_id = 0;
  int64_t team_id = 0;
  int64_t capacity_before = 0, capacity_after = 0;  // tenths of a percent
  std::string reason, allocated_by;
  UtcTime allocated_at{};
  std::string crn, officer_name, team_code;  // filled by the list
};
void InsertOverCapacity(store::Transaction& tx, const OverCapacityAllocation& a);
// Newest first, in these teams, allocated at or after `since`.
std::vector<OverCapacityAllocation> ListOverCapacity(store::Transaction& tx,
                                                     const std::vector<int64_t>& team_ids,
                                                     UtcTime since);

// One member of staff's recorded week.
struct Week {
  int64_t staff_id = 0;
  Date week_start;
  int64_t points = 0, available_points = 0, capacity_tenths = 0, cases = 0;
};
void UpsertWeek(store::Transaction& tx, const Week& w, UtcTime at);
// Weeks starting on or after `from`, by staff then week.
std::vector<Week> WeeksOf(store::Transaction& tx, const StaffIds& ids, Date from);

}  // namespace probity::workload
