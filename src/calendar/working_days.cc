#include "calendar/working_days.h"

#include <algorithm>
#include <bit>

namespace probity::calendar {

namespace {
using namespace std::chrono;

constexpr Date D(int y, unsigned m, unsigned d) { return sys_days{year{y} / month{m} / day{d}}; }

// Days in the table: kFirstDate..kLastDate.
constexpr int64_t kDays = (kLastDate - kFirstDate).count() + 1;
constexpr size_t kWords = static_cast<size_t>((kDays + 63) / 64);

int64_t Index(Date d) { return (d - kFirstDate).count(); }
bool InTable(Date d) { return d >= kFirstDate && d <= kLastDate; }
bool IsWeekend(Date d) {
  const weekday w{d};
  return w == Saturday || w == Sunday;
}
int YearOf(Date d) { return static_cast<int>(year_month_day{d}.year()); }

// Floor division and modulo, so the computus holds for years before 1 as well.
int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }
int64_t FloorMod(int64_t a, int64_t b) { return a - b * FloorDiv(a, b); }

// Applies one adjustment to a year's holidays: the adjustment replaces whatever was on its date.
void Apply(std::vector<Holiday>& holidays, const Adjustment& a, const char* source) {
  std::erase_if(holidays, [&](const Holiday& h) { return h.date == a.date; });
  if (a.kind == AdjustmentKind::kHoliday) holidays.push_back(Holiday{a.date, a.name, source});
}

void SortByDate(std::vector<Holiday>& holidays) {
  std::sort(holidays.begin(), holidays.end(),
            [](const Holiday& a, const Holiday& b) { return a.date < b.date; });
}

// Rules, then the proclamations of that year.
std::vector<Holiday> BaseHolidays(int y) {
  auto holidays = RuleHolidays(y);
  for (const auto& a : ProclaimedAdjustments())
    if (YearOf(a.date) == y) Apply(holidays, a, "proclaimed");
  SortByDate(holidays);
  return holidays;
}

// Monday to Friday in [lo, hi], counted by whole weeks.
int64_t CountWeekdays(Date lo, Date hi) {
  const int64_t span = (hi - lo).count() + 1;
  int64_t count = span / 7 * 5;
  for (Date d = lo + days{span / 7 * 7}; d <= hi; d += days{1}) count += !IsWeekend(d);
  return count;
}

Error OutsideTheCalendar(const char* field, const std::string& what) {
  return Error::Invalid(
      "out_of_range",
      what + ": the calendar runs from " + FormatDate(kFirstDate) + " to " + FormatDate(kLastDate),
      field);
}
}  // namespace

Date EasterSunday(int y) {
  const int64_t a = FloorMod(y, 19);
  const int64_t b = FloorDiv(y, 100);
  const int64_t c = FloorMod(y, 100);
  const int64_t d = FloorDiv(b, 4);
  const int64_t e = FloorMod(b, 4);
  const int64_t f = FloorDiv(b + 8, 25);
  const int64_t g = FloorDiv(b - f + 1, 3);
  const int64_t h = FloorMod(19 * a + b - d - g + 15, 30);
  const int64_t i = FloorDiv(c, 4);
  const int64_t k = FloorMod(c, 4);
  const int64_t l = FloorMod(32 + 2 * e + 2 * i - h - k, 7);
  const int64_t m = FloorDiv(a + 11 * h + 22 * l, 451);
  const int64_t n = h + l - 7 * m + 114;
  return D(y, static_cast<unsigned>(n / 31), static_cast<unsigned>(n % 31 + 1));
}

std::vector<Holiday> RuleHolidays(int y) {
  std::vector<Holiday> out;
  out.reserve(8);
  const auto add = [&out](Date d, std::string name) {
    out.push_back(Holiday{d, std::move(name), "rule"});
  };
  const auto substitute = [&add](Date d, const std::string& name) {
    add(d, name + " (substitute day)");
  };
  const year yy{y};

  const Date new_year = sys_days{yy / January / 1};
  if (weekday{new_year} == Saturday)
    substitute(new_year + days{2}, "New Year's Day");
  else if (weekday{new_year} == Sunday)
    substitute(new_year + days{1}, "New Year's Day");
  else
    add(new_year, "New Year's Day");

  const Date easter = EasterSunday(y);
  add(easter - days{2}, "Good Friday");
  add(easter + days{1}, "Easter Monday");
  add(sys_days{yy / May / Monday[1]}, "Early May bank holiday");
  add(sys_days{yy / May / Monday[last]}, "Spring bank holiday");
  add(sys_days{yy / August / Monday[last]}, "Summer bank holiday");

  const Date christmas = sys_days{yy / December / 25};
  const weekday on = weekday{christmas};
  if (on == Saturday) {  // Monday 27 for Christmas, Tuesday 28 for Boxing Day
    substitute(christmas + days{2}, "Christmas Day");
    substitute(christmas + days{3}, "Boxing Day");
  } else if (on == Sunday) {  // Boxing Day on Monday 26, Tuesday 27 for Christmas
    add(christmas + days{1}, "Boxing Day");
    substitute(christmas + days{2}, "Christmas Day");
  } else if (on == Friday) {  // Boxing Day on Saturday: Monday 28
    add(christmas, "Christmas Day");
    substitute(christmas + days{3}, "Boxing Day");
  } else {
    add(christmas, "Christmas Day");
    add(christmas + days{1}, "Boxing Day");
  }
  SortByDate(out);
  return out;
}

