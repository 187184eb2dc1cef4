#include "risk/decimal.h"

#include <array>
#include <charconv>
#include <cmath>

namespace probity::risk {

namespace {
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Digits of the whole part: at most this many once leading zeros go (kLimit is 10^12).
constexpr size_t kMaxWholeDigits = 12;
}  // namespace

std::optional<Decimal> ParseDecimal(std::string_view text) {
  bool negative = false;
  if (!text.empty() && text.front() == '-') {
    negative = true;
    text.remove_prefix(1);
  }
  const size_t point = text.find('.');
  std::string_view whole = text.substr(0, point);
  std::string_view fraction =
      point == std::string_view::npos ? std::string_view{} : text.substr(point + 1);
  if (whole.empty()) return std::nullopt;
  if (point != std::string_view::npos && fraction.empty()) return std::nullopt;
  for (char c : whole)
    if (!IsDigit(c)) return std::nullopt;
  for (char c : fraction)
    if (!IsDigit(c)) return std::nullopt;

  while (whole.size() > 1 && whole.front() == '0') whole.remove_prefix(1);
  if (whole.size() > kMaxWholeDigits) return std::nullopt;

  int64_t units = 0;
  for (char c : whole) units = units * 10 + (c - '0');
  for (size_t i = 0; i < static_cast<size_t>(Decimal::kPlaces); ++i)
    units = units * 10 + (i < fraction.size() ? fraction[i] - '0' : 0);
  // Half away from zero: the first dropped digit decides (5 and over rounds the magnitude up).
  if (fraction.size() > static_cast<size_t>(Decimal::kPlaces) &&
      fraction[static_cast<size_t>(Decimal::kPlaces)] >= '5')
    ++units;
  if (units >= Decimal::kLimit * Decimal::kScale) return std::nullopt;
  return Decimal::FromMillionths(negative ? -units : units);
}

std::optional<Decimal> DecimalFromDouble(double value) {
  if (!std::isfinite(value) || std::fabs(value) >= static_cast<double>(Decimal::kLimit))
    return std::nullopt;
  // Fixed notation, shortest round trip. The smallest subnormal needs about 330 characters.
  std::array<char, 512> buffer{};
  const auto [end, ec] =
      std::to_chars(buffer.data(), buffer.data() + buffer.size(), value, std::chars_format::fixed);
  if (ec != std::errc()) return std::nullopt;
  return ParseDecimal(std::string_view(buffer.data(), static_cast<size_t>(end - buffer.data())));
}

std::string FormatDecimal(Decimal d) {
  const int64_t m = d.millionths();
  // The magnitude as unsigned, so the most negative value still has one.
  const uint64_t magnitude = m < 0 ? 0 - static_cast<uint64_t>(m) : static_cast<uint64_t>(m);
  const uint64_t scale = static_cast<uint64_t>(Decimal::kScale);
  std::string out = (m < 0 ? "-" : "") + std::to_string(magnitude / scale);
  uint64_t fraction = magnitude % scale;
  if (fraction == 0) return out;
  std::string digits = std::to_string(fraction);
  digits.insert(0, static_cast<size_t>(Decimal::kPlaces) - digits.size(), '0');
  while (digits.back() == '0') digits.pop_back();
  return out + "." + digits;
}

double ToDouble(Decimal d) {
  const std::string text = FormatDecimal(d);
  double value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

}  // namespace probity::risk
