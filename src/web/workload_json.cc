#include "web/workload_json.h"

#include <array>
#include <cmath>
#include <string>

#include "web/json_input.h"
#include "workload/capacity.h"
#include "workload/points.h"

namespace probity::web {

namespace {
using nlohmann::json;
using workload::CaseCount;

constexpr std::array<const char*, 8> kFields = {
    "nominal_target", "default_hours",    "contracted_hours", "reduction_hours",
    "cases",          "standard_reports", "fast_reports",     "candidate"};
constexpr std::array<const char*, 4> kCaseFields = {"case_type", "tier", "young_adult", "count"};

Error Bad(const std::string& field, const std::string& what) {
  return Error::Invalid("invalid_field", field + " " + what, field);
}

Result<workload::Hours> HoursField(const json& body, const char* field) {
  if (!body.contains(field)) return Bad(field, "is required");
  if (!body[field].is_number()) return Bad(field, "must be a number");
  const double x = body[field].get<double>() * 100;
  if (!(std::fabs(x) < 1e9)) return Bad(field, "must be from 0 to 80");
  const double r = std::round(x);
  if (std::fabs(x - r) > 1e-6) return Bad(field, "must have at most two decimal places");
  return static_cast<workload::Hours>(r);
}

Result<CaseCount> CaseOf(const json& c, const std::string& at, bool need_count) {
  if (!c.is_object()) return Bad(at, "must be an object");
  for (auto it = c.begin(); it != c.end(); ++it) {
    bool known = false;
    for (const char* f : kCaseFields) known = known || it.key() == f;
    if (!known)
      return Error::Invalid("unknown_field", at + "." + it.key() + " is not a field",
                            at + "." + it.key());
  }
  CaseCount out;
  if (!c.contains("case_type") || !c["case_type"].is_string())
    return Bad(at + ".case_type", "must be one of: community, custody, licence");
  auto type = workload::ParseCaseType(c["case_type"].get<std::string>());
  if (!type) return Bad(at + ".case_type", "must be one of: community, custody, licence");
  out.case_type = *type;
  if (c.contains("tier") && !c["tier"].is_null()) {
    auto tier =
        c["tier"].is_string() ? workload::TierIndex(c["tier"].get<std::string>()) : std::nullopt;
    if (!tier) return Bad(at + ".tier", "must be a tier from A3 to D0, or null");
    out.tier = tier;
  }
  if (c.contains("young_adult")) {
    if (!c["young_adult"].is_boolean()) return Bad(at + ".young_adult", "must be true or false");
    out.young_adult = c["young_adult"].get<bool>();
  }
  if (c.contains("count")) {
    if (!c["count"].is_number_integer()) return Bad(at + ".count", "must be a whole number");
    out.count = c["count"].get<int64_t>();
  } else if (need_count) {
    return Bad(at + ".count", "is required");
  } else {
    out.count = 1;
  }
  return out;
}

json PercentJson(int64_t tenths) {
  return json::parse(std::to_string(tenths / 10) + "." + std::to_string(tenths % 10));
}

}  // namespace

Result<json> AnswerWorkload(const json& body) {
  if (!body.is_object()) return Error::Invalid("malformed_json", "The body must be a JSON object");
  if (auto ok = OnlyFields(body, kFields); !ok) return ok.error();
  auto nominal = RequiredInt(body, "nominal_target");
  if (!nominal) return nominal.error();
  auto def = HoursField(body, "default_hours");
  if (!def) return def.error();
  auto contracted = HoursField(body, "contracted_hours");
  if (!contracted) return contracted.error();
  auto reduction = HoursField(body, "reduction_hours");
  if (!reduction) return reduction.error();
  workload::PointsInput in;
  if (!body.contains("cases") || !body["cases"].is_array()) return Bad("cases", "must be a list");
  for (size_t i = 0; i < body["cases"].size(); ++i) {
    auto c = CaseOf(body["cases"][i], "cases[" + std::to_string(i) + "]", true);
    if (!c) return c.error();
    in.cases.push_back(*c);
  }
  auto standard = RequiredInt(body, "standard_reports");
  if (!standard) return standard.error();
  auto fast = RequiredInt(body, "fast_reports");
  if (!fast) return fast.error();
  in.standard_reports = *standard;
  in.fast_reports = *fast;
  std::optional<CaseCount> candidate;
  if (body.contains("candidate") && !body["candidate"].is_null()) {
    auto c = CaseOf(body["candidate"], "candidate", false);
    if (!c) return c.error();
    candidate = *c;
  }
  const auto weights = workload::DefaultWeightings();
  auto points = workload::CalculatePoints(weights, in);
  if (!points) return points.error();
  auto available = workload::AvailablePoints(*nominal, *def, *contracted, *reduction);
  if (!available) return available.error();
  json out = {
      {"points", points->total},
      {"available_points", *available},
      {"capacity_percent", PercentJson(workload::CapacityTenths(points->total, *available))},
      {"breakdown", json::array()}};
  for (const auto& row : points->breakdown)
    out["breakdown"].push_back(
        {{"item", row.item}, {"count", row.count}, {"weight", row.weight}, {"points", row.points}});
  if (candidate) {
    if (candidate->count < 0 || candidate->count > 100000)
      return Bad("candidate.count", "must be from 0 to 100000");
    const int64_t after =
        points->total + workload::WeightOf(weights, *candidate) * candidate->count;
    out["points_after"] = after;
    out["capacity_percent_after"] = PercentJson(workload::CapacityTenths(after, *available));
  }
  return out;
}

}  // namespace probity::web
