#include "core/date.h"

#include <date/date.h>

#include <sstream>

namespace probity {

using namespace std::chrono;

std::optional<Date> ParseDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  std::istringstream in{std::string(text)};
  date::year_month_day ymd{};
  in >> date::parse("%Y-%m-%d", ymd);
  if (in.fail() || in.peek() != std::char_traits<char>::eof() || !ymd.ok()) return std::nullopt;
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
