#include "web/sample_routes.h"

#include <array>
#include <charconv>

#include "web/json_input.h"

namespace probity::web {

namespace {
using nlohmann::json;
constexpr std::array kDrawFields = {"title",      "unit", "code", "kinds",    "started_from",
                                    "started_to", "size", "seed", "as_of_seq"};
constexpr std::array kCriteriaFields = {"unit", "code", "kinds", "started_from", "started_to"};
constexpr std::array kReplaceFields = {"crn", "reason", "version"};

json OrNull(const std::optional<std::string>& text) { return text ? json(*text) : json(nullptr); }

// "12" or "12.csv" (the CSV of the sample), else nullopt.
std::optional<std::pair<int64_t, bool>> SampleIdOf(std::string_view param) {
  bool csv = false;
  if (param.ends_with(".csv")) {
    csv = true;
    param.remove_suffix(4);
  }
  int64_t id = 0;
  const auto [end, ec] = std::from_chars(param.data(), param.data() + param.size(), id);
  if (param.empty() || ec != std::errc() || end != param.data() + param.size() || id < 1)
    return std::nullopt;
  return std::pair{id, csv};
}

Result<app::SampleRequest> DrawRequestOf(const json& body) {
  if (auto ok = OnlyFields(body, kDrawFields); !ok) return ok.error();
  app::SampleRequest in;
  json criteria = json::object();
  for (const char* field : kCriteriaFields)
    if (body.contains(field)) criteria[field] = body[field];
  if (!criteria.contains("unit")) criteria["unit"] = "all";
  auto parsed = app::CriteriaFromJson(criteria);
  if (!parsed) return parsed.error();
  in.criteria = std::move(*parsed);
  auto title = RequiredString(body, "title");
  if (!title) return title.error();
  in.title = std::move(*title);
  auto size = RequiredInt32(body, "size");
  if (!size) return size.error();
  in.size = *size;
  auto seed = OptionalString(body, "seed");
  if (!seed) return seed.error();
  in.seed = *seed;
  auto as_of = OptionalInt(body, "as_of_seq");
  if (!as_of) return as_of.error();
  in.as_of_seq = *as_of;
  return in;
}

Response Csv(std::string body, int64_t id) {
  auto response = Response::Text(200, std::move(body), "text/csv; charset=utf-8");
  response.SetHeader("Content-Disposition", "attachment; filename=\"probity-inspection-sample-" +
                                                std::to_string(id) + ".csv\"");
  return response;
}
}  // namespace

json SampleJson(const app::InspectionSample& s) {
  json cases = json::array();
  for (const auto& c : s.cases) {
    json replaced = nullptr;
    if (!c.current)
      replaced = {{"by_crn", OrNull(c.replaced_by_crn)},
                  {"reason", c.replaced_reason},
                  {"by", c.replaced_by_name},
                  {"at", c.replaced_at ? json(FormatUtc(*c.replaced_at)) : json(nullptr)}};
    cases.push_back({{"position", c.position},
                     {"crn", c.withheld ? json(nullptr) : json(c.crn)},
                     {"withheld", c.withheld},
                     {"status", c.current ? "in_sample" : "replaced"},
                     {"replaces_crn", OrNull(c.replaces_crn)},
                     {"added_by", c.added_by_name},
                     {"added_at", FormatUtc(c.added_at)},
                     {"replaced", replaced}});
  }
  return {{"id", s.id},
          {"title", s.title},
          {"criteria", app::CriteriaJson(s.criteria)},
          {"description", app::DescribeCriteria(s.criteria)},
          {"seed", s.seed},
          {"size", s.size},
          {"through_seq", s.through_seq},
          {"head_hash", s.head_hash},
          {"population_count", s.population_count},
          {"drawn_by", s.drawn_by_name},
          {"drawn_at", FormatUtc(s.drawn_at)},
          {"version", s.version},
          {"replacements", s.replacements},
          {"cases", std::move(cases)}};
}

json VerificationJson(const app::Verification& v) {
  return {{"same", v.same},
          {"log_matches", v.log_matches},
          {"population_count", v.population_count},
          {"recorded", v.recorded},
          {"redrawn", v.redrawn},
          {"verdict", v.verdict}};
}

void AddSampleRoutes(Router& router, const Auth& auth) {
  router.Add("GET", "/api/v1/inspection-samples",
             auth.Guard([&auth](const Request&, const access::Principal& who) -> Result<Response> {
               auto samples = app::ListSamples(auth.db(), who);
               if (!samples) return samples.error();
               json items = json::array();
               for (auto& s : *samples) {
                 json j = SampleJson(s);
                 j.erase("cases");
                 items.push_back(std::move(j));
               }
               return Response::Json(200, {{"items", std::move(items)}});
             }),
             {"The inspection samples you may see, newest first"});

  router.Add(
      "POST", "/api/v1/inspection-samples",
      auth.Guard([&auth](const Request& request, const access::Principal& who) -> Result<Response> {
        auto body = ParseJsonBody(request);
        if (!body) return body.error();
        auto in = DrawRequestOf(*body);
        if (!in) return in.error();
        auto s = app::DrawSample(auth.db(), who, *in, auth.clock().Now());
        if (!s) return s.error();
        return Response::Json(201, SampleJson(*s));
      }),
      {"Draw an inspection sample and record it"});

  router.Add(
      "GET", "/api/v1/inspection-samples/{id}",
      auth.Guard([&auth](const Request& request, const access::Principal& who) -> Result<Response> {
        const auto id = SampleIdOf(request.Param("id"));
        if (!id) return Error::NotFound("not_found", "there is no such inspection sample");
        auto s = app::FindSample(auth.db(), who, id->first);
        if (!s) return s.error();
        if (id->second || request.Query("format") == "csv") return Csv(app::SampleCsv(*s), s->id);
        return Response::Json(200, SampleJson(*s));
      }),
      {"One inspection sample with its cases and replacements (CSV with ?format=csv or .csv)"});

  router.Add(
      "POST", "/api/v1/inspection-samples/{id}/replacements",
      auth.Guard([&auth](const Request& request, const access::Principal& who) -> Result<Response> {
        const auto id = request.IdParam("id");
        if (!id) return Error::NotFound("not_found", "there is no such inspection sample");
        auto body = ParseJsonBody(request);
        if (!body) return body.error();
        if (auto ok = OnlyFields(*body, kReplaceFields); !ok) return ok.error();
        auto crn = RequiredString(*body, "crn");
        if (!crn) return crn.error();
        auto reason = OptionalString(*body, "reason");
        if (!reason) return reason.error();
        auto version = OptionalInt32(*body, "version");
        if (!version) return version.error();
        auto s = app::ReplaceSampledCase(auth.db(), who, *id, *crn, reason->value_or(""), *version,
                                         auth.clock().Now());
        if (!s) return s.error();
        return Response::Json(201, SampleJson(*s));
      }),
      {"Replace a sampled case with the next case of the sample's seeded order, with a reason"});

  router.Add(
      "GET", "/api/v1/inspection-samples/{id}/verification",
      auth.Guard([&auth](const Request& request, const access::Principal& who) -> Result<Response> {
        const auto id = request.IdParam("id");
        if (!id) return Error::NotFound("not_found", "there is no such inspection sample");
        auto v = app::VerifySample(auth.db(), who, *id);
        if (!v) return v.error();
        return Response::Json(200, VerificationJson(*v));
      }),
      {"Draw the sample again from the log as of its seq and compare"});
}

}  // namespace probity::web
