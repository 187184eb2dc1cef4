// Exact decimals for the percentages that risk rules compare with thresholds (shared reference
// risk.md: an RSR of 7.0 and over scores 20, 3.0 to under 7.0 scores 10; 6.9 and over is high).
// A binary double cannot hold 6.9 or 6.995 exactly, and whether the nearest double lands above
// or below a threshold is an accident of representation; so thresholds are compared on a whole
// number of millionths, which holds every decimal of six places or fewer exactly.
//
// JSON numbers reach Probity as doubles (nlohmann::json keeps no number's text). DecimalFromDouble
// recovers the decimal the sender wrote: the shortest decimal that reads back as the same double
// (std::to_chars), which is the sender's text for any number of 15 significant digits or fewer
// ("6.995" -> 6.995, not the double's 6.99500000000000010658...). docs/risk.md says why six places
// and why rounding. Pure: no I/O.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace probity::risk {

// A signed decimal with six places, held as a whole number of millionths. Ordered exactly.
class Decimal {
 public:
  static constexpr int kPlaces = 6;
  static constexpr int64_t kScale = 1'000'000;
  // Magnitudes below this are held (any percentage, and far more); parsing refuses larger ones.
  static constexpr int64_t kLimit = 1'000'000'000'000;

  constexpr Decimal() = default;
  // `millionths` / 10^6: FromMillionths(6'995'000) is 6.995.
  static constexpr Decimal FromMillionths(int64_t millionths) {
    Decimal d;
    d.millionths_ = millionths;
    return d;
  }
  // A whole number: Whole(7) is 7.0. `n` must lie within kLimit.
  static constexpr Decimal Whole(int64_t n) { return FromMillionths(n * kScale); }

  constexpr int64_t millionths() const { return millionths_; }

  friend constexpr bool operator==(Decimal, Decimal) = default;
  friend constexpr std::strong_ordering operator<=>(Decimal, Decimal) = default;

 private:
  int64_t millionths_ = 0;
};

// Decimal text as JSON writes a number without an exponent: an optional '-', one or more digits,
// then optionally '.' and one or more digits ("6.995", "7", "-0.5", "7.000"). Digits past the
// sixth decimal place are rounded half away from zero ("6.9999995" is 7). nullopt for anything
// else ("", ".5", "5.", "+1", "1e3", " 1", "7,0") and for magnitudes of kLimit or more.
std::optional<Decimal> ParseDecimal(std::string_view text);

// The decimal a double stands for: the shortest decimal text that reads back as `value`, parsed
// by ParseDecimal (so 6.995 gives 6.995 and 6.9 gives 6.9 exactly). nullopt for NaN, infinities
// and magnitudes of kLimit or more.
std::optional<Decimal> DecimalFromDouble(double value);

// The shortest text: "6.995", "7", "-0.5", "0".
std::string FormatDecimal(Decimal d);

// The nearest double, for showing a value in JSON; never for comparing with a threshold.
double ToDouble(Decimal d);

}  // namespace probity::risk
