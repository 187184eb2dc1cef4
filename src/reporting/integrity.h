// The integrity report (issue 12, DESIGN sections 4 and 5): every change to the record that a
// target could tempt someone to make, with who made it, when, why and on whose instruction. It is
// not an accusation: most amendments are honest corrections. It makes them visible, so a pattern
// shows and the figures can be trusted. Pure: cases rebuilt from the log in, entries out.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/time.h"
#include "reporting/case_log.h"
#include "reporting/kpi.h"

namespace probity::reporting {

struct IntegrityEntry {
  std::string crn;
  UtcTime at{};               // when the change was recorded
  std::string who;            // who recorded it (a name)
  std::string instructed_by;  // on whose instruction (a name), or ""
  std::string reason;         // the reason they gave, or ""
  std::string detail;         // what changed, in a line
  int64_t seq = 0;            // the event that recorded it
  bool restricted = false;    // the case is restricted: pages withhold it from others
};

struct IntegritySection {
  std::string code;  // FROZEN: unacceptable_to_acceptable, ... (the API and CSV use it)
  std::string title;
  std::string description;
  std::vector<IntegrityEntry> entries;  // by time recorded, then CRN
};

// The section codes, in the order the report shows them:
//   unacceptable_to_acceptable      an absence judged unacceptable amended to acceptable
//   outcome_amended                 any outcome changed after it was recorded
//   first_appointment_moved_past_due a first appointment booked within its due date, then
//                                   rearranged to after it
//   completed_with_open_alert       a sentence terminated as completed while an enforcement alert
//                                   on it had no decision
//   not_enforced_uncountersigned    a decision not to enforce with no countersignature (awaiting
//                                   one, or refused) when the log was read
std::span<const std::string_view> IntegrityCodes();

// Changes recorded within the period (UK days), in the scope (the unit holding the case when the
// change was recorded); uncountersigned decisions are listed by the day they were made.
class IntegrityBuilder {
 public:
  IntegrityBuilder(Period period, Scope scope, const OrgLog& org, UtcTime as_of);
  void Add(const CaseLog& c);
  std::vector<IntegritySection> Finish() &&;

 private:
  bool Counts(const CaseLog& c, UtcTime at) const;

  Period period_;
  Scope scope_;
  const OrgLog& org_;
  calendar::WorkingCalendar calendar_;
  UtcTime as_of_;
  std::vector<IntegritySection> sections_;
};

std::vector<IntegritySection> ComputeIntegrity(std::span<const CaseLog> cases, const Period& period,
                                               const Scope& scope, const OrgLog& org,
                                               UtcTime as_of);

}  // namespace probity::reporting
