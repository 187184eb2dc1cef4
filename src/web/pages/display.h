// Dates and times as GOV.UK pages show them: "10 March 2026", "23 November 2026 at 9:15am", in
// UK time (Europe/London) whatever the server's zone, right across the clock changes.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/time.h"

namespace probity::web::pages {

// "2026-03-10" -> "10 March 2026"; text that is not a date comes back as it was.
std::string LongDate(std::string_view iso_date);

// An instant in UK time: "23 November 2026 at 9:15am".
std::string LongDateTime(UtcTime at);

// The instant of a UK wall-clock time (given as a UtcTime holding the wall-clock digits). Of an
// hour that happens twice (clocks going back), the first; nullopt for a time that never happens
// (the hour skipped when the clocks go forward): the caller refuses it rather than moving it.
std::optional<UtcTime> UkLocalToUtc(UtcTime wall_clock);

}  // namespace probity::web::pages
