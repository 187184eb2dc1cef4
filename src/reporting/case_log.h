// A case rebuilt from its events alone (DESIGN section 4: every report figure is reproducible
// from the log). The store only fetches rows; this folds them into the value types the rules
// already judge (cases::Sentence, appointments::Appointment), plus what only the log knows: who
// did each thing, when it was recorded and on whose instruction. Pure: no I/O, no clock.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "appointments/model.h"
#include "calendar/working_days.h"
#include "cases/model.h"
#include "core/date.h"
#include "core/time.h"
#include "store/event_chain.h"

namespace probity::reporting {

// Who held the case from an instant on: a team, and its responsible officer or none (waiting in
// the team's unallocated queue). From person.registered and case.allocated.
struct Holding {
  int64_t seq = 0;
  UtcTime from{};
  std::string team_code;
  std::optional<int64_t> officer_staff_id;
  int64_t allocation_id = 0;  // the case.allocated row's id; 0 for the registration
  std::string by;             // the actor who allocated (or registered) it
};

// An appointment as the log tells it: the appointment (outcomes oldest first, each with who
// recorded it, when and on whose instruction), and who moved it.
struct LoggedAppointment {
  appointments::Appointment appointment;
  std::optional<std::string> office_code;  // booked at an office (the code in the event)
  int64_t booked_seq = 0;
  std::optional<UtcTime> rearranged_at;
  std::string rearranged_by;  // actor id
  std::optional<std::string> rearranged_instructed_by;
  int64_t rearranged_seq = 0;
};

// An enforcement alert as raised (and perhaps changed or withdrawn) by the engine.
struct LoggedAlert {
  int64_t sentence_id = 0;
  int64_t appointment_id = 0;
  Date failure_day{};
  int nth = 0;
  std::string kind;  // warning, compliance_letter, decision
  Date due_on{};
  UtcTime raised_at{};
  int64_t raised_seq = 0;
  bool withdrawn = false;
  std::optional<UtcTime> withdrawn_at;
};

// A decision on a failure and its countersignature, endorsement or refusal.
struct LoggedDecision {
  int64_t id = 0;
  int64_t sentence_id = 0;
  int64_t appointment_id = 0;
  std::string kind;  // enforcement::DecisionKind codes
  std::string rationale;
  Date failure_day{};
  UtcTime recorded_at{};
  int64_t seq = 0;
  std::string recorded_by;  // actor id
  std::optional<std::string> instructed_by;
  bool countersigned = false;
  bool endorsed = false;
  bool declined = false;
  std::optional<UtcTime> countersigned_at;
  std::string countersigned_by;  // actor id
};

// When and by whom a sentence was terminated (the sentence carries the day and reason).
struct LoggedTermination {
  int64_t sentence_id = 0;
  UtcTime recorded_at{};
  int64_t seq = 0;
  std::string recorded_by;
  std::optional<std::string> instructed_by;
};

// An allocation to an officer whose workload was already past 100%, and its recorded reason.
struct LoggedOverCapacity {
  int64_t allocation_id = 0;
  int64_t staff_id = 0;
  int64_t capacity_before = 0;  // tenths of a percent
  int64_t capacity_after = 0;
  std::string reason;
  UtcTime recorded_at{};
  int64_t seq = 0;
  std::string recorded_by;
};

struct CaseLog {
  std::string crn;
  std::optional<UtcTime> registered_at;
  std::vector<Holding> holdings;  // oldest first
  std::vector<cases::Sentence> sentences;
  std::vector<LoggedTermination> terminations;
  std::vector<LoggedAppointment> appointments;  // by id, ascending
  std::vector<LoggedAlert> alerts;              // as raised, oldest first
  std::vector<LoggedDecision> decisions;        // oldest first
  std::vector<LoggedOverCapacity> over_capacity;
  // Restricted to named staff, or some staff excluded from it, as the log last said: reports
  // show such a case to a viewer only when the access policy lets them open it.
  bool restricted = false;
  int64_t last_seq = 0;

  // Who held the case at `at` (the latest holding from on or before it); nullptr before any.
  const Holding* HoldingAt(UtcTime at) const;
  // HoldingAt, or, before the case reached any unit (a sentence dated before the case was
  // registered), the first holding: where the case went.
  const Holding* HoldingOrFirst(UtcTime at) const;
  const LoggedAppointment* FindAppointment(int64_t id) const;
  const cases::Sentence* FindSentence(int64_t id) const;
};

// The event kinds a case fold reads; all other kinds of a case's subject are skipped, so the
// store may leave them out of its query.
std::span<const std::string_view> CaseKinds();

// Folds one case's events, oldest first (any other order is a caller's error). Events of other
// kinds are skipped. Throws std::runtime_error naming the seq for a payload that does not have
// its frozen shape: the chain is verified, so that is a bug, not bad input.
CaseLog FoldCase(std::string crn, std::span<const store::EventRow> events);

// The organisation, staff names and the local working-day calendar as the log tells them.
struct OrgLog {
  std::map<std::string, std::string, std::less<>> team_pdu;    // team code -> PDU code
  std::map<std::string, std::string, std::less<>> pdu_region;  // PDU code -> region code
  std::map<std::string, std::string, std::less<>> names;       // "staff:42" -> name; units' names
  std::map<std::string, std::string, std::less<>> team_names;
  std::map<std::string, std::string, std::less<>> pdu_names;
  std::map<std::string, std::string, std::less<>> region_names;
  std::vector<calendar::Adjustment> adjustments;  // the local calendar, in the order added

  // Reads one event of OrgKinds(); other kinds are ignored.
  void Apply(const store::EventRow& event);
  calendar::WorkingCalendar Calendar() const { return calendar::WorkingCalendar(adjustments); }
  // The region and PDU of a team ("" when the log does not know it).
  std::string PduOf(std::string_view team) const;
  std::string RegionOf(std::string_view team) const;
  // A staff member's name from an actor id ("staff:42"), or the actor id itself.
  std::string NameOf(std::string_view actor) const;
};

std::span<const std::string_view> OrgKinds();

}  // namespace probity::reporting
