#include "enforcement/proceedings.h"

#include <algorithm>
#include <array>
#include <set>

namespace probity::enforcement {

namespace {
using cases::Term;

constexpr std::array kBreachStepKinds = {
    Term{"initiated", "Breach proceedings initiated"},  Term{"summons_issued", "Summons issued"},
    Term{"warrant_issued", "Warrant issued"},           Term{"court_listed", "Listed at court"},
    Term{"outcome_recorded", "Court outcome recorded"}, Term{"ended", "Breach proceedings ended"},
};
constexpr std::array kBreachOutcomes = {
    Term{"continued", "Order continued"},
    Term{"amended", "Order amended"},
    Term{"revoked_resentenced", "Order revoked and resentenced"},
    Term{"fine", "Fine, order continued"},
    Term{"withdrawn", "Breach withdrawn"},
};
constexpr std::array kRecallStepKinds = {
    Term{"requested", "Recall requested"},
    Term{"spo_endorsed", "Recall endorsed by the SPO"},
    Term{"spo_refused", "Recall not endorsed by the SPO"},
    Term{"senior_manager_endorsed", "Recall endorsed by a senior manager"},
    Term{"senior_manager_refused", "Recall not endorsed by a senior manager"},
    Term{"sent_to_recall_team", "Recall sent to the recall team"},
    Term{"decided", "Recall decided"},
    Term{"returned_to_custody", "Returned to custody"},
};
constexpr std::array kRecallDecisions = {
    Term{"standard", "Standard recall"},
    Term{"fixed_term", "Fixed-term recall"},
    Term{"not_recalled", "Not recalled"},
};

constexpr size_t kMaxText = 4000;

bool Blank(const std::string& s) {
  return std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isspace(c); });
}

Error OutOfOrder(std::string message) {
  return Error{ErrorKind::kConflict, "out_of_order", std::move(message), "kind"};
}
Error Ended(const char* what) {
  return Error{ErrorKind::kConflict, "proceedings_ended",
               std::string("this ") + what + " has ended: nothing more can be recorded on it",
               "kind"};
}

// The step's date: given or today, never after today, never before the latest step.
Result<Date> StepDate(const std::optional<Date>& given, Date latest, Date today) {
  const Date on = given.value_or(today);
  if (on > today)
    return Error::Invalid(
        "date_in_future",
        "a step is recorded once it has happened: " + FormatDate(on) + " is after today", "on");
  if (on < latest)
    return Error::Invalid("date_before_previous_step",
                          "this step cannot be dated " + FormatDate(on) +
                              ", before the previous step on " + FormatDate(latest),
                          "on");
  return on;
}

Status CheckNote(const std::string& note, bool required, const char* why) {
  if (note.size() > kMaxText)
    return Error::Invalid("too_long", "the note is over 4000 characters", "note");
  if (required && Blank(note)) return Error::Invalid("required", why, "note");
  return Ok();
}

bool HasStep(const std::vector<BreachStep>& steps, std::initializer_list<std::string_view> kinds) {
  return std::any_of(steps.begin(), steps.end(), [&](const BreachStep& s) {
    return std::find(kinds.begin(), kinds.end(), s.kind) != kinds.end();
  });
}

const RecallStep* LastOf(const std::vector<RecallStep>& steps, std::string_view kind) {
  for (auto it = steps.rbegin(); it != steps.rend(); ++it)
    if (it->kind == kind) return &*it;
  return nullptr;
}

template <class Step>
Date LatestDate(const std::vector<Step>& steps, Date started) {
  Date latest = started;
  for (const auto& s : steps) latest = std::max(latest, s.on);
  return latest;
}
}  // namespace

cases::Vocabulary BreachStepKinds() { return kBreachStepKinds; }
cases::Vocabulary BreachOutcomes() { return kBreachOutcomes; }
cases::Vocabulary RecallStepKinds() { return kRecallStepKinds; }
cases::Vocabulary RecallDecisions() { return kRecallDecisions; }

