#include "web/sentence_routes.h"

#include <array>

#include "app/sentences.h"
#include "web/case_gate.h"
#include "web/json_input.h"
#include "web/sentence_json.h"

namespace probity::web {

namespace {
using access::Action;
using access::Principal;

// The {id} path parameter. A malformed one names nothing of this person's: kNotFound `code`.
Result<int64_t> IdParam(const Request& request, const char* code, const char* what) {
  if (auto id = request.IdParam("id")) return *id;
  return Error{ErrorKind::kNotFound, code,
               std::string("this person has no ") + what + " " + std::string(request.Param("id")),
               "id"};
}

nlohmann::json RecordJson(const app::SentenceRecord& record) {
  nlohmann::json out = SentenceJson(record.sentence);
  out["requirements"] = nlohmann::json::array();
  for (const auto& r : record.requirements) out["requirements"].push_back(RequirementJson(r));
  out["licence_conditions"] = nlohmann::json::array();
  for (const auto& c : record.licence_conditions)
    out["licence_conditions"].push_back(LicenceConditionJson(c));
  return out;
}

Result<cases::NewSentence> ParseSentence(const nlohmann::json& b) {
  cases::NewSentence s;
  auto kind = RequiredString(b, "kind");
  if (!kind) return kind.error();
  auto court = RequiredString(b, "court");
  if (!court) return court.error();
  auto offence = RequiredString(b, "offence");
  if (!offence) return offence.error();
  auto group = RequiredString(b, "offence_group");
  if (!group) return group.error();
  auto date = RequiredString(b, "sentence_date");
  if (!date) return date.error();
  auto length = RequiredInt32(b, "length_months");
  if (!length) return length.error();
  auto release = OptionalString(b, "release_date");
  if (!release) return release.error();
  auto licence_end = OptionalString(b, "licence_end");
  if (!licence_end) return licence_end.error();
  auto expected_end = OptionalString(b, "expected_end");
  if (!expected_end) return expected_end.error();
  auto custody_type = OptionalString(b, "custody_type");
  if (!custody_type) return custody_type.error();
  s.kind = *kind;
  s.court = *court;
  s.offence = *offence;
  s.offence_group = *group;
  s.sentence_date = *date;
  s.length_months = *length;
  s.release_date = *release;
  s.licence_end = *licence_end;
  s.expected_end = *expected_end;
  s.custody_type = *custody_type;
  return s;
}

constexpr std::array kSentenceFields = {
    "kind",          "court",        "offence",     "offence_group", "sentence_date",
    "length_months", "release_date", "licence_end", "expected_end",  "custody_type"};
constexpr std::array kTerminateFields = {"version", "terminated_on", "reason"};
constexpr std::array kRequirementFields = {"type", "amount", "start_date"};
constexpr std::array kProgressFields = {"version", "progress"};
constexpr std::array kRequirementEndFields = {"version", "end_date", "reason"};
constexpr std::array kConditionFields = {"type", "description", "start_date"};
constexpr std::array kConditionEndFields = {"version", "end_date"};
}  // namespace

void AddSentenceRoutes(Router& router, const Auth& auth) {
  router.Add(
      "GET", "/api/v1/people/{crn}/sentences",
      OnCase(auth, Action::kReadCase,
             [&auth](const Request&, const Principal&, const app::CaseRef& on) -> Result<Response> {
               nlohmann::json items = nlohmann::json::array();
               for (const auto& record : app::ListSentences(auth.db(), on))
                 items.push_back(RecordJson(record));
               return Response::Json(200, {{"items", items}, {"next_cursor", nullptr}});
             }),
      {"A person's sentences, current first, each with its requirements and licence "
       "conditions"});

  router.Add("POST", "/api/v1/people/{crn}/sentences",
             OnCase(auth, Action::kWriteCase,
                    [&auth](const Request& request, const Principal& who,
                            const app::CaseRef& on) -> Result<Response> {
                      auto body = ParseJsonBody(request, kSentenceFields);
                      if (!body) return body.error();
                      auto in = ParseSentence(*body);
                      if (!in) return in.error();
                      auto added =
                          app::AddSentence(auth.db(), ActorOf(who), on, *in, auth.clock().Now());
                      if (!added) return added.error();
                      return Response::Json(201, RecordJson(*added));
                    }),
             {"Add a sentence: a community order, suspended sentence order, licence or PSS"});

  router.Add("GET", "/api/v1/people/{crn}/sentences/{id}",
             OnCase(auth, Action::kReadCase,
                    [&auth](const Request& request, const Principal&,
                            const app::CaseRef& on) -> Result<Response> {
                      auto id = IdParam(request, "unknown_sentence", "sentence");
                      if (!id) return id.error();
                      auto record = app::GetSentence(auth.db(), on, *id);
                      if (!record) return record.error();
                      return Response::Json(200, RecordJson(*record));
                    }),
             {"One sentence with its requirements and licence conditions"});

  router.Add("POST", "/api/v1/people/{crn}/sentences/{id}/terminate",
             OnCase(auth, Action::kWriteCase,
                    [&auth](const Request& request, const Principal& who,
                            const app::CaseRef& on) -> Result<Response> {
                      auto id = IdParam(request, "unknown_sentence", "sentence");
                      if (!id) return id.error();
                      auto body = ParseJsonBody(request, kTerminateFields);
                      if (!body) return body.error();
                      auto version = RequiredVersion(*body);
                      if (!version) return version.error();
                      auto on_date = RequiredString(*body, "terminated_on");
                      if (!on_date) return on_date.error();
                      auto reason = RequiredString(*body, "reason");
                      if (!reason) return reason.error();
                      auto record =
                          app::TerminateSentence(auth.db(), ActorOf(who), on, *id, *on_date,
                                                 *reason, *version, auth.clock().Now());
                      if (!record) return record.error();
                      return Response::Json(200, RecordJson(*record));
                    }),
             {"Terminate a sentence, given the version you read; its active requirements and "
              "licence conditions end with it"});

  router.Add("POST", "/api/v1/people/{crn}/sentences/{id}/requirements",
             OnCase(auth, Action::kWriteCase,
                    [&auth](const Request& request, const Principal& who,
                            const app::CaseRef& on) -> Result<Response> {
                      auto id = IdParam(request, "unknown_sentence", "sentence");
                      if (!id) return id.error();
                      auto body = ParseJsonBody(request, kRequirementFields);
                      if (!body) return body.error();
                      auto type = RequiredString(*body, "type");
                      if (!type) return type.error();
                      auto amount = RequiredInt32(*body, "amount");
                      if (!amount) return amount.error();
                      auto start = RequiredString(*body, "start_date");
                      if (!start) return start.error();
                      auto added =
                          app::AddRequirement(auth.db(), ActorOf(who), on, *id,
                                              {*type, *amount, *start}, auth.clock().Now());
                      if (!added) return added.error();
                      return Response::Json(201, RequirementJson(*added));
                    }),
             {"Add a requirement to a community or suspended sentence order"});

  router.Add("POST", "/api/v1/people/{crn}/requirements/{id}/progress",
             OnCase(auth, Action::kWriteCase,
                    [&auth](const Request& request, const Principal& who,
                            const app::CaseRef& on) -> Result<Response> {
                      auto id = IdParam(request, "unknown_requirement", "requirement");
                      if (!id) return id.error();
                      auto body = ParseJsonBody(request, kProgressFields);
                      if (!body) return body.error();
                      auto version = RequiredVersion(*body);
                      if (!version) return version.error();
                      auto progress = RequiredInt32(*body, "progress");
                      if (!progress) return progress.error();
                      auto r =
                          app::RecordRequirementProgress(auth.db(), ActorOf(who), on, *id,
                                                         *progress, *version, auth.clock().Now());
                      if (!r) return r.error();
                      return Response::Json(200, RequirementJson(*r));
                    }),
             {"Record a requirement's progress (the new total), given the version you read"});

  router.Add("POST", "/api/v1/people/{crn}/requirements/{id}/end",
             OnCase(auth, Action::kWriteCase,
                    [&auth](const Request& request, const Principal& who,
                            const app::CaseRef& on) -> Result<Response> {
                      auto id = IdParam(request, "unknown_requirement", "requirement");
                      if (!id) return id.error();
                      auto body = ParseJsonBody(request, kRequirementEndFields);
                      if (!body) return body.error();
                      auto version = RequiredVersion(*body);
                      if (!version) return version.error();
                      auto end_date = RequiredString(*body, "end_date");
                      if (!end_date) return end_date.error();
                      auto reason = RequiredString(*body, "reason");
                      if (!reason) return reason.error();
                      auto r = app::EndRequirement(auth.db(), ActorOf(who), on, *id, *end_date,
                                                   *reason, *version, auth.clock().Now());
                      if (!r) return r.error();
                      return Response::Json(200, RequirementJson(*r));
                    }),
             {"End a requirement, given the version you read"});

  router.Add("POST", "/api/v1/people/{crn}/sentences/{id}/licence-conditions",
             OnCase(auth, Action::kWriteCase,
                    [&auth](const Request& request, const Principal& who,
                            const app::CaseRef& on) -> Result<Response> {
                      auto id = IdParam(request, "unknown_sentence", "sentence");
                      if (!id) return id.error();
                      auto body = ParseJsonBody(request, kConditionFields);
                      if (!body) return body.error();
                      auto type = RequiredString(*body, "type");
                      if (!type) return type.error();
                      auto description = RequiredString(*body, "description");
                      if (!description) return description.error();
                      auto start = OptionalString(*body, "start_date");
                      if (!start) return start.error();
                      auto added = app::AddLicenceCondition(auth.db(), ActorOf(who), on, *id,
                                                            {*type, *description, *start},
                                                            auth.clock().Now());
                      if (!added) return added.error();
                      return Response::Json(201, LicenceConditionJson(*added));
                    }),
             {"Add a licence condition to a licence or PSS"});

  router.Add("POST", "/api/v1/people/{crn}/licence-conditions/{id}/end",
             OnCase(auth, Action::kWriteCase,
                    [&auth](const Request& request, const Principal& who,
                            const app::CaseRef& on) -> Result<Response> {
                      auto id = IdParam(request, "unknown_licence_condition", "licence condition");
                      if (!id) return id.error();
                      auto body = ParseJsonBody(request, kConditionEndFields);
                      if (!body) return body.error();
                      auto version = RequiredVersion(*body);
                      if (!version) return version.error();
                      auto end_date = RequiredString(*body, "end_date");
                      if (!end_date) return end_date.error();
                      auto c = app::EndLicenceCondition(auth.db(), ActorOf(who), on, *id, *end_date,
                                                        *version, auth.clock().Now());
                      if (!c) return c.error();
                      return Response::Json(200, LicenceConditionJson(*c));
                    }),
             {"End a licence condition, given the version you read"});
}

}  // namespace probity::web
