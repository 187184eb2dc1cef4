// The unallocated queue's rules (issue 10, DESIGN section 6): which flags an SPO sees before
// allocating a case, how long it has waited, and the order of urgency. Pure: value types in,
// values out; app/unallocated.h loads the rows and calls these.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "appointments/model.h"
#include "cases/model.h"
#include "cases/store.h"
#include "core/date.h"
#include "core/time.h"

namespace probity::allocation {

// One case in the queue, as the page and the API show it.
struct QueueEntry {
  cases::PersonSummary person;
  int age = 0;                          // whole years on the day asked
  cases::Sentence sentence;             // the current sentence the case is waiting on
  UtcTime waiting_since{};              // when the case last lost its officer, or entered its team
  int days_waiting = 0;                 // UK days from waiting_since to the day asked
  std::vector<std::string> risk_flags;  // "ROSH very high", "MAPPA level 2", ...
  bool high_risk = false;               // ROSH high or very high, or MAPPA level 2 or 3
  std::optional<appointments::FirstAppointment> first_appointment;
  // The latest entry on the case's timeline: who last did something, what and when.
  std::optional<cases::Contact> last_action;
  // Who opened the case while it waited, the latest first.
  std::vector<cases::CaseView> viewed_by;
};

// The flags an allocation weighs, from the registrations current on `today` (started on or
// before it, not ended on or before it), most serious first: ROSH (with its level), MAPPA (with
// its level), then terrorism-related, domestic abuse perpetrator, child protection, restraining
// order, weapons, street gangs, self-harm and vulnerability, each by its label.
std::vector<std::string> RiskFlagsOf(const std::vector<cases::Registration>& registrations,
                                     Date today);
// ROSH high or very high, or MAPPA level 2 or 3, current on `today`: only a qualified officer
// may hold the case.
bool IsHighRisk(const std::vector<cases::Registration>& registrations, Date today);

// The current sentence a case waits on: of the sentences current on `today` (status active,
// sentenced on or before today), the latest sentenced; nullopt when there is none.
std::optional<cases::Sentence> WaitingOn(const std::vector<cases::Sentence>& sentences, Date today);

// When the case entered the queue: the latest allocation when it names no officer (the case was
// registered to a team, or its officer was taken off it), else the fallback (the person's
// registration).
UtcTime WaitingSince(const std::vector<cases::Allocation>& newest_first, UtcTime fallback);

// Most urgent first: a first appointment missed, then one still due, soonest due date first;
// then the longest waiting; then by CRN so the order is stable.
void SortByUrgency(std::vector<QueueEntry>& entries);

}  // namespace probity::allocation
