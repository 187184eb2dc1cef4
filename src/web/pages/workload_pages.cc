#include "web/pages/workload_pages.h"

#include <algorithm>
#include <map>
#include <set>

#include "access/policy.h"
#include "app/workload.h"
#include "core/uk_time.h"
#include "org/store.h"
#include "web/pages/date_field.h"
#include "web/pages/form.h"
#include "workload/capacity.h"
#include "workload/chart.h"
#include "workload/reductions.h"

namespace probity::web::pages {

namespace {

using access::Principal;
using nlohmann::json;

std::string LongDateOf(Date d) { return LongDate(FormatDate(d)); }

// 740 -> "7.4", 1739 -> "17.39", 3700 -> "37": hours as a person writes them.
std::string HoursText(workload::Hours h) {
  std::string out = std::to_string(h / 100);
  if (const int64_t rest = h % 100; rest != 0)
    out +=
        "." + std::string(rest < 10 ? "0" : "") + std::to_string(rest % 10 == 0 ? rest / 10 : rest);
  return out;
}

// "Over capacity" (amber), "Excessive" (red) or nothing, as a GOV.UK tag.
json StatusTag(int64_t tenths, bool excessive) {
  if (excessive) return {{"text", "Excessive"}, {"class", "govuk-tag--red"}};
  if (workload::OverCapacity(tenths))
    return {{"text", "Over capacity"}, {"class", "govuk-tag--orange"}};
  return nullptr;
}

std::string StaffUrl(const std::string& username) { return "/workload/staff/" + username; }

json WeeksTable(const std::vector<workload::Week>& weeks) {
  json rows = json::array();
  for (auto it = weeks.rbegin(); it != weeks.rend(); ++it)
    rows.push_back({{"week", LongDateOf(it->week_start)},
                    {"points", it->points},
                    {"available", it->available_points},
                    {"capacity", workload::TenthsText(it->capacity_tenths)}});
  return rows;
}

// The dashboards the viewer may open: their teams' (SPOs, heads of PDU), their PDUs' (heads of
// PDU), regions (performance analysts: every one; heads of PDU: theirs).
json DashboardLinks(const Site& site, const Principal& who) {
  auto tx = site.auth.db().BeginRead();
  const auto org = org::LoadOrganisation(tx);
  json out = json::array();
  std::map<std::string, int64_t> pdu_ids;
  for (const auto& p : org.pdus) pdu_ids[p.code] = p.id;
  const bool analyst = who.role == access::Role::kPerformanceAnalyst;
  std::set<std::string> regions;
  for (const auto& p : org.pdus) {
    if (analyst) {
      regions.insert(p.region_code);
    } else if (access::Decide(who, access::Action::kReadTeamWorkload,
                              access::UnitAccess{0, p.id})) {
      out.push_back({{"href", "/workload/pdus/" + p.code}, {"text", "PDU " + p.name}});
      regions.insert(p.region_code);
    }
  }
  if (!analyst)
    for (const auto& t : org.teams)
      if (access::Decide(who, access::Action::kReadTeamWorkload,
                         access::UnitAccess{t.id, pdu_ids[t.pdu_code]}))
        out.push_back({{"href", "/workload/teams/" + t.code}, {"text", "Team " + t.name}});
  for (const auto& r : org.regions)
    if (regions.count(r.code))
      out.push_back({{"href", "/workload/regions/" + r.code}, {"text", "Region " + r.name}});
  return out;
}

struct StaffForm {  // what was typed in the page's forms, kept when one is refused
  std::string allowance, hours, note, kind, crn;
  TypedDay start, completed;
  int64_t refused_end_id = 0;
  std::string end_reason;
  TypedDay end_on;
};

json ReductionRow(const workload::ReductionRecord& r, Date today, bool may_manage,
                  const std::string& back, const StaffForm& typed, const json& data) {
  const auto* allowance = workload::FindAllowance(r.allowance);
  const auto effective = r.Effective();
  const bool active = workload::ActiveOn(effective, today);
  std::string state = active                    ? "Active"
                      : r.ended_on              ? "Ended"
                      : effective.start > today ? "Starts " + LongDateOf(r.start)
                                                : "Expired";
  json row = {{"id", r.id},
              {"label", allowance ? std::string(allowance->label) : r.allowance},
              {"hours", HoursText(r.hours)},
              {"start", LongDateOf(r.start)},
              {"expires", r.expires ? json(LongDateOf(*r.expires)) : json(nullptr)},
              {"note", r.note},
              {"added_by", r.added_by},
              {"state", state},
              {"active", active},
              {"ended", r.ended_on ? json{{"on", LongDateOf(*r.ended_on)},
                                          {"reason", r.end_reason},
                                          {"by", r.ended_by}}
                                   : json(nullptr)}};
  if (may_manage && !r.ended_on && (!effective.expires || *effective.expires > today)) {
    const bool mine = typed.refused_end_id == r.id;
    const std::string id = "end-" + std::to_string(r.id);
    row["end_form"] = {
        {"action", "/workload/reductions/" + std::to_string(r.id) + "/end"},
        {"id", id},
        {"back", back},
        {"reason", mine ? typed.end_reason : ""},
        {"reason_error",
         mine && data.contains(id + "-reason_error") ? data[id + "-reason_error"] : json(nullptr)},
        {"on_input", DateInput(id + "-on", "ended_on", "Ends on",
                               "The first day it no longer applies. Leave blank for today",
                               mine ? typed.end_on : TypedDay{}, data)}};
  }
  return row;
}

Result<Response> StaffPage(const Site& site, const Principal& who, const std::string& username,
                           json data, int status, const StaffForm& typed = {}) {
  const auto now = site.auth.clock().Now();
  const Date today = UkDateOf(now);
  auto detail = app::WorkloadOfStaff(site.auth.db(), who, username, now);
  if (!detail) return detail.error();
  const auto& w = detail->workload;
  const auto& f = w.figure;
  const bool own = w.staff.id == who.staff_id;
  if (!data.contains("errors")) data["errors"] = json::array();
  const std::string back = StaffUrl(username);
  data["own"] = own;
  data["name"] = w.staff.name;
  data["grade"] = std::string(access::ToString(w.staff.grade));
  data["figure"] = {{"points", f.points.total},
                    {"available", f.available_points},
                    {"capacity", workload::TenthsText(f.capacity_tenths)},
                    {"status", StatusTag(f.capacity_tenths, w.excessive)},
                    {"cases", f.cases},
                    {"contracted", HoursText(f.contracted)},
                    {"reduction", HoursText(f.reduction)},
                    {"version", detail->settings.version}};
  json breakdown = json::array();
  for (const auto& row : f.points.breakdown)
    if (row.count > 0)
      breakdown.push_back({{"item", AsSentence(row.item)},
                           {"count", row.count},
                           {"weight", row.weight},
                           {"points", row.points}});
  data["breakdown"] = std::move(breakdown);
  std::vector<workload::Point> points;
  for (const auto& week : w.weeks)
    points.push_back({FormatDate(week.week_start), week.capacity_tenths});
  data["trend"] = workload::TrendChart("Capacity by week", points);
  data["weeks"] = WeeksTable(w.weeks);
  json reductions = json::array();
  for (const auto& r : detail->reductions)
    reductions.push_back(ReductionRow(r, today, detail->may_manage, back, typed, data));
  data["reductions"] = std::move(reductions);
  json reports = json::array();
  for (const auto& r : detail->reports)
    reports.push_back({{"kind", r.kind == "fast" ? "Fast (converted)" : "Standard"},
                       {"completed_on", LongDateOf(r.completed_on)},
                       {"counts_until", LongDateOf(workload::ReportCountsUntil(r.completed_on) -
                                                   std::chrono::days{1})},
                       {"crn", r.crn}});
  data["has_reports"] = !reports.empty();
  data["reports"] = std::move(reports);
  if (detail->may_manage) {
    json allowances = json::array();
    for (const auto& a : workload::Allowances())
      allowances.push_back({{"value", std::string(a.code)},
                            {"label", std::string(a.label)},
                            {"selected", typed.allowance == a.code}});
    data["reduction_form"] = {
        {"action", back + "/reductions"},
        {"allowances", std::move(allowances)},
        {"hours", typed.hours},
        {"note", typed.note},
        {"start_input",
         DateInput("start", "start", "From", "For example, 1 12 2026", typed.start, data)}};
  }
  if (own || detail->may_manage)
    data["report_form"] = {
        {"action", back + "/court-reports"},
        {"standard", typed.kind != "fast"},
        {"fast", typed.kind == "fast"},
        {"crn", typed.crn},
        {"completed_input", DateInput("completed_on", "completed_on", "Completed on",
                                      "For example, 27 11 2026", typed.completed, data)}};
  if (own) data["dashboards"] = DashboardLinks(site, who);
  data["has_dashboards"] = data.contains("dashboards") && !data["dashboards"].empty();
  const std::string title = own ? "My workload" : "Workload: " + w.staff.name;
  data["title"] = title;
  return Page(site, &who, status, title, "workload_staff", std::move(data));
}

Result<Response> MinePage(const Site& site, const Request& request, const Principal& who) {
  json data = json::object();
  if (request.Query("done") == "report") data["banner"] = "The court report is recorded.";
  return StaffPage(site, who, who.username, std::move(data), 200);
}

Result<Response> StaffOf(const Site& site, const Request& request, const Principal& who) {
  json data = json::object();
  const auto done = request.Query("done");
  if (done == "reduction") data["banner"] = "The reduction is recorded.";
  if (done == "ended") data["banner"] = "The reduction has ended.";
  if (done == "report") data["banner"] = "The court report is recorded.";
  return StaffPage(site, who, std::string(request.Param("username")), std::move(data), 200);
}

// The field an error from the rules belongs beside on the reduction form.
std::string ReductionFieldId(const std::string& field) {
  for (const char* known : {"hours", "start", "note"})
    if (field == known) return field;
  return "allowance";
}

Result<Response> PostReduction(const Site& site, const Request& request, const Principal& who) {
  const std::string username(request.Param("username"));
  auto form = ParseFormBody(request);
  if (!form) return form.error();
  StaffForm typed;
  typed.allowance = FormValue(*form, "allowance");
  typed.hours = std::string(Trimmed(FormValue(*form, "hours")));
  typed.note = FormValue(*form, "note");
  typed.start = TypedDayOf(*form, "start");
  json data = {{"errors", json::array()}};
  if (typed.allowance.empty()) AddError(data, "allowance", "Select the allowance");
  const auto start = DayOf(data, "start", typed.start, "Enter the date it starts");
  if (!HasErrors(data)) {
    app::ReductionInput in{username, typed.allowance,
                           typed.hours.empty() ? std::nullopt : std::optional(typed.hours),
                           FormatDate(*start), std::string(Trimmed(typed.note))};
    auto r = app::AddReduction(site.auth.db(), who, in, site.auth.clock().Now());
    if (r) return SeeOther(StaffUrl(username) + "?done=reduction");
    const Error& e = r.error();
    if (e.kind != ErrorKind::kInvalid) return e;
    AddError(data, ReductionFieldId(e.field), AsSentence(e.message));
  }
  return StaffPage(site, who, username, std::move(data), 400, typed);
}

Result<Response> PostEndReduction(const Site& site, const Request& request, const Principal& who) {
  const auto id = request.IdParam("id");
  if (!id) return Error::NotFound("not_found", "there is no such reduction");
  auto form = ParseFormBody(request);
  if (!form) return form.error();
  const std::string back = SafeNext(FormValue(*form, "back"));
  const std::string prefix = "/workload/staff/";
  if (back.rfind(prefix, 0) != 0) return Error::Invalid("bad_form", "the form is out of date");
  const std::string username = back.substr(prefix.size());
  StaffForm typed;
  typed.refused_end_id = *id;
  typed.end_reason = FormValue(*form, "reason");
  typed.end_on = TypedDayOf(*form, "ended_on");
  const std::string field = "end-" + std::to_string(*id);
  json data = {{"errors", json::array()}};
  const auto now = site.auth.clock().Now();
  auto on = DayOf(data, field + "-on", typed.end_on, nullptr);
  if (typed.end_on.blank()) on = UkDateOf(now);
  if (Trimmed(typed.end_reason).empty())
    AddError(data, field + "-reason", "Enter why it ends early");
  int status = 400;
  if (!HasErrors(data)) {
    auto r = app::EndReduction(site.auth.db(), who, *id, FormatDate(*on),
                               std::string(Trimmed(typed.end_reason)), now);
    if (r) return SeeOther(back + "?done=ended");
    const Error& e = r.error();
    if (e.kind != ErrorKind::kInvalid && e.kind != ErrorKind::kConflict) return e;
    if (e.kind == ErrorKind::kConflict) status = 409;
    AddError(data, field + (e.field == "reason" ? "-reason" : "-on"), AsSentence(e.message));
  }
  return StaffPage(site, who, username, std::move(data), status, typed);
}

Result<Response> PostCourtReport(const Site& site, const Request& request, const Principal& who) {
  const std::string username(request.Param("username"));
  auto form = ParseFormBody(request);
  if (!form) return form.error();
  StaffForm typed;
  typed.kind = FormValue(*form, "kind");
  typed.crn = std::string(Trimmed(FormValue(*form, "crn")));
  typed.completed = TypedDayOf(*form, "completed_on");
  json data = {{"errors", json::array()}};
  if (typed.kind != "standard" && typed.kind != "fast")
    AddError(data, "kind", "Select the kind of report");
  const auto on = DayOf(data, "completed_on", typed.completed, "Enter the date it was completed");
  if (typed.crn.empty()) AddError(data, "crn", "Enter the CRN of the person it was for");
  if (!HasErrors(data)) {
    app::CourtReportInput in{username, typed.kind, FormatDate(*on), typed.crn};
    auto r = app::RecordCourtReport(site.auth.db(), who, in, site.auth.clock().Now());
    if (r)
      return SeeOther((username == who.username ? std::string("/workload") : StaffUrl(username)) +
                      "?done=report");
    const Error& e = r.error();
    if (e.kind == ErrorKind::kForbidden) return e;
    if (e.kind == ErrorKind::kNotFound && e.field != "crn") return e;
    AddError(data, e.field == "kind" || e.field == "crn" ? e.field : "completed_on",
             AsSentence(e.message));
  }
  return StaffPage(site, who, username, std::move(data), 400, typed);
}

// ---- dashboards ----

Result<Response> UnitPage(const Site& site, const Principal& who, const std::string& unit,
                          const std::string& code) {
  const auto now = site.auth.clock().Now();
  auto u = app::WorkloadOfUnit(site.auth.db(), who, unit, code, now);
  if (!u) return u.error();
  const std::string label = unit == "team" ? "Team" : unit == "pdu" ? "PDU" : "Region";
  json data = {{"unit_label", label},
               {"name", u->name},
               {"code", u->code},
               {"points", u->sum.points},
               {"available", u->sum.available_points},
               {"capacity", workload::TenthsText(u->sum.capacity_tenths())},
               {"status", StatusTag(u->sum.capacity_tenths(), u->excessive)}};
  std::vector<workload::Bar> bars;
  json staff = json::array();
  int over = 0, excessive = 0;
  for (const auto& s : u->staff) {
    const auto& f = s.figure;
    bars.push_back({s.staff.name, s.staff.username.empty() ? "" : StaffUrl(s.staff.username),
                    f.capacity_tenths, s.excessive});
    over += workload::OverCapacity(f.capacity_tenths);
    excessive += s.excessive;
    staff.push_back(
        {{"name", s.staff.name},
         {"href", s.staff.username.empty() ? json(nullptr) : json(StaffUrl(s.staff.username))},
         {"grade", std::string(access::ToString(s.staff.grade))},
         {"cases", f.cases},
         {"points", f.points.total},
         {"available", f.available_points},
         {"capacity", workload::TenthsText(f.capacity_tenths)},
         {"status", StatusTag(f.capacity_tenths, s.excessive)}});
  }
  data["bar_chart"] = workload::CapacityBarChart("Capacity by practitioner", bars);
  data["staff"] = std::move(staff);
  data["has_staff"] = !u->staff.empty();
  data["over"] = over;
  data["excessive"] = excessive;
  std::vector<workload::Point> points;
  json weeks = json::array();
  for (const auto& w : u->trend)
    points.push_back({FormatDate(w.week_start), w.sum.capacity_tenths()});
  for (auto it = u->trend.rbegin(); it != u->trend.rend(); ++it)
    weeks.push_back({{"week", LongDateOf(it->week_start)},
                     {"points", it->sum.points},
                     {"available", it->sum.available_points},
                     {"capacity", workload::TenthsText(it->sum.capacity_tenths())}});
  data["trend"] = workload::TrendChart(
      "Capacity of the " + std::string(unit == "pdu" ? "PDU" : unit) + " by week", points);
  data["weeks"] = std::move(weeks);
  json parts = json::array();
  const std::string part_path = unit == "region" ? "/workload/pdus/" : "/workload/teams/";
  for (const auto& p : u->parts)
    parts.push_back({{"href", part_path + p.code},
                     {"name", p.name},
                     {"code", p.code},
                     {"staff", p.staff},
                     {"points", p.sum.points},
                     {"available", p.sum.available_points},
                     {"capacity", workload::TenthsText(p.sum.capacity_tenths())},
                     {"status", StatusTag(p.sum.capacity_tenths(), false)}});
  data["has_parts"] = !parts.empty();
  data["parts_label"] = unit == "region" ? "PDUs" : "Teams";
  data["parts"] = std::move(parts);
  json allocations = json::array();
  for (const auto& a : u->over_capacity)
    allocations.push_back({{"at", LongDateTime(a.allocated_at)},
                           {"crn", a.crn},
                           {"officer", a.officer_name},
                           {"team", a.team_code},
                           {"before", workload::TenthsText(a.capacity_before)},
                           {"after", workload::TenthsText(a.capacity_after)},
                           {"reason", a.reason},
                           {"by", a.allocated_by}});
  data["has_allocations"] = !allocations.empty();
  data["allocations"] = std::move(allocations);
  json declarations = json::array();
  for (const auto& d : u->declarations)
    declarations.push_back({{"unit", (d.team_id ? "Team " : "PDU ") + d.unit_code},
                            {"since", LongDateOf(d.from)},
                            {"until", d.to ? json(LongDateOf(*d.to)) : json(nullptr)},
                            {"reason", d.reason},
                            {"suspended_work", d.suspended_work}});
  data["declarations"] = std::move(declarations);
  const std::string title = "Workload: " + label + " " + u->name;
  data["title"] = title;
  return Page(site, &who, 200, title, "workload_unit", std::move(data));
}

Result<Response> TeamPage(const Site& site, const Request& request, const Principal& who) {
  return UnitPage(site, who, "team", std::string(request.Param("code")));
}
Result<Response> PduPage(const Site& site, const Request& request, const Principal& who) {
  return UnitPage(site, who, "pdu", std::string(request.Param("code")));
}
Result<Response> RegionPage(const Site& site, const Request& request, const Principal& who) {
  return UnitPage(site, who, "region", std::string(request.Param("code")));
}

}  // namespace

void AddWorkloadPages(Router& router, const Site& site) {
  static constexpr PageRoute kPages[] = {
      {"GET", "/workload", MinePage,
       "My workload: points, capacity, the breakdown, reductions, court reports and the trend"},
      {"GET", "/workload/staff/{username}", StaffOf,
       "A member of staff's workload, with the forms that change it for their managers"},
      {"POST", "/workload/staff/{username}/reductions", PostReduction,
       "Add a reduction of a practitioner's hours (their SPO or head of PDU)"},
      {"POST", "/workload/reductions/{id}/end", PostEndReduction, "End a reduction early"},
      {"POST", "/workload/staff/{username}/court-reports", PostCourtReport,
       "Record a court report (its author, or their SPO or head of PDU)"},
      {"GET", "/workload/teams/{code}", TeamPage,
       "A team's workload dashboard: capacity by practitioner and the trend, with tables"},
      {"GET", "/workload/pdus/{code}", PduPage,
       "A PDU's workload dashboard: its teams, its practitioners and the trend"},
      {"GET", "/workload/regions/{code}", RegionPage,
       "A region's workload dashboard: its PDUs, its practitioners and the trend"},
  };
  AddSignedInPages(router, site, kPages);
}

}  // namespace probity::web::pages