Result<BreachStep> CheckBreachStep(const Breach& breach, const BreachStepInput& in,
                                   const std::string& by, Date today) {
  if (!cases::Has(BreachStepKinds(), in.kind))
    return Error::Invalid("unknown_kind",
                          "kind must be one of " + cases::Choices(BreachStepKinds()), "kind");
  if (in.kind == "initiated")
    return Error::Invalid("unknown_kind",
                          "breach proceedings are initiated once, by the enforcement decision",
                          "kind");
  if (!breach.open()) return Ended("breach");
  const bool listing = in.kind == "court_listed", outcome = in.kind == "outcome_recorded";
  if (!listing && in.listed_for)
    return Error::Invalid("not_for_this_step", "listed_for belongs to court_listed", "listed_for");
  if (!listing && in.court)
    return Error::Invalid("not_for_this_step", "court belongs to court_listed", "court");
  if (!outcome && in.outcome)
    return Error::Invalid("not_for_this_step", "outcome belongs to outcome_recorded", "outcome");
  if (auto ok = CheckNote(in.note, false, ""); !ok) return Unexpected{ok.error()};
  auto on = StepDate(in.on, LatestDate(breach.steps, breach.initiated_on), today);
  if (!on) return Unexpected{on.error()};

  BreachStep step;
  step.kind = in.kind;
  step.on = *on;
  step.note = in.note;
  step.recorded_by = by;
  const bool has_outcome = breach.outcome.has_value();
  if (in.kind == "summons_issued" || in.kind == "warrant_issued") {
    if (has_outcome)
      return OutOfOrder("the court has given its outcome: no summons or warrant follows it");
  } else if (listing) {
    if (has_outcome) return OutOfOrder("the court has given its outcome: record the end instead");
    if (!HasStep(breach.steps, {"summons_issued", "warrant_issued"}))
      return OutOfOrder(
          "a summons or warrant brings the person to court: record it before the listing");
    if (!in.listed_for)
      return Error::Invalid("required", "give the hearing date the case is listed for",
                            "listed_for");
    if (*in.listed_for < step.on)
      return Error::Invalid("listed_before_step",
                            "the hearing cannot be before the day it was listed", "listed_for");
    if (!in.court || Blank(*in.court))
      return Error::Invalid("required", "name the court the case is listed at", "court");
    if (in.court->size() > 200)
      return Error::Invalid("too_long", "the court's name is over 200 characters", "court");
    step.listed_for = in.listed_for;
    step.court = in.court;
  } else if (outcome) {
    if (!in.outcome)
      return Error::Invalid(
          "required", "outcome must be one of " + cases::Choices(BreachOutcomes()), "outcome");
    if (!cases::Has(BreachOutcomes(), *in.outcome))
      return Error::Invalid("unknown_outcome",
                            "outcome must be one of " + cases::Choices(BreachOutcomes()),
                            "outcome");
    if (has_outcome)
      return OutOfOrder("the outcome is already recorded (" + *breach.outcome +
                        "): proceedings have one outcome");
    if (*in.outcome != "withdrawn") {
      if (!breach.next_listing_on)
        return OutOfOrder("the court gives its outcome at a hearing: record the listing first");
      if (step.on < *breach.next_listing_on)
        return OutOfOrder("the hearing is listed for " + FormatDate(*breach.next_listing_on) +
                          ": its outcome cannot be dated before it");
    }
    step.outcome = in.outcome;
  } else if (in.kind == "ended") {
    if (!has_outcome)
      return OutOfOrder(
          "proceedings end with the court's outcome (or their withdrawal): record "
          "it first");
  }
  return step;
}

Breach ApplyBreachStep(Breach breach, const BreachStep& step) {
  breach.status = step.kind;
  if (step.kind == "court_listed") {
    breach.next_listing_on = step.listed_for;
    breach.court = step.court;
  }
  if (step.kind == "outcome_recorded") breach.outcome = step.outcome;
  if (step.kind == "ended") breach.ended_on = step.on;
  return breach;
}

Status CheckRecallRequest(const std::string& reasons, const std::string& alternatives_tried,
                          const std::vector<int64_t>& conditions_breached,
                          const std::vector<int64_t>& sentence_conditions) {
  if (Blank(reasons))
    return Error::Invalid("required", "give the reasons for the recall", "reasons");
  if (reasons.size() > kMaxText)
    return Error::Invalid("too_long", "the reasons are over 4000 characters", "reasons");
  if (Blank(alternatives_tried))
    return Error::Invalid("required",
                          "say which alternatives to recall were tried, and why they were not "
                          "enough",
                          "alternatives_tried");
  if (alternatives_tried.size() > kMaxText)
    return Error::Invalid("too_long", "the alternatives tried are over 4000 characters",
                          "alternatives_tried");
  if (conditions_breached.empty())
    return Error::Invalid("required", "name the licence conditions breached",
                          "conditions_breached");
  std::set<int64_t> seen;
  for (const int64_t id : conditions_breached) {
    if (!seen.insert(id).second)
      return Error::Invalid("repeated",
                            "licence condition " + std::to_string(id) + " is named twice",
                            "conditions_breached");
    if (std::find(sentence_conditions.begin(), sentence_conditions.end(), id) ==
        sentence_conditions.end())
      return Error::Invalid(
          "unknown_condition",
          "licence condition " + std::to_string(id) + " is not a condition of this licence",
          "conditions_breached");
  }
  return Ok();
}

