// UK civil time (Europe/London) for values people type and read: appointment times, the day an
// appointment fell on, due dates. Instants are stored in UTC; what a person means by "10:00 on
// 29 March" depends on the clock changes, which come from the system's time zone database.
//
// A wall-clock time that never happens (the hour skipped when the clocks go forward) is refused,
// never moved; one that happens twice (the hour repeated when they go back) must name its offset.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/result.h"
#include "core/time.h"

namespace probity {

// The instant of a UK wall-clock time (given as a UtcTime holding the wall-clock digits). Of an
// hour that happens twice, the first; nullopt for a time that never happens.
std::optional<UtcTime> UkLocalToUtc(UtcTime wall_clock);

// "YYYY-MM-DDTHH:MM" (seconds ":SS" allowed) in UK time, optionally followed by "Z", "+00:00" or
// "+01:00" to say which of a repeated hour is meant. kInvalid naming `field`:
//   "invalid_time"     not that shape, or not a real date and time;
//   "nonexistent_time" the clocks go forward over it that day;
//   "ambiguous_time"   it happens twice that day and no offset says which;
//   "wrong_offset"     the offset given is not the UK's at that time.
Result<UtcTime> ParseUkLocalTime(std::string_view text, const char* field);

// "2026-11-24T10:00+00:00": the UK wall-clock time of an instant with its offset, to the minute.
std::string FormatUkLocal(UtcTime at);

// The UK calendar day of an instant (an appointment at 00:30 BST is on that day, not the UTC day
// before).
Date UkDateOf(UtcTime at);

// The instant a UK calendar day begins (midnight UK time).
UtcTime UkStartOfDay(Date day);

// As GOV.UK pages show them: "2026-03-10" -> "10 March 2026" (text that is not a date comes back
// as it was), and an instant in UK time: "23 November 2026 at 9:15am".
std::string LongDate(std::string_view iso_date);
std::string LongDateTime(UtcTime at);
// The time of day of an instant in UK time, as LongDateTime writes it: "9:15am", "2pm", "midday".
std::string LongTime(UtcTime at);

}  // namespace probity
