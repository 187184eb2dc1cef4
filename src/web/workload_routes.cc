#include "web/workload_routes.h"

#include <array>

#include "core/uk_time.h"
#include "web/case_gate.h"
#include "web/json_input.h"

namespace probity::web {

namespace {
using access::Principal;
using nlohmann::json;

constexpr std::array kReductionFields = {"allowance", "hours", "start", "note"};
constexpr std::array kEndFields = {"ended_on", "reason"};
constexpr std::array kReportFields = {"kind", "completed_on", "crn"};

// Tenths of a percent as a JSON number with one decimal place (104.3), never a binary surprise.
json Percent(int64_t tenths) {
  const char* sign = tenths < 0 ? "-" : "";
  const int64_t t = tenths < 0 ? -tenths : tenths;
  return json::parse(sign + std::to_string(t / 10) + "." + std::to_string(t % 10));
}

// Hundredths of an hour as a number of hours (17.39).
json HoursJson(workload::Hours h) {
  return json::parse(std::to_string(h / 100) + "." + (h % 100 < 10 ? "0" : "") +
                     std::to_string(h % 100));
}

json FigureJson(const workload::Figure& f) {
  json breakdown = json::array();
  for (const auto& row : f.points.breakdown)
    breakdown.push_back(
        {{"item", row.item}, {"count", row.count}, {"weight", row.weight}, {"points", row.points}});
  return {{"points", f.points.total},
          {"available_points", f.available_points},
          {"capacity_percent", Percent(f.capacity_tenths)},
          {"cases", f.cases},
          {"contracted_hours", HoursJson(f.contracted)},
          {"reduction_hours", HoursJson(f.reduction)},
          {"breakdown", std::move(breakdown)}};
}

json WeeksJson(const std::vector<workload::Week>& weeks) {
  json out = json::array();
  for (const auto& w : weeks)
    out.push_back({{"week_start", FormatDate(w.week_start)},
                   {"points", w.points},
                   {"available_points", w.available_points},
                   {"capacity_percent", Percent(w.capacity_tenths)},
                   {"cases", w.cases}});
  return out;
}

json ReductionJson(const workload::ReductionRecord& r) {
  const auto* allowance = workload::FindAllowance(r.allowance);
  return {{"id", r.id},
          {"allowance", r.allowance},
          {"label", allowance ? std::string(allowance->label) : r.allowance},
          {"hours", HoursJson(r.hours)},
          {"start", FormatDate(r.start)},
          {"expires", r.expires ? json(FormatDate(*r.expires)) : json(nullptr)},
          {"note", r.note},
          {"added_by", r.added_by},
          {"added_at", FormatUtc(r.added_at)},
          {"ended", r.ended_on ? json{{"ended_on", FormatDate(*r.ended_on)},
                                      {"reason", r.end_reason},
                                      {"by", r.ended_by}}
                               : json(nullptr)}};
}

json ReportJson(const workload::CourtReport& r) {
  return {{"id", r.id},
          {"kind", r.kind},
          {"completed_on", FormatDate(r.completed_on)},
          {"counts_until", FormatDate(workload::ReportCountsUntil(r.completed_on))},
          {"crn", r.crn}};
}

json SumJson(const workload::Sum& s) {
  return {{"points", s.points},
          {"available_points", s.available_points},
          {"capacity_percent", Percent(s.capacity_tenths())}};
}

json SettingsJson(const workload::SettingsVersion& v) {
  const auto& s = v.settings;
  return {{"version", s.version},
          {"community", s.weights.community},
          {"custody", s.weights.custody},
          {"licence", s.weights.licence},
          {"young_adult", s.weights.young_adult},
          {"standard_report", s.weights.standard_report},
          {"fast_report", s.weights.fast_report},
          {"nominal_target", s.nominal_target},
          {"default_hours", HoursJson(s.default_hours)},
          {"reason", v.reason},
          {"changed_by", v.changed_by.empty() ? json(nullptr) : json(v.changed_by)},
          {"changed_at", s.version == 0 ? json(nullptr) : json(FormatUtc(v.changed_at))}};
}

json UnitJson(const app::UnitWorkload& u) {
  json staff = json::array();
  for (const auto& s : u.staff) staff.push_back(StaffWorkloadJson(s));
  json trend = json::array();
  for (const auto& w : u.trend) {
    json week = SumJson(w.sum);
    week["week_start"] = FormatDate(w.week_start);
    trend.push_back(std::move(week));
  }
  json parts = json::array();
  for (const auto& p : u.parts) {
    json part = SumJson(p.sum);
    part["code"] = p.code;
    part["name"] = p.name;
    part["staff"] = p.staff;
    parts.push_back(std::move(part));
  }
  json over = json::array();
  for (const auto& a : u.over_capacity)
    over.push_back({{"allocation_id", a.allocation_id},
                    {"crn", a.crn},
                    {"officer", a.officer_name},
                    {"team_code", a.team_code},
                    {"capacity_before_percent", Percent(a.capacity_before)},
                    {"capacity_after_percent", Percent(a.capacity_after)},
                    {"reason", a.reason},
                    {"allocated_by", a.allocated_by},
                    {"allocated_at", FormatUtc(a.allocated_at)}});
  json declarations = json::array();
  for (const auto& d : u.declarations)
    declarations.push_back({{"id", d.id},
                            {"unit", d.team_id ? "team" : "pdu"},
                            {"code", d.unit_code},
                            {"from", FormatDate(d.from)},
                            {"to", d.to ? json(FormatDate(*d.to)) : json(nullptr)},
                            {"reason", d.reason},
                            {"suspended_work", d.suspended_work}});
  json out = SumJson(u.sum);
  out.update({{"unit", u.unit},
              {"code", u.code},
              {"name", u.name},
              {"excessive", u.excessive},
              {"staff", std::move(staff)},
              {"trend", std::move(trend)},
              {"parts", std::move(parts)},
              {"allocated_over_capacity", std::move(over)},
              {"declarations_in_force", std::move(declarations)}});
  return out;
}

Result<Response> StaffAnswer(const Auth& auth, const Principal& who, const std::string& username) {
  auto w = app::WorkloadOfStaff(auth.db(), who, username, auth.clock().Now());
  if (!w) return w.error();
  json out = StaffWorkloadJson(w->workload);
  json reductions = json::array();
  for (const auto& r : w->reductions) reductions.push_back(ReductionJson(r));
  json reports = json::array();
  for (const auto& r : w->reports) reports.push_back(ReportJson(r));
  out["reductions"] = std::move(reductions);
  out["court_reports"] = std::move(reports);
  out["weightings_version"] = w->settings.version;
  out["may_manage"] = w->may_manage;
  return Response::Json(200, out);
}

// "hours" as a number (7.4) or text ("7.4"); absent or null: none given.
Result<std::optional<std::string>> HoursText(const json& body) {
  const auto it = body.find("hours");
  if (it == body.end() || it->is_null()) return std::optional<std::string>();
  if (it->is_string()) return std::optional(it->get<std::string>());
  if (it->is_number()) return std::optional(it->dump());
  return Error::Invalid("invalid_hours", "hours is a number, for example 7.5", "hours");
}
}  // namespace

json StaffWorkloadJson(const app::StaffWorkload& w) {
  json out = FigureJson(w.figure);
  out.update({{"staff_id", w.staff.id},
              {"name", w.staff.name},
              {"username", w.staff.username},
              {"grade", std::string(access::ToString(w.staff.grade))},
              {"excessive", w.excessive},
              {"over_capacity", w.figure.capacity_tenths > 1000},
              {"weeks", WeeksJson(w.weeks)}});
  return out;
}

json RecommendationsJson(const app::Recommendations& r) {
  json items = json::array();
  for (const auto& x : r.ranked)
    items.push_back({{"staff_id", x.candidate.staff_id},
                     {"name", x.candidate.name},
                     {"username", x.candidate.username},
                     {"grade", std::string(access::ToString(x.candidate.grade))},
                     {"eligible", x.eligible},
                     {"points", x.candidate.points},
                     {"available_points", x.candidate.available_points},
                     {"capacity_percent", Percent(x.capacity_tenths)},
                     {"capacity_percent_after", Percent(x.capacity_after_tenths)},
                     {"over_capacity_after", x.over_capacity_after},
                     {"past_officer", x.candidate.officer_until.has_value()},
                     {"reasons", x.reasons}});
  return {{"crn", r.crn},
          {"team_code", r.team_code},
          {"tier", r.to_place.tier ? json(*r.to_place.tier) : json(nullptr)},
          {"high_risk", r.to_place.high_risk},
          {"case_points", r.to_place.points},
          {"items", std::move(items)}};
}

void AddWorkloadRoutes(Router& router, const Auth& auth) {
  router.Add("GET", "/api/v1/workload/me",
             auth.Guard([&auth](const Request&, const Principal& who) -> Result<Response> {
               return StaffAnswer(auth, who, who.username);
             }),
             {"Your own workload: figure, breakdown, reductions, court reports and weeks"});

  router.Add("GET", "/api/v1/workload/staff/{username}",
             auth.Guard([&auth](const Request& request, const Principal& who) -> Result<Response> {
               return StaffAnswer(auth, who, std::string(request.Param("username")));
             }),
             {"A member of staff's workload (yours, or your teams' as their manager)"});

  for (const auto& [unit, path] : {std::pair{"team", "/api/v1/workload/teams/{code}"},
                                   {"pdu", "/api/v1/workload/pdus/{code}"},
                                   {"region", "/api/v1/workload/regions/{code}"}}) {
    const std::string kind = unit;
    router.Add(
        "GET", path,
        auth.Guard([&auth, kind](const Request& request, const Principal& who) -> Result<Response> {
          auto u = app::WorkloadOfUnit(auth.db(), who, kind, std::string(request.Param("code")),
                                       auth.clock().Now());
          if (!u) return u.error();
          return Response::Json(200, UnitJson(*u));
        }),
        {"A " + kind + "'s workload: each practitioner, the sum, the trend by week"});
  }

  router.Add("POST", "/api/v1/workload/staff/{username}/reductions",
             auth.Guard([&auth](const Request& request, const Principal& who) -> Result<Response> {
               auto body = ParseJsonBody(request);
               if (!body) return body.error();
               if (auto ok = OnlyFields(*body, kReductionFields); !ok) return ok.error();
               app::ReductionInput in;
               in.username = std::string(request.Param("username"));
               auto allowance = RequiredString(*body, "allowance");
               if (!allowance) return allowance.error();
               auto start = RequiredString(*body, "start");
               if (!start) return start.error();
               auto note = OptionalString(*body, "note");
               if (!note) return note.error();
               auto hours = HoursText(*body);
               if (!hours) return hours.error();
               in.allowance = *allowance;
               in.start = *start;
               in.note = note->value_or("");
               in.hours = *hours;
               auto r = app::AddReduction(auth.db(), who, in, auth.clock().Now());
               if (!r) return r.error();
               return Response::Json(201, ReductionJson(*r));
             }),
             {"Reduce a practitioner's hours for an allowance (their SPO or head of PDU)"});

  router.Add("POST", "/api/v1/workload/reductions/{id}/end",
             auth.Guard([&auth](const Request& request, const Principal& who) -> Result<Response> {
               const auto id = request.IdParam("id");
               if (!id) return Error::NotFound("not_found", "there is no such reduction");
               auto body = ParseJsonBody(request);
               if (!body) return body.error();
               if (auto ok = OnlyFields(*body, kEndFields); !ok) return ok.error();
               auto on = RequiredString(*body, "ended_on");
               if (!on) return on.error();
               auto reason = RequiredString(*body, "reason");
               if (!reason) return reason.error();
               auto r = app::EndReduction(auth.db(), who, *id, *on, *reason, auth.clock().Now());
               if (!r) return r.error();
               return Response::Json(200, ReductionJson(*r));
             }),
             {"End a reduction early"});

  router.Add(
      "POST", "/api/v1/workload/staff/{username}/court-reports",
      auth.Guard([&auth](const Request& request, const Principal& who) -> Result<Response> {
        auto body = ParseJsonBody(request);
        if (!body) return body.error();
        if (auto ok = OnlyFields(*body, kReportFields); !ok) return ok.error();
        app::CourtReportInput in;
        in.username = std::string(request.Param("username"));
        for (auto [field, target] :
             {std::pair{"kind", &in.kind}, {"completed_on", &in.completed_on}, {"crn", &in.crn}}) {
          auto value = RequiredString(*body, field);
          if (!value) return value.error();
          *target = std::move(*value);
        }
        auto r = app::RecordCourtReport(auth.db(), who, in, auth.clock().Now());
        if (!r) return r.error();
        return Response::Json(201, ReportJson(*r));
      }),
      {"Record a court report a practitioner completed (it counts for 30 days)"});

  router.Add("GET", "/api/v1/workload/weightings",
             auth.Guard([&auth](const Request&, const Principal&) -> Result<Response> {
               json items = json::array();
               for (const auto& v : app::WeightingVersions(auth.db()))
                 items.push_back(SettingsJson(v));
               return Response::Json(200, {{"items", std::move(items)}});
             }),
             {"The weightings and nominal target, newest version first (0: the defaults)"});

  router.Add("POST", "/api/v1/workload/weightings",
             auth.Guard([&auth](const Request& request, const Principal& who) -> Result<Response> {
               auto body = ParseJsonBody(request);
               if (!body) return body.error();
               auto v = app::ChangeWeightings(auth.db(), who, *body, auth.clock().Now());
               if (!v) return v.error();
               return Response::Json(201, SettingsJson(*v));
             }),
             {"Record a new version of the weightings (administrators)"});

  router.Add("GET", "/api/v1/people/{crn}/allocation-recommendations",
             OnCase(auth, access::Action::kAllocateCase,
                    [&auth](const Request&, const Principal& who,
                            const app::CaseRef& on) -> Result<Response> {
                      auto r = app::RecommendFor(auth.db(), who, on.crn, auth.clock().Now());
                      if (!r) return r.error();
                      return Response::Json(200, RecommendationsJson(*r));
                    }),
             {"Who could take the case, ranked, each with the reasons"});
}

}  // namespace probity::web
