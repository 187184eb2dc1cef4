// The working-days calendar over the JSON API: the working-days calculator and the year's
// holidays (anyone signed in), and the local adjustments (administrators). Handlers parse, ask
// the policy, call a use case and map its result; no SQL and no rules here.
#pragma once

#include <nlohmann/json.hpp>

#include "calendar/working_days.h"
#include "core/result.h"
#include "web/auth.h"
#include "web/router.h"

namespace probity::web {

void AddCalendarRoutes(Router& router, const Auth& auth);

// The working-days calculator's contract, shared by POST /api/v1/calculators/working-days and
// `probity calc working-days`: {"from":"YYYY-MM-DD","add_working_days":N} answers
// {"date":"YYYY-MM-DD"}, the Nth working day after `from` (WorkingCalendar::AddWorkingDays).
struct WorkingDaysQuestion {
  Date from;
  int add_working_days = 0;
};

// kInvalid naming the field: a member other than those two ("unknown_field"), either missing or
// of the wrong type, or a date that is not real; "malformed_json" when `body` is not an object.
// A step too large for an int becomes the nearest int, which the calendar refuses as too large.
Result<WorkingDaysQuestion> ParseWorkingDaysQuestion(const nlohmann::json& body);

// {"date":"YYYY-MM-DD"}; kInvalid "out_of_range" naming the field from AddWorkingDays.
Result<nlohmann::json> AnswerWorkingDays(const calendar::WorkingCalendar& calendar,
                                         const WorkingDaysQuestion& question);

}  // namespace probity::web