const char* ToString(AdjustmentKind kind) {
  return kind == AdjustmentKind::kHoliday ? "holiday" : "working_day";
}

std::optional<AdjustmentKind> ParseAdjustmentKind(std::string_view text) {
  if (text == "holiday") return AdjustmentKind::kHoliday;
  if (text == "working_day") return AdjustmentKind::kWorkingDay;
  return std::nullopt;
}

const std::vector<Adjustment>& ProclaimedAdjustments() {
  using enum AdjustmentKind;
  // Each checked against GOV.UK's list of bank holidays in England and Wales
  // (https://www.gov.uk/bank-holidays; before 2012 the National Archives' copies of the
  // Directgov and DTI pages). In date order.
  static const std::vector<Adjustment> proclaimed = {
      // 1995: the early May bank holiday moved from Monday 1 May to Monday 8 May, the 50th
      // anniversary of VE Day.
      {D(1995, 5, 1), kWorkingDay, "Early May bank holiday moved to 8 May"},
      {D(1995, 5, 8), kHoliday, "Early May bank holiday (VE Day)"},
      // 1999: an extra bank holiday on Friday 31 December for the millennium.
      {D(1999, 12, 31), kHoliday, "Millennium celebrations"},
      // 2002: the spring bank holiday moved from Monday 27 May to Tuesday 4 June, and Monday 3
      // June added for the Queen's Golden Jubilee.
      {D(2002, 5, 27), kWorkingDay, "Spring bank holiday moved to 4 June"},
      {D(2002, 6, 3), kHoliday, "Golden Jubilee bank holiday"},
      {D(2002, 6, 4), kHoliday, "Spring bank holiday"},
      // 2011: Friday 29 April, the wedding of Prince William and Catherine Middleton.
      {D(2011, 4, 29), kHoliday, "Royal wedding"},
      // 2012: the spring bank holiday moved from Monday 28 May to Monday 4 June, and Tuesday 5
      // June added for the Queen's Diamond Jubilee.
      {D(2012, 5, 28), kWorkingDay, "Spring bank holiday moved to 4 June"},
      {D(2012, 6, 4), kHoliday, "Spring bank holiday"},
      {D(2012, 6, 5), kHoliday, "Queen's Diamond Jubilee"},
      // 2020: the early May bank holiday moved from Monday 4 May to Friday 8 May, the 75th
      // anniversary of VE Day.
      {D(2020, 5, 4), kWorkingDay, "Early May bank holiday moved to 8 May"},
      {D(2020, 5, 8), kHoliday, "Early May bank holiday (VE day)"},
      // 2022: the spring bank holiday moved from Monday 30 May to Thursday 2 June, and Friday 3
      // June added for the Queen's Platinum Jubilee; Monday 19 September for her state funeral.
      {D(2022, 5, 30), kWorkingDay, "Spring bank holiday moved to 2 June"},
      {D(2022, 6, 2), kHoliday, "Spring bank holiday"},
      {D(2022, 6, 3), kHoliday, "Platinum Jubilee bank holiday"},
      {D(2022, 9, 19), kHoliday, "Bank Holiday for the State Funeral of Queen Elizabeth II"},
      // 2023: Monday 8 May for the coronation of King Charles III.
      {D(2023, 5, 8), kHoliday, "Bank holiday for the coronation of King Charles III"},
  };
  return proclaimed;
}

// Rules and proclamations over kFirstDate..kLastDate: the same for every calendar, so built once.
struct WorkingCalendar::Base {
  std::vector<Holiday> holidays;  // sorted by date
  std::vector<uint64_t> open;     // bit i: kFirstDate + i days is worked

