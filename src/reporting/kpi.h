// Performance figures (issue 12, DESIGN section 4) computed from cases rebuilt from the log
// alone, so anyone with the log can recompute them. Pure: value types in, figures out.
//
// Every figure is a count out of a count, with the items behind it (one per case-thing counted,
// in the denominator, flagged when in the numerator) so each figure drills down to its cases.
// A thing belongs to the unit that held the case when it happened (Holding), so a case moved
// between teams is counted where the work was.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "calendar/working_days.h"
#include "core/date.h"
#include "core/result.h"
#include "core/time.h"
#include "reporting/case_log.h"

namespace probity::reporting {

// UK calendar days, both inclusive.
struct Period {
  Date from{};
  Date to{};
};
// kInvalid naming "from" or "to": to before from, or longer than 5 years (366 * 5 days).
Status CheckPeriod(const Period& period);

// Whose figures: everything, a region, a PDU, a team (by code) or one officer (by staff id).
struct Scope {
  enum class Level { kAll, kRegion, kPdu, kTeam, kOfficer };
  Level level = Level::kAll;
  std::string code;  // region, PDU or team code
  int64_t staff_id = 0;
};
const char* ToString(Scope::Level level);  // "all", "region", "pdu", "team", "officer"

// Whether a holding falls in the scope (a case nobody held falls only in kAll).
bool InScope(const Scope& scope, const OrgLog& org, const Holding* holding);

// One case-thing counted: a sentence's first appointment, an alert, an absence, an appointment,
// an allocation or a waiting case.
struct KpiItem {
  std::string crn;
  std::string on;             // YYYY-MM-DD: the day it is counted on
  bool counted = false;       // in the numerator
  std::string category;       // the breakdown it falls in ("person", "in time", ...)
  std::string detail;         // one line a manager reads
  std::string who;            // the person who did it, where one did (a name)
  std::string instructed_by;  // on whose instruction (a name), or ""
  int64_t seq = 0;            // the event behind it, so it can be found in the log
  bool restricted = false;    // the case is restricted: pages withhold it from others
};

struct KpiBreakdown {
  std::string label;
  int64_t count = 0;
};

struct Kpi {
  std::string code;   // FROZEN: first_appointment_in_time, ... (the API and CSV use it)
  std::string title;  // "First appointment attended in time"
  std::string numerator_label;
  std::string denominator_label;
  std::string definition;  // how it is counted, in a sentence or two
  bool higher_is_better = true;
  int64_t numerator = 0;
  int64_t denominator = 0;
  // Every item by its category, largest first: for most figures the outcome ("in time",
  // "late"...), for amended absences who changed them and on whose instruction.
  std::vector<KpiBreakdown> breakdown;
  // Everything considered, by day then CRN. Items still pending (a first appointment or a
  // decision not yet due) are in neither count; their category says so.
  std::vector<KpiItem> items;

  // Numerator over denominator in tenths of a percent, rounded half up; nullopt when nothing
  // was counted.
  std::optional<int64_t> RateTenths() const;
};

// The KPI codes, in the order reports show them.
std::span<const std::string_view> KpiCodes();

// Adds cases one at a time, so the store can stream them; Finish orders items and breakdowns.
class KpiBuilder {
 public:
  // `as_of`: the instant the log was read (figures for things not yet due wait as pending).
  KpiBuilder(Period period, Scope scope, const OrgLog& org, UtcTime as_of);
  void Add(const CaseLog& c);
  std::vector<Kpi> Finish() &&;

 private:
  void FirstAppointments(const CaseLog& c);
  void EnforcementDecisions(const CaseLog& c);
  void AbsencesAmended(const CaseLog& c);
  void Rearrangements(const CaseLog& c);
  void OpenSpaces(const CaseLog& c);
  void OverCapacity(const CaseLog& c);
  void Unallocated(const CaseLog& c);
  bool InPeriod(Date day) const { return day >= period_.from && day <= period_.to; }
  bool InScopeAt(const CaseLog& c, UtcTime at) const;

  Period period_;
  Scope scope_;
  const OrgLog& org_;
  calendar::WorkingCalendar calendar_;
  UtcTime as_of_;
  UtcTime period_end_;  // the end of the period's last UK day, or as_of if earlier
  std::vector<Kpi> kpis_;
};

// Every KPI over the cases given (a convenience over KpiBuilder for tests and small sets).
std::vector<Kpi> ComputeKpis(std::span<const CaseLog> cases, const Period& period,
                             const Scope& scope, const OrgLog& org, UtcTime as_of);

}  // namespace probity::reporting
