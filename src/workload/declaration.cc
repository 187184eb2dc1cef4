#include "workload/declaration.h"

#include <chrono>

namespace probity::workload {

namespace {
Status CheckWords(const std::string& text, const char* field, const char* what) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos)
    return Error::Invalid("required", std::string(what) + " is required", field);
  if (text.size() > 2000)
    return Error::Invalid("too_long", std::string(what) + " is at most 2,000 characters", field);
  return Ok();
}
}  // namespace

bool InForce(const Declaration& d, Date day) {
  if (d.from > day) return false;
  if (d.to && *d.to < day) return false;
  if (d.ended_on && *d.ended_on <= day) return false;
  return true;
}

std::optional<Date> LastDay(const Declaration& d) {
  if (d.ended_on) return *d.ended_on - std::chrono::days{1};
  return d.to;
}

Status CheckDeclaration(const Declaration& d, Date today) {
  if (d.from < today - std::chrono::days{31})
    return Error::Invalid(
        "too_early", "from is at most 31 days ago: a declaration is made as it starts", "from");
  if (d.to && *d.to < d.from) return Error::Invalid("before_from", "to is on or after from", "to");
  if (auto s = CheckWords(d.reason, "reason", "the reason"); !s) return s;
  return CheckWords(d.suspended_work, "suspended_work", "the work agreed to be suspended");
}

Status CheckEnd(const Declaration& d, Date ended_on, const std::string& reason, Date today) {
  if (d.ended_on) return Error::Conflict("already_ended", "the declaration has ended already");
  if (ended_on < d.from)
    return Error::Invalid("before_from", "ended_on is on or after the declaration's start",
                          "ended_on");
  if (ended_on > today) return Error::Invalid("future", "ended_on is not after today", "ended_on");
  if (d.to && ended_on > *d.to)
    return Error::Invalid("after_to", "the declaration ended on its own on its last day",
                          "ended_on");
  return CheckWords(reason, "reason", "the reason");
}

}  // namespace probity::workload