std::optional<FixedTermBar> FixedTermRefusal(const FixedTermFacts& facts) {
  if (facts.custody_type == "indeterminate")
    return FixedTermBar{"indeterminate_sentence", "serving an indeterminate sentence"};
  if (facts.custody_type == "extended")
    return FixedTermBar{"extended_sentence", "serving an extended determinate sentence"};
  if (facts.terrorism) return FixedTermBar{"terrorism", "registered as terrorism-related"};
  if (facts.mappa_level && *facts.mappa_level >= 2)
    return FixedTermBar{"mappa_level",
                        "managed at MAPPA level " + std::to_string(*facts.mappa_level)};
  return std::nullopt;
}

Result<RecallStep> CheckRecallStep(const Recall& recall, const RecallStepInput& in,
                                   const FixedTermFacts& facts, const std::string& by, Date today) {
  if (!cases::Has(RecallStepKinds(), in.kind))
    return Error::Invalid("unknown_kind",
                          "kind must be one of " + cases::Choices(RecallStepKinds()), "kind");
  if (in.kind == "requested")
    return Error::Invalid("unknown_kind", "a recall is requested once, by the enforcement decision",
                          "kind");
  if (!recall.open()) return Ended("recall");
  const bool deciding = in.kind == "decided";
  if (!deciding && in.decision)
    return Error::Invalid("not_for_this_step", "decision belongs to the recall team's decision",
                          "decision");
  const bool refusing = in.kind == "spo_refused" || in.kind == "senior_manager_refused";
  if (auto ok = CheckNote(
          in.note, refusing || deciding,
          refusing ? "say why the recall is not endorsed" : "give the reasons for the decision");
      !ok)
    return Unexpected{ok.error()};
  auto on = StepDate(in.on, LatestDate(recall.steps, recall.requested_on), today);
  if (!on) return Unexpected{on.error()};

  RecallStep step;
  step.kind = in.kind;
  step.on = *on;
  step.note = in.note;
  step.recorded_by = by;
  const std::string& status = recall.status;
  const auto own_request = [&]() -> Status {
    if (recall.requested_by == by)
      return Error{ErrorKind::kForbidden, "own_request",
                   "you made this recall request: someone else must endorse it", "kind"};
    return Ok();
  };
  if (in.kind == "spo_endorsed" || in.kind == "spo_refused") {
    if (status != "requested")
      return OutOfOrder(status == "sent_to_recall_team" || status == "decided"
                            ? "the recall has already been sent to the recall team"
                            : "the SPO has already endorsed this recall");
    if (auto ok = own_request(); !ok) return Unexpected{ok.error()};
  } else if (in.kind == "senior_manager_endorsed" || in.kind == "senior_manager_refused") {
    if (status == "requested")
      return OutOfOrder("the SPO endorses a recall first; then a senior manager");
    if (status != "spo_endorsed")
      return OutOfOrder("a senior manager has already endorsed this recall");
    if (auto ok = own_request(); !ok) return Unexpected{ok.error()};
    if (const auto* spo = LastOf(recall.steps, "spo_endorsed"); spo && spo->recorded_by == by)
      return Error{ErrorKind::kForbidden, "own_request",
                   "you endorsed this recall as SPO: another senior manager must endorse it",
                   "kind"};
  } else if (in.kind == "sent_to_recall_team") {
    if (status == "requested" || status == "spo_endorsed")
      return OutOfOrder("a recall is sent once both the SPO and a senior manager have endorsed it");
    if (status != "senior_manager_endorsed")
      return OutOfOrder("this recall has already been sent to the recall team");
  } else if (deciding) {
    if (status != "sent_to_recall_team")
      return OutOfOrder("the recall team decides once the recall has been sent to it");
    if (!in.decision || !cases::Has(RecallDecisions(), *in.decision))
      return Error::Invalid(in.decision ? "unknown_decision" : "required",
                            "decision must be one of " + cases::Choices(RecallDecisions()),
                            "decision");
    if (*in.decision == "fixed_term")
      if (auto bar = FixedTermRefusal(facts))
        return Error::Invalid("fixed_term_not_allowed",
                              "fixed-term recall is not open to someone " + bar->reason +
                                  ": decide standard recall or not recalled",
                              "decision");
    step.decision = in.decision;
  } else if (in.kind == "returned_to_custody") {
    if (status != "decided" || !recall.decision ||
        (*recall.decision != "standard" && *recall.decision != "fixed_term"))
      return OutOfOrder("a return to custody follows a standard or fixed-term recall decision");
  }
  return step;
}

