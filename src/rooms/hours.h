// Opening hours as people write them: "09:00", "17:30", "mon,tue,wed". Pure.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "rooms/model.h"

namespace probity::rooms {

// "HH:MM" (00:00 to 24:00) as minutes after midnight; nullopt when not that shape.
std::optional<int> ParseTimeOfDay(std::string_view text);
// Minutes after midnight as "HH:MM".
std::string FormatTimeOfDay(int minutes);

// "mon,tue,wed" (any order, no repeats) as OpeningHours::days bits; nullopt when a name is not a
// day, repeats, or none is given.
std::optional<unsigned> ParseDays(std::string_view text);
// The bits as "mon,tue,wed", Monday first.
std::string FormatDays(unsigned days);

// "Monday to Friday, 9am to 5pm" style, for pages: "mon,wed 08:30-17:00" -> "Mon, Wed 08:30 to
// 17:00".
std::string DescribeOpeningHours(const OpeningHours& hours);

// kInvalid naming "opens"/"closes"/"open_days": opening before closing, at least one day.
Status CheckOpeningHours(const OpeningHours& hours);

}  // namespace probity::rooms
