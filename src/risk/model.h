// What the risk calculators share: the genders the published models are fitted for, and the
// code-and-label pairs every closed list here offers the pages. Pure data; no I/O.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace probity::risk {

// OGRS3 and the tier are published for men and women only; a person recorded with another gender
// (cases::Genders) needs a practitioner to choose which scale to apply.
enum class Gender { kMale, kFemale };

// "male", "female" (FROZEN: the calculators' API); nullopt for anything else.
const char* ToString(Gender g);
std::optional<Gender> ParseGender(std::string_view code);

// A code (FROZEN: sent over the API) and the label a person reads.
struct Term {
  std::string_view code;
  std::string_view label;
};

// The four levels that ROSH and the OGRS3 bands both use, lowest first (FROZEN codes).
inline constexpr std::array<Term, 4> kFourLevels = {
    Term{"low", "Low"},
    Term{"medium", "Medium"},
    Term{"high", "High"},
    Term{"very_high", "Very high"},
};

}  // namespace probity::risk
