// English ordinals, for the words pages, letters and timeline lines print about the nth failure.
#pragma once

#include <string>

namespace probity {

// "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "111th"...
std::string Ordinal(int n);
// "first" ... "tenth", then Ordinal(n): a letter spells out the small ones.
std::string OrdinalWord(int n);

}  // namespace probity
