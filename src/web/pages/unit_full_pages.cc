#include "web/pages/unit_full_pages.h"

#include "access/policy.h"
#include "app/unit_full.h"
#include "core/uk_time.h"
#include "org/store.h"
#include "web/pages/date_field.h"
#include "web/pages/form.h"

namespace probity::web::pages {

namespace {

using access::Principal;
using nlohmann::json;

constexpr const char* kUrl = "/capacity-declarations";

std::string LongDateOf(Date d) { return LongDate(FormatDate(d)); }

std::string UnitLabel(const workload::Declaration& d) {
  return (d.team_id ? "Team " : "PDU ") + d.unit_code + " (" + d.unit_name + ")";
}

bool IsHead(const Principal& who) { return who.role == access::Role::kSeniorManager; }

json Row(const workload::Declaration& d, Date today, const Principal& who, const json& data,
         int64_t refused_end_id) {
  std::string state = workload::InForce(d, today) ? "In force"
                      : d.ended_on                ? "Ended"
                      : d.from > today            ? "Starts " + LongDateOf(d.from)
                                                  : "Expired";
  json row = {{"id", d.id},
              {"unit", UnitLabel(d)},
              {"from", LongDateOf(d.from)},
              {"to", d.to ? json(LongDateOf(*d.to)) : json(nullptr)},
              {"reason", d.reason},
              {"suspended_work", d.suspended_work},
              {"declared_by", d.declared_by_name},
              {"declared_at", LongDateTime(d.declared_at)},
              {"state", state},
              {"in_force", workload::InForce(d, today)},
              {"ended", d.ended_on ? json{{"on", LongDateOf(*d.ended_on)},
                                          {"reason", d.end_reason},
                                          {"by", d.ended_by_name}}
                                   : json(nullptr)}};
  const bool may_end = IsHead(who) && !d.ended_on && (!d.to || *d.to >= today);
  if (may_end) {
    const bool mine = refused_end_id == d.id;
    const std::string id = "end-" + std::to_string(d.id);
    row["end_form"] = {
        {"action", std::string(kUrl) + "/" + std::to_string(d.id) + "/end"},
        {"id", id},
        {"reason", mine ? data.value("end_reason_value", "") : ""},
        {"reason_error",
         mine && data.contains("end_reason_error") ? data["end_reason_error"] : json(nullptr)},
        {"on_input",
         DateInput(id + "-on", "ended_on", "Ended on",
                   "The first day it no longer applies. Leave blank for today",
                   mine ? TypedDay{data.value("end_day", ""), data.value("end_month", ""),
                                   data.value("end_year", "")}
                        : TypedDay{},
                   data)}};
  }
  return row;
}

struct DeclareValues {
  std::string unit, reason, suspended_work;
  TypedDay from, to;
};

// The units the head of a PDU may declare: each PDU of theirs and its teams.
json UnitChoices(const Site& site, const Principal& who, const std::string& chosen) {
  json out = json::array();
  auto tx = site.auth.db().BeginRead();
  const auto org = org::LoadOrganisation(tx);
  for (const auto& pdu : org.pdus) {
    if (std::find(who.pdu_ids.begin(), who.pdu_ids.end(), pdu.id) == who.pdu_ids.end()) continue;
    const std::string value = "pdu:" + pdu.code;
    out.push_back({{"value", value},
                   {"label", "PDU " + pdu.code + " (" + pdu.name + ")"},
                   {"selected", chosen == value}});
    for (const auto& team : org.teams)
      if (team.pdu_code == pdu.code) {
        const std::string tv = "team:" + team.code;
        out.push_back({{"value", tv},
                       {"label", "Team " + team.code + " (" + team.name + ")"},
                       {"selected", chosen == tv}});
      }
  }
  return out;
}

Response ListPage(const Site& site, const Principal& who, json data, int status,
                  const DeclareValues& v = {}, int64_t refused_end_id = 0) {
  const Date today = UkDateOf(site.auth.clock().Now());
  if (!data.contains("errors")) data["errors"] = json::array();
  json rows = json::array();
  for (const auto& d : app::ListUnitFull(site.auth.db(), who))
    rows.push_back(Row(d, today, who, data, refused_end_id));
  data["has_rows"] = !rows.empty();
  data["rows"] = std::move(rows);
  if (IsHead(who))
    data["form"] = {
        {"action", kUrl},
        {"units", UnitChoices(site, who, v.unit)},
        {"reason", v.reason},
        {"suspended_work", v.suspended_work},
        {"from_input", DateInput("from", "from", "From", "For example, 23 11 2026", v.from, data)},
        {"to_input",
         DateInput("to", "to", "Until (optional)",
                   "Leave blank until you end it. For example, 31 1 2027", v.to, data)}};
  return Page(site, &who, status, "Units over capacity", "capacity_declarations", std::move(data));
}

Result<Response> ShowList(const Site& site, const Request& request, const Principal& who) {
  json data = json::object();
  const auto done = request.Query("done");
  if (done == "declared") data["banner"] = "The unit is declared over capacity.";
  if (done == "ended") data["banner"] = "The declaration has ended.";
  return ListPage(site, who, std::move(data), 200);
}

std::string DeclareFieldId(const std::string& field) {
  for (const char* known : {"from", "to", "reason", "suspended_work"})
    if (field == known) return field;
  return "unit";
}

Result<Response> PostDeclare(const Site& site, const Request& request, const Principal& who) {
  auto form = ParseFormBody(request);
  if (!form) return form.error();
  const DeclareValues v{FormValue(*form, "unit"), FormValue(*form, "reason"),
                        FormValue(*form, "suspended_work"), TypedDayOf(*form, "from"),
                        TypedDayOf(*form, "to")};
  json data = {{"errors", json::array()}};
  const auto colon = v.unit.find(':');
  if (colon == std::string::npos) AddError(data, "unit", "Select the team or PDU");
  const auto from = DayOf(data, "from", v.from, "Enter the date it applies from");
  const auto to = DayOf(data, "to", v.to, nullptr);
  if (Trimmed(v.reason).empty()) AddError(data, "reason", "Enter why the unit is over capacity");
  if (Trimmed(v.suspended_work).empty())
    AddError(data, "suspended_work", "Enter the work agreed to be suspended");
  int status = 400;
  if (!HasErrors(data)) {
    app::DeclarationInput in{v.unit.substr(0, colon),
                             v.unit.substr(colon + 1),
                             FormatDate(*from),
                             to ? std::optional<std::string>(FormatDate(*to)) : std::nullopt,
                             std::string(Trimmed(v.reason)),
                             std::string(Trimmed(v.suspended_work))};
    auto d = app::DeclareUnitFull(site.auth.db(), who, in, site.auth.clock().Now());
    if (d) return SeeOther(std::string(kUrl) + "?done=declared");
    const Error& e = d.error();
    if (e.kind == ErrorKind::kForbidden) return e;
    if (e.kind != ErrorKind::kInvalid && e.kind != ErrorKind::kNotFound) return e;
    AddError(data, DeclareFieldId(e.field), AsSentence(e.message));
  }
  return ListPage(site, who, std::move(data), status, v);
}

Result<Response> PostEnd(const Site& site, const Request& request, const Principal& who) {
  const auto id = request.IdParam("id");
  if (!id) return Error::NotFound("not_found", "there is no such declaration");
  auto form = ParseFormBody(request);
  if (!form) return form.error();
  const TypedDay typed = TypedDayOf(*form, "ended_on");
  const std::string reason = FormValue(*form, "reason");
  const std::string field_id = "end-" + std::to_string(*id) + "-on";
  json data = {{"errors", json::array()},
               {"end_reason_value", reason},
               {"end_day", typed.day},
               {"end_month", typed.month},
               {"end_year", typed.year}};
  const auto now = site.auth.clock().Now();
  auto on = DayOf(data, field_id, typed, nullptr);
  if (typed.blank()) on = UkDateOf(now);
  if (Trimmed(reason).empty()) {
    AddError(data, "end-" + std::to_string(*id) + "-reason", "Enter why it ends early");
    data["end_reason_error"] = "Enter why it ends early";
  }
  int status = 400;
  if (!HasErrors(data)) {
    auto d = app::EndUnitFull(site.auth.db(), who, *id, FormatDate(*on),
                              std::string(Trimmed(reason)), now);
    if (d) return SeeOther(std::string(kUrl) + "?done=ended");
    const Error& e = d.error();
    if (e.kind != ErrorKind::kInvalid && e.kind != ErrorKind::kConflict) return e;
    if (e.kind == ErrorKind::kConflict) status = 409;
    if (e.field == "reason") {
      AddError(data, "end-" + std::to_string(*id) + "-reason", AsSentence(e.message));
      data["end_reason_error"] = AsSentence(e.message);
    } else {
      AddError(data, field_id, AsSentence(e.message));
    }
  }
  return ListPage(site, who, std::move(data), status, {}, *id);
}

}  // namespace

json DeclarationBanners(const Site& site, const Principal& who) {
  const Date today = UkDateOf(site.auth.clock().Now());
  json out = json::array();
  for (const auto& d : app::InForceFor(app::ListUnitFull(site.auth.db(), who), who, today))
    out.push_back({{"unit", UnitLabel(d)},
                   {"since", LongDateOf(d.from)},
                   {"until", d.to ? json(LongDateOf(*d.to)) : json(nullptr)},
                   {"reason", d.reason},
                   {"suspended_work", d.suspended_work}});
  return out;
}

void AddUnitFullPages(Router& router, const Site& site) {
  static constexpr PageRoute kPages[] = {
      {"GET", kUrl, ShowList,
       "Units declared over capacity, with the forms to declare and end one (head of PDU)"},
      {"POST", kUrl, PostDeclare, "Declare a team or PDU over capacity"},
      {"POST", "/capacity-declarations/{id}/end", PostEnd, "End a declaration early"},
  };
  AddSignedInPages(router, site, kPages);
}

}  // namespace probity::web::pages
