// Rules for the records that move a figure (docs/workload.md, "Reductions and court reports"):
// a reduction's hours and expiry from its allowance, hours typed as text, and which court
// reports may be recorded. Pure.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/result.h"
#include "workload/reductions.h"

namespace probity::workload {

// "7.4", "18.50", "37": hours as exact hundredths. kInvalid naming `field` for anything else
// (a sign, more than two decimal places, over 80 h).
Result<Hours> ParseHours(std::string_view text, const char* field);

// The reduction an allowance gives someone contracted for `contracted` hours from `start`: its
// percent of those hours (rounded half up, capped at them) and its expiry (start plus the
// allowance's months; none for open-ended ones). `given` hours are required for "other" (over 0,
// at most contracted) and for trade union time (over 0, at most 50% of contracted), and refused
// for the rest, whose hours follow the table. kInvalid naming "allowance" or "hours".
Result<Reduction> PlanReduction(std::string_view allowance, Hours contracted,
                                std::optional<Hours> given, Date start);

// Where an early end may fall: after the start, on or before the expiry (the first day it no
// longer applies). kInvalid "ended_on".
Status CheckReductionEnd(const Reduction& r, Date ended_on);

// A court report counts for 30 days, so it may be recorded from 29 days back up to today.
// kInvalid naming "kind" (standard or fast) or "completed_on".
Status CheckCourtReport(std::string_view kind, Date completed_on, Date today);

}  // namespace probity::workload
