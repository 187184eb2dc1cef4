#include "web/pages/report_pages.h"

#include <algorithm>
#include <chrono>
#include <optional>
#include <string>
#include <tuple>

#include "app/report_output.h"
#include "app/reports.h"
#include "core/uk_time.h"
#include "org/store.h"
#include "reporting/chart.h"
#include "web/pages/form.h"
#include "workload/chart.h"

namespace probity::web::pages {

namespace {

using access::Principal;
using nlohmann::json;
using reporting::Scope;

constexpr size_t kItemsPerPage = 200;

std::string LongDateOf(Date d) { return LongDate(FormatDate(d)); }

// The unit chooser's value for a scope: "all", "region:NE", "pdu:NE-TYN", "team:NE-TYN-A" or
// "staff:12".
std::string UnitValue(const Scope& scope) {
  switch (scope.level) {
    case Scope::Level::kAll:
      return "all";
    case Scope::Level::kOfficer:
      return "staff:" + std::to_string(scope.staff_id);
    default:
      return std::string(reporting::ToString(scope.level)) + ":" + scope.code;
  }
}

// A unit chooser's value read back; nullopt when it is not one.
std::optional<Scope> ScopeOfValue(std::string_view value) {
  if (value == "all") return Scope{};
  const auto colon = value.find(':');
  if (colon == std::string_view::npos || colon + 1 == value.size()) return std::nullopt;
  const std::string_view kind = value.substr(0, colon);
  const std::string rest(value.substr(colon + 1));
  if (kind == "staff") {
    const auto id = PositiveWholeNumber(rest);
    if (!id) return std::nullopt;
    return Scope{Scope::Level::kOfficer, "", *id};
  }
  for (const auto level : {Scope::Level::kRegion, Scope::Level::kPdu, Scope::Level::kTeam})
    if (kind == reporting::ToString(level)) return Scope{level, rest, 0};
  return std::nullopt;
}

// The query the JSON API, the CSV and these pages share: from, to and at most one of region,
// pdu, team and staff_id.
std::string QueryString(const app::ReportQuery& q) {
  std::string out = "from=" + FormatDate(q.period.from) + "&to=" + FormatDate(q.period.to);
  const Scope& s = q.scope;
  switch (s.level) {
    case Scope::Level::kAll:
      break;
    case Scope::Level::kOfficer:
      out += "&staff_id=" + std::to_string(s.staff_id);
      break;
    default:
      out += "&" + std::string(reporting::ToString(s.level)) + "=" + UrlEncoded(s.code);
      break;
  }
  return out;
}

// Whose figures a page shows when the query names no unit: every unit's for those who see them
// all, an SPO's first team, anyone else's own.
Scope DefaultScope(const Principal& who, const org::Organisation& org) {
  if (app::SeesEveryUnit(who.role)) return Scope{};
  if (who.role == access::Role::kSpo)
    for (const auto& t : org.teams)
      if (std::find(who.team_ids.begin(), who.team_ids.end(), t.id) != who.team_ids.end())
        return Scope{Scope::Level::kTeam, t.code, 0};
  return Scope{Scope::Level::kOfficer, "", who.staff_id};
}

// The last whole calendar month before `today`, and this year up to `today`.
reporting::Period LastFullMonth(Date today) {
  const std::chrono::year_month_day ymd(today);
  const Date first_of_this = std::chrono::sys_days(ymd.year() / ymd.month() / 1);
  const std::chrono::year_month_day last(first_of_this - std::chrono::days{1});
  return {std::chrono::sys_days(last.year() / last.month() / 1),
          first_of_this - std::chrono::days{1}};
}
reporting::Period YearToDate(Date today) {
  const std::chrono::year_month_day ymd(today);
  return {std::chrono::sys_days(ymd.year() / std::chrono::January / 1), today};
}

// What the form asked for: the query when it reads, and the fields as typed to show again.
struct Asked {
  app::ReportQuery query;
  std::string from, to, unit;
};

// Reads from, to and the unit (the chooser's "unit", or the API's region, pdu, team or
// staff_id), each blank one taking its default; errors go beside their field in `data`.
Asked ReadQuery(const Request& request, const Principal& who, const org::Organisation& org,
                Date today, json& data) {
  const auto text = [&](const char* name) {
    const auto q = request.Query(name);
    return q ? std::string(Trimmed(*q)) : std::string();
  };
  Asked asked;
  const auto period = LastFullMonth(today);
  asked.query.period = period;
  asked.from = text("from");
  asked.to = text("to");
  if (asked.from.empty()) asked.from = FormatDate(period.from);
  if (asked.to.empty()) asked.to = FormatDate(period.to);
  for (auto [field, typed, slot] : {std::tuple{"from", &asked.from, &asked.query.period.from},
                                    std::tuple{"to", &asked.to, &asked.query.period.to}}) {
    if (const auto d = ParseDate(*typed))
      *slot = *d;
    else
      AddError(data, field,
               std::string("Enter the ") + (field == std::string("from") ? "first" : "last") +
                   " day as YYYY-MM-DD, such as " +
                   FormatDate(field == std::string("from") ? period.from : period.to));
  }

  asked.unit = text("unit");
  if (asked.unit.empty()) {
    if (const auto v = text("team"); !v.empty()) asked.unit = "team:" + v;
    if (const auto v = text("pdu"); !v.empty()) asked.unit = "pdu:" + v;
    if (const auto v = text("region"); !v.empty()) asked.unit = "region:" + v;
    if (const auto v = text("staff_id"); !v.empty()) asked.unit = "staff:" + v;
  }
  if (asked.unit.empty()) {
    asked.query.scope = DefaultScope(who, org);
    asked.unit = UnitValue(asked.query.scope);
  } else if (const auto scope = ScopeOfValue(asked.unit)) {
    asked.query.scope = *scope;
  } else {
    AddError(data, "unit", "Select a unit from the list");
  }
  return asked;
}

// The field of the form an error from the use case belongs beside.
std::string FieldOf(const Error& e) {
  return e.field == "from" || e.field == "to" ? e.field : "unit";
}

// The unit chooser: only the units the viewer may see, and the one asked for when it is not
// among them (an analyst following a link to one officer's figures).
json UnitChooser(const Principal& who, const org::Organisation& org, const std::string& selected,
                 const std::string& selected_name) {
  bool found = false;
  const auto option = [&](std::string value, std::string text) {
    const bool is = value == selected;
    found = found || is;
    return json{{"value", std::move(value)}, {"text", std::move(text)}, {"selected", is}};
  };
  json top = json::array(), groups = json::array();
  if (app::SeesEveryUnit(who.role)) top.push_back(option("all", "All units"));
  if (who.staff_id != 0)
    top.push_back(option("staff:" + std::to_string(who.staff_id), "My own figures"));
  json regions = json::array(), pdus = json::array(), teams = json::array();
  if (app::SeesEveryUnit(who.role)) {
    for (const auto& r : org.regions)
      regions.push_back(option("region:" + r.code, "Region " + r.code + " (" + r.name + ")"));
    for (const auto& p : org.pdus)
      pdus.push_back(option("pdu:" + p.code, "PDU " + p.code + " (" + p.name + ")"));
  }
  for (const auto& t : org.teams)
    if (app::SeesEveryUnit(who.role) ||
        (who.role == access::Role::kSpo &&
         std::find(who.team_ids.begin(), who.team_ids.end(), t.id) != who.team_ids.end()))
      teams.push_back(option("team:" + t.code, "Team " + t.code + " (" + t.name + ")"));
  for (auto [label, list] :
       {std::pair{"Regions", &regions}, std::pair{"PDUs", &pdus}, std::pair{"Teams", &teams}})
    if (!list->empty()) groups.push_back({{"label", label}, {"options", std::move(*list)}});
  if (!found && !selected.empty())
    top.push_back({{"value", selected},
                   {"text", selected_name.empty() ? selected : selected_name},
                   {"selected", true}});
  return {{"options", std::move(top)}, {"groups", std::move(groups)}};
}

// The period and unit form every report page opens with, and the links to the usual periods.
void AddForm(json& data, const std::string& action, const Principal& who,
             const org::Organisation& org, const Asked& asked, Date today,
             const std::string& scope_name) {
  data["form"] = {{"action", action},
                  {"button", action == "/reports/integrity" ? "Show changes" : "Show figures"},
                  {"from", asked.from},
                  {"to", asked.to},
                  {"example", FormatDate(LastFullMonth(today).from)},
                  {"unit", UnitChooser(who, org, asked.unit, scope_name)}};
  if (HasErrors(data) && data.contains("unit_error")) return;
  json periods = json::array();
  for (auto [text, period] : {std::pair{"Last full month", LastFullMonth(today)},
                              std::pair{"Year to date", YearToDate(today)}}) {
    app::ReportQuery q = asked.query;
    q.period = period;
    periods.push_back({{"text", text}, {"url", action + "?" + QueryString(q)}});
  }
  data["periods"] = std::move(periods);
}

json SourceOf(const app::ReportSource& s) {
  return {{"through_seq", s.through_seq},   {"head_hash", s.head_hash},
          {"as_of", LongDateTime(s.as_of)}, {"as_of_utc", FormatUtc(s.as_of)},
          {"cases_read", s.cases_read},     {"events_read", s.events_read}};
}

json KpiCard(const reporting::Kpi& k, const std::string& query_string) {
  const auto rate = k.RateTenths();
  int64_t total = 0;
  for (const auto& b : k.breakdown) total += b.count;
  json breakdown = json::array();
  for (const auto& b : k.breakdown)
    breakdown.push_back(
        {{"label", AsSentence(b.label)},
         {"count", b.count},
         {"share", workload::TenthsText(reporting::ShareTenths(b.count, total).value_or(0))}});
  return {{"code", k.code},
          {"title", k.title},
          {"rate", rate ? workload::TenthsText(*rate) : std::string("No figure")},
          {"numerator", k.numerator},
          {"denominator", k.denominator},
          {"numerator_label", k.numerator_label},
          {"denominator_label", k.denominator_label},
          {"definition", k.definition},
          {"direction", k.higher_is_better ? "Higher is better." : "Lower is better."},
          {"has_breakdown", !breakdown.empty()},
          {"breakdown", std::move(breakdown)},
          {"items", k.items.size()},
          {"chart", reporting::KpiChart(k)},
          {"url", "/reports/kpi/" + k.code + "?" + query_string}};
}

// A case's CRN as a link to its record, or "Restricted case" when the report withheld it.
json CaseOf(const std::string& crn) {
  if (crn.empty()) return {{"restricted", true}};
  return {{"crn", crn}, {"person_url", "/people/" + crn}};
}

struct ReportContext {
  org::Organisation org;
  Date today;
  UtcTime now;
};

ReportContext ContextOf(const Site& site) {
  auto tx = site.auth.db().BeginRead();
  const auto now = site.auth.clock().Now();
  return {org::LoadOrganisation(tx), UkDateOf(now), now};
}

// One report page: the form read, the report run unless the form has errors, `fill` adding the
// page's own data from it (and perhaps its title), then the form and the page. A refusal of the
// period or the unit goes beside its field with a 400; anything else (403) is the error page.
template <class Report, class Fill>
Result<Response> ReportPage(const Site& site, const Request& request, const Principal& who,
                            const std::string& action, const std::string& title,
                            const char* template_name,
                            Result<Report> (*run)(store::Db&, const Principal&,
                                                  const app::ReportQuery&, UtcTime),
                            Fill fill) {
  const auto ctx = ContextOf(site);
  json data = {{"errors", json::array()}, {"title", title}};
  const Asked asked = ReadQuery(request, who, ctx.org, ctx.today, data);
  std::string scope_name;
  if (!HasErrors(data)) {
    auto report = run(site.auth.db(), who, asked.query, ctx.now);
    if (report) {
      const std::string qs = QueryString(report->query);
      if (auto filled = fill(*report, qs, data); !filled) return filled.error();
      scope_name = report->scope_name;
      data["scope_name"] = scope_name;
      data["period"] =
          LongDateOf(report->query.period.from) + " to " + LongDateOf(report->query.period.to);
      data["source"] = SourceOf(report->source);
      data["report"] = true;
    } else if (report.error().kind == ErrorKind::kInvalid) {
      AddError(data, FieldOf(report.error()), AsSentence(report.error().message));
    } else {
      return report.error();
    }
  }
  AddForm(data, action, who, ctx.org, asked, ctx.today, scope_name);
  const std::string page_title = data["title"];
  const int status = HasErrors(data) ? 400 : 200;  // before data moves into Page
  return Page(site, &who, status, page_title, template_name, std::move(data));
}

Result<Response> DashboardPage(const Site& site, const Request& request, const Principal& who) {
  return ReportPage<app::KpiReport>(
      site, request, who, "/reports", "Performance", "reports", app::KpiReportFor,
      [&who](const app::KpiReport& r, const std::string& qs, json& data) -> Status {
        json kpis = json::array();
        for (const auto& k : r.kpis) kpis.push_back(KpiCard(k, qs));
        data["kpis"] = std::move(kpis);
        data["csv_url"] = "/api/v1/reports/kpi.csv?" + qs;
        data["integrity_url"] = "/reports/integrity?" + qs;
        // Those who may open inspection samples (docs/inspection-samples.md) get a way there.
        data["sees_samples"] = app::SeesEveryUnit(who.role) || who.role == access::Role::kSpo;
        return Ok();
      });
}

// The items of one figure, kItemsPerPage to a page.
json ItemsPage(const reporting::Kpi& kpi, std::optional<std::string_view> asked_page,
               const std::string& base) {
  const size_t count = kpi.items.size();
  const size_t pages = std::max<size_t>(1, (count + kItemsPerPage - 1) / kItemsPerPage);
  const auto asked = PositiveWholeNumber(asked_page.value_or("1"));
  const size_t page = std::min<size_t>(pages, asked ? *asked : 1);
  const size_t first = (page - 1) * kItemsPerPage;
  const size_t last = std::min(count, first + kItemsPerPage);
  json items = json::array();
  for (size_t i = first; i < last; ++i) {
    const auto& item = kpi.items[i];
    items.push_back({{"case", CaseOf(item.crn)},
                     {"on", ParseDate(item.on) ? LongDate(item.on) : item.on},
                     {"counted", item.counted},
                     {"category", AsSentence(item.category)},
                     {"detail", item.detail},
                     {"who", item.who},
                     {"instructed_by", item.instructed_by},
                     {"seq", item.seq}});
  }
  json out = {{"items", std::move(items)},
              {"has_items", count > 0},
              {"has_pages", pages > 1},
              {"showing", count == 0 ? std::string()
                                     : "Items " + std::to_string(first + 1) + " to " +
                                           std::to_string(last) + " of " + std::to_string(count)}};
  if (page > 1) out["previous_url"] = base + std::to_string(page - 1);
  if (page < pages) out["next_url"] = base + std::to_string(page + 1);
  return out;
}

Result<Response> KpiPage(const Site& site, const Request& request, const Principal& who) {
  const std::string code(request.Param("code"));
  const auto codes = reporting::KpiCodes();
  if (std::find(codes.begin(), codes.end(), code) == codes.end())
    return Error::NotFound("not_found", "there is no figure " + code);
  return ReportPage<app::KpiReport>(
      site, request, who, "/reports/kpi/" + code, "Performance: the items behind a figure",
      "report_kpi", app::KpiReportFor,
      [&](const app::KpiReport& r, const std::string& qs, json& data) -> Status {
        const auto kpi = std::find_if(r.kpis.begin(), r.kpis.end(),
                                      [&](const reporting::Kpi& k) { return k.code == code; });
        if (kpi == r.kpis.end()) return Error::NotFound("not_found", "there is no figure " + code);
        data["title"] = kpi->title;
        data["kpi"] = KpiCard(*kpi, qs);
        data.update(
            ItemsPage(*kpi, request.Query("page"), "/reports/kpi/" + code + "?" + qs + "&page="));
        data["dashboard_url"] = "/reports?" + qs;
        return Ok();
      });
}

Result<Response> IntegrityPage(const Site& site, const Request& request, const Principal& who) {
  return ReportPage<app::IntegrityReport>(
      site, request, who, "/reports/integrity", "Integrity report", "report_integrity",
      app::IntegrityReportFor,
      [](const app::IntegrityReport& r, const std::string& qs, json& data) -> Status {
        // The API's sections (app::IntegrityJson), with each case and time as the page shows it.
        json sections = app::IntegrityJson(r)["sections"];
        for (auto& section : sections) {
          section["has_entries"] = !section["entries"].empty();
          for (auto& e : section["entries"]) {
            e["case"] = CaseOf(e["crn"].get<std::string>());
            e["when"] = LongDateTime(*ParseUtc(e["at"].get<std::string>()));
          }
        }
        data["sections"] = std::move(sections);
        data["csv_url"] = "/api/v1/reports/integrity.csv?" + qs;
        data["dashboard_url"] = "/reports?" + qs;
        return Ok();
      });
}

}  // namespace

bool SeesPerformance(const Principal& who) {
  return who.staff_id != 0 || app::SeesEveryUnit(who.role);
}

void AddReportPages(Router& router, const Site& site) {
  static constexpr PageRoute kPages[] = {
      {"GET", "/reports", DashboardPage,
       "Performance: each figure for a period and a unit, with its chart, table and source"},
      {"GET", "/reports/kpi/{code}", KpiPage, "The items behind one performance figure"},
      {"GET", "/reports/integrity", IntegrityPage,
       "The integrity report: amendments and other changes a target could tempt, with who and "
       "on whose instruction"},
  };
  AddSignedInPages(router, site, kPages);
}

}  // namespace probity::web::pages
