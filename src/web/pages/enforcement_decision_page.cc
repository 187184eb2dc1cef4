#include "web/pages/enforcement_decision_page.h"

#include <algorithm>
#include <optional>
#include <set>
#include <string_view>
#include <vector>

#include "app/enforcement.h"
#include "appointments/store.h"
#include "cases/sentence_store.h"
#include "cases/store.h"
#include "cases/vocabulary.h"
#include "core/ordinal.h"
#include "core/uk_time.h"
#include "enforcement/rules.h"
#include "web/case_gate.h"
#include "web/pages/drafted_form.h"
#include "web/pages/enforcement_pages.h"
#include "web/pages/form.h"
#include "web/pages/person_pages.h"

namespace probity::web::pages {

namespace {

using access::Action;
using access::Principal;
using enforcement::AlertState;
using enforcement::DecisionKind;
using nlohmann::json;

std::string LongDateOf(Date d) { return LongDate(FormatDate(d)); }

std::string FullName(const cases::Person& p) { return p.first_name + " " + p.last_name; }

// The alert a decision form is about: the case, the person, the sentence as enforcement sees it
// and the alert of the failure named in the query.
struct AlertSubject {
  app::CaseRef on;
  cases::Person person;
  cases::Sentence sentence;
  app::SentenceEnforcement enforcement;
  enforcement::Alert alert;
  std::vector<cases::LicenceCondition> conditions;
  std::optional<appointments::Appointment> appointment;
};

Result<AlertSubject> AlertSubjectOf(const Site& site, const Request& request,
                                    const Principal& who) {
  auto on = OpenCaseFor(site.auth, request, who, Action::kEnforce);
  if (!on) return on.error();
  if (!DecidesOnFailures(who.role))
    return Error::Forbidden("forbidden",
                            "Decisions on failures are made by practitioners, SPOs, senior "
                            "managers and enforcement administrators.");
  const auto sentence_id = PositiveWholeNumber(request.Query("sentence").value_or(""));
  const auto appointment_id = PositiveWholeNumber(request.Query("appointment").value_or(""));
  const Error missing = Error::NotFound("unknown_alert", "there is no such failure to decide on");
  if (!sentence_id || !appointment_id) return missing;
  AlertSubject s{*on, {}, {}, {}, {}, {}, {}};
  for (auto& e : app::GetEnforcement(site.auth.db(), *on, site.auth.clock().Now())) {
    if (e.sentence_id != *sentence_id) continue;
    for (const auto& a : e.evaluation.alerts)
      if (a.appointment_id == *appointment_id ||
          std::find(a.same_day.begin(), a.same_day.end(), *appointment_id) != a.same_day.end())
        s.alert = a;
    s.enforcement = std::move(e);
  }
  if (s.alert.appointment_id == 0) return missing;
  auto tx = site.auth.db().BeginRead();
  auto person = cases::FindPerson(tx, on->crn);
  auto sentence = cases::FindSentence(tx, on->person_id, *sentence_id);
  if (!person || !sentence) return missing;
  s.person = std::move(*person);
  s.sentence = std::move(*sentence);
  for (auto& c : cases::LoadLicenceConditions(tx, on->person_id))
    if (c.sentence_id == s.sentence.id) s.conditions.push_back(std::move(c));
  for (auto& a : appointments::LoadAppointments(tx, on->person_id))
    if (a.id == s.alert.appointment_id) s.appointment = std::move(a);
  return s;
}

// What the form held, as typed.
struct DecisionValues {
  std::string kind, rationale, day, month, year, reasons, alternatives;
  std::set<std::string> conditions;
};

std::string HintOf(DecisionKind k) {
  switch (k) {
    case DecisionKind::kNotEnforced:
      return "Needs your rationale and an SPO's countersignature; a second or later decision not "
             "to enforce on this sentence also needs a senior manager's endorsement. Until then "
             "the failure stays open.";
    case DecisionKind::kBreachInitiated:
      return "Begins breach proceedings: the case goes back to court.";
    case DecisionKind::kRecallRequested:
      return "Begins a recall request for the recall team.";
    case DecisionKind::kFurtherInformation:
      return "The person is asked to explain by a date; the failure stays open until then.";
    default:
      return "";
  }
}

Response DecisionForm(const Site& site, const Principal& who, const AlertSubject& s,
                      const DecisionValues& v, json data, int status) {
  const std::string& crn = s.on.crn;
  const Date today = UkDateOf(site.auth.clock().Now());
  const auto& a = s.alert;
  json kinds = json::array();
  for (const auto k :
       enforcement::AllowedDecisions(a.kind, s.enforcement.track, s.enforcement.proceedings_open)) {
    const std::string code = enforcement::ToString(k);
    const std::string hint = HintOf(k);
    kinds.push_back({{"code", code},
                     {"label", DecisionLabel(k)},
                     {"hint", hint.empty() ? json(nullptr) : json(hint)},
                     {"chosen", v.kind == code},
                     {"first", kinds.empty()},
                     {"further_information", k == DecisionKind::kFurtherInformation},
                     {"recall", k == DecisionKind::kRecallRequested}});
  }
  json conditions = json::array();
  for (const auto& c : s.conditions)
    conditions.push_back(
        {{"id", c.id},
         {"label", std::string(cases::LabelOf(cases::LicenceConditionTypes(), c.type)) + ": " +
                       c.description +
                       (c.end_date ? " (ended " + LongDate(*c.end_date) + ")" : std::string())},
         {"checked", v.conditions.count(std::to_string(c.id)) > 0},
         {"first", conditions.empty()}});
  const auto [state, state_class] = AlertStateTag(a.state);
  data["header"] = PersonHeader(s.person, "enforcement");
  data["kinds"] = std::move(kinds);
  data["has_conditions"] = !conditions.empty();
  data["conditions"] = std::move(conditions);
  data["kind"] = v.kind;
  data["rationale"] = v.rationale;
  data["respond_by_day"] = v.day;
  data["respond_by_month"] = v.month;
  data["respond_by_year"] = v.year;
  data["reasons"] = v.reasons;
  data["alternatives_tried"] = v.alternatives;
  data["alert"] = {
      {"sentence", SentenceTitle(s.sentence)},
      {"failure_day", LongDateOf(a.failure_day)},
      {"appointment_type", s.appointment ? json(s.appointment->type_label) : json("Appointment")},
      {"appointment_url", "/people/" + crn + "/appointments/" + std::to_string(a.appointment_id)},
      {"nth", Ordinal(a.nth) + " unacceptable failure in the window"},
      {"kind", AlertKindLabel(a.kind)},
      {"during_proceedings",
       a.during_proceedings ? json(DuringProceedingsText(s.enforcement.track)) : json(nullptr)},
      {"due", LongDateOf(a.due_on)},
      {"overdue", a.due_on < today},
      {"due_today", a.due_on == today},
      {"state", state},
      {"state_class", state_class}};
  data["action"] = DecisionFormUrl(crn, s.sentence.id, a.appointment_id);
  data["back_url"] = AlertUrl(crn, s.sentence.id, a.appointment_id);
  if (!data.contains("errors")) data["errors"] = json::array();
  return Page(site, &who, status, "Record an enforcement decision for " + FullName(s.person),
              "enforcement_decision", std::move(data));
}

// The refusal an alert that takes no decision gets: it was decided, or awaits countersignature.
std::optional<Error> Undecidable(const enforcement::Alert& a) {
  if (a.state == AlertState::kClosed)
    return Error::Conflict("alert_closed",
                           "This failure has already been decided. See the person's enforcement "
                           "page for the decision.");
  if (!TakesDecision(a.state))
    return Error::Conflict("awaiting_countersignature",
                           "A decision not to enforce this failure awaits countersignature. It "
                           "must be declined before another decision is made.");
  return std::nullopt;
}

// The decision form keeps a draft when the session ends while someone writes: its subject is the
// alert (CRN, sentence, failure), its page the form's own URL with that alert in the query.
const DraftedForm& DecisionDraft() {
  static const DraftedForm form{
      "enforcement_decision",
      {"kind", "rationale", "respond_by_day", "respond_by_month", "respond_by_year", "reasons",
       "alternatives_tried", "conditions_breached"},
      [](const Request& request) {
        return std::string(request.Param("crn")) + "/" +
               std::string(request.Query("sentence").value_or("")) + "/" +
               std::string(request.Query("appointment").value_or(""));
      },
      [](const Request& request) { return request.target; }};
  return form;
}
std::string DraftSubject(const AlertSubject& s) {
  return s.on.crn + "/" + std::to_string(s.sentence.id) + "/" +
         std::to_string(s.alert.appointment_id);
}

Result<Response> DecisionPage(const Site& site, const Request& request, const Principal& who) {
  auto s = AlertSubjectOf(site, request, who);
  if (!s) return s.error();
  if (auto refused = Undecidable(s->alert)) return *refused;
  json data = {{"errors", json::array()}};
  DecisionValues v;
  if (const auto draft = DraftFor(site, who, DecisionDraft(), DraftSubject(*s))) {
    const auto field = [&draft](const char* name) {
      const auto found = draft->fields.find(name);
      return found == draft->fields.end() ? std::string() : found->second;
    };
    v = {field("kind"),
         field("rationale"),
         field("respond_by_day"),
         field("respond_by_month"),
         field("respond_by_year"),
         field("reasons"),
         field("alternatives_tried"),
         {}};
    for (auto& c : DraftValues(*draft, "conditions_breached")) v.conditions.insert(std::move(c));
    data["draft_saved_at"] = LongDateTime(draft->saved_at);
  }
  return DecisionForm(site, who, *s, v, std::move(data), 200);
}

// The response date of the form (three fields), or nullopt with an error beside it when it is
// given but not a real date.
std::optional<Date> RespondByOf(json& data, const DecisionValues& v, bool required) {
  const std::string day(Trimmed(v.day)), month(Trimmed(v.month)), year(Trimmed(v.year));
  if (day.empty() && month.empty() && year.empty()) {
    if (required) AddError(data, "respond_by", "Enter the date by which the person must respond");
    return std::nullopt;
  }
  const std::optional<Date> date = TypedDate(day, month, year);
  if (!date) AddError(data, "respond_by", "Enter a real date, such as 27 3 2027");
  return date;
}

// GOV.UK wording where the form can say better than the rules' message what to do.
std::string Wording(const Error& e) {
  static constexpr struct {
    std::string_view code, field, message;
  } kWording[] = {
      {"required", "rationale",
       "Enter the professional judgement behind the decision not to enforce"},
      {"required", "respond_by", "Enter the date by which the person must respond"},
      {"not_in_future", "respond_by", "Enter a response date after today"},
      {"out_of_range", "respond_by", "Enter a response date within 3 months"},
      {"required", "reasons", "Enter the reasons for the recall"},
      {"required", "alternatives_tried", "Enter the alternatives to recall that have been tried"},
      {"required", "conditions_breached", "Select the licence conditions breached"},
      {"decision_not_allowed", "kind", "Select one of the decisions listed"},
  };
  for (const auto& w : kWording)
    if (w.code == e.code && w.field == e.field) return std::string(w.message);
  return AsSentence(e.message);
}

constexpr std::string_view kFormFields[] = {"kind",    "rationale",          "respond_by",
                                            "reasons", "alternatives_tried", "conditions_breached"};

Result<Response> PostDecision(const Site& site, const Request& request, const Principal& who,
                              const FormFields& form) {
  auto s = AlertSubjectOf(site, request, who);
  if (!s) return s.error();
  DecisionValues v{FormValue(form, "kind"),
                   FormValue(form, "rationale"),
                   FormValue(form, "respond_by_day"),
                   FormValue(form, "respond_by_month"),
                   FormValue(form, "respond_by_year"),
                   FormValue(form, "reasons"),
                   FormValue(form, "alternatives_tried"),
                   {}};
  for (auto [it, end] = form.equal_range("conditions_breached"); it != end; ++it)
    if (!it->second.empty()) v.conditions.insert(it->second);

  json data = {{"errors", json::array()}};
  app::DecisionRequest in;
  in.sentence_id = s->sentence.id;
  in.appointment_id = s->alert.appointment_id;
  const auto kind = enforcement::ParseDecisionKind(v.kind);
  if (!kind) {
    AddError(data, "kind", "Select the decision");
  } else {
    in.input.kind = *kind;
    if (*kind == DecisionKind::kNotEnforced && Trimmed(v.rationale).empty())
      AddError(data, "rationale",
               "Enter the professional judgement behind the decision not to enforce");
    // Only the chosen decision's own fields count.
    if (*kind == DecisionKind::kFurtherInformation)
      in.input.respond_by = RespondByOf(data, v, /*required=*/true);
    if (*kind == DecisionKind::kRecallRequested) {
      app::RecallRequest recall;
      recall.reasons = v.reasons;
      recall.alternatives_tried = v.alternatives;
      if (Trimmed(v.reasons).empty()) AddError(data, "reasons", "Enter the reasons for the recall");
      if (Trimmed(v.alternatives).empty())
        AddError(data, "alternatives_tried",
                 "Enter the alternatives to recall that have been tried");
      for (const auto& c : v.conditions)
        if (auto id = PositiveWholeNumber(c)) recall.conditions_breached.push_back(*id);
      if (recall.conditions_breached.empty())
        AddError(data, "conditions_breached", "Select the licence conditions breached");
      in.recall = std::move(recall);
    }
  }
  in.input.rationale = v.rationale;
  if (HasErrors(data)) return DecisionForm(site, who, *s, v, std::move(data), 400);

  auto done = app::RecordDecision(site.auth.db(), ActorOf(who), s->on, in, site.auth.clock().Now());
  if (done) ForgetDrafts(site, who, DecisionDraft(), DraftSubject(*s));
  if (done)
    return SeeOther(EnforcementUrl(s->on.crn) + "?decided=" + enforcement::ToString(*kind) + "#" +
                    AlertAnchor(s->sentence.id, s->alert.appointment_id));
  const Error& e = done.error();
  if (e.kind != ErrorKind::kInvalid && e.kind != ErrorKind::kConflict) return e;
  const bool on_form =
      std::find(std::begin(kFormFields), std::end(kFormFields), e.field) != std::end(kFormFields);
  AddError(data, on_form ? e.field : std::string("alert-summary"), Wording(e));
  return DecisionForm(site, who, *s, v, std::move(data),
                      e.kind == ErrorKind::kConflict ? 409 : 400);
}

}  // namespace

void AddDecisionFormPages(Router& router, const Site& site) {
  router.Add(
      "GET", "/people/{crn}/enforcement/decisions/new",
      SignedIn(site, [site](const Request& request,
                            const Principal& who) { return DecisionPage(site, request, who); }),
      {"The form to record an enforcement decision on a failure"});
  router.Add(
      "POST", "/people/{crn}/enforcement/decisions/new",
      KeepingDraft(site, DecisionDraft(),
                   [site](const Request& request, const Principal& who, const FormFields& form) {
                     return PostDecision(site, request, who, form);
                   }),
      {"Record an enforcement decision on a failure; keeps a draft if the session has "
       "ended"});
}

}  // namespace probity::web::pages
