// Workload points (workload.md "Points"): pure; no store, clock or I/O.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "workload/model.h"

namespace probity::workload {

// count cases of one type and tier; tier nullopt is an untiered case (scores 0).
// A young adult uses the young-adult row whatever the case type.
struct CaseCount {
  CaseType case_type = CaseType::kCommunity;
  std::optional<int> tier;  // index into kTierCodes
  bool young_adult = false;
  int64_t count = 0;
};

struct PointsInput {
  std::vector<CaseCount> cases;
  int64_t standard_reports = 0;  // in the last 30 days
  int64_t fast_reports = 0;
};

struct BreakdownRow {
  std::string item;  // "community B2", "young adult B2", "untiered custody", "standard reports"
  int64_t count = 0;
  int64_t weight = 0;
  int64_t points = 0;
};

struct Points {
  int64_t total = 0;
  std::vector<BreakdownRow> breakdown;  // one per input row, then the two report rows
};

// The weight of one case of this type, tier and age group.
int64_t WeightOf(const Weightings& w, const CaseCount& c);

// kInvalid naming the field ("cases[2].count", "standard_reports") for a count below 0 or over
// 100000, or a tier index out of range.
Result<Points> CalculatePoints(const Weightings& w, const PointsInput& in);

}  // namespace probity::workload
