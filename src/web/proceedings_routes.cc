#include "web/proceedings_routes.h"

#include <array>

#include "access/policy.h"
#include "app/proceedings.h"
#include "cases/vocabulary.h"
#include "web/case_gate.h"
#include "web/json_input.h"
#include "web/json_output.h"

namespace probity::web {

namespace {
using access::Action;
using access::Principal;
using access::Role;
using nlohmann::json;

constexpr std::array kBreachStepFields = {"version", "kind",    "on",  "listed_for",
                                          "court",   "outcome", "note"};
constexpr std::array kEndorsementFields = {"version", "endorsed", "on", "note"};
constexpr std::array kSentFields = {"version", "on", "note"};
constexpr std::array kDecisionFields = {"version", "decision", "on", "note"};

json DateOrNull(const std::optional<Date>& d) { return d ? json(FormatDate(*d)) : json(nullptr); }
json LabelOrNull(cases::Vocabulary vocabulary, const std::optional<std::string>& code) {
  return code ? json(std::string(cases::LabelOf(vocabulary, *code))) : json(nullptr);
}
json PeriodJson(const enforcement::ProceedingsPeriod& p) {
  return {{"started_on", FormatDate(p.started_on)}, {"ended_on", DateOrNull(p.ended_on)}};
}

json BreachJson(const enforcement::Breach& b) {
  json steps = json::array();
  for (const auto& s : b.steps)
    steps.push_back({{"id", s.id},
                     {"kind", s.kind},
                     {"kind_label", cases::LabelOf(enforcement::BreachStepKinds(), s.kind)},
                     {"on", FormatDate(s.on)},
                     {"listed_for", DateOrNull(s.listed_for)},
                     {"court", OrNull(s.court)},
                     {"outcome", OrNull(s.outcome)},
                     {"outcome_label", LabelOrNull(enforcement::BreachOutcomes(), s.outcome)},
                     {"note", s.note},
                     {"recorded_by", s.recorded_by},
                     {"recorded_by_name", s.recorded_by_name},
                     {"recorded_at", FormatUtc(s.recorded_at)},
                     {"event_seq", s.event_seq}});
  return {{"id", b.id},
          {"sentence_id", b.sentence_id},
          {"decision_id", b.decision_id},
          {"status", b.status},
          {"status_label", cases::LabelOf(enforcement::BreachStepKinds(), b.status)},
          {"open", b.open()},
          {"initiated_on", FormatDate(b.initiated_on)},
          {"ended_on", DateOrNull(b.ended_on)},
          {"outcome", OrNull(b.outcome)},
          {"outcome_label", LabelOrNull(enforcement::BreachOutcomes(), b.outcome)},
          {"next_listing_on", DateOrNull(b.next_listing_on)},
          {"court", OrNull(b.court)},
          {"period", PeriodJson(enforcement::ToPeriod(b))},
          {"version", b.version},
          {"steps", steps}};
}

json RecallJson(const enforcement::Recall& r) {
  json steps = json::array();
  for (const auto& s : r.steps)
    steps.push_back({{"id", s.id},
                     {"kind", s.kind},
                     {"kind_label", cases::LabelOf(enforcement::RecallStepKinds(), s.kind)},
                     {"on", FormatDate(s.on)},
                     {"decision", OrNull(s.decision)},
                     {"note", s.note},
                     {"recorded_by", s.recorded_by},
                     {"recorded_by_name", s.recorded_by_name},
                     {"recorded_at", FormatUtc(s.recorded_at)},
                     {"event_seq", s.event_seq}});
  return {{"id", r.id},
          {"sentence_id", r.sentence_id},
          {"decision_id", r.decision_id},
          {"reasons", r.reasons},
          {"alternatives_tried", r.alternatives_tried},
          {"conditions_breached", r.conditions_breached},
          {"status", r.status},
          {"status_label", cases::LabelOf(enforcement::RecallStepKinds(), r.status)},
          {"open", r.open()},
          {"decision", OrNull(r.decision)},
          {"decision_label", LabelOrNull(enforcement::RecallDecisions(), r.decision)},
          {"requested_on", FormatDate(r.requested_on)},
          {"sent_on", DateOrNull(r.sent_on)},
          {"decided_on", DateOrNull(r.decided_on)},
          {"ended_on", DateOrNull(r.ended_on)},
          {"period", PeriodJson(enforcement::ToPeriod(r))},
          {"version", r.version},
          {"steps", steps}};
}

json FixedTermJson(const enforcement::FixedTermFacts& facts) {
  const auto bar = enforcement::FixedTermRefusal(facts);
  return {{"allowed", !bar.has_value()},
          {"refusal", bar ? json{{"code", bar->code}, {"reason", bar->reason}} : json(nullptr)},
          {"mappa_level", OrNull(facts.mappa_level)},
          {"terrorism", facts.terrorism},
          {"custody_type", OrNull(facts.custody_type)}};
}

Result<int64_t> BreachId(const Request& request) {
  if (auto id = request.IdParam("id")) return *id;
  return Error{ErrorKind::kNotFound, "unknown_breach",
               "this person has no breach proceedings " + std::string(request.Param("id")), "id"};
}
Result<int64_t> RecallId(const Request& request) {
  if (auto id = request.IdParam("id")) return *id;
  return Error{ErrorKind::kNotFound, "unknown_recall",
               "this person has no recall " + std::string(request.Param("id")), "id"};
}

Result<std::optional<Date>> OptionalDate(const json& body, const char* field) {
  auto text = OptionalString(body, field);
  if (!text) return text.error();
  if (!*text) return std::optional<Date>{};
  auto day = RequireDate(**text, field);
  if (!day) return day.error();
  return std::optional<Date>{*day};
}

Result<enforcement::BreachStepInput> ParseBreachStep(const json& b) {
  enforcement::BreachStepInput in;
  auto kind = RequiredString(b, "kind");
  if (!kind) return kind.error();
  auto on = OptionalDate(b, "on");
  if (!on) return on.error();
  auto listed_for = OptionalDate(b, "listed_for");
  if (!listed_for) return listed_for.error();
  auto court = OptionalString(b, "court");
  if (!court) return court.error();
  auto outcome = OptionalString(b, "outcome");
  if (!outcome) return outcome.error();
  auto note = OptionalString(b, "note");
  if (!note) return note.error();
  in.kind = *kind;
  in.on = *on;
  in.listed_for = *listed_for;
  in.court = *court;
  in.outcome = *outcome;
  in.note = note->value_or("");
  return in;
}

// The date and note every recall step may carry.
Result<enforcement::RecallStepInput> ParseRecallStep(const json& b, std::string kind) {
  enforcement::RecallStepInput in;
  auto on = OptionalDate(b, "on");
  if (!on) return on.error();
  auto note = OptionalString(b, "note");
  if (!note) return note.error();
  in.kind = std::move(kind);
  in.on = *on;
  in.note = note->value_or("");
  return in;
}

// Reads the body (only `fields`), its version and the step, checks the caller's role for the
// step, and records it.
template <size_t N, class KindOf>
Result<Response> RecordRecall(const Auth& auth, const Request& request, const Principal& who,
                              const app::CaseRef& on, const std::array<const char*, N>& fields,
                              KindOf kind_of) {
  auto id = RecallId(request);
  if (!id) return id.error();
  auto body = ParseJsonBody(request, fields);
  if (!body) return body.error();
  auto version = RequiredVersion(*body);
  if (!version) return version.error();
  auto kind = kind_of(*body);
  if (!kind) return kind.error();
  if (auto ok = enforcement::MayRecordRecallStep(who.role, *kind); !ok) return ok.error();
  auto in = ParseRecallStep(*body, *kind);
  if (!in) return in.error();
  if (*kind == "decided") {
    auto decision = RequiredString(*body, "decision");
    if (!decision) return decision.error();
    in->decision = *decision;
  }
  auto recall =
      app::RecordRecallStep(auth.db(), ActorOf(who), on, *id, *in, *version, auth.clock().Now());
  if (!recall) return recall.error();
  return Response::Json(200, RecallJson(*recall));
}

Result<std::string> Fixed(const char* kind) { return std::string(kind); }

// An endorsement's step: the SPO's or the senior manager's, as the caller's role says.
Result<std::string> EndorsementKind(const Principal& who, const json& body) {
  auto endorsed = OptionalBool(body, "endorsed");
  if (!endorsed) return endorsed.error();
  if (!*endorsed)
    return Error::Invalid("required", "say whether you endorse the recall: true or false",
                          "endorsed");
  const char* stage = who.role == Role::kSpo             ? "spo"
                      : who.role == Role::kSeniorManager ? "senior_manager"
                                                         : nullptr;
  if (!stage)
    return Error::Forbidden("wrong_role",
                            "an SPO, then a senior manager, endorses a recall request");
  return std::string(stage) + (**endorsed ? "_endorsed" : "_refused");
}

Status NotRecallTeam(const Principal& who) { return enforcement::MayRecordBreachStep(who.role); }
}  // namespace

void AddProceedingsRoutes(Router& router, const Auth& auth) {
  router.Add("GET", "/api/v1/people/{crn}/breaches",
             OnCase(auth, Action::kReadCase,
                    [&auth](const Request&, const Principal& who,
                            const app::CaseRef& on) -> Result<Response> {
                      if (auto ok = NotRecallTeam(who); !ok) return ok.error();
                      json items = json::array();
                      for (const auto& b : app::ListProceedings(auth.db(), on).breaches)
                        items.push_back(BreachJson(b));
                      return Response::Json(200, {{"items", items}});
                    }),
             {"A person's breach proceedings, newest first, each with every step"});

  router.Add("GET", "/api/v1/people/{crn}/breaches/{id}",
             OnCase(auth, Action::kReadCase,
                    [&auth](const Request& request, const Principal& who,
                            const app::CaseRef& on) -> Result<Response> {
                      if (auto ok = NotRecallTeam(who); !ok) return ok.error();
                      auto id = BreachId(request);
                      if (!id) return id.error();
                      auto b = app::GetBreach(auth.db(), on, *id);
                      if (!b) return b.error();
                      return Response::Json(200, BreachJson(*b));
                    }),
             {"One set of breach proceedings with every step, who recorded it and when"});

  router.Add("POST", "/api/v1/people/{crn}/breaches/{id}/steps",
             OnCase(auth, Action::kEnforce,
                    [&auth](const Request& request, const Principal& who,
                            const app::CaseRef& on) -> Result<Response> {
                      if (auto ok = NotRecallTeam(who); !ok) return ok.error();
                      auto id = BreachId(request);
                      if (!id) return id.error();
                      auto body = ParseJsonBody(request, kBreachStepFields);
                      if (!body) return body.error();
                      auto version = RequiredVersion(*body);
                      if (!version) return version.error();
                      auto in = ParseBreachStep(*body);
                      if (!in) return in.error();
                      auto b = app::RecordBreachStep(auth.db(), ActorOf(who), on, *id, *in,
                                                     *version, auth.clock().Now());
                      if (!b) return b.error();
                      return Response::Json(200, BreachJson(*b));
                    }),
             {"Record the next step of breach proceedings: summons_issued, warrant_issued, "
              "court_listed (listed_for, court), outcome_recorded (outcome), ended"});

  router.Add(
      "GET", "/api/v1/people/{crn}/recalls",
      OnCase(auth, Action::kReadCase,
             [&auth](const Request&, const Principal&, const app::CaseRef& on) -> Result<Response> {
               json items = json::array();
               for (const auto& r : app::ListProceedings(auth.db(), on).recalls)
                 items.push_back(RecallJson(r));
               return Response::Json(200, {{"items", items}});
             }),
      {"A person's recall requests, newest first, each with every step"});

  router.Add(
      "GET", "/api/v1/people/{crn}/recalls/{id}",
      OnCase(auth, Action::kReadCase,
             [&auth](const Request& request, const Principal&,
                     const app::CaseRef& on) -> Result<Response> {
               auto id = RecallId(request);
               if (!id) return id.error();
               auto r = app::GetRecall(auth.db(), on, *id);
               if (!r) return r.error();
               auto facts = app::GetFixedTermFacts(auth.db(), on, *id);
               if (!facts) return facts.error();
               json out = RecallJson(*r);
               out["fixed_term"] = FixedTermJson(*facts);
               return Response::Json(200, out);
             }),
      {"One recall request with every step, and whether fixed-term recall is open (and why not)"});

  router.Add("POST", "/api/v1/people/{crn}/recalls/{id}/endorsements",
             OnCase(auth, Action::kCountersign,
                    [&auth](const Request& request, const Principal& who,
                            const app::CaseRef& on) -> Result<Response> {
                      return RecordRecall(
                          auth, request, who, on, kEndorsementFields,
                          [&who](const json& body) { return EndorsementKind(who, body); });
                    }),
             {"Endorse a recall request (endorsed: true) or refuse it with a note: the SPO of the "
              "case's team first, then a senior manager"});

  router.Add("POST", "/api/v1/people/{crn}/recalls/{id}/sent",
             OnCase(auth, Action::kEnforce,
                    [&auth](const Request& request, const Principal& who,
                            const app::CaseRef& on) -> Result<Response> {
                      return RecordRecall(auth, request, who, on, kSentFields,
                                          [](const json&) { return Fixed("sent_to_recall_team"); });
                    }),
             {"Send an endorsed recall request to the recall team"});

  router.Add("POST", "/api/v1/people/{crn}/recalls/{id}/decision",
             OnCase(auth, Action::kEnforce,
                    [&auth](const Request& request, const Principal& who,
                            const app::CaseRef& on) -> Result<Response> {
                      return RecordRecall(auth, request, who, on, kDecisionFields,
                                          [](const json&) { return Fixed("decided"); });
                    }),
             {"The recall team's decision: standard, fixed_term (refused for MAPPA level 2 or 3, "
              "terrorism-related, extended and indeterminate sentences) or not_recalled"});

  router.Add("POST", "/api/v1/people/{crn}/recalls/{id}/returned-to-custody",
             OnCase(auth, Action::kEnforce,
                    [&auth](const Request& request, const Principal& who,
                            const app::CaseRef& on) -> Result<Response> {
                      return RecordRecall(auth, request, who, on, kSentFields,
                                          [](const json&) { return Fixed("returned_to_custody"); });
                    }),
             {"Record that the person recalled is back in custody (the recall team)"});

  router.Add(
      "GET", "/api/v1/recalls",
      auth.Guard([&auth](const Request& request, const Principal& who) -> Result<Response> {
        if (who.role != Role::kRecallTeam)
          return Error::Forbidden("wrong_role", "this is the recall team's list");
        bool decided = false;
        if (auto status = request.Query("status")) {
          if (*status == "decided")
            decided = true;
          else if (*status != "awaiting_decision")
            return Error::Invalid("unknown_status", "status is awaiting_decision or decided",
                                  "status");
        }
        json items = json::array();
        for (const auto& e : app::ListRecallRequests(auth.db(), who.staff_id, decided, 500)) {
          json item = RecallJson(e.recall);
          item.erase("steps");
          item["crn"] = e.crn;
          item["first_name"] = e.first_name;
          item["last_name"] = e.last_name;
          item["sentence_kind"] = e.sentence_kind;
          items.push_back(std::move(item));
        }
        return Response::Json(200, {{"items", items}});
      }),
      {"The recall team's list: recall requests sent to it and awaiting a decision, oldest "
       "first (status=awaiting_decision, the default), or decided, newest first "
       "(status=decided); at most 500"});
}

}  // namespace probity::web
