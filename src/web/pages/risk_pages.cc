#include "web/pages/risk_pages.h"

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "access/policy.h"
#include "app/people.h"
#include "app/risk.h"
#include "cases/vocabulary.h"
#include "core/uk_time.h"
#include "risk/decimal.h"
#include "risk/from_record.h"
#include "web/case_gate.h"
#include "web/pages/date_field.h"
#include "web/pages/form.h"
#include "web/pages/person_pages.h"

namespace probity::web::pages {

namespace {

using access::Action;
using access::Principal;
using nlohmann::json;

std::string RiskUrl(const std::string& crn) { return "/people/" + crn + "/risk"; }
std::string RsrFormUrl(const std::string& crn) { return "/people/" + crn + "/rsr-assessments/new"; }
std::string NeedsFormUrl(const std::string& crn) {
  return "/people/" + crn + "/needs-assessments/new";
}

std::string LongDateOf(Date d) { return LongDate(FormatDate(d)); }
std::string Label(cases::Vocabulary vocabulary, const std::string& code) {
  return std::string(cases::LabelOf(vocabulary, code));
}
std::string FullName(const cases::Person& p) { return p.first_name + " " + p.last_name; }
std::string Points(int points) {
  return std::to_string(points) + (points == 1 ? " point" : " points");
}

// Whether `who` records on cases at all: the forms' links are offered to them. Each post still
// opens the case for writing, which decides for that case.
bool WritesCases(const Principal& who) {
  return access::ScopeOf(who, Action::kWriteCase).kind != access::CaseScope::Kind::kNone;
}

json Lines(const std::vector<risk::ExplanationLine>& lines) {
  json out = json::array();
  for (const auto& l : lines)
    out.push_back({{"code", l.code}, {"label", l.label}, {"points", Points(l.points)}});
  return out;
}

json RsrView(const risk::StoredRsr& r) {
  const auto& a = r.assessment;
  return {{"percent", risk::FormatDecimal(a.percent) + "%"},
          {"band", AsSentence(risk::ToString(risk::RsrBandOf(a.percent)))},
          {"kind", AsSentence(risk::ToString(a.kind))},
          {"assessed_on", LongDateOf(a.assessed_on)},
          {"assessed_on_iso", FormatDate(a.assessed_on)},
          {"assessed_by", a.assessed_by},
          {"recorded_at", LongDateTime(r.recorded_at)},
          {"recorded_at_iso", FormatUtc(r.recorded_at)}};
}

// Each need area, with the latest assessment of it (or none) and whether the tier counts it.
json NeedsView(const std::vector<cases::Need>& latest) {
  json out = json::array();
  for (const auto& term : cases::NeedAreas()) {
    const std::string code(term.code);
    json row = {{"code", code},
                {"label", std::string(term.label)},
                {"tier_need", risk::NeedOfArea(code).has_value()},
                {"severity", nullptr},
                {"assessed_on", nullptr}};
    for (const auto& n : latest)
      if (n.need == code) {
        row["severity"] = Label(cases::NeedSeverities(), n.severity);
        row["severity_code"] = n.severity;
        row["assessed_on"] = LongDate(n.assessed_on);
      }
    out.push_back(std::move(row));
  }
  return out;
}

// The items a past change counted, from its stored breakdown ([{scale, code, label, points}]):
// why the case was that tier then (a rule worth no points, such as no needs assessment, too).
json PastItems(const std::string& breakdown) {
  json items = json::array();
  const json parsed = json::parse(breakdown, nullptr, /*allow_exceptions=*/false);
  if (!parsed.is_array()) return items;
  for (const auto& item : parsed)
    if (item.is_object())
      items.push_back({{"scale", AsSentence(item.value("scale", std::string()))},
                       {"label", item.value("label", std::string())},
                       {"points", Points(item.value("points", 0))}});
  return items;
}

json HistoryView(const std::vector<risk::TierChangeRow>& history) {
  json out = json::array();
  for (const auto& c : history) {
    json items = PastItems(c.breakdown);
    const bool has_items = !items.empty();
    out.push_back(
        {{"items", std::move(items)},
         {"has_items", has_items},
         {"from", c.from_tier ? json(*c.from_tier) : json("Not tiered")},
         {"to", c.to_tier},
         {"protect", std::string(1, c.protect_level) + " (" + Points(c.protect_points) + ")"},
         {"change", std::to_string(c.change_level) + " (" + Points(c.change_points) + ")"},
         {"at", LongDateTime(c.calculated_at)},
         {"at_iso", FormatUtc(c.calculated_at)}});
  }
  return out;
}

// The banner after a form: "?recorded=rsr", "needs" or "scale".
json Banner(const Request& request) {
  const auto what = request.Query("recorded");
  if (what == "scale") return "Scale chosen. The tier has been worked out again.";
  if (what == "rsr") return "RSR assessment recorded. The tier has been worked out again.";
  if (what == "needs") return "Needs assessment recorded. The tier has been worked out again.";
  return nullptr;
}

std::string RiskScaleUrl(const std::string& crn) { return "/people/" + crn + "/risk-scale"; }

// The scale section for a person recorded as other or not stated: the choice in force and, for
// those who record on cases, the form (with what was typed and its errors after a refusal).
json ScaleSection(const Principal& who, const app::RiskView& v, const json& data,
                  const std::string& scale_typed, const std::string& reason_typed) {
  if (risk::ParseGender(v.person.gender)) return nullptr;  // male or female: the record decides
  json section = {{"gender_label", Label(cases::Genders(), v.person.gender)}};
  if (v.scale_choice)
    section["chosen"] = {
        {"label", v.scale_choice->scale == risk::Gender::kFemale ? "Women's scale" : "Men's scale"},
        {"reason", v.scale_choice->reason},
        {"by", v.scale_choice->chosen_by_name},
        {"at", LongDateTime(v.scale_choice->chosen_at)}};
  if (WritesCases(who)) {
    json scales = json::array();
    for (const auto& [code, label] :
         {std::pair{"male", "Men's scale"}, {"female", "Women's scale"}})
      scales.push_back({{"code", code},
                        {"label", label},
                        {"first", scales.empty()},
                        {"chosen", scale_typed == code}});
    section["form"] = {
        {"action", RiskScaleUrl(v.person.crn)},
        {"scales", std::move(scales)},
        {"reason", reason_typed},
        {"scale_error", data.contains("scale_error") ? data["scale_error"] : json(nullptr)},
        {"reason_error", data.contains("reason_error") ? data["reason_error"] : json(nullptr)}};
  }
  return section;
}

Response RiskPanel(const Site& site, const Principal& who, const app::RiskView& v, json data,
                   int status, const std::string& scale_typed = "",
                   const std::string& reason_typed = "") {
  const auto& e = v.explanation;
  const std::string tier = v.tier.Code();

  json ogrs3 = {{"scored", v.question.ogrs3.has_value()}};
  if (v.question.ogrs3) {
    const auto& s = *v.question.ogrs3;
    ogrs3["one_year"] = std::to_string(s.one_year_percent) + "%";
    ogrs3["two_year"] = std::to_string(s.two_year_percent) + "%";
    ogrs3["band"] = risk::LabelOf(s.band);
  } else if (v.question.ogrs3_refused) {
    ogrs3["refused"] = AsSentence(v.question.ogrs3_refused->message);
  }
  const auto& in = v.question.input;
  if (!data.contains("errors")) data["errors"] = json::array();
  data["scale"] = ScaleSection(who, v, data, scale_typed, reason_typed);
  data.update(
      {{"header", PersonHeader(v.person, "risk")},
       {"tier", tier},
       {"never_tiered", !v.stored_tier.has_value()},
       // The stored tier lags the record only when time alone changed an input (a registration's
       // end date passed): the nightly recalculation brings it up to date.
       {"stored_tier", v.stored_tier && *v.stored_tier != tier ? json(*v.stored_tier) : json()},
       {"title", e.title},
       {"protect_summary", e.protect_summary},
       {"protect", Lines(e.protect)},
       {"change_summary", e.change_summary},
       {"change", Lines(e.change)},
       {"notes", e.notes},
       {"has_notes", !e.notes.empty()},
       {"ogrs3", std::move(ogrs3)},
       {"rsr", v.rsr ? RsrView(*v.rsr) : json()},
       {"rosh", in.rosh ? json(Label(cases::RoshLevels(), risk::ToString(*in.rosh))) : json()},
       {"mappa", in.mappa_level ? json("Level " + std::to_string(*in.mappa_level)) : json()},
       {"needs", NeedsView(v.needs)},
       {"has_needs", !v.needs.empty()},
       {"history", HistoryView(v.history)},
       {"has_history", !v.history.empty()},
       {"rsr_history", json::array()},
       {"has_rsr_history", !v.rsr_history.empty()},
       {"may_record", WritesCases(who)},
       {"rsr_form_url", RsrFormUrl(v.person.crn)},
       {"needs_form_url", NeedsFormUrl(v.person.crn)}});
  for (const auto& r : v.rsr_history) data["rsr_history"].push_back(RsrView(r));
  return Page(site, &who, status, FullName(v.person) + ": risk and tier", "risk", std::move(data));
}

Result<Response> RiskPage(const Site& site, const Request& request, const Principal& who) {
  auto on = OpenCaseFor(site.auth, request, who, Action::kReadCase);
  if (!on) return on.error();
  auto view = app::GetRisk(site.auth.db(), *on, site.auth.clock().Now());
  if (!view) return view.error();
  return RiskPanel(site, who, *view, {{"banner", Banner(request)}}, 200);
}

Result<Response> PostRiskScale(const Site& site, const Request& request, const Principal& who) {
  auto on = OpenCaseFor(site.auth, request, who, Action::kWriteCase);
  if (!on) return on.error();
  auto form = ParseFormBody(request);
  if (!form) return form.error();
  const std::string scale = FormValue(*form, "scale"), reason = FormValue(*form, "reason");
  json data = {{"errors", json::array()}};
  if (scale.empty()) AddError(data, "scale", "Select the scale to score by");
  if (Trimmed(reason).empty()) AddError(data, "reason", "Enter why this scale fits the person");
  const auto now = site.auth.clock().Now();
  int status = 400;
  if (!HasErrors(data)) {
    auto id = app::ChooseRiskScale(site.auth.db(), ActorOf(who), *on,
                                   {scale, std::string(Trimmed(reason))}, now);
    if (id) return SeeOther(RiskUrl(on->crn) + "?recorded=scale#scale-section");
    const Error& e = id.error();
    if (e.kind != ErrorKind::kInvalid && e.kind != ErrorKind::kConflict) return e;
    if (e.kind == ErrorKind::kConflict) status = 409;
    AddError(data, e.field == "reason" ? "reason" : "scale", AsSentence(e.message));
  }
  auto view = app::GetRisk(site.auth.db(), *on, now);
  if (!view) return view.error();
  return RiskPanel(site, who, *view, std::move(data), status, scale, reason);
}

// ---- Recording an RSR from an assessment ----

struct RsrValues {
  std::string percent, kind, assessed_by;
  TypedDay assessed_on;
};

// The form's id for a field the use case names.
std::string RsrFieldId(const std::string& field) {
  for (const char* known : {"percent", "kind", "assessed_on", "assessed_by"})
    if (field == known) return field;
  return "percent";
}

Response RsrFormPage(const Site& site, const Principal& who, const app::RiskView& view,
                     const RsrValues& v, json data, int status) {
  json kinds = json::array();
  for (const char* code : {"static", "dynamic"})
    kinds.push_back({{"code", code},
                     {"label", AsSentence(code)},
                     {"first", kinds.empty()},
                     {"chosen", v.kind == code}});
  if (!data.contains("errors")) data["errors"] = json::array();
  data["header"] = PersonHeader(view.person, "risk");
  data["action"] = RsrFormUrl(view.person.crn);
  data["back_url"] = RiskUrl(view.person.crn);
  data["percent_value"] = v.percent;
  data["assessed_by_value"] = v.assessed_by;
  data["kinds"] = std::move(kinds);
  data["latest"] = view.rsr ? RsrView(*view.rsr) : json();
  data["assessed_on_input"] = DateInput(
      "assessed_on", "assessed_on", "Date of the assessment",
      "The day the assessment was completed. For example, 12 11 2026", v.assessed_on, data);
  return Page(site, &who, status, FullName(view.person) + ": record an RSR assessment",
              "rsr_assessment_new", std::move(data));
}

Result<Response> NewRsr(const Site& site, const Request& request, const Principal& who) {
  auto on = OpenCaseFor(site.auth, request, who, Action::kWriteCase);
  if (!on) return on.error();
  auto view = app::GetRisk(site.auth.db(), *on, site.auth.clock().Now());
  if (!view) return view.error();
  return RsrFormPage(site, who, *view, {"", "", who.name, {}}, json::object(), 200);
}

// The percentage typed: "6.95", " 6.95 % " and "7" read; anything else is nullopt.
std::optional<risk::Decimal> TypedPercent(std::string_view text) {
  text = Trimmed(text);
  if (text.ends_with('%')) text = Trimmed(text.substr(0, text.size() - 1));
  return risk::ParseDecimal(text);
}

Result<Response> PostRsr(const Site& site, const Request& request, const Principal& who) {
  auto on = OpenCaseFor(site.auth, request, who, Action::kWriteCase);
  if (!on) return on.error();
  auto form = ParseFormBody(request);
  if (!form) return form.error();
  const RsrValues v{FormValue(*form, "percent"), FormValue(*form, "kind"),
                    FormValue(*form, "assessed_by"), TypedDayOf(*form, "assessed_on")};
  json data = {{"errors", json::array()}};
  const auto percent = TypedPercent(v.percent);
  if (Trimmed(v.percent).empty())
    AddError(data, "percent", "Enter the RSR score, such as 6.95");
  else if (!percent)
    AddError(data, "percent", "Enter the RSR score as a number from 0 to 100, such as 6.95");
  if (v.kind.empty()) AddError(data, "kind", "Select whether the score is static or dynamic");
  const auto day = DayOf(data, "assessed_on", v.assessed_on, "Enter the date of the assessment");
  if (Trimmed(v.assessed_by).empty())
    AddError(data, "assessed_by", "Enter the name of the person who made the assessment");
  const auto now = site.auth.clock().Now();
  if (!HasErrors(data)) {
    auto id = app::RecordRsrAssessment(
        site.auth.db(), ActorOf(who), *on,
        {*percent, v.kind, FormatDate(*day), std::string(Trimmed(v.assessed_by))}, now);
    if (id) return SeeOther(RiskUrl(on->crn) + "?recorded=rsr");
    if (id.error().kind != ErrorKind::kInvalid) return id.error();
    AddError(data, RsrFieldId(id.error().field), AsSentence(id.error().message));
  }
  auto view = app::GetRisk(site.auth.db(), *on, now);
  if (!view) return view.error();
  return RsrFormPage(site, who, *view, v, std::move(data), 400);
}

// ---- Recording a needs assessment ----

struct NeedsValues {
  std::map<std::string, std::string> severity;  // by need area, as chosen ("" not assessed)
  TypedDay assessed_on;
};

// The form's id for the first need area: where "assess at least one" points.
std::string FirstArea() { return std::string(cases::NeedAreas().begin()->code); }

Response NeedsFormPage(const Site& site, const Principal& who, const app::RiskView& view,
                       const NeedsValues& v, json data, int status) {
  if (!data.contains("errors")) data["errors"] = json::array();
  const json latest = NeedsView(view.needs);
  json areas = json::array();
  for (const auto& row : latest) {
    const std::string code = row["code"];
    const auto chosen_it = v.severity.find(code);
    const std::string chosen = chosen_it == v.severity.end() ? "" : chosen_it->second;
    json options = json::array();
    options.push_back({{"id", code},
                       {"value", ""},
                       {"label", "Not assessed this time"},
                       {"checked", chosen.empty()}});
    for (const auto& term : cases::NeedSeverities())
      options.push_back({{"id", code + "-" + std::string(term.code)},
                         {"value", std::string(term.code)},
                         {"label", std::string(term.label)},
                         {"checked", chosen == term.code}});
    std::string hint = row["severity"].is_null()
                           ? "Never assessed."
                           : "Last assessed " + row["assessed_on"].get<std::string>() + ": " +
                                 row["severity"].get<std::string>() + ".";
    if (!row["tier_need"].get<bool>()) hint += " Not counted in the tier.";
    const std::string error_key = code + "_error";
    areas.push_back({{"code", code},
                     {"label", row["label"]},
                     {"hint", hint},
                     {"options", std::move(options)},
                     {"error", data.contains(error_key) ? data[error_key] : json(nullptr)}});
  }
  data["header"] = PersonHeader(view.person, "risk");
  data["action"] = NeedsFormUrl(view.person.crn);
  data["back_url"] = RiskUrl(view.person.crn);
  data["areas"] = std::move(areas);
  data["assessed_on_input"] =
      DateInput("assessed_on", "assessed_on", "Date of the assessment",
                "The day the needs were assessed. For example, 12 11 2026", v.assessed_on, data);
  return Page(site, &who, status, FullName(view.person) + ": record a needs assessment",
              "needs_assessment_new", std::move(data));
}

Result<Response> NewNeeds(const Site& site, const Request& request, const Principal& who) {
  auto on = OpenCaseFor(site.auth, request, who, Action::kWriteCase);
  if (!on) return on.error();
  auto view = app::GetRisk(site.auth.db(), *on, site.auth.clock().Now());
  if (!view) return view.error();
  return NeedsFormPage(site, who, *view, {}, json::object(), 200);
}

// The form's id for a field RecordNeeds names.
std::string NeedsFieldId(const std::string& field) {
  return field == "assessed_on" ? field : FirstArea();
}

Result<Response> PostNeeds(const Site& site, const Request& request, const Principal& who) {
  auto on = OpenCaseFor(site.auth, request, who, Action::kWriteCase);
  if (!on) return on.error();
  auto form = ParseFormBody(request);
  if (!form) return form.error();
  NeedsValues v;
  v.assessed_on = TypedDayOf(*form, "assessed_on");
  json data = {{"errors", json::array()}};
  std::vector<cases::Need> needs;
  bool refused_area = false;
  for (const auto& term : cases::NeedAreas()) {
    const std::string code(term.code);
    const std::string chosen = FormValue(*form, code);
    v.severity[code] = chosen;
    if (chosen.empty()) continue;
    if (!cases::Has(cases::NeedSeverities(), chosen)) {
      AddError(data, code, "Select a severity for " + std::string(term.label));
      refused_area = true;
      continue;
    }
    cases::Need need;
    need.need = code;
    need.severity = chosen;
    needs.push_back(std::move(need));
  }
  if (needs.empty() && !refused_area)
    AddError(data, FirstArea(), "Select the severity of at least one need");
  const auto day = DayOf(data, "assessed_on", v.assessed_on, "Enter the date of the assessment");
  const auto now = site.auth.clock().Now();
  if (!HasErrors(data)) {
    for (auto& n : needs) n.assessed_on = FormatDate(*day);
    auto done = app::RecordNeeds(site.auth.db(), ActorOf(who), *on, std::move(needs), now);
    if (done) return SeeOther(RiskUrl(on->crn) + "?recorded=needs");
    if (done.error().kind != ErrorKind::kInvalid) return done.error();
    AddError(data, NeedsFieldId(done.error().field), AsSentence(done.error().message));
  }
  auto view = app::GetRisk(site.auth.db(), *on, now);
  if (!view) return view.error();
  return NeedsFormPage(site, who, *view, v, std::move(data), 400);
}

}  // namespace

void AddRiskPages(Router& router, const Site& site) {
  static constexpr PageRoute kPages[] = {
      {"GET", "/people/{crn}/risk", RiskPage,
       "A person's risk and tier: the tier and why, OGRS3, RSR, ROSH, MAPPA, needs and history"},
      {"POST", "/people/{crn}/risk-scale", PostRiskScale,
       "Choose the scale to score a person recorded as other or not stated by"},
      {"GET", "/people/{crn}/rsr-assessments/new", NewRsr,
       "The form to record an RSR from an assessment"},
      {"POST", "/people/{crn}/rsr-assessments/new", PostRsr,
       "Record an RSR from an assessment; the tier is worked out again with it"},
      {"GET", "/people/{crn}/needs-assessments/new", NewNeeds,
       "The form to record a needs assessment"},
      {"POST", "/people/{crn}/needs-assessments/new", PostNeeds,
       "Record a needs assessment; the tier is worked out again with it"},
  };
  AddSignedInPages(router, site, kPages);
}

}  // namespace probity::web::pages
