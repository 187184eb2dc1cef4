#include "web/pages/display.h"

#include <date/tz.h>

#include <array>

#include "core/date.h"

namespace probity::web::pages {

namespace {

constexpr std::array<std::string_view, 12> kMonths = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

std::string DayMonthYear(const std::chrono::year_month_day& ymd) {
  return std::to_string(static_cast<unsigned>(ymd.day())) + " " +
         std::string(kMonths[static_cast<unsigned>(ymd.month()) - 1]) + " " +
         std::to_string(static_cast<int>(ymd.year()));
}

}  // namespace

std::string LongDate(std::string_view iso_date) {
  const auto day = ParseDate(iso_date);
  if (!day) return std::string(iso_date);
  return DayMonthYear(std::chrono::year_month_day(*day));
}

std::string LongDateTime(UtcTime at) {
  static const date::time_zone* london = date::locate_zone("Europe/London");
  const auto local =
      date::make_zoned(london, std::chrono::floor<std::chrono::minutes>(at)).get_local_time();
  const auto day = std::chrono::floor<date::days>(local);
  const std::chrono::year_month_day ymd{std::chrono::sys_days(day.time_since_epoch())};
  const auto minutes_of_day = std::chrono::duration_cast<std::chrono::minutes>(local - day).count();
  const int hour = static_cast<int>(minutes_of_day / 60),
            minute = static_cast<int>(minutes_of_day % 60);
  const int hour12 = hour % 12 == 0 ? 12 : hour % 12;
  std::string time = std::to_string(hour12);
  if (minute != 0) time += (minute < 10 ? ":0" : ":") + std::to_string(minute);
  time += hour < 12 ? "am" : "pm";
  if (hour == 12 && minute == 0) time = "midday";
  if (hour == 0 && minute == 0) time = "midnight";
  return DayMonthYear(ymd) + " at " + time;
}

std::optional<UtcTime> UkLocalToUtc(UtcTime wall_clock) {
  static const date::time_zone* london = date::locate_zone("Europe/London");
  const date::local_time<std::chrono::microseconds> local{wall_clock.time_since_epoch()};
  const auto info = london->get_info(local);
  if (info.result == date::local_info::nonexistent) return std::nullopt;
  return UtcTime((local - info.first.offset).time_since_epoch());
}

}  // namespace probity::web::pages
