#include "access/rules.h"

#include <chrono>
#include <cstdio>

#include "org/rules.h"

namespace probity::access {

namespace {
bool IsDate(std::string_view s) {
  unsigned y = 0, m = 0, d = 0;
  char tail = 0;
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  const std::string text(s);
  if (std::sscanf(text.c_str(), "%4u-%2u-%2u%c", &y, &m, &d, &tail) != 3) return false;
  return std::chrono::year_month_day{std::chrono::year{static_cast<int>(y)}, std::chrono::month{m},
                                     std::chrono::day{d}}
      .ok();
}
}  // namespace

Status CheckUsername(std::string_view username) {
  bool ok =
      username.size() >= 3 && username.size() <= 64 && username[0] >= 'a' && username[0] <= 'z';
  for (char c : username)
    ok = ok &&
         ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_');
  if (ok) return Ok();
  return Error::Invalid("invalid_username",
                        "a username is 3 to 64 lower-case letters, digits, dots, hyphens or "
                        "underscores, starting with a letter (for example demo.po1)",
                        "username");
}

Result<int> ContractedMinutes(double hours) {
  if (!(hours >= 1 && hours <= 60))  // also false for NaN
    return Error::Invalid("invalid_hours", "contracted hours must be between 1 and 60 a week",
                          "contracted_hours");
  return static_cast<int>(hours * 60 + 0.5);
}

Status CheckStaff(const Staff& staff) {
  if (auto s = org::CheckName(staff.name); !s) return s;
  if (staff.contracted_minutes < 60 || staff.contracted_minutes > 60 * 60)
    return Error::Invalid("invalid_hours", "contracted hours must be between 1 and 60 a week",
                          "contracted_hours");
  if (staff.start_date && !IsDate(*staff.start_date))
    return Error::Invalid("invalid_date", "start date must be a date as YYYY-MM-DD", "start_date");
  if (staff.qualified_on && !IsDate(*staff.qualified_on))
    return Error::Invalid("invalid_date", "qualification date must be a date as YYYY-MM-DD",
                          "qualified_on");
  return Ok();
}

}  // namespace probity::access
