#include "web/pages/proceedings_pages.h"

#include <algorithm>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "app/proceedings.h"
#include "cases/sentence_store.h"
#include "cases/store.h"
#include "cases/vocabulary.h"
#include "core/uk_time.h"
#include "enforcement/proceedings.h"
#include "web/case_gate.h"
#include "web/pages/date_field.h"
#include "web/pages/enforcement_pages.h"
#include "web/pages/form.h"
#include "web/pages/person_pages.h"

namespace probity::web::pages {

std::string BreachUrl(const std::string& crn, int64_t breach_id) {
  return "/people/" + crn + "/breaches/" + std::to_string(breach_id);
}

std::string RecallUrl(const std::string& crn, int64_t recall_id) {
  return "/people/" + crn + "/recalls/" + std::to_string(recall_id);
}

std::string HomeOf(access::Role role) {
  return role == access::Role::kRecallTeam ? "/recalls" : "/caseload";
}

namespace {

using access::Action;
using access::Principal;
using access::Role;
using enforcement::Breach;
using enforcement::Recall;
using nlohmann::json;

std::string LongDateOf(Date d) { return LongDate(FormatDate(d)); }
json LongDateOrNull(const std::optional<Date>& d) {
  return d ? json(LongDateOf(*d)) : json(nullptr);
}
std::string Label(cases::Vocabulary vocabulary, const std::string& code) {
  return std::string(cases::LabelOf(vocabulary, code));
}
std::string FullName(const cases::Person& p) { return p.first_name + " " + p.last_name; }

// The person and the sentence the proceedings are on, for the header and the summary.
struct CaseView {
  app::CaseRef on;
  cases::Person person;
  std::string sentence;
  std::vector<cases::LicenceCondition> conditions;
};

Result<CaseView> CaseViewOf(const Site& site, const app::CaseRef& on, int64_t sentence_id) {
  auto tx = site.auth.db().BeginRead();
  auto person = cases::FindPerson(tx, on.crn);
  if (!person) return Error::NotFound("not_found", "there is no such person");
  const auto sentence = cases::FindSentence(tx, on.person_id, sentence_id);
  CaseView view{
      on, std::move(*person), sentence ? SentenceTitle(*sentence) : std::string("Sentence"), {}};
  for (auto& c : cases::LoadLicenceConditions(tx, on.person_id))
    if (c.sentence_id == sentence_id) view.conditions.push_back(std::move(c));
  return view;
}

// One row of the steps table.
json StepRow(const std::string& label, Date on, std::vector<std::string> details,
             const std::string& note, const std::string& by, UtcTime at) {
  json lines = json::array();
  for (auto& d : details) lines.push_back(std::move(d));
  return {{"label", label},
          {"on", LongDateOf(on)},
          {"on_iso", FormatDate(on)},
          {"details", std::move(lines)},
          {"note", Trimmed(note).empty() ? json(nullptr) : json(note)},
          {"recorded_by", by},
          {"recorded_at", LongDateTime(at)},
          {"recorded_at_iso", FormatUtc(at)}};
}

// The version a form carries in its hidden field; 0 (always stale) when it is not a number.
int VersionOf(const FormFields& form) {
  const auto version = PositiveWholeNumber(FormValue(form, "version"));
  return version && *version < 1'000'000'000 ? static_cast<int>(*version) : 0;
}

// ---- Breach proceedings ----

struct BreachValues {
  std::string kind, court, outcome, note;
  TypedDay on, listed_for;
};

Response BreachPage(const Site& site, const Principal& who, const CaseView& view,
                    const Breach& breach, const BreachValues& v, json data, int status) {
  const std::string& crn = view.on.crn;
  json steps = json::array();
  for (const auto& s : breach.steps) {
    std::vector<std::string> details;
    if (s.listed_for)
      details.push_back("Hearing on " + LongDateOf(*s.listed_for) +
                        (s.court ? " at " + *s.court : std::string()));
    if (s.outcome) details.push_back(Label(enforcement::BreachOutcomes(), *s.outcome));
    steps.push_back(StepRow(Label(enforcement::BreachStepKinds(), s.kind), s.on, std::move(details),
                            s.note, s.recorded_by_name, s.recorded_at));
  }
  data["header"] = PersonHeader(view.person, "enforcement");
  data["sentence"] = view.sentence;
  data["status"] = Label(enforcement::BreachStepKinds(), breach.status);
  data["open"] = breach.open();
  data["initiated_on"] = LongDateOf(breach.initiated_on);
  data["next_listing_on"] = LongDateOrNull(breach.next_listing_on);
  data["court"] = breach.court ? json(*breach.court) : json(nullptr);
  data["outcome"] =
      breach.outcome ? json(Label(enforcement::BreachOutcomes(), *breach.outcome)) : json(nullptr);
  data["ended_on"] = LongDateOrNull(breach.ended_on);
  data["steps"] = std::move(steps);
  data["back_url"] = EnforcementUrl(crn) + "#sentence-" + std::to_string(breach.sentence_id);
  if (!data.contains("errors")) data["errors"] = json::array();

  const auto next = enforcement::NextBreachSteps(breach);
  if (DecidesOnFailures(who.role) && !next.empty()) {
    json outcomes = json::array();
    for (const auto& code : enforcement::NextBreachOutcomes(breach))
      outcomes.push_back({{"code", code},
                          {"label", Label(enforcement::BreachOutcomes(), code)},
                          {"chosen", v.outcome == code},
                          {"first", outcomes.empty()}});
    json kinds = json::array();
    for (const auto& code : next)
      kinds.push_back({{"code", code},
                       {"label", Label(enforcement::BreachStepKinds(), code)},
                       {"chosen", v.kind == code},
                       {"first", kinds.empty()},
                       {"listing", code == "court_listed"},
                       {"outcome_step", code == "outcome_recorded"},
                       {"only_withdrawal", code == "outcome_recorded" && outcomes.size() == 1}});
    data["form"] = {
        {"action", BreachUrl(crn, breach.id) + "/steps"},
        {"version", breach.version},
        {"kinds", std::move(kinds)},
        {"outcomes", std::move(outcomes)},
        {"court_value", v.court},
        {"note_value", v.note},
        {"on_input",
         DateInput("on", "on", "Date of this step",
                   "The day it happened. Leave blank for today. For example, 12 11 2026", v.on,
                   data)},
        {"listed_for_input", DateInput("listed_for", "listed_for", "Hearing date",
                                       "For example, 26 11 2026", v.listed_for, data)}};
  }
  return Page(site, &who, status, FullName(view.person) + ": breach proceedings", "breach",
              std::move(data));
}

Result<int64_t> IdOf(const Request& request, const char* what) {
  if (auto id = request.IdParam("id")) return *id;
  return Error::NotFound("not_found", std::string("there is no such ") + what);
}

// The banner after a step: "Step recorded: Summons issued."
json Banner(const Request& request, cases::Vocabulary kinds) {
  const auto kind = request.Query("recorded");
  if (!kind || !cases::Has(kinds, *kind)) return nullptr;
  return "Recorded: " + Label(kinds, std::string(*kind)) + ".";
}

Result<Response> ShowBreach(const Site& site, const Request& request, const Principal& who) {
  auto on = OpenCaseFor(site.auth, request, who, Action::kReadCase);
  if (!on) return on.error();
  if (auto ok = enforcement::MayRecordBreachStep(who.role); !ok) return ok.error();
  auto id = IdOf(request, "breach");
  if (!id) return id.error();
  auto breach = app::GetBreach(site.auth.db(), *on, *id);
  if (!breach) return breach.error();
  auto view = CaseViewOf(site, *on, breach->sentence_id);
  if (!view) return view.error();
  return BreachPage(site, who, *view, *breach, {},
                    {{"banner", Banner(request, enforcement::BreachStepKinds())}}, 200);
}

// The form's id for a field the rules name.
std::string BreachFieldId(const std::string& field) {
  for (const char* known : {"kind", "on", "listed_for", "court", "outcome", "note"})
    if (field == known) return field;
  return "kind";
}

Result<Response> PostBreachStep(const Site& site, const Request& request, const Principal& who) {
  auto on = OpenCaseFor(site.auth, request, who, Action::kEnforce);
  if (!on) return on.error();
  if (auto ok = enforcement::MayRecordBreachStep(who.role); !ok) return ok.error();
  auto id = IdOf(request, "breach");
  if (!id) return id.error();
  auto form = ParseFormBody(request);
  if (!form) return form.error();
  const BreachValues v{FormValue(*form, "kind"),    FormValue(*form, "court"),
                       FormValue(*form, "outcome"), FormValue(*form, "note"),
                       TypedDayOf(*form, "on"),     TypedDayOf(*form, "listed_for")};
  json data = {{"errors", json::array()}};
  enforcement::BreachStepInput in;
  in.kind = v.kind;
  in.note = v.note;
  if (v.kind.empty()) AddError(data, "kind", "Select the step to record");
  in.on = DayOf(data, "on", v.on, nullptr);
  // Only the chosen step's own fields count.
  if (v.kind == "court_listed") {
    in.listed_for = DayOf(data, "listed_for", v.listed_for, "Enter the hearing date");
    if (Trimmed(v.court).empty())
      AddError(data, "court", "Enter the court the case is listed at");
    else
      in.court = std::string(Trimmed(v.court));
  }
  if (v.kind == "outcome_recorded") {
    if (v.outcome.empty())
      AddError(data, "outcome", "Select the court's outcome");
    else
      in.outcome = v.outcome;
  }
  const auto now = site.auth.clock().Now();
  if (!HasErrors(data)) {
    auto done =
        app::RecordBreachStep(site.auth.db(), ActorOf(who), *on, *id, in, VersionOf(*form), now);
    if (done) return SeeOther(BreachUrl(on->crn, *id) + "?recorded=" + v.kind + "#steps");
    const Error& e = done.error();
    if (e.kind != ErrorKind::kInvalid && e.kind != ErrorKind::kConflict) return e;
    if (e.code == "stale_version")
      AddError(data, "steps",
               "Someone else recorded a step on these proceedings meanwhile. They are shown below "
               "as they now are: check them before recording a step");
    else
      AddError(data, BreachFieldId(e.field), AsSentence(e.message));
    data["conflict"] = e.kind == ErrorKind::kConflict;
  }
  auto breach = app::GetBreach(site.auth.db(), *on, *id);
  if (!breach) return breach.error();
  auto view = CaseViewOf(site, *on, breach->sentence_id);
  if (!view) return view.error();
  const int status = data.value("conflict", false) ? 409 : 400;
  return BreachPage(site, who, *view, *breach, v, std::move(data), status);
}

// ---- Recall ----

// The recall forms, by their hidden `step`: which form a refusal belongs to.
constexpr std::string_view kEndorsement = "endorsement", kSent = "sent", kDecision = "decision",
                           kReturned = "returned_to_custody";

struct RecallValues {
  std::string step, endorsed, decision, note;
  TypedDay on;
};

// The data of one recall form: its action, version, note and date (typed again when it was this
// form that was refused), and their errors.
json RecallForm(const CaseView& view, const Recall& recall, std::string_view step,
                const RecallValues& v, const json& data, const std::string& note_label,
                const std::string& date_legend) {
  const bool mine = v.step == step;
  const std::string id(step);
  const std::string note_key = id + "-note_error";
  return {{"step", id},
          {"action", RecallUrl(view.on.crn, recall.id) + "/steps"},
          {"version", recall.version},
          {"note_label", note_label},
          {"note", mine ? v.note : std::string()},
          {"note_error", data.contains(note_key) ? data[note_key] : json(nullptr)},
          {"on_input", DateInput(id + "-on", "on", date_legend,
                                 "Leave blank for today. For example, 12 11 2026",
                                 mine ? v.on : TypedDay{}, data)}};
}

Response RecallPage(const Site& site, const Principal& who, const CaseView& view,
                    const Recall& recall, const enforcement::FixedTermFacts& facts,
                    const RecallValues& v, json data, int status) {
  json steps = json::array();
  for (const auto& s : recall.steps) {
    std::vector<std::string> details;
    if (s.decision) details.push_back(Label(enforcement::RecallDecisions(), *s.decision));
    steps.push_back(StepRow(Label(enforcement::RecallStepKinds(), s.kind), s.on, std::move(details),
                            s.note, s.recorded_by_name, s.recorded_at));
  }
  json conditions = json::array();
  for (const auto& c : view.conditions)
    if (std::find(recall.conditions_breached.begin(), recall.conditions_breached.end(), c.id) !=
        recall.conditions_breached.end())
      conditions.push_back(std::string(cases::LabelOf(cases::LicenceConditionTypes(), c.type)) +
                           ": " + c.description);
  const auto bar = enforcement::FixedTermRefusal(facts);
  data["header"] = PersonHeader(view.person, "enforcement");
  data["sentence"] = view.sentence;
  data["status"] = Label(enforcement::RecallStepKinds(), recall.status);
  data["open"] = recall.open();
  data["requested_on"] = LongDateOf(recall.requested_on);
  data["reasons"] = recall.reasons;
  data["alternatives_tried"] = recall.alternatives_tried;
  data["conditions"] = std::move(conditions);
  data["decision"] = recall.decision ? json(Label(enforcement::RecallDecisions(), *recall.decision))
                                     : json(nullptr);
  data["sent_on"] = LongDateOrNull(recall.sent_on);
  data["ended_on"] = LongDateOrNull(recall.ended_on);
  data["fixed_term_open"] = !bar.has_value();
  data["fixed_term_bar"] = bar ? json(AsSentence(bar->reason)) : json(nullptr);
  data["steps"] = std::move(steps);
  data["back_url"] =
      EnforcementUrl(view.on.crn) + "#sentence-" + std::to_string(recall.sentence_id);
  if (!data.contains("errors")) data["errors"] = json::array();

  // The forms: the steps the rules take now from this person, that their role records.
  bool endorse = false, send = false, decide = false, returned = false;
  for (const auto& kind : enforcement::NextRecallSteps(recall, who.ActorId())) {
    if (!enforcement::MayRecordRecallStep(who.role, kind)) continue;
    endorse |= kind.ends_with("_endorsed");
    send |= kind == "sent_to_recall_team";
    decide |= kind == "decided";
    returned |= kind == "returned_to_custody";
  }
  if (endorse) {
    json form = RecallForm(view, recall, kEndorsement, v, data,
                           "Note (required if you do not endorse it)", "Date of your endorsement");
    form["as"] = who.role == Role::kSpo ? "the SPO" : "a senior manager";
    form["endorsed_yes"] = v.step == kEndorsement && v.endorsed == "yes";
    form["endorsed_no"] = v.step == kEndorsement && v.endorsed == "no";
    data["endorsement_form"] = std::move(form);
  }
  if (send)
    data["sent_form"] = RecallForm(view, recall, kSent, v, data, "Note (optional)", "Date sent");
  if (decide) {
    json form = RecallForm(view, recall, kDecision, v, data, "Reasons for the decision",
                           "Date of the decision");
    json choices = json::array();
    for (const auto& term : enforcement::RecallDecisions()) {
      const std::string code(term.code);
      if (code == "fixed_term" && bar) continue;  // not offered: the rules refuse it
      choices.push_back({{"code", code},
                         {"label", std::string(term.label)},
                         {"chosen", v.step == kDecision && v.decision == code},
                         {"first", choices.empty()}});
    }
    form["choices"] = std::move(choices);
    data["decision_form"] = std::move(form);
  }
  if (returned)
    data["returned_form"] =
        RecallForm(view, recall, kReturned, v, data, "Note (optional)", "Date returned to custody");
  return Page(site, &who, status, FullName(view.person) + ": recall", "recall", std::move(data));
}

Result<Response> RecallPageOf(const Site& site, const Principal& who, const app::CaseRef& on,
                              int64_t id, const RecallValues& v, json data, int status) {
  auto recall = app::GetRecall(site.auth.db(), on, id);
  if (!recall) return recall.error();
  auto facts = app::GetFixedTermFacts(site.auth.db(), on, id);
  if (!facts) return facts.error();
  auto view = CaseViewOf(site, on, recall->sentence_id);
  if (!view) return view.error();
  return RecallPage(site, who, *view, *recall, *facts, v, std::move(data), status);
}

Result<Response> ShowRecall(const Site& site, const Request& request, const Principal& who) {
  auto on = OpenCaseFor(site.auth, request, who, Action::kReadCase);
  if (!on) return on.error();
  auto id = IdOf(request, "recall");
  if (!id) return id.error();
  return RecallPageOf(site, who, *on, *id, {},
                      {{"banner", Banner(request, enforcement::RecallStepKinds())}}, 200);
}

// The step the form records, by the caller's role for an endorsement; kForbidden for a role that
// does not endorse, kNotFound for a form this page does not have.
Result<std::string> RecallKindOf(const Principal& who, const RecallValues& v) {
  if (v.step == kEndorsement) {
    const char* stage = who.role == Role::kSpo             ? "spo"
                        : who.role == Role::kSeniorManager ? "senior_manager"
                                                           : nullptr;
    if (!stage)
      return Error::Forbidden("wrong_role",
                              "An SPO, then a senior manager, endorses a recall request.");
    return std::string(stage) + (v.endorsed == "no" ? "_refused" : "_endorsed");
  }
  if (v.step == kSent) return std::string("sent_to_recall_team");
  if (v.step == kDecision) return std::string("decided");
  if (v.step == kReturned) return std::string("returned_to_custody");
  return Error::NotFound("not_found", "there is no such form");
}

// GOV.UK wording where the form can say better than the rules' message what to do.
std::string RecallWording(const Error& e, const std::string& kind) {
  if (e.code == "required" && e.field == "note")
    return kind == "decided" ? "Enter the reasons for the decision"
                             : "Enter why you do not endorse the recall";
  if (e.code == "required" && e.field == "decision") return "Select the recall team's decision";
  return AsSentence(e.message);
}

Result<Response> PostRecallStep(const Site& site, const Request& request, const Principal& who) {
  auto form = ParseFormBody(request);
  if (!form) return form.error();
  const RecallValues v{FormValue(*form, "step"), FormValue(*form, "endorsed"),
                       FormValue(*form, "decision"), FormValue(*form, "note"),
                       TypedDayOf(*form, "on")};
  auto on = OpenCaseFor(site.auth, request, who,
                        v.step == kEndorsement ? Action::kCountersign : Action::kEnforce);
  if (!on) return on.error();
  auto id = IdOf(request, "recall");
  if (!id) return id.error();
  auto kind = RecallKindOf(who, v);
  if (!kind) return kind.error();
  if (auto ok = enforcement::MayRecordRecallStep(who.role, *kind); !ok) return ok.error();

  json data = {{"errors", json::array()}};
  enforcement::RecallStepInput in;
  in.kind = *kind;
  in.note = v.note;
  if (v.step == kEndorsement && v.endorsed != "yes" && v.endorsed != "no")
    AddError(data, "endorsed", "Select whether you endorse the recall request");
  if (v.step == kDecision && !v.decision.empty()) in.decision = v.decision;
  in.on = DayOf(data, v.step + "-on", v.on, nullptr);
  if (!HasErrors(data)) {
    auto done = app::RecordRecallStep(site.auth.db(), ActorOf(who), *on, *id, in, VersionOf(*form),
                                      site.auth.clock().Now());
    if (done) return SeeOther(RecallUrl(on->crn, *id) + "?recorded=" + *kind + "#steps");
    const Error& e = done.error();
    if (e.kind != ErrorKind::kInvalid && e.kind != ErrorKind::kConflict) return e;
    if (e.code == "stale_version")
      AddError(data, "steps",
               "Someone else recorded a step on this recall meanwhile. It is shown below as it "
               "now is: check it before recording a step");
    else if (e.field == "note" || e.field == "on")
      AddError(data, v.step + "-" + e.field, RecallWording(e, *kind));
    else if (e.field == "decision")
      AddError(data, "decision", RecallWording(e, *kind));
    else
      AddError(data, "steps", AsSentence(e.message));
    data["conflict"] = e.kind == ErrorKind::kConflict;
  }
  const int status = data.value("conflict", false) ? 409 : 400;
  return RecallPageOf(site, who, *on, *id, v, std::move(data), status);
}

// ---- The recall team's list ----

Result<Response> RecallListPage(const Site& site, const Request& request, const Principal& who) {
  if (who.role != Role::kRecallTeam)
    return Error::Forbidden("forbidden", "This is the recall team's list of recall requests.");
  const std::string status(request.Query("status").value_or("awaiting_decision"));
  if (status != "awaiting_decision" && status != "decided")
    return Error::NotFound("not_found", "there is no such list");
  const bool decided = status == "decided";
  json rows = json::array();
  for (const auto& e : app::ListRecallRequests(site.auth.db(), who.staff_id, decided, 500)) {
    const auto& r = e.recall;
    rows.push_back(
        {{"url", RecallUrl(e.crn, r.id)},
         {"name", e.first_name + " " + e.last_name},
         {"crn", e.crn},
         {"sentence", Label(cases::SentenceKinds(), e.sentence_kind)},
         {"requested_on", LongDateOf(r.requested_on)},
         {"sent_on", LongDateOrNull(r.sent_on)},
         {"sent_on_iso", r.sent_on ? json(FormatDate(*r.sent_on)) : json(nullptr)},
         {"decision",
          r.decision ? json(Label(enforcement::RecallDecisions(), *r.decision)) : json(nullptr)},
         {"decided_on", LongDateOrNull(r.decided_on)},
         {"status", Label(enforcement::RecallStepKinds(), r.status)}});
  }
  json data = {{"decided", decided},
               {"empty", rows.empty()},
               {"count", rows.size()},
               {"rows", std::move(rows)}};
  return Page(site, &who, 200, decided ? "Recall requests decided" : "Recall requests to decide",
              "recalls", std::move(data));
}

}  // namespace

void AddProceedingsPages(Router& router, const Site& site) {
  const PageRoute kPages[] = {
      {"GET", "/people/{crn}/breaches/{id}", ShowBreach,
       "Breach proceedings with every step, who recorded it and when, and the form for the next "
       "step"},
      {"POST", "/people/{crn}/breaches/{id}/steps", PostBreachStep,
       "Record the next step of breach proceedings: summons or warrant issued, listed at court, "
       "the court's outcome, ended"},
      {"GET", "/people/{crn}/recalls/{id}", ShowRecall,
       "A recall request with every step, whether fixed-term recall is open, and the form the "
       "caller may use now"},
      {"POST", "/people/{crn}/recalls/{id}/steps", PostRecallStep,
       "Record the next step of a recall: an endorsement or its refusal, sending it to the recall "
       "team, the recall team's decision, the return to custody"},
      {"GET", "/recalls", RecallListPage,
       "The recall team's list: recall requests awaiting a decision, oldest sent first, or "
       "decided (status=decided)"},
  };
  AddSignedInPages(router, site, kPages);
}

}  // namespace probity::web::pages
