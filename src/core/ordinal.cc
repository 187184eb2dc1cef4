#include "core/ordinal.h"

#include <array>

namespace probity {

std::string Ordinal(int n) {
  const int tens = n % 100, units = n % 10;
  const char* suffix = (tens >= 11 && tens <= 13) ? "th"
                       : units == 1               ? "st"
                       : units == 2               ? "nd"
                       : units == 3               ? "rd"
                                                  : "th";
  return std::to_string(n) + suffix;
}

std::string OrdinalWord(int n) {
  static constexpr std::array<const char*, 10> kWords = {"first", "second", "third",   "fourth",
                                                         "fifth", "sixth",  "seventh", "eighth",
                                                         "ninth", "tenth"};
  if (n >= 1 && n <= 10) return kWords[static_cast<size_t>(n - 1)];
  return Ordinal(n);
}

}  // namespace probity
