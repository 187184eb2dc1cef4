// Calendar dates (no time of day, no zone): dates of birth, sentence dates, start and end dates.
// Stored and exchanged as "YYYY-MM-DD", which sorts as text. Pure; no clock.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "core/time.h"

namespace probity {

using Date = std::chrono::sys_days;

// Exactly "YYYY-MM-DD" naming a real day (no 2026-02-30); nullopt for anything else.
std::optional<Date> ParseDate(std::string_view text);
std::string FormatDate(Date d);

// ParseDate as a Result: kInvalid "invalid_date" naming `field` and what was wrong.
Result<Date> RequireDate(std::string_view text, const char* field);

// The UTC calendar day of an instant.
Date DateOf(UtcTime t);

// Whole years from `from` to `to` (an age on a day); negative when `to` is earlier.
int WholeYears(Date from, Date to);

// `d` plus `months` calendar months; a day past the month's end becomes its last day
// (31 January + 1 month = 28 or 29 February).
Date AddMonths(Date d, int months);

}  // namespace probity