  static std::shared_ptr<const Base> Shared() {
    static const std::shared_ptr<const Base> base = [] {
      auto b = std::make_shared<Base>();
      for (int y = kFirstYear; y <= kLastYear; ++y) {
        auto year_holidays = BaseHolidays(y);
        b->holidays.insert(b->holidays.end(), std::make_move_iterator(year_holidays.begin()),
                           std::make_move_iterator(year_holidays.end()));
      }
      b->open.assign(kWords, 0);
      for (int64_t i = 0; i < kDays; ++i)
        if (!IsWeekend(kFirstDate + days{i})) b->open[i >> 6] |= uint64_t{1} << (i & 63);
      for (const auto& h : b->holidays) {
        const int64_t i = Index(h.date);
        b->open[i >> 6] &= ~(uint64_t{1} << (i & 63));
      }
      return std::shared_ptr<const Base>(std::move(b));
    }();
    return base;
  }

  // The base holidays of one year: a slice of the table, or computed outside it.
  std::vector<Holiday> Of(int y) const {
    if (y < kFirstYear || y > kLastYear) return BaseHolidays(y);
    const auto by_date = [](const Holiday& h, Date d) { return h.date < d; };
    const auto from = std::lower_bound(holidays.begin(), holidays.end(), D(y, 1, 1), by_date);
    const auto to = std::lower_bound(from, holidays.end(), D(y + 1, 1, 1), by_date);
    return {from, to};
  }

  std::optional<Holiday> On(Date d) const {
    if (!InTable(d)) {
      for (auto& h : BaseHolidays(YearOf(d)))
        if (h.date == d) return std::move(h);
      return std::nullopt;
    }
    const auto it = std::lower_bound(holidays.begin(), holidays.end(), d,
                                     [](const Holiday& h, Date x) { return h.date < x; });
    if (it == holidays.end() || it->date != d) return std::nullopt;
    return *it;
  }
};

WorkingCalendar::WorkingCalendar(std::vector<Adjustment> local)
    : base_(Base::Shared()), local_(std::move(local)), open_(base_->open) {
  std::stable_sort(local_.begin(), local_.end(),
                   [](const Adjustment& a, const Adjustment& b) { return a.date < b.date; });
  // One per date, the later in the caller's order winning: keep the last of each run.
  std::vector<Adjustment> unique;
  unique.reserve(local_.size());
  for (size_t i = 0; i < local_.size(); ++i)
    if (i + 1 == local_.size() || local_[i + 1].date != local_[i].date)
      unique.push_back(std::move(local_[i]));
  local_ = std::move(unique);
  for (const auto& a : local_) {
    if (!InTable(a.date) || IsWeekend(a.date)) continue;
    const int64_t i = Index(a.date);
    if (a.kind == AdjustmentKind::kHoliday)
      open_[i >> 6] &= ~(uint64_t{1} << (i & 63));
    else
      open_[i >> 6] |= uint64_t{1} << (i & 63);
  }
}

bool WorkingCalendar::IsWorkingDay(Date d) const {
  if (InTable(d)) {
    const int64_t i = Index(d);
    return (open_[i >> 6] >> (i & 63)) & 1;
  }
  return !IsWeekend(d) && !HolidayOn(d);
}

std::optional<Holiday> WorkingCalendar::HolidayOn(Date d) const {
  const auto it = std::lower_bound(local_.begin(), local_.end(), d,
                                   [](const Adjustment& a, Date x) { return a.date < x; });
  if (it != local_.end() && it->date == d) {
    if (it->kind == AdjustmentKind::kWorkingDay) return std::nullopt;
    return Holiday{d, it->name, "local"};
  }
  return base_->On(d);
}

std::vector<Holiday> WorkingCalendar::Holidays(int y) const {
  auto holidays = base_->Of(y);
  for (const auto& a : local_)
    if (YearOf(a.date) == y) Apply(holidays, a, "local");
  SortByDate(holidays);
  return holidays;
}

