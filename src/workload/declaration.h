// A team or PDU declared over capacity ("unit full", issue 10 item 6): the rules on the dates and
// the words a declaration needs, and whether one is in force on a day. Pure.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/date.h"
#include "core/result.h"
#include "core/time.h"

namespace probity::workload {

struct Declaration {
  int64_t id = 0;
  std::optional<int64_t> team_id;  // nullopt: the whole PDU
  int64_t pdu_id = 0;
  std::string unit_code;  // the team's code, or the PDU's
  std::string unit_name;
  Date from{};
  std::optional<Date> to;  // nullopt: until ended
  std::string reason;
  std::string suspended_work;  // the work agreed to be suspended meanwhile
  std::string declared_by;     // actor id
  std::string declared_by_name;
  UtcTime declared_at{};
  // Ended early.
  std::optional<Date> ended_on;
  std::string end_reason;
  std::string ended_by;  // actor id
  std::string ended_by_name;
};

// In force on `day`: from on or before it, `to` (if any) on or after it, not ended on or before
// it.
bool InForce(const Declaration& d, Date day);

// The day it stops being in force, if known: the end, else the day after `to`, else nullopt.
std::optional<Date> LastDay(const Declaration& d);

// kInvalid naming the field: "from" more than 31 days before today (a declaration is made as it
// starts, not recorded long after); "to" before "from"; "reason" and "suspended_work" empty or
// over 2,000 characters.
Status CheckDeclaration(const Declaration& d, Date today);

// Ending a declaration early: kConflict "already_ended" when it was; kInvalid "ended_on" before
// it began, after today, or after its own `to`; "reason" empty or over 2,000 characters.
Status CheckEnd(const Declaration& d, Date ended_on, const std::string& reason, Date today);

}  // namespace probity::workload
