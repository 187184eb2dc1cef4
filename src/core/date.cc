#include "core/date.h"

#include <date/date.h>

#include <algorithm>
#include <charconv>
#include <sstream>

namespace probity {

using namespace std::chrono;

// The one format dates are kept in, read with from_chars: a stream and date::parse cost a locale
// and an allocation per call, which was a quarter of the national workload recompute.
std::optional<Date> ParseDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto field = [&](size_t at, size_t length) -> std::optional<unsigned> {
    unsigned value = 0;
    const char* first = text.data() + at;
    const char* last = first + length;
    if (!std::all_of(first, last, [](char c) { return c >= '0' && c <= '9'; })) return {};
    if (std::from_chars(first, last, value).ptr != last) return {};
    return value;
  };
  const auto y = field(0, 4), m = field(5, 2), d = field(8, 2);
  if (!y || !m || !d) return std::nullopt;
  const date::year_month_day ymd{date::year{static_cast<int>(*y)}, date::month{*m}, date::day{*d}};
  if (!ymd.ok()) return std::nullopt;
  return Date{date::sys_days(ymd).time_since_epoch()};
}

std::string FormatDate(Date d) {
  return date::format("%Y-%m-%d", date::sys_days{d.time_since_epoch()});
}

Result<Date> RequireDate(std::string_view text, const char* field) {
  if (auto d = ParseDate(text)) return *d;
  return Error::Invalid("invalid_date",
                        std::string(field) + " must be a real date written YYYY-MM-DD, not '" +
                            std::string(text.substr(0, 40)) + "'",
                        field);
}

Date DateOf(UtcTime t) { return floor<days>(t); }

int WholeYears(Date from, Date to) {
  const year_month_day a{from}, b{to};
  int years = static_cast<int>(b.year()) - static_cast<int>(a.year());
  if (b.month() < a.month() || (b.month() == a.month() && b.day() < a.day())) --years;
  return years;
}

Date AddMonths(Date d, int months) {
  const year_month_day ymd{d};
  const year_month shifted = year_month{ymd.year(), ymd.month()} + std::chrono::months{months};
  const auto last = year_month_day_last{shifted.year(), month_day_last{shifted.month()}}.day();
  return sys_days{year_month_day{shifted.year(), shifted.month(), std::min(ymd.day(), last)}};
}

}  // namespace probity
