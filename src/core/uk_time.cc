#include "core/uk_time.h"

#include <date/tz.h>

#include <array>
#include <cctype>

namespace probity {

namespace {

using std::chrono::minutes;

const date::time_zone& London() {
  static const date::time_zone* london = date::locate_zone("Europe/London");
  return *london;
}

date::local_time<std::chrono::microseconds> LocalOf(UtcTime wall_clock) {
  return date::local_time<std::chrono::microseconds>{wall_clock.time_since_epoch()};
}

bool Digits(std::string_view text, size_t from, size_t count) {
  if (from + count > text.size()) return false;
  for (size_t i = from; i < from + count; ++i)
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return false;
  return true;
}

int Number(std::string_view text, size_t from, size_t count) {
  int n = 0;
  for (size_t i = from; i < from + count; ++i) n = n * 10 + (text[i] - '0');
  return n;
}

Error BadShape(std::string_view text, const char* field) {
  return Error::Invalid("invalid_time",
                        std::string(field) + " must be a UK date and time such as " +
                            "2026-11-24T10:00, optionally with +00:00 or +01:00; got \"" +
                            std::string(text.substr(0, 40)) + "\"",
                        field);
}

std::string Hhmm(UtcTime wall_clock) {
  const auto s = FormatUtc(wall_clock);  // "YYYY-MM-DDTHH:MM:SS.ffffffZ"
  return s.substr(11, 5) + " on " + s.substr(0, 10);
}

}  // namespace

std::optional<UtcTime> UkLocalToUtc(UtcTime wall_clock) {
  const auto local = LocalOf(wall_clock);
  const auto info = London().get_info(local);
  if (info.result == date::local_info::nonexistent) return std::nullopt;
  return UtcTime((local - info.first.offset).time_since_epoch());
}

Result<UtcTime> ParseUkLocalTime(std::string_view text, const char* field) {
  // YYYY-MM-DDTHH:MM[:SS][Z|+HH:MM|-HH:MM]
  if (text.size() < 16 || !Digits(text, 0, 4) || text[4] != '-' || !Digits(text, 5, 2) ||
      text[7] != '-' || !Digits(text, 8, 2) || (text[10] != 'T' && text[10] != ' ') ||
      !Digits(text, 11, 2) || text[13] != ':' || !Digits(text, 14, 2))
    return BadShape(text, field);
  size_t at = 16;
  int seconds = 0;
  if (at < text.size() && text[at] == ':') {
    if (!Digits(text, at + 1, 2)) return BadShape(text, field);
    seconds = Number(text, at + 1, 2);
    at += 3;
  }
  std::optional<minutes> offset;
  if (at < text.size()) {
    const auto rest = text.substr(at);
    if (rest == "Z") {
      offset = minutes{0};
    } else if (rest.size() == 6 && (rest[0] == '+' || rest[0] == '-') && Digits(rest, 1, 2) &&
               rest[3] == ':' && Digits(rest, 4, 2)) {
      const int m = Number(rest, 1, 2) * 60 + Number(rest, 4, 2);
      offset = minutes{rest[0] == '-' ? -m : m};
    } else {
      return BadShape(text, field);
    }
  }
  const auto day = ParseDate(text.substr(0, 10));
  const int hour = Number(text, 11, 2), minute = Number(text, 14, 2);
  if (!day || hour > 23 || minute > 59 || seconds > 59) return BadShape(text, field);
  const UtcTime wall =
      *day + std::chrono::hours{hour} + minutes{minute} + std::chrono::seconds{seconds};
  const auto info = London().get_info(LocalOf(wall));
  if (info.result == date::local_info::nonexistent)
    return Error::Invalid("nonexistent_time",
                          Hhmm(wall) +
                              " does not exist in UK time: the clocks go forward an hour that "
                              "night; choose a time outside the skipped hour",
                          field);
  const minutes first{std::chrono::duration_cast<minutes>(info.first.offset)};
  if (offset) {
    const bool matches =
        *offset == first || (info.result == date::local_info::ambiguous &&
                             *offset == std::chrono::duration_cast<minutes>(info.second.offset));
    if (!matches)
      return Error::Invalid("wrong_offset",
                            "the UK's offset from UTC at " + Hhmm(wall) + " is not the one given",
                            field);
    return wall - *offset;
  }
  if (info.result == date::local_info::ambiguous)
    return Error::Invalid("ambiguous_time",
                          Hhmm(wall) +
                              " happens twice in UK time (the clocks go back an hour that night); "
                              "add +01:00 for the first (BST) or +00:00 for the second (GMT)",
                          field);
  return wall - first;
}

std::string FormatUkLocal(UtcTime at) {
  const auto zoned = date::make_zoned(&London(), std::chrono::floor<minutes>(at));
  const auto info = zoned.get_info();
  const auto off = std::chrono::duration_cast<minutes>(info.offset).count();
  const auto local = zoned.get_local_time();
  const auto text = FormatUtc(UtcTime(local.time_since_epoch()));
  const auto abs_off = off < 0 ? -off : off;
  std::string zone = off < 0 ? "-" : "+";
  const auto two = [](long long n) { return (n < 10 ? "0" : "") + std::to_string(n); };
  zone += two(abs_off / 60) + ":" + two(abs_off % 60);
  return text.substr(0, 16) + zone;
}

Date UkDateOf(UtcTime at) {
  const auto local = date::make_zoned(&London(), at).get_local_time();
  return Date(std::chrono::floor<std::chrono::days>(local).time_since_epoch());
}

UtcTime UkStartOfDay(Date day) {
  // Midnight exists every day in the UK (the clocks change at 01:00 and 02:00).
  return *UkLocalToUtc(UtcTime(day));
}

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

namespace {
// The UK local time of `at`, to the minute: its calendar day and the minutes into it.
std::pair<std::chrono::year_month_day, int> UkDayAndMinute(UtcTime at) {
  static const date::time_zone* london = date::locate_zone("Europe/London");
  const auto local =
      date::make_zoned(london, std::chrono::floor<std::chrono::minutes>(at)).get_local_time();
  const auto day = std::chrono::floor<date::days>(local);
  const std::chrono::year_month_day ymd{std::chrono::sys_days(day.time_since_epoch())};
  return {ymd,
          static_cast<int>(std::chrono::duration_cast<std::chrono::minutes>(local - day).count())};
}

std::string TimeText(int minutes_of_day) {
  const int hour = minutes_of_day / 60, minute = minutes_of_day % 60;
  if (hour == 12 && minute == 0) return "midday";
  if (hour == 0 && minute == 0) return "midnight";
  std::string time = std::to_string(hour % 12 == 0 ? 12 : hour % 12);
  if (minute != 0) time += (minute < 10 ? ":0" : ":") + std::to_string(minute);
  return time + (hour < 12 ? "am" : "pm");
}
}  // namespace

std::string LongDateTime(UtcTime at) {
  const auto [ymd, minutes] = UkDayAndMinute(at);
  return DayMonthYear(ymd) + " at " + TimeText(minutes);
}

std::string LongTime(UtcTime at) { return TimeText(UkDayAndMinute(at).second); }

}  // namespace probity