Result<Date> WorkingCalendar::AddWorkingDays(Date from, int n) const {
  if (n < -kMaxWorkingDaysStep || n > kMaxWorkingDaysStep)
    return Error::Invalid("out_of_range",
                          "add_working_days must be a whole number from -" +
                              std::to_string(kMaxWorkingDaysStep) + " to " +
                              std::to_string(kMaxWorkingDaysStep),
                          "add_working_days");
  if (!InTable(from)) return OutsideTheCalendar("from", "from is " + FormatDate(from));
  if (n == 0) return from;
  const auto past_the_end = [&] {
    return OutsideTheCalendar("from", std::to_string(n) + " working days from " + FormatDate(from) +
                                          " would pass the calendar's " +
                                          (n > 0 ? "end" : "start"));
  };
  const int64_t at = Index(from);
  if (n > 0) {
    // The nth set bit after `at`: whole words by popcount, then within the word.
    int64_t remaining = n;
    for (int64_t pos = at + 1; pos < kDays;) {
      const size_t word = static_cast<size_t>(pos >> 6);
      uint64_t w = open_[word] & (~uint64_t{0} << (pos & 63));
      const int count = std::popcount(w);
      if (count >= remaining) {
        for (int64_t k = 1; k < remaining; ++k) w &= w - 1;  // drop the lowest set bits
        return kFirstDate + days{static_cast<int64_t>(word) * 64 + std::countr_zero(w)};
      }
      remaining -= count;
      pos = (static_cast<int64_t>(word) + 1) * 64;
    }
    return past_the_end();
  }
  // The |n|th set bit before `at`, scanning down.
  int64_t remaining = -static_cast<int64_t>(n);
  for (int64_t pos = at - 1; pos >= 0;) {
    const size_t word = static_cast<size_t>(pos >> 6);
    const int bit = static_cast<int>(pos & 63);
    const uint64_t mask = bit == 63 ? ~uint64_t{0} : (uint64_t{1} << (bit + 1)) - 1;
    uint64_t w = open_[word] & mask;
    const int count = std::popcount(w);
    if (count >= remaining) {
      for (int64_t k = 1; k < remaining; ++k)
        w &= ~(uint64_t{1} << (63 - std::countl_zero(w)));  // drop the highest set bits
      return kFirstDate + days{static_cast<int64_t>(word) * 64 + 63 - std::countl_zero(w)};
    }
    remaining -= count;
    pos = static_cast<int64_t>(word) * 64 - 1;
  }
  return past_the_end();
}

int64_t WorkingCalendar::CountWorkingDays(Date lo, Date hi) const {
  int64_t count = 0;
  // Outside the table, year by year: weekdays less the effective holidays on weekdays.
  const auto slow = [&](Date a, Date b) {
    for (int y = YearOf(a); a <= b; ++y) {
      const Date end = std::min(b, D(y, 12, 31));
      count += CountWeekdays(a, end);
      for (const auto& h : Holidays(y))
        if (h.date >= a && h.date <= end && !IsWeekend(h.date)) --count;
      a = end + days{1};
    }
  };
  if (lo < kFirstDate) slow(lo, std::min(hi, kFirstDate - days{1}));
  if (hi > kLastDate) slow(std::max(lo, kLastDate + days{1}), hi);
  const Date a = std::max(lo, kFirstDate), b = std::min(hi, kLastDate);
  if (a > b) return count;
  const int64_t first = Index(a), last = Index(b);
  const size_t first_word = static_cast<size_t>(first >> 6);
  const size_t last_word = static_cast<size_t>(last >> 6);
  const uint64_t low_mask = ~uint64_t{0} << (first & 63);
  const uint64_t high_mask =
      (last & 63) == 63 ? ~uint64_t{0} : (uint64_t{1} << ((last & 63) + 1)) - 1;
  if (first_word == last_word)
    return count + std::popcount(open_[first_word] & low_mask & high_mask);
  count += std::popcount(open_[first_word] & low_mask);
  for (size_t w = first_word + 1; w < last_word; ++w) count += std::popcount(open_[w]);
  return count + std::popcount(open_[last_word] & high_mask);
}

int WorkingCalendar::WorkingDaysBetween(Date from, Date to) const {
  if (from == to) return 0;
  if (from < to) return static_cast<int>(CountWorkingDays(from + days{1}, to));
  return -static_cast<int>(CountWorkingDays(to + days{1}, from));
}

Status CheckAdjustment(const WorkingCalendar& current, const Adjustment& a) {
  if (!InTable(a.date)) return OutsideTheCalendar("date", "date is " + FormatDate(a.date));
  const bool blank = std::all_of(a.name.begin(), a.name.end(), [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  });
  if (blank) return Error::Invalid("missing_field", "enter name", "name");
  // Characters, not bytes: count everything but UTF-8 continuation bytes.
  const auto characters = std::count_if(a.name.begin(), a.name.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  });
  if (characters > 100)
    return Error::Invalid("too_long", "name must be 100 characters or fewer", "name");
  const std::string date = FormatDate(a.date);
  if (IsWeekend(a.date))
    return Error::Invalid("weekend",
                          date + " is a " + (weekday{a.date} == Saturday ? "Saturday" : "Sunday") +
                              ": weekends are never working days, so there is nothing to change",
                          "date");
  const auto holiday = current.HolidayOn(a.date);
  if (a.kind == AdjustmentKind::kHoliday && holiday)
    return Error::Invalid("already_a_holiday", date + " is already a holiday: " + holiday->name,
                          "date");
  if (a.kind == AdjustmentKind::kWorkingDay && !holiday)
    return Error::Invalid("not_a_holiday",
                          date + " is not a holiday, so it is a working day already", "date");
  return Ok();
}

}  // namespace probity::calendar
