#include "rooms/hours.h"

#include <array>
#include <charconv>

namespace probity::rooms {

namespace {
constexpr std::array<std::string_view, 7> kDays = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
constexpr std::array<std::string_view, 7> kDayLabels = {"Mon", "Tue", "Wed", "Thu",
                                                        "Fri", "Sat", "Sun"};
constexpr int kDayMinutes = 24 * 60;

std::optional<int> TwoDigits(std::string_view text) {
  if (text.size() != 2) return std::nullopt;
  int value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + 2, value);
  if (ec != std::errc{} || end != text.data() + 2) return std::nullopt;
  return value;
}
}  // namespace

std::optional<int> ParseTimeOfDay(std::string_view text) {
  if (text.size() != 5 || text[2] != ':') return std::nullopt;
  const auto hours = TwoDigits(text.substr(0, 2));
  const auto minutes = TwoDigits(text.substr(3, 2));
  if (!hours || !minutes || *hours > 24 || *minutes > 59) return std::nullopt;
  const int total = *hours * 60 + *minutes;
  if (total > kDayMinutes) return std::nullopt;
  return total;
}

std::string FormatTimeOfDay(int minutes) {
  std::string out(5, '0');
  out[0] = static_cast<char>('0' + minutes / 600);
  out[1] = static_cast<char>('0' + minutes / 60 % 10);
  out[2] = ':';
  out[3] = static_cast<char>('0' + minutes % 60 / 10);
  out[4] = static_cast<char>('0' + minutes % 10);
  return out;
}

std::optional<unsigned> ParseDays(std::string_view text) {
  unsigned days = 0;
  while (!text.empty()) {
    const auto comma = text.find(',');
    const auto name = text.substr(0, comma);
    text = comma == std::string_view::npos ? std::string_view{} : text.substr(comma + 1);
    unsigned bit = 0;
    for (size_t i = 0; i < kDays.size(); ++i)
      if (kDays[i] == name) bit = 1u << i;
    if (bit == 0 || (days & bit) != 0) return std::nullopt;
    days |= bit;
  }
  if (days == 0) return std::nullopt;
  return days;
}

std::string FormatDays(unsigned days) {
  std::string out;
  for (size_t i = 0; i < kDays.size(); ++i)
    if (days & (1u << i)) out += (out.empty() ? "" : ",") + std::string(kDays[i]);
  return out;
}

std::string DescribeOpeningHours(const OpeningHours& hours) {
  std::string out;
  for (size_t i = 0; i < kDayLabels.size(); ++i)
    if (hours.days & (1u << i)) out += (out.empty() ? "" : ", ") + std::string(kDayLabels[i]);
  return out + " " + FormatTimeOfDay(hours.opens) + " to " + FormatTimeOfDay(hours.closes);
}

Status CheckOpeningHours(const OpeningHours& hours) {
  if (hours.opens < 0 || hours.opens >= kDayMinutes)
    return Error::Invalid("invalid_time", "opens is a time of day, HH:MM", "opens");
  if (hours.closes <= hours.opens || hours.closes > kDayMinutes)
    return Error::Invalid("invalid_time", "closes is a time after opens, at most 24:00", "closes");
  if (hours.days == 0 || hours.days >= (1u << kDays.size()))
    return Error::Invalid("invalid_choice", "open_days names at least one of mon to sun",
                          "open_days");
  return {};
}

}  // namespace probity::rooms
