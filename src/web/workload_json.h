// The workload calculator's JSON contract, shared by POST /api/v1/calculators/workload and
// `probity calc workload`: the question parsed exactly (unknown fields, wrong types and unknown
// codes refused naming the field, e.g. "cases[2].tier"), the answer as JSON. Field names FROZEN.
// No HTTP here and no rules: workload/points.h and workload/capacity.h calculate.
#pragma once

#include <nlohmann/json.hpp>

#include "core/result.h"

namespace probity::web {

// Question: {"nominal_target", "default_hours", "contracted_hours", "reduction_hours" (hours: a
// number with at most two decimal places), "cases": [{"case_type": community|custody|licence,
// "tier": "A3".."D0" or null (untiered, 0 points), "young_adult": bool, "count"}...],
// "standard_reports", "fast_reports", "candidate" (optional, one case; its count is ignored and
// may be absent)}. Answer: {"points", "available_points", "capacity_percent" (one decimal place,
// half up), "breakdown": [{"item","count","weight","points"}...], and with a candidate
// "points_after", "capacity_percent_after"}. Default weightings.
Result<nlohmann::json> AnswerWorkload(const nlohmann::json& body);

}  // namespace probity::web
