#include "web/pages/sample_pages.h"

#include <algorithm>

#include "app/inspection_samples.h"
#include "cases/vocabulary.h"
#include "core/uk_time.h"
#include "org/store.h"
#include "web/pages/date_field.h"
#include "web/pages/form.h"
#include "web/sample_routes.h"

namespace probity::web::pages {

namespace {

using access::Principal;
using access::Role;
using nlohmann::json;

constexpr const char* kUrl = "/reports/samples";

bool Draws(const Principal& who) {
  return who.role == Role::kPerformanceAnalyst || who.role == Role::kSeniorManager ||
         who.role == Role::kAdministrator;
}

std::string SampleUrl(int64_t id) { return std::string(kUrl) + "/" + std::to_string(id); }

// What the draw form was given, to show it again with its errors.
struct DrawValues {
  std::string title, unit, size = "20", seed, as_of_seq;
  std::vector<std::string> kinds;
  TypedDay from, to;
};

json UnitChoices(const Site& site, const std::string& chosen) {
  auto tx = site.auth.db().BeginRead();
  const auto org = org::LoadOrganisation(tx);
  json out = json::array();
  auto add = [&](const std::string& value, const std::string& label) {
    out.push_back({{"value", value}, {"label", label}, {"selected", chosen == value}});
  };
  add("all", "All units");
  for (const auto& r : org.regions)
    add("region:" + r.code, "Region " + r.code + " (" + r.name + ")");
  for (const auto& p : org.pdus) add("pdu:" + p.code, "PDU " + p.code + " (" + p.name + ")");
  for (const auto& t : org.teams) add("team:" + t.code, "Team " + t.code + " (" + t.name + ")");
  return out;
}

json KindChoices(const std::vector<std::string>& chosen) {
  json out = json::array();
  bool first = true;
  for (const auto& term : cases::SentenceKinds()) {
    const std::string code(term.code);
    out.push_back({{"code", code},
                   {"label", std::string(term.label)},
                   {"first", first},
                   {"chosen", std::find(chosen.begin(), chosen.end(), code) != chosen.end()}});
    first = false;
  }
  return out;
}

Response ListPage(const Site& site, const Principal& who, json data, int status,
                  const DrawValues& v = {}) {
  if (!data.contains("errors")) data["errors"] = json::array();
  auto samples = app::ListSamples(site.auth.db(), who);
  json rows = json::array();
  if (samples)
    for (const auto& s : *samples)
      rows.push_back({{"id", s.id},
                      {"url", SampleUrl(s.id)},
                      {"title", s.title},
                      {"description", app::DescribeCriteria(s.criteria)},
                      {"size", std::min<int64_t>(s.size, s.population_count)},
                      {"population_count", s.population_count},
                      {"replacements", s.replacements},
                      {"drawn_by", s.drawn_by_name},
                      {"drawn_at", LongDateTime(s.drawn_at)}});
  data["has_rows"] = !rows.empty();
  data["rows"] = std::move(rows);
  if (Draws(who))
    data["form"] = {
        {"action", kUrl},
        {"title", v.title},
        {"units", UnitChoices(site, v.unit)},
        {"kinds", KindChoices(v.kinds)},
        {"size", v.size},
        {"seed", v.seed},
        {"as_of_seq", v.as_of_seq},
        {"from_input", DateInput("started_from", "started_from", "Sentence started on or after",
                                 "Optional. For example, 1 4 2026", v.from, data)},
        {"to_input", DateInput("started_to", "started_to", "Sentence started on or before",
                               "Optional. For example, 30 9 2026", v.to, data)}};
  return Page(site, &who, status, "Inspection samples", "samples", std::move(data));
}

Result<Response> ShowList(const Site& site, const Request&, const Principal& who) {
  if (!Draws(who) && who.role != Role::kSpo)
    return Error::Forbidden("may_not_see_samples",
                            "inspection samples are for performance analysts, senior managers, "
                            "SPOs and administrators");
  return ListPage(site, who, json::object(), 200);
}

// The form field an error from the use case belongs beside.
std::string DrawFieldId(const std::string& field) {
  for (const char* known : {"title", "size", "seed", "as_of_seq", "started_from", "started_to"})
    if (field == known) return field;
  if (field == "kinds") return "kinds";
  return "unit";
}

Result<Response> PostDraw(const Site& site, const Request& request, const Principal& who) {
  auto form = ParseFormBody(request);
  if (!form) return form.error();
  DrawValues v{FormValue(*form, "title"),
               FormValue(*form, "unit"),
               FormValue(*form, "size"),
               std::string(Trimmed(FormValue(*form, "seed"))),
               std::string(Trimmed(FormValue(*form, "as_of_seq"))),
               {},
               TypedDayOf(*form, "started_from"),
               TypedDayOf(*form, "started_to")};
  for (auto [it, end] = form->equal_range("kinds"); it != end; ++it) v.kinds.push_back(it->second);
  json data = {{"errors", json::array()}};
  if (Trimmed(v.title).empty()) AddError(data, "title", "Enter what the sample is for");
  app::SampleRequest in;
  in.title = std::string(Trimmed(v.title));
  const std::string unit = v.unit.empty() ? "all" : v.unit;
  const auto colon = unit.find(':');
  json criteria = {{"unit", unit.substr(0, colon)},
                   {"code", colon == std::string::npos ? "" : unit.substr(colon + 1)},
                   {"kinds", v.kinds}};
  const auto from = DayOf(data, "started_from", v.from, nullptr);
  const auto to = DayOf(data, "started_to", v.to, nullptr);
  if (from) criteria["started_from"] = FormatDate(*from);
  if (to) criteria["started_to"] = FormatDate(*to);
  const auto size = PositiveWholeNumber(v.size);
  if (!size || *size > 500) AddError(data, "size", "Enter how many cases, from 1 to 500");
  if (!v.seed.empty()) in.seed = v.seed;
  if (!v.as_of_seq.empty()) {
    const auto seq = PositiveWholeNumber(v.as_of_seq);
    if (!seq)
      AddError(data, "as_of_seq", "Enter the seq as a whole number, or leave it blank");
    else
      in.as_of_seq = *seq;
  }
  if (!HasErrors(data)) {
    auto parsed = app::CriteriaFromJson(criteria);
    if (!parsed) {
      AddError(data, DrawFieldId(parsed.error().field), AsSentence(parsed.error().message));
    } else {
      in.criteria = std::move(*parsed);
      in.size = static_cast<int>(*size);
      auto s = app::DrawSample(site.auth.db(), who, in, site.auth.clock().Now());
      if (s) return SeeOther(SampleUrl(s->id) + "?done=drawn");
      const Error& e = s.error();
      if (e.kind != ErrorKind::kInvalid) return e;
      AddError(data, DrawFieldId(e.field), AsSentence(e.message));
    }
  }
  return ListPage(site, who, std::move(data), 400, v);
}

json CaseRow(const app::SampledCase& c, bool may_replace, const json& data,
             const std::string& refused_crn) {
  json row = {{"position", c.position},
              {"crn", c.crn},
              {"withheld", c.withheld},
              {"current", c.current},
              {"replaces_crn",
               c.replaces_crn && !c.replaces_crn->empty() ? json(*c.replaces_crn) : json(nullptr)},
              {"replaces_withheld", c.replaces_crn && c.replaces_crn->empty()},
              {"added", c.added_by_name + ", " + LongDateTime(c.added_at)}};
  if (!c.current)
    row["replaced"] = {
        {"by_crn", c.replaced_by_crn && !c.replaced_by_crn->empty() ? json(*c.replaced_by_crn)
                                                                    : json(nullptr)},
        {"reason", c.replaced_reason},
        {"by", c.replaced_by_name},
        {"at", c.replaced_at ? LongDateTime(*c.replaced_at) : std::string()}};
  if (may_replace && c.current && !c.withheld) {
    const bool mine = refused_crn == c.crn;
    const std::string id = "replace-" + c.crn;
    row["replace_form"] = {
        {"id", id},
        {"reason", mine ? data.value("reason_value", "") : ""},
        {"reason_error",
         mine && data.contains(id + "-reason_error") ? data[id + "-reason_error"] : json(nullptr)}};
  }
  return row;
}

Response DetailPage(const Site& site, const Principal& who, const app::InspectionSample& s,
                    json data, int status, const std::string& refused_crn = {}) {
  if (!data.contains("errors")) data["errors"] = json::array();
  json cases = json::array();
  for (const auto& c : s.cases) cases.push_back(CaseRow(c, Draws(who), data, refused_crn));
  json sample = SampleJson(s);
  sample["drawn_at"] = LongDateTime(s.drawn_at);
  sample["csv_url"] = "/api/v1/inspection-samples/" + std::to_string(s.id) + ".csv";
  sample["action"] = SampleUrl(s.id) + "/replacements";
  sample["cases"] = std::move(cases);
  data["sample"] = std::move(sample);
  if (auto v = app::VerifySample(site.auth.db(), who, s.id))
    data["verification"] = {{"same", v->same}, {"verdict", v->verdict}};
  return Page(site, &who, status, s.title, "sample", std::move(data));
}

Result<Response> ShowSample(const Site& site, const Request& request, const Principal& who) {
  const auto id = request.IdParam("id");
  if (!id) return Error::NotFound("not_found", "there is no such inspection sample");
  auto s = app::FindSample(site.auth.db(), who, *id);
  if (!s) return s.error();
  json data = json::object();
  const auto done = request.Query("done");
  if (done == "drawn") data["banner"] = "The sample is drawn and recorded.";
  if (done == "replaced") data["banner"] = "The case is replaced; the original stays listed.";
  return DetailPage(site, who, *s, std::move(data), 200);
}

Result<Response> PostReplace(const Site& site, const Request& request, const Principal& who) {
  const auto id = request.IdParam("id");
  if (!id) return Error::NotFound("not_found", "there is no such inspection sample");
  auto form = ParseFormBody(request);
  if (!form) return form.error();
  const std::string crn = FormValue(*form, "crn");
  const std::string reason = FormValue(*form, "reason");
  const auto version = PositiveWholeNumber(FormValue(*form, "version"));
  const auto now = site.auth.clock().Now();
  auto s = app::ReplaceSampledCase(
      site.auth.db(), who, *id, crn, reason,
      version ? std::optional<int>(static_cast<int>(*version)) : std::nullopt, now);
  if (s) return SeeOther(SampleUrl(*id) + "?done=replaced");
  const Error& e = s.error();
  if (e.kind != ErrorKind::kInvalid && e.kind != ErrorKind::kConflict) return e;
  auto current = app::FindSample(site.auth.db(), who, *id);
  if (!current) return current.error();
  const std::string field = "replace-" + crn + "-reason";
  json data = {{"errors", json::array()}, {"reason_value", reason}};
  AddError(data, field, AsSentence(e.message));
  return DetailPage(site, who, *current, std::move(data),
                    e.kind == ErrorKind::kConflict ? 409 : 400, crn);
}

}  // namespace

void AddSamplePages(Router& router, const Site& site) {
  static constexpr PageRoute kPages[] = {
      {"GET", kUrl, ShowList,
       "Inspection samples, with the form to draw one (performance analysts, senior managers, "
       "administrators)"},
      {"POST", kUrl, PostDraw, "Draw and record an inspection sample"},
      {"GET", "/reports/samples/{id}", ShowSample,
       "One inspection sample: its cases, replacements with their reasons, the seed and how to "
       "draw it again, and whether it verifies"},
      {"POST", "/reports/samples/{id}/replacements", PostReplace,
       "Replace a sampled case with the next case of the sample's seeded order"},
  };
  AddSignedInPages(router, site, kPages);
}

}  // namespace probity::web::pages
