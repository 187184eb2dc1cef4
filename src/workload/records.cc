#include "workload/records.h"

#include <cctype>

namespace probity::workload {

Result<Hours> ParseHours(std::string_view text, const char* field) {
  const auto bad = [&] {
    return Error::Invalid("invalid_hours",
                          std::string(field) +
                              " is hours from 0 to 80 with at most two decimal "
                              "places, for example 7.5",
                          field);
  };
  if (text.empty() || text.size() > 8) return bad();
  Hours whole = 0, fraction = 0;
  int places = -1;  // -1: no point yet
  for (const char c : text) {
    if (c == '.' && places < 0) {
      places = 0;
      continue;
    }
    if (!std::isdigit(static_cast<unsigned char>(c))) return bad();
    if (places < 0) {
      whole = whole * 10 + (c - '0');
    } else {
      if (++places > 2) return bad();
      fraction = fraction * 10 + (c - '0');
    }
  }
  if (places == 0 && text.size() == 1) return bad();  // "."
  if (places == 1) fraction *= 10;
  const Hours hours = whole * 100 + fraction;
  if (hours > 8000) return bad();
  return hours;
}

Result<Reduction> PlanReduction(std::string_view code, Hours contracted, std::optional<Hours> given,
                                Date start) {
  const Allowance* a = FindAllowance(code);
  if (!a)
    return Error::Invalid("unknown_code", "allowance is not one of the allowances", "allowance");
  const bool entered = a->code == "other" || a->code == "trade_union";
  Reduction r;
  r.start = start;
  if (a->expiry_months > 0) r.expires = AddMonths(start, a->expiry_months);
  if (!entered) {
    if (given)
      return Error::Invalid("hours_not_taken",
                            "hours follow the allowance's percent; leave them out", "hours");
    r.hours = ReductionHours(contracted, a->percent);
    return r;
  }
  if (!given || *given <= 0)
    return Error::Invalid("hours_required", "enter the hours a week this allowance takes", "hours");
  const Hours most = a->code == "trade_union" ? ReductionHours(contracted, a->percent) : contracted;
  if (*given > most)
    return Error::Invalid("too_many_hours",
                          a->code == "trade_union"
                              ? "trade union facility time is at most half of contracted hours"
                              : "a reduction cannot be more than contracted hours",
                          "hours");
  r.hours = *given;
  return r;
}

Status CheckReductionEnd(const Reduction& r, Date ended_on) {
  if (ended_on <= r.start)
    return Error::Invalid("before_start", "ended_on must be after the reduction starts",
                          "ended_on");
  if (r.expires && ended_on > *r.expires)
    return Error::Invalid("after_expiry", "the reduction has already expired by then", "ended_on");
  return Ok();
}

Status CheckCourtReport(std::string_view kind, Date completed_on, Date today) {
  if (kind != "standard" && kind != "fast")
    return Error::Invalid("unknown_code", "kind is standard or fast", "kind");
  if (completed_on > today)
    return Error::Invalid("in_future", "completed_on cannot be in the future", "completed_on");
  if (completed_on + std::chrono::days{30} <= today)
    return Error::Invalid("too_old",
                          "a report counts for 30 days: one completed before then counts nothing",
                          "completed_on");
  return Ok();
}

}  // namespace probity::workload
