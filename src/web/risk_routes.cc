#include "web/risk_routes.h"

#include <array>

#include "app/risk.h"
#include "web/case_gate.h"
#include "web/json_input.h"
#include "web/json_output.h"
#include "web/risk_json.h"

namespace probity::web {

namespace {
using access::Action;
using access::Principal;
using nlohmann::json;

constexpr std::array kRsrFields = {"percent", "kind", "assessed_on", "assessed_by"};
constexpr std::array kScaleFields = {"scale", "reason"};

json RsrJson(const risk::StoredRsr& r) {
  return {{"id", r.id},
          {"percent", risk::FormatDecimal(r.assessment.percent)},
          {"band", risk::ToString(risk::RsrBandOf(r.assessment.percent))},
          {"kind", risk::ToString(r.assessment.kind)},
          {"assessed_on", FormatDate(r.assessment.assessed_on)},
          {"assessed_by", r.assessment.assessed_by},
          {"recorded_by", r.recorded_by},
          {"recorded_at", FormatUtc(r.recorded_at)},
          {"event_seq", r.event_seq}};
}

json LinesJson(const std::vector<risk::ExplanationLine>& lines) {
  json out = json::array();
  for (const auto& l : lines)
    out.push_back({{"code", l.code}, {"label", l.label}, {"points", l.points}});
  return out;
}

json RiskJson(const app::RiskView& v) {
  const auto& e = v.explanation;
  json ogrs3;
  if (v.question.ogrs3)
    ogrs3 = Ogrs3AnswerJson(*v.question.ogrs3);
  else if (v.question.ogrs3_refused)
    ogrs3 = {{"refused",
              {{"code", v.question.ogrs3_refused->code},
               {"message", v.question.ogrs3_refused->message},
               {"field", v.question.ogrs3_refused->field}}}};
  json history = json::array();
  for (const auto& c : v.history)
    history.push_back({{"id", c.id},
                       {"from", OrNull(c.from_tier)},
                       {"to", c.to_tier},
                       {"protect_level", std::string(1, c.protect_level)},
                       {"protect_points", c.protect_points},
                       {"change_level", c.change_level},
                       {"change_points", c.change_points},
                       {"inputs", json::parse(c.inputs)},
                       {"breakdown", json::parse(c.breakdown)},
                       {"calculated_at", FormatUtc(c.calculated_at)},
                       {"event_seq", c.event_seq}});
  json rsr_history = json::array();
  for (const auto& r : v.rsr_history) rsr_history.push_back(RsrJson(r));
  json needs = json::array();
  for (const auto& n : v.needs)
    needs.push_back({{"need", n.need}, {"severity", n.severity}, {"assessed_on", n.assessed_on}});
  const auto& in = v.question.input;
  return {
      {"tier", v.tier.Code()},
      {"stored_tier", OrNull(v.stored_tier)},
      {"protect_level", std::string(1, v.tier.protect_level)},
      {"protect_points", v.tier.protect_points},
      {"change_level", v.tier.change_level},
      {"change_points", v.tier.change_points},
      {"explanation",
       {{"title", e.title},
        {"protect_summary", e.protect_summary},
        {"protect", LinesJson(e.protect)},
        {"change_summary", e.change_summary},
        {"change", LinesJson(e.change)},
        {"notes", e.notes}}},
      {"ogrs3", ogrs3},
      {"rsr", v.rsr ? RsrJson(*v.rsr) : json()},
      {"rosh", in.rosh ? json(risk::ToString(*in.rosh)) : json()},
      {"mappa_level", in.mappa_level ? json(*in.mappa_level) : json()},
      {"needs", needs},
      {"scale_choice", v.scale_choice ? json{{"scale", risk::ToString(v.scale_choice->scale)},
                                             {"reason", v.scale_choice->reason},
                                             {"chosen_by", v.scale_choice->chosen_by_name},
                                             {"chosen_at", FormatUtc(v.scale_choice->chosen_at)}}
                                      : json()},
      {"history", history},
      {"rsr_history", rsr_history}};
}

Result<app::RsrInput> ParseRsr(const json& b) {
  if (auto ok = OnlyFields(b, kRsrFields); !ok) return ok.error();
  if (!b.contains("percent") || !b["percent"].is_number())
    return Error::Invalid("required", "percent is a number from 0 to 100", "percent");
  auto percent = risk::DecimalFromDouble(b["percent"].get<double>());
  if (!percent) return Error::Invalid("invalid", "percent is a number from 0 to 100", "percent");
  auto kind = RequiredString(b, "kind");
  if (!kind) return kind.error();
  auto on = RequiredString(b, "assessed_on");
  if (!on) return on.error();
  auto by = RequiredString(b, "assessed_by");
  if (!by) return by.error();
  return app::RsrInput{*percent, *kind, *on, *by};
}

Result<app::ScaleInput> ParseScale(const json& b) {
  if (auto ok = OnlyFields(b, kScaleFields); !ok) return ok.error();
  auto scale = RequiredString(b, "scale");
  if (!scale) return scale.error();
  auto reason = RequiredString(b, "reason");
  if (!reason) return reason.error();
  return app::ScaleInput{*scale, *reason};
}

Result<Response> Answer(const Auth& auth, const app::CaseRef& on, int status) {
  auto view = app::GetRisk(auth.db(), on, auth.clock().Now());
  if (!view) return view.error();
  return Response::Json(status, RiskJson(*view));
}
}  // namespace

void AddRiskRoutes(Router& router, const Auth& auth) {
  router.Add(
      "GET", "/api/v1/people/{crn}/risk",
      OnCase(auth, Action::kReadCase,
             [&auth](const Request&, const Principal&, const app::CaseRef& on) -> Result<Response> {
               return Answer(auth, on, 200);
             }),
      {"A person's tier worked out from the record, why, OGRS3, RSR, ROSH, MAPPA and the "
       "history of tier changes"});

  router.Add("POST", "/api/v1/people/{crn}/rsr-assessments",
             OnCase(auth, Action::kWriteCase,
                    [&auth](const Request& request, const Principal& who,
                            const app::CaseRef& on) -> Result<Response> {
                      auto body = ParseJsonBody(request);
                      if (!body) return body.error();
                      auto in = ParseRsr(*body);
                      if (!in) return in.error();
                      auto id = app::RecordRsrAssessment(auth.db(), ActorOf(who), on, *in,
                                                         auth.clock().Now());
                      if (!id) return id.error();
                      return Answer(auth, on, 201);
                    }),
             {"Record an RSR from an assessment; the tier is recalculated with it"});

  router.Add("POST", "/api/v1/people/{crn}/risk-scale",
             OnCase(auth, Action::kWriteCase,
                    [&auth](const Request& request, const Principal& who,
                            const app::CaseRef& on) -> Result<Response> {
                      auto body = ParseJsonBody(request);
                      if (!body) return body.error();
                      auto in = ParseScale(*body);
                      if (!in) return in.error();
                      auto id = app::ChooseRiskScale(auth.db(), ActorOf(who), on, *in,
                                                     auth.clock().Now());
                      if (!id) return id.error();
                      return Answer(auth, on, 201);
                    }),
             {"Choose the scale to score a person recorded as other or not stated by"});
}

}  // namespace probity::web
