// The working-days calendar for England and Wales (DESIGN section 5: "working days exclude
// weekends and England and Wales bank holidays, computed by rule, with an editable list for
// one-off holidays"). It answers whether a day is worked and what date lies n working days away,
// for every due date: enforcement decisions, countersignatures, reports.
//
// Three layers make the calendar, a later layer winning for a date:
//   1. the rules: the eight bank holidays each year and their substitute days (RuleHolidays);
//   2. the one-off changes made by royal proclamation since 1995 (ProclaimedAdjustments);
//   3. the administrator's local adjustments (stored by calendar/store.h).
// Pure: no database, clock, log or configuration; local adjustments arrive as a value.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/result.h"

namespace probity::calendar {

// The span the calendar answers fast and the API accepts: 1 January 1990 to 31 December 2199.
inline constexpr int kFirstYear = 1990;
inline constexpr int kLastYear = 2199;
inline constexpr Date kFirstDate =
    std::chrono::sys_days{std::chrono::year{kFirstYear} / std::chrono::January / 1};
inline constexpr Date kLastDate =
    std::chrono::sys_days{std::chrono::year{kLastYear} / std::chrono::December / 31};
// AddWorkingDays refuses a larger step (ten years of working days is far more than any policy).
inline constexpr int kMaxWorkingDaysStep = 3660;

// Easter Sunday in the Gregorian calendar (the anonymous Gregorian computus, "Meeus/Jones/
// Butcher"), for any year the calendar types hold.
Date EasterSunday(int year);

struct Holiday {
  Date date;
  std::string name;    // "Easter Monday", "Christmas Day (substitute day)"
  std::string source;  // "rule", "proclaimed" or "local" (FROZEN: the API shows it)

  friend bool operator==(const Holiday&, const Holiday&) = default;
};

// England and Wales bank holidays by rule for `year`, sorted by date: New Year's Day, Good Friday,
// Easter Monday, the early May bank holiday (first Monday of May), the spring bank holiday (last
// Monday of May), the summer bank holiday (last Monday of August), Christmas Day and Boxing Day.
// A holiday at a weekend gives a substitute day instead, named "<name> (substitute day)":
//   New Year's Day on Saturday or Sunday: the next Monday;
//   Christmas Day on Saturday: Monday 27 (Christmas) and Tuesday 28 (Boxing Day);
//   Christmas Day on Sunday: Boxing Day on Monday 26 and Tuesday 27 for Christmas;
//   Boxing Day on Saturday: Monday 28.
// Source "rule". The rules are today's, applied to any year; the calendar's one-offs are below.
std::vector<Holiday> RuleHolidays(int year);

enum class AdjustmentKind {
  kHoliday,     // an extra day off (a bank holiday by proclamation, a local closure)
  kWorkingDay,  // a day the rules make a holiday that is worked (the holiday was moved)
};

// "holiday" and "working_day" (FROZEN: stored, in events and in the API); nullopt otherwise.
const char* ToString(AdjustmentKind kind);
std::optional<AdjustmentKind> ParseAdjustmentKind(std::string_view text);

struct Adjustment {
  Date date;
  AdjustmentKind kind = AdjustmentKind::kHoliday;
  std::string name;  // for a working day, why ("Spring bank holiday moved to 2 June")

  friend bool operator==(const Adjustment&, const Adjustment&) = default;
};

// The changes to the rules made by royal proclamation since 1995, by date, as GOV.UK lists them
// (https://www.gov.uk/bank-holidays and the National Archives' copies of its earlier pages).
const std::vector<Adjustment>& ProclaimedAdjustments();

// The effective calendar: rules, then proclaimed adjustments, then `local` ones. Immutable and
// cheap to copy (about 10 KB); safe to share between threads for reading.
//
// Weekends are never working days: a working-day adjustment only cancels a holiday. Every method
// answers for any date; those from kFirstDate to kLastDate come from a table built once per
// process (a bit per day), so IsWorkingDay, AddWorkingDays and WorkingDaysBetween allocate
// nothing and take a few nanoseconds there.
class WorkingCalendar {
 public:
  // `local`: the administrator's adjustments, in any order; where two share a date, the later in
  // the vector wins.
  explicit WorkingCalendar(std::vector<Adjustment> local = {});

  // False on Saturdays, Sundays and effective holidays.
  bool IsWorkingDay(Date d) const;

  // The effective holiday on `d` (a local holiday at a weekend included); nullopt when none.
  std::optional<Holiday> HolidayOn(Date d) const;

  // Every effective holiday in `year`, sorted by date.
  std::vector<Holiday> Holidays(int year) const;

  // The nth working day after `from` (n = 0: `from` itself, worked or not); a negative n counts
  // back: the |n|th working day before `from`. kInvalid "out_of_range" naming "add_working_days"
  // when |n| > kMaxWorkingDaysStep, and naming "from" when `from` or the answer falls outside
  // kFirstDate..kLastDate.
  Result<Date> AddWorkingDays(Date from, int n) const;

  // Working days after `from` up to and including `to`; negative (the count after `to` up to
  // `from`) when `to` is earlier; 0 when they are the same day.
  int WorkingDaysBetween(Date from, Date to) const;

  // The local adjustments, sorted by date, one per date.
  const std::vector<Adjustment>& LocalAdjustments() const { return local_; }

  struct Base;  // rules and proclamations over kFirstDate..kLastDate (working_days.cc)

 private:
  // Working days in [lo, hi] (lo <= hi).
  int64_t CountWorkingDays(Date lo, Date hi) const;

  std::shared_ptr<const Base> base_;
  std::vector<Adjustment> local_;
  std::vector<uint64_t> open_;  // bit i: kFirstDate + i days is a working day
};

// Whether an administrator may add `a` to the calendar `current` (which has no local adjustment
// on a.date). kInvalid naming the field: "date" outside kFirstDate..kLastDate, a holiday at a
// weekend or on a day that is already a holiday, or a working day on a day that is not a holiday
// (there is nothing to work); "name" blank or over 100 characters.
Status CheckAdjustment(const WorkingCalendar& current, const Adjustment& a);

}  // namespace probity::calendar