Recall ApplyRecallStep(Recall recall, const RecallStep& step) {
  recall.status = step.kind;
  if (step.kind == "sent_to_recall_team") recall.sent_on = step.on;
  if (step.kind == "decided") {
    recall.decision = step.decision;
    recall.decided_on = step.on;
    if (step.decision == "not_recalled") recall.ended_on = step.on;
  }
  if (step.kind == "spo_refused" || step.kind == "senior_manager_refused" ||
      step.kind == "returned_to_custody")
    recall.ended_on = step.on;
  return recall;
}

namespace {
// The refusals that mean "not now" rather than "not with these fields".
bool NotNow(const Error& e) {
  return e.kind == ErrorKind::kConflict || e.kind == ErrorKind::kForbidden;
}

// A probe of `kind` on `breach` with fields that pass their own checks, dated on the latest day
// the order checks look at, so only the order (and the end) can refuse it.
Status ProbeBreachStep(const Breach& breach, const std::string& kind,
                       const std::optional<std::string>& outcome) {
  Date day = LatestDate(breach.steps, breach.initiated_on);
  if (breach.next_listing_on) day = std::max(day, *breach.next_listing_on);
  BreachStepInput in;
  in.kind = kind;
  if (kind == "court_listed") {
    in.listed_for = day;
    in.court = "court";
  }
  in.outcome = outcome;
  auto step = CheckBreachStep(breach, in, "probe", day);
  if (!step) return step.error();
  return Ok();
}
}  // namespace

std::vector<std::string> NextBreachSteps(const Breach& breach) {
  std::vector<std::string> out;
  for (const auto& term : BreachStepKinds()) {
    const std::string kind(term.code);
    if (kind == "initiated") continue;
    bool open = false;
    if (kind == "outcome_recorded")
      open = !NextBreachOutcomes(breach).empty();
    else if (auto ok = ProbeBreachStep(breach, kind, std::nullopt); ok || !NotNow(ok.error()))
      open = true;
    if (open) out.push_back(kind);
  }
  return out;
}

std::vector<std::string> NextBreachOutcomes(const Breach& breach) {
  std::vector<std::string> out;
  for (const auto& term : BreachOutcomes()) {
    const std::string outcome(term.code);
    if (auto ok = ProbeBreachStep(breach, "outcome_recorded", outcome); ok || !NotNow(ok.error()))
      out.push_back(outcome);
  }
  return out;
}

std::vector<std::string> NextRecallSteps(const Recall& recall, const std::string& by) {
  const Date day = LatestDate(recall.steps, recall.requested_on);
  std::vector<std::string> out;
  for (const auto& term : RecallStepKinds()) {
    const std::string kind(term.code);
    if (kind == "requested") continue;
    RecallStepInput in;
    in.kind = kind;
    in.note = "probe";
    if (kind == "decided") in.decision = "standard";
    auto step = CheckRecallStep(recall, in, FixedTermFacts{}, by, day);
    if (step || !NotNow(step.error())) out.push_back(kind);
  }
  return out;
}

Status MayRecordBreachStep(access::Role role) {
  if (role == access::Role::kRecallTeam)
    return Error{ErrorKind::kForbidden, "recall_team_only_recalls",
                 "the recall team works on recall requests, not breach proceedings", ""};
  return Ok();
}

Status MayRecordRecallStep(access::Role role, std::string_view kind) {
  const auto need = [&](access::Role wanted, const char* who) -> Status {
    if (role == wanted) return Ok();
    return Error{ErrorKind::kForbidden, "wrong_role",
                 std::string(who) + " records this step of a recall", ""};
  };
  if (kind == "spo_endorsed" || kind == "spo_refused") return need(access::Role::kSpo, "an SPO");
  if (kind == "senior_manager_endorsed" || kind == "senior_manager_refused")
    return need(access::Role::kSeniorManager, "a senior manager");
  if (kind == "decided" || kind == "returned_to_custody")
    return need(access::Role::kRecallTeam, "the recall team");
  if (role == access::Role::kRecallTeam)
    return Error{ErrorKind::kForbidden, "wrong_role",
                 "the probation service sends a recall to the recall team", ""};
  return Ok();
}

ProceedingsPeriod ToPeriod(const Breach& breach) { return {breach.initiated_on, breach.ended_on}; }
ProceedingsPeriod ToPeriod(const Recall& recall) { return {recall.requested_on, recall.ended_on}; }

}  // namespace probity::enforcement
