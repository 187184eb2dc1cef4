#include "web/enforcement_routes.h"

#include <array>
#include <charconv>

#include "access/policy.h"
#include "access/store.h"
#include "app/enforcement.h"
#include "cases/store.h"
#include "core/uk_time.h"
#include "web/case_gate.h"
#include "web/enforcement_json.h"
#include "web/json_input.h"

namespace probity::web {

namespace {
using access::Action;
using access::Principal;
using access::Role;
using nlohmann::json;

constexpr std::array kDecisionFields = {"sentence_id",        "appointment_id",     "kind",
                                        "rationale",          "respond_by",         "reasons",
                                        "alternatives_tried", "conditions_breached"};
constexpr std::array kAnswerFields = {"version"};
constexpr std::array kDeclineFields = {"version", "note"};
constexpr std::array kPolicyFields = {"effective_from", "community", "licence", "reason"};
constexpr std::array kRuleFields = {"decision_at", "window_months", "due_working_days"};

Result<int64_t> DecisionId(const Request& request) {
  if (auto id = request.IdParam("id")) return *id;
  return Error{ErrorKind::kNotFound, "unknown_decision",
               "this person has no decision " + std::string(request.Param("id")), "id"};
}

Result<app::DecisionRequest> ParseDecision(const json& b) {
  app::DecisionRequest in;
  auto sentence = RequiredInt(b, "sentence_id");
  if (!sentence) return sentence.error();
  auto appointment = RequiredInt(b, "appointment_id");
  if (!appointment) return appointment.error();
  auto kind_text = RequiredString(b, "kind");
  if (!kind_text) return kind_text.error();
  const auto kind = enforcement::ParseDecisionKind(*kind_text);
  if (!kind)
    return Error::Invalid("unknown_kind", "kind is one of " + enforcement::DecisionKindChoices(),
                          "kind");
  auto rationale = OptionalString(b, "rationale");
  if (!rationale) return rationale.error();
  auto respond_by = OptionalString(b, "respond_by");
  if (!respond_by) return respond_by.error();
  in.sentence_id = *sentence;
  in.appointment_id = *appointment;
  in.input.kind = *kind;
  in.input.rationale = rationale->value_or("");
  if (*respond_by) {
    auto day = RequireDate(**respond_by, "respond_by");
    if (!day) return day.error();
    in.input.respond_by = *day;
  }
  if (*kind == enforcement::DecisionKind::kRecallRequested) {
    app::RecallRequest recall;
    auto reasons = OptionalString(b, "reasons");
    if (!reasons) return reasons.error();
    auto alternatives = OptionalString(b, "alternatives_tried");
    if (!alternatives) return alternatives.error();
    recall.reasons = reasons->value_or("");
    recall.alternatives_tried = alternatives->value_or("");
    if (b.contains("conditions_breached")) {
      const auto& list = b["conditions_breached"];
      if (!list.is_array())
        return Error::Invalid("wrong_type",
                              "conditions_breached is a list of licence condition ids",
                              "conditions_breached");
      for (const auto& id : list) {
        if (!id.is_number_integer())
          return Error::Invalid("wrong_type",
                                "conditions_breached is a list of licence condition ids",
                                "conditions_breached");
        recall.conditions_breached.push_back(id.get<int64_t>());
      }
    }
    in.recall = std::move(recall);
  }
  return in;
}

Result<enforcement::Rule> ParseRule(const json& body, const char* field) {
  if (!body.contains(field) || !body[field].is_object())
    return Error::Invalid(
        "missing_field",
        std::string(field) + " is an object: {decision_at, window_months, due_working_days}",
        field);
  const json& r = body[field];
  for (const auto& [key, value] : r.items())
    if (std::find(kRuleFields.begin(), kRuleFields.end(), key) == kRuleFields.end())
      return Error::Invalid("unknown_field", "unknown field " + std::string(field) + "." + key,
                            std::string(field) + "." + key);
  enforcement::Rule rule;
  auto decision_at = RequiredInt32(r, "decision_at");
  if (!decision_at) return decision_at.error();
  auto window = RequiredInt32(r, "window_months");
  if (!window) return window.error();
  auto due = RequiredInt32(r, "due_working_days");
  if (!due) return due.error();
  rule.decision_at = *decision_at;
  rule.window_months = *window;
  rule.due_working_days = *due;
  return rule;
}

// The worklist's cursor: "YYYY-MM-DD.sentence.appointment" (the last row's key).
Result<enforcement::WorklistQuery> ParseCursor(std::string_view text,
                                               enforcement::WorklistQuery q) {
  const auto bad = Error::Invalid("bad_cursor", "after is a cursor from an earlier page", "after");
  const auto first = text.find('.');
  const auto second = text.find('.', first == std::string_view::npos ? first : first + 1);
  if (first == std::string_view::npos || second == std::string_view::npos) return bad;
  const auto day = ParseDate(text.substr(0, first));
  int64_t sentence = 0, appointment = 0;
  const auto s = text.substr(first + 1, second - first - 1), a = text.substr(second + 1);
  if (!day || std::from_chars(s.data(), s.data() + s.size(), sentence).ec != std::errc{} ||
      std::from_chars(a.data(), a.data() + a.size(), appointment).ec != std::errc{})
    return bad;
  q.after_due_on = FormatDate(*day);
  q.after_sentence_id = sentence;
  q.after_appointment_id = appointment;
  return q;
}

Result<enforcement::WorklistQuery> ParseWorklist(const Auth& auth, const Request& request,
                                                 const Principal& who, UtcTime now) {
  enforcement::WorklistQuery q;
  q.scope = access::ScopeOf(who, Action::kEnforce);
  q.viewer = who.staff_id;
  auto tx = auth.db().BeginRead();
  if (auto team = request.Query("team")) {
    const auto id = cases::TeamIdOf(tx, std::string(*team));
    if (!id)
      return Error::Invalid("unknown_team", "there is no team " + std::string(*team), "team");
    q.team_id = *id;
  }
  if (auto officer = request.Query("officer")) {
    auto account = access::FindAccount(tx, std::string(*officer));
    if (!account)
      return Error::Invalid("unknown_user", "there is no account " + std::string(*officer),
                            "officer");
    q.officer_staff_id = account->account.staff_id;
  }
  if (auto state = request.Query("state")) {
    const auto s = enforcement::ParseAlertState(*state);
    if (!s || *s == enforcement::AlertState::kClosed)
      return Error::Invalid("unknown_state",
                            "state is open, awaiting_information, awaiting_countersignature or "
                            "awaiting_endorsement",
                            "state");
    q.state = *s;
  }
  if (auto due_by = request.Query("due_by")) {
    auto day = RequireDate(*due_by, "due_by");
    if (!day) return day.error();
    q.due_by = *day;
  }
  if (auto overdue = request.Query("overdue"); overdue && *overdue == "true")
    q.due_by = UkDateOf(now) - std::chrono::days{1};
  if (auto limit = request.Query("limit")) {
    int n = 0;
    if (std::from_chars(limit->data(), limit->data() + limit->size(), n).ec != std::errc{} ||
        n < 1 || n > 200)
      return Error::Invalid("out_of_range", "limit is a whole number from 1 to 200", "limit");
    q.limit = n;
  }
  if (auto after = request.Query("after")) return ParseCursor(*after, q);
  return q;
}

// Countersigning needs an SPO, endorsing a senior manager, each with reach over the case
// (OpenCaseFor with kCountersign has checked the reach).
Status RequireRole(const Principal& who, Role role, const char* what) {
  if (who.role == role) return {};
  return Error::Forbidden("wrong_role", what);
}

}  // namespace

void AddEnforcementRoutes(Router& router, const Auth& auth) {
  router.Add(
      "GET", "/api/v1/people/{crn}/enforcement",
      OnCase(auth, Action::kReadCase,
             [&auth](const Request&, const Principal&, const app::CaseRef& on) -> Result<Response> {
               const auto now = auth.clock().Now();
               json items = json::array();
               for (const auto& s : app::GetEnforcement(auth.db(), on, now))
                 items.push_back(SentenceEnforcementJson(s, UkDateOf(now)));
               return Response::Json(200, {{"sentences", items}});
             }),
      {"A person's sentences as enforcement sees them today: unacceptable failures counted in "
       "the window, the stage, every alert with its due date and state, and every decision"});

  router.Add(
      "POST", "/api/v1/people/{crn}/enforcement/decisions",
      OnCase(auth, Action::kEnforce,
             [&auth](const Request& request, const Principal& who,
                     const app::CaseRef& on) -> Result<Response> {
               auto body = ParseJsonBody(request, kDecisionFields);
               if (!body) return body.error();
               auto in = ParseDecision(*body);
               if (!in) return in.error();
               auto d = app::RecordDecision(auth.db(), ActorOf(who), on, *in, auth.clock().Now());
               if (!d) return d.error();
               return Response::Json(201, DecisionJson(*d));
             }),
      {"Decide on a failure's alert: warning, compliance letter, breach, recall, not enforced on "
       "professional judgement (countersigned before the alert closes), further information, or "
       "added to proceedings under way. Never changes the absence judgement"});

  router.Add("POST", "/api/v1/people/{crn}/enforcement/decisions/{id}/countersign",
             OnCase(auth, Action::kCountersign,
                    [&auth](const Request& request, const Principal& who,
                            const app::CaseRef& on) -> Result<Response> {
                      if (auto ok = RequireRole(who, Role::kSpo,
                                                "countersigning needs the SPO role in the case's "
                                                "team");
                          !ok)
                        return ok.error();
                      auto id = DecisionId(request);
                      if (!id) return id.error();
                      auto body = ParseJsonBody(request, kAnswerFields);
                      if (!body) return body.error();
                      auto version = RequiredVersion(*body);
                      if (!version) return version.error();
                      auto d = app::CountersignDecision(auth.db(), ActorOf(who), on, *id, *version,
                                                        auth.clock().Now());
                      if (!d) return d.error();
                      return Response::Json(200, DecisionJson(*d));
                    }),
             {"Countersign a decision not to enforce (an SPO of the case's team)"});

  router.Add(
      "POST", "/api/v1/people/{crn}/enforcement/decisions/{id}/endorse",
      OnCase(auth, Action::kCountersign,
             [&auth](const Request& request, const Principal& who,
                     const app::CaseRef& on) -> Result<Response> {
               if (auto ok = RequireRole(who, Role::kSeniorManager,
                                         "endorsing needs a senior manager of the case's "
                                         "PDU");
                   !ok)
                 return ok.error();
               auto id = DecisionId(request);
               if (!id) return id.error();
               auto body = ParseJsonBody(request, kAnswerFields);
               if (!body) return body.error();
               auto version = RequiredVersion(*body);
               if (!version) return version.error();
               auto d = app::EndorseDecision(auth.db(), ActorOf(who), on, *id, *version,
                                             auth.clock().Now());
               if (!d) return d.error();
               return Response::Json(200, DecisionJson(*d));
             }),
      {"Endorse a second or later decision not to enforce on a sentence (a senior manager)"});

  router.Add("POST", "/api/v1/people/{crn}/enforcement/decisions/{id}/decline",
             OnCase(auth, Action::kCountersign,
                    [&auth](const Request& request, const Principal& who,
                            const app::CaseRef& on) -> Result<Response> {
                      if (who.role != Role::kSpo && who.role != Role::kSeniorManager)
                        return Error::Forbidden(
                            "wrong_role",
                            "declining needs the SPO or senior manager who would "
                            "countersign or endorse");
                      auto id = DecisionId(request);
                      if (!id) return id.error();
                      auto body = ParseJsonBody(request, kDeclineFields);
                      if (!body) return body.error();
                      auto version = RequiredVersion(*body);
                      if (!version) return version.error();
                      auto note = RequiredString(*body, "note");
                      if (!note) return note.error();
                      auto d = app::DeclineDecision(auth.db(), ActorOf(who), on, *id, *note,
                                                    *version, auth.clock().Now());
                      if (!d) return d.error();
                      return Response::Json(200, DecisionJson(*d));
                    }),
             {"Decline a decision not to enforce, with a note: the alert opens again for a new "
              "decision"});

  router.Add("GET", "/api/v1/enforcement/worklist",
             auth.Guard([&auth](const Request& request, const Principal& who) -> Result<Response> {
               if (who.role == Role::kRecallTeam)
                 return Error::Forbidden(
                     "wrong_role",
                     "the recall team works from recall requests: GET /api/v1/recalls");
               const auto now = auth.clock().Now();
               auto q = ParseWorklist(auth, request, who, now);
               if (!q) return q.error();
               const auto items = app::ListWorklist(auth.db(), *q);
               const Date today = UkDateOf(now);
               json out = json::array();
               for (const auto& item : items) out.push_back(WorklistItemJson(item, today));
               json next = nullptr;
               if (static_cast<int>(items.size()) == q->limit) {
                 const auto& last = items.back().stored;
                 next = FormatDate(last.alert.due_on) + "." + std::to_string(last.sentence_id) +
                        "." + std::to_string(last.alert.appointment_id);
               }
               return Response::Json(200, {{"items", out}, {"next_cursor", next}});
             }),
             {"Open enforcement alerts on the cases you may enforce, by due date; filters team, "
              "officer, state, due_by, overdue=true; keyset pages (after)"});

  router.Add("GET", "/api/v1/enforcement/policy",
             auth.Guard([&auth](const Request&, const Principal&) -> Result<Response> {
               json items = json::array();
               for (const auto& v : app::GetPolicy(auth.db()).versions)
                 items.push_back(PolicyVersionJson(v));
               return Response::Json(200, {{"versions", items}});
             }),
             {"The enforcement policy: every version of the rules table, oldest first"});

  router.Add("POST", "/api/v1/enforcement/policy",
             auth.Guard([&auth](const Request& request, const Principal& who) -> Result<Response> {
               if (auto ok = access::Require(access::Decide(who, Action::kManageOrganisation)); !ok)
                 return ok.error();
               auto body = ParseJsonBody(request, kPolicyFields);
               if (!body) return body.error();
               enforcement::PolicyVersion v;
               auto from = RequiredString(*body, "effective_from");
               if (!from) return from.error();
               auto day = RequireDate(*from, "effective_from");
               if (!day) return day.error();
               auto community = ParseRule(*body, "community");
               if (!community) return community.error();
               auto licence = ParseRule(*body, "licence");
               if (!licence) return licence.error();
               auto reason = RequiredString(*body, "reason");
               if (!reason) return reason.error();
               v.effective_from = *day;
               v.community = *community;
               v.licence = *licence;
               v.reason = *reason;
               auto changed = app::ChangePolicy(auth.db(), ActorOf(who), v, auth.clock().Now());
               if (!changed) return changed.error();
               return Response::Json(201, PolicyVersionJson(*changed));
             }),
             {"Change the enforcement policy from a date (administrators): a new version; failures "
              "before that date keep the rules they were judged by"});
}

}  // namespace probity::web
