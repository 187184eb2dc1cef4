#include "web/pages/enforcement_pages.h"

#include <algorithm>
#include <map>
#include <optional>
#include <string_view>
#include <tuple>
#include <vector>

#include "app/enforcement.h"
#include "appointments/store.h"
#include "cases/sentence_store.h"
#include "cases/store.h"
#include "cases/vocabulary.h"
#include "core/ordinal.h"
#include "core/uk_time.h"
#include "enforcement/engine.h"
#include "enforcement/proceedings.h"
#include "enforcement/rules.h"
#include "web/case_gate.h"
#include "web/pages/enforcement_decision_page.h"
#include "web/pages/form.h"
#include "web/pages/person_pages.h"
#include "web/pages/proceedings_pages.h"

namespace probity::web::pages {

using enforcement::AlertKind;
using enforcement::AlertState;
using enforcement::DecisionKind;
using enforcement::Track;

bool DecidesOnFailures(access::Role role) {
  return role == access::Role::kPractitioner || role == access::Role::kSpo ||
         role == access::Role::kSeniorManager || role == access::Role::kEnforcementAdmin;
}

std::string AlertKindLabel(AlertKind kind) {
  switch (kind) {
    case AlertKind::kWarning:
      return "Warning";
    case AlertKind::kComplianceLetter:
      return "Licence compliance letter";
    case AlertKind::kDecision:
      return "Decision required";
  }
  return "";
}

std::string DecisionLabel(DecisionKind kind) {
  switch (kind) {
    case DecisionKind::kWarningIssued:
      return "Warning issued";
    case DecisionKind::kComplianceLetter:
      return "Licence compliance letter issued";
    case DecisionKind::kBreachInitiated:
      return "Breach initiated";
    case DecisionKind::kRecallRequested:
      return "Recall requested";
    case DecisionKind::kNotEnforced:
      return "Not enforced on professional judgement";
    case DecisionKind::kFurtherInformation:
      return "Further information requested";
    case DecisionKind::kAddedToProceedings:
      return "Added to the proceedings under way as evidence";
  }
  return "";
}

std::pair<std::string, std::string> AlertStateTag(AlertState state) {
  switch (state) {
    case AlertState::kOpen:
      return {"Open", "govuk-tag--blue"};
    case AlertState::kAwaitingInformation:
      return {"Awaiting information", "govuk-tag--yellow"};
    case AlertState::kAwaitingCountersignature:
      return {"Awaiting countersignature", "govuk-tag--purple"};
    case AlertState::kAwaitingEndorsement:
      return {"Awaiting endorsement", "govuk-tag--purple"};
    case AlertState::kClosed:
      return {"Closed", "govuk-tag--grey"};
  }
  return {"", ""};
}

std::string DuringProceedingsText(Track track) {
  return track == Track::kCommunity ? "During breach proceedings: evidence for court"
                                    : "During a recall: evidence for the recall team";
}

std::string EnforcementUrl(const std::string& crn) { return "/people/" + crn + "/enforcement"; }

std::string AlertAnchor(int64_t sentence_id, int64_t appointment_id) {
  return "alert-" + std::to_string(sentence_id) + "-" + std::to_string(appointment_id);
}

std::string AlertUrl(const std::string& crn, int64_t sentence_id, int64_t appointment_id) {
  return EnforcementUrl(crn) + "#" + AlertAnchor(sentence_id, appointment_id);
}

std::string DecisionFormUrl(const std::string& crn, int64_t sentence_id, int64_t appointment_id) {
  return EnforcementUrl(crn) + "/decisions/new?sentence=" + std::to_string(sentence_id) +
         "&appointment=" + std::to_string(appointment_id);
}

bool TakesDecision(AlertState state) {
  return state == AlertState::kOpen || state == AlertState::kAwaitingInformation;
}

// "Licence: Burglary (released 3 March 2026)"
std::string SentenceTitle(const cases::Sentence& s) {
  std::string text = std::string(cases::LabelOf(cases::SentenceKinds(), s.kind)) + ": " + s.offence;
  if (s.release_date) return text + " (released " + LongDate(*s.release_date) + ")";
  return text + " (sentenced " + LongDate(s.sentence_date) + ")";
}

namespace {

std::string LongDateOf(Date d) { return LongDate(FormatDate(d)); }

std::string FullName(const cases::Person& p) { return p.first_name + " " + p.last_name; }

using access::Action;
using access::Principal;
using enforcement::DecisionRecord;
using nlohmann::json;

std::string StageLabel(enforcement::Stage stage, Track track) {
  switch (stage) {
    case enforcement::Stage::kNone:
      return "No unacceptable failures counted";
    case enforcement::Stage::kWarningDue:
      return track == Track::kCommunity ? "Warning stage" : "Licence compliance letter stage";
    case enforcement::Stage::kDecisionRequired:
      return "Enforcement decision required";
  }
  return "";
}

// The person the pages are about, for the header.
Result<cases::Person> PersonOf(const Site& site, const app::CaseRef& on) {
  auto tx = site.auth.db().BeginRead();
  auto person = cases::FindPerson(tx, on.crn);
  if (!person) return Error::NotFound("not_found", "there is no such person");
  return std::move(*person);
}

// "summons_issued" -> "summons issued": a code of the proceedings' vocabulary, readable.
std::string Words(std::string code) {
  std::replace(code.begin(), code.end(), '_', ' ');
  return code;
}

// One line per breach or recall of the sentence, newest first, each linking to its own page (a
// breach's only for those who may see breach proceedings: not the recall team).
json ProceedingsLines(const app::PersonProceedings& all, int64_t sentence_id,
                      const std::string& crn, access::Role role) {
  const bool breaches_shown = static_cast<bool>(enforcement::MayRecordBreachStep(role));
  json lines = json::array();
  for (const auto& b : all.breaches) {
    if (b.sentence_id != sentence_id) continue;
    std::string text =
        "Breach proceedings initiated on " + LongDateOf(b.initiated_on) + ": " + Words(b.status);
    if (b.next_listing_on && b.open())
      text += "; listed for " + LongDateOf(*b.next_listing_on) +
              (b.court ? " at " + *b.court : std::string());
    if (b.ended_on)
      text += "; ended on " + LongDateOf(*b.ended_on) + (b.outcome ? ": " + Words(*b.outcome) : "");
    lines.push_back({{"text", AsSentence(text)},
                     {"url", breaches_shown ? json(BreachUrl(crn, b.id)) : json(nullptr)}});
  }
  for (const auto& r : all.recalls) {
    if (r.sentence_id != sentence_id) continue;
    std::string text = "Recall requested on " + LongDateOf(r.requested_on) + ": " + Words(r.status);
    if (r.decision) text += "; the recall team's decision: " + Words(*r.decision);
    if (r.ended_on) text += "; ended on " + LongDateOf(*r.ended_on);
    lines.push_back({{"text", AsSentence(text)}, {"url", RecallUrl(crn, r.id)}});
  }
  return lines;
}

// Whether a decision not to enforce awaits countersignature or endorsement, and by whom.
enum class Awaiting { kNothing, kCountersignature, kEndorsement };

Awaiting AwaitingOf(const DecisionRecord& d, const std::vector<enforcement::Decision>& all) {
  if (d.decision.kind != DecisionKind::kNotEnforced || d.decision.declined)
    return Awaiting::kNothing;
  if (!d.decision.countersigned) return Awaiting::kCountersignature;
  if (!d.decision.endorsed && enforcement::NeedsEndorsement(all, d.decision.id))
    return Awaiting::kEndorsement;
  return Awaiting::kNothing;
}

// ---- The enforcement tab ----

// What an answer to a decision (countersign, endorse, decline) left to show again: the decline
// note typed, when it was refused.
struct AnswerForm {
  int64_t decision_id = 0;
  std::string note;
  std::string note_error;  // empty: the refusal was not about the note
};

json DecisionView(const DecisionRecord& d, const std::vector<enforcement::Decision>& all,
                  const std::string& crn, const Principal& who,
                  const std::map<int64_t, Date>& failure_days, const AnswerForm* answer) {
  const Awaiting awaiting = AwaitingOf(d, all);
  const bool mine = d.decided_by == who.ActorId();
  const bool can_countersign =
      awaiting == Awaiting::kCountersignature && who.role == access::Role::kSpo && !mine;
  const bool can_endorse =
      awaiting == Awaiting::kEndorsement && who.role == access::Role::kSeniorManager && !mine;
  std::string status, status_class;
  if (d.decision.declined)
    std::tie(status, status_class) = std::pair("Declined", "govuk-tag--red");
  else if (awaiting == Awaiting::kCountersignature)
    std::tie(status, status_class) = std::pair("Awaiting countersignature", "govuk-tag--purple");
  else if (awaiting == Awaiting::kEndorsement)
    std::tie(status, status_class) = std::pair("Awaiting endorsement", "govuk-tag--purple");
  else if (d.decision.endorsed)
    std::tie(status, status_class) = std::pair("Endorsed", "govuk-tag--green");
  else if (d.decision.countersigned)
    std::tie(status, status_class) = std::pair("Countersigned", "govuk-tag--green");
  std::string awaiting_text;
  if (awaiting == Awaiting::kCountersignature && !can_countersign)
    awaiting_text = "Awaiting countersignature by an SPO of the case's team.";
  if (awaiting == Awaiting::kEndorsement && !can_endorse)
    awaiting_text =
        "Second or later decision not to enforce on this sentence: awaiting a senior "
        "manager's endorsement.";
  const auto at = [](const std::optional<UtcTime>& t) {
    return t ? json(LongDateTime(*t)) : json(nullptr);
  };
  const std::string base = EnforcementUrl(crn) + "/decisions/" + std::to_string(d.decision.id);
  const auto day = failure_days.find(d.decision.appointment_id);
  const bool answered_here = answer && answer->decision_id == d.decision.id;
  return {
      {"id", d.decision.id},
      {"label", DecisionLabel(d.decision.kind)},
      {"status", status.empty() ? json(nullptr) : json(status)},
      {"status_class", status_class},
      {"failure_day", day == failure_days.end() ? json(nullptr) : json(LongDateOf(day->second))},
      {"decided_by", d.decided_by_name},
      {"decided_at", LongDateTime(d.decision.decided_at)},
      {"decided_at_iso", FormatUtc(d.decision.decided_at)},
      {"rationale", d.rationale.empty() ? json(nullptr) : json(d.rationale)},
      {"respond_by",
       d.decision.respond_by ? json(LongDateOf(*d.decision.respond_by)) : json(nullptr)},
      {"countersigned_by",
       d.countersigned_by ? json(d.countersigned_by_name.value_or("")) : json(nullptr)},
      {"countersigned_at", at(d.countersigned_at)},
      {"endorsed_by", d.endorsed_by ? json(d.endorsed_by_name.value_or("")) : json(nullptr)},
      {"endorsed_at", at(d.endorsed_at)},
      {"declined_by", d.declined_by ? json(d.declined_by_name.value_or("")) : json(nullptr)},
      {"declined_at", at(d.declined_at)},
      {"declined_note", d.declined_note ? json(*d.declined_note) : json(nullptr)},
      {"awaiting_text", awaiting_text.empty() ? json(nullptr) : json(awaiting_text)},
      {"can_answer", can_countersign || can_endorse},
      {"can_countersign", can_countersign},
      {"can_endorse", can_endorse},
      {"version", d.version},
      {"countersign_url", base + "/countersign"},
      {"endorse_url", base + "/endorse"},
      {"decline_url", base + "/decline"},
      {"note", answered_here ? answer->note : std::string()},
      {"note_error",
       answered_here && !answer->note_error.empty() ? json(answer->note_error) : json(nullptr)}};
}

// The tab for `who`, with any errors already in `data` (an answer refused) at `status`.
Response EnforcementTab(const Site& site, const Principal& who, const app::CaseRef& on,
                        const cases::Person& person, json data, int status,
                        const AnswerForm* answer) {
  const UtcTime now = site.auth.clock().Now();
  const Date today = UkDateOf(now);
  const auto all = app::GetEnforcement(site.auth.db(), on, now);
  std::map<int64_t, cases::Sentence> sentences;
  std::map<int64_t, appointments::Appointment> appointments;
  {
    auto tx = site.auth.db().BeginRead();
    for (auto& s : cases::LoadSentences(tx, person.id)) sentences.emplace(s.id, std::move(s));
    for (auto& a : appointments::LoadAppointments(tx, person.id))
      appointments.emplace(a.id, std::move(a));
  }
  const auto proceedings = app::ListProceedings(site.auth.db(), on);
  const bool decides = DecidesOnFailures(who.role);
  json list = json::array();
  for (const auto& e : all) {
    std::vector<enforcement::Decision> decisions;
    for (const auto& d : e.decisions) decisions.push_back(d.decision);
    std::map<int64_t, Date> failure_days;
    for (const auto& a : e.evaluation.alerts) failure_days[a.appointment_id] = a.failure_day;

    json alerts = json::array();
    for (auto a = e.evaluation.alerts.rbegin(); a != e.evaluation.alerts.rend(); ++a) {
      const auto [state, state_class] = AlertStateTag(a->state);
      const auto appointment = appointments.find(a->appointment_id);
      json answered = json::array();
      for (auto d = e.decisions.rbegin(); d != e.decisions.rend(); ++d)
        if (d->decision.appointment_id == a->appointment_id)
          answered.push_back({{"id", d->decision.id}, {"label", DecisionLabel(d->decision.kind)}});
      alerts.push_back(
          {{"anchor", AlertAnchor(e.sentence_id, a->appointment_id)},
           {"failure_day", LongDateOf(a->failure_day)},
           {"appointment_type", appointment == appointments.end()
                                    ? json(nullptr)
                                    : json(appointment->second.type_label)},
           {"appointment_url",
            "/people/" + on.crn + "/appointments/" + std::to_string(a->appointment_id)},
           {"nth", Ordinal(a->nth) + " unacceptable failure"},
           {"kind", AlertKindLabel(a->kind)},
           {"during_proceedings",
            a->during_proceedings ? json(DuringProceedingsText(e.track)) : json(nullptr)},
           {"due", LongDateOf(a->due_on)},
           {"due_iso", FormatDate(a->due_on)},
           {"overdue", a->open() && a->due_on < today},
           {"due_today", a->open() && a->due_on == today},
           {"state", state},
           {"state_class", state_class},
           {"decisions", std::move(answered)},
           {"decide_url", decides && TakesDecision(a->state)
                              ? json(DecisionFormUrl(on.crn, e.sentence_id, a->appointment_id))
                              : json(nullptr)}});
    }
    json history = json::array();
    for (auto d = e.decisions.rbegin(); d != e.decisions.rend(); ++d)
      history.push_back(DecisionView(*d, decisions, on.crn, who, failure_days, answer));
    const auto sentence = sentences.find(e.sentence_id);
    list.push_back(
        {{"id", e.sentence_id},
         {"title",
          sentence == sentences.end() ? std::string("Sentence") : SentenceTitle(sentence->second)},
         {"ended", !e.current},
         {"count", e.evaluation.count},
         {"window_from", LongDateOf(e.evaluation.window_from)},
         {"stage", StageLabel(e.evaluation.stage, e.track)},
         {"proceedings", e.proceedings_open
                             ? (e.track == Track::kCommunity ? "Breach proceedings under way"
                                                             : "A recall under way")
                             : "None under way"},
         {"proceedings_history", ProceedingsLines(proceedings, e.sentence_id, on.crn, who.role)},
         {"has_alerts", !alerts.empty()},
         {"alerts", std::move(alerts)},
         {"has_decisions", !history.empty()},
         {"decisions", std::move(history)}});
  }
  data["header"] = PersonHeader(person, "enforcement");
  data["has_sentences"] = !list.empty();
  data["sentences"] = std::move(list);
  if (!data.contains("errors")) data["errors"] = json::array();
  return Page(site, &who, status, FullName(person) + ": enforcement", "enforcement",
              std::move(data));
}

// The success banner after a change (?decided=, ?countersigned=, ?endorsed=, ?declined=).
json BannerOf(const Request& request) {
  if (auto kind = request.Query("decided")) {
    const auto k = enforcement::ParseDecisionKind(*kind);
    if (!k) return "Decision recorded.";
    std::string text = "Decision recorded: " + DecisionLabel(*k) + ".";
    if (*k == DecisionKind::kNotEnforced)
      text += " The failure stays open until an SPO countersigns the decision.";
    return text;
  }
  if (request.Query("countersigned")) return "Decision countersigned.";
  if (request.Query("endorsed")) return "Decision endorsed.";
  if (request.Query("declined")) return "Decision declined. The failure awaits a decision again.";
  return nullptr;
}

Result<Response> EnforcementPage(const Site& site, const Request& request, const Principal& who) {
  auto on = OpenCaseFor(site.auth, request, who, Action::kReadCase);
  if (!on) return on.error();
  auto person = PersonOf(site, *on);
  if (!person) return person.error();
  return EnforcementTab(site, who, *on, *person, {{"banner", BannerOf(request)}}, 200, nullptr);
}

// ---- Answering a decision not to enforce ----

enum class AnswerKind { kCountersign, kEndorse, kDecline };

Result<Response> PostAnswer(const Site& site, const Request& request, const Principal& who,
                            AnswerKind kind) {
  auto on = OpenCaseFor(site.auth, request, who, Action::kCountersign);
  if (!on) return on.error();
  const bool spo = who.role == access::Role::kSpo;
  const bool manager = who.role == access::Role::kSeniorManager;
  if (kind == AnswerKind::kCountersign && !spo)
    return Error::Forbidden("forbidden",
                            "Only an SPO of the case's team countersigns a decision not to "
                            "enforce.");
  if (kind == AnswerKind::kEndorse && !manager)
    return Error::Forbidden("forbidden",
                            "Only a senior manager endorses a decision not to enforce.");
  if (kind == AnswerKind::kDecline && !spo && !manager)
    return Error::Forbidden("forbidden",
                            "Only an SPO or a senior manager declines a decision not to enforce.");
  const auto id = request.IdParam("id");
  if (!id) return Error::NotFound("unknown_decision", "there is no such decision");
  auto form = ParseFormBody(request);
  if (!form) return form.error();
  const auto version = PositiveWholeNumber(FormValue(*form, "version"));
  const int expected = version && *version < 1'000'000'000 ? static_cast<int>(*version) : 0;
  const std::string note = FormValue(*form, "note");
  const auto now = site.auth.clock().Now();
  const auto by = ActorOf(who);
  Result<DecisionRecord> done =
      kind == AnswerKind::kCountersign
          ? app::CountersignDecision(site.auth.db(), by, *on, *id, expected, now)
      : kind == AnswerKind::kEndorse
          ? app::EndorseDecision(site.auth.db(), by, *on, *id, expected, now)
          : app::DeclineDecision(site.auth.db(), by, *on, *id, note, expected, now);
  const std::string anchor = "#decision-" + std::to_string(*id);
  if (done) {
    const char* what = kind == AnswerKind::kCountersign ? "countersigned"
                       : kind == AnswerKind::kEndorse   ? "endorsed"
                                                        : "declined";
    return SeeOther(EnforcementUrl(on->crn) + "?" + what + "=" + std::to_string(*id) + anchor);
  }
  const Error& e = done.error();
  if (e.kind != ErrorKind::kInvalid && e.kind != ErrorKind::kConflict) return e;
  auto person = PersonOf(site, *on);
  if (!person) return person.error();
  json data = {{"errors", json::array()}};
  AnswerForm answer{*id, note, ""};
  if (e.field == "note") {
    answer.note_error =
        e.code == "required" ? "Enter why you are declining the decision" : AsSentence(e.message);
    AddError(data, "decline-note-" + std::to_string(*id), answer.note_error);
  } else if (e.code == "stale_version") {
    AddError(data, anchor.substr(1),
             "Someone else answered this decision meanwhile. It is shown below as it now is");
  } else {
    AddError(data, anchor.substr(1), AsSentence(e.message));
  }
  return EnforcementTab(site, who, *on, *person, std::move(data),
                        e.kind == ErrorKind::kConflict ? 409 : 400, &answer);
}

}  // namespace

void AddEnforcementPages(Router& router, const Site& site) {
  AddDecisionFormPages(router, site);
  const PageRoute kPages[] = {
      {"GET", "/people/{crn}/enforcement", EnforcementPage,
       "A person's enforcement: per sentence the failures counted, the stage, every alert and "
       "every decision with who countersigned, endorsed or declined it"},
      {"POST", "/people/{crn}/enforcement/decisions/{id}/countersign",
       [](const Site& site, const Request& request, const Principal& who) {
         return PostAnswer(site, request, who, AnswerKind::kCountersign);
       },
       "Countersign a decision not to enforce (an SPO of the case's team)"},
      {"POST", "/people/{crn}/enforcement/decisions/{id}/endorse",
       [](const Site& site, const Request& request, const Principal& who) {
         return PostAnswer(site, request, who, AnswerKind::kEndorse);
       },
       "Endorse a second or later decision not to enforce (a senior manager)"},
      {"POST", "/people/{crn}/enforcement/decisions/{id}/decline",
       [](const Site& site, const Request& request, const Principal& who) {
         return PostAnswer(site, request, who, AnswerKind::kDecline);
       },
       "Decline a decision not to enforce, with a note: the failure awaits a decision again"},
  };
  AddSignedInPages(router, site, kPages);
}

}  // namespace probity::web::pages
