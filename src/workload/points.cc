#include "workload/points.h"

namespace probity::workload {

namespace {
// Far above any caseload; keeps count x weight far from overflow.
constexpr int64_t kMaxCount = 100000;
}  // namespace

int64_t WeightOf(const Weightings& w, const CaseCount& c) {
  if (!c.tier || *c.tier < 0 || *c.tier > 15) return 0;
  const Row& row = c.young_adult                         ? w.young_adult
                   : c.case_type == CaseType::kCommunity ? w.community
                   : c.case_type == CaseType::kCustody   ? w.custody
                                                         : w.licence;
  return row[*c.tier];
}

Result<Points> CalculatePoints(const Weightings& w, const PointsInput& in) {
  Points out;
  for (size_t i = 0; i < in.cases.size(); ++i) {
    const CaseCount& c = in.cases[i];
    const std::string at = "cases[" + std::to_string(i) + "]";
    if (c.count < 0)
      return Error::Invalid("negative_count", "A count cannot be negative.", at + ".count");
    if (c.tier && (*c.tier < 0 || *c.tier > 15))
      return Error::Invalid("unknown_tier", "The tier is not one of A3 to D0.", at + ".tier");
    std::string item = c.young_adult ? "young adult " : "";
    item += std::string(CaseTypeCode(c.case_type)) + " ";
    item += c.tier ? std::string(kTierCodes[*c.tier]) : "untiered";
    const int64_t weight = WeightOf(w, c);
    out.breakdown.push_back({item, c.count, weight, weight * c.count});
    out.total += weight * c.count;
  }
  if (in.standard_reports < 0 || in.standard_reports > kMaxCount)
    return Error::Invalid("invalid_count", "A count must be from 0 to 100000.", "standard_reports");
  if (in.fast_reports < 0 || in.fast_reports > kMaxCount)
    return Error::Invalid("invalid_count", "A count must be from 0 to 100000.", "fast_reports");
  out.breakdown.push_back({"standard reports", in.standard_reports, w.standard_report,
                           in.standard_reports * w.standard_report});
  out.breakdown.push_back(
      {"fast reports", in.fast_reports, w.fast_report, in.fast_reports * w.fast_report});
  out.total += in.standard_reports * w.standard_report + in.fast_reports * w.fast_report;
  return out;
}

}  // namespace probity::workload
