#include "app/proceedings.h"

#include <map>
#include <nlohmann/json.hpp>

#include "app/case_events.h"
#include "app/enforcement.h"
#include "app/risk.h"
#include "cases/sentence_store.h"
#include "cases/store.h"
#include "cases/vocabulary.h"
#include "core/uk_time.h"

namespace probity::app {

// FROZEN event kinds and payload fields (they are in the hash chain). The subject is the CRN;
// dates are "YYYY-MM-DD"; an absent optional value is null; `version` is the breach's or
// recall's version after the change. Each step's row (breach_step, recall_step) points at its
// event by event_seq.
//   breach.initiated             {id, sentence_id, decision_id, initiated_on, version}
//   breach.step_recorded         {id, sentence_id, kind, on, listed_for, court, outcome,
//                                 note, status, ended_on, version}
//   recall.requested             {id, sentence_id, decision_id, reasons, alternatives_tried,
//                                 conditions_breached: [licence condition ids], requested_on,
//                                 version}
//   recall.endorsed              {id, sentence_id, kind (spo_endorsed or
//                                 senior_manager_endorsed), on, note, version}
//   recall.endorsement_refused   {id, sentence_id, kind (spo_refused or
//                                 senior_manager_refused), on, note, ended_on, version}
//   recall.sent                  {id, sentence_id, on, note, version}
//   recall.decided               {id, sentence_id, decision, on, note, ended_on,
//                                 version}
//   recall.returned_to_custody   {id, sentence_id, on, note, ended_on, version}

namespace {
using enforcement::Breach;
using enforcement::Recall;
using nlohmann::json;

json OrNull(const std::optional<std::string>& v) { return v ? json(*v) : json(nullptr); }
json OrNull(const std::optional<Date>& v) { return v ? json(FormatDate(*v)) : json(nullptr); }

std::string Label(cases::Vocabulary vocabulary, std::string_view code) {
  return std::string(cases::LabelOf(vocabulary, code));
}

// The sentence proceedings open on: this person's, on the track the proceedings belong to, not
// terminated, with nothing else open on it.
Result<cases::Sentence> SentenceFor(store::Transaction& tx, const CaseRef& on, int64_t sentence_id,
                                    enforcement::Track track) {
  auto sentence = cases::FindSentence(tx, on.person_id, sentence_id);
  if (!sentence)
    return Error::Invalid("unknown_sentence",
                          "this person has no sentence " + std::to_string(sentence_id),
                          "sentence_id");
  if (enforcement::TrackOf(sentence->kind) != track)
    return Error::Invalid("wrong_sentence_kind",
                          track == enforcement::Track::kCommunity
                              ? "breach proceedings are for community and suspended sentence "
                                "orders; a licence is enforced by recall"
                              : "recall is for licences and post-sentence supervision; an order "
                                "is enforced by breach proceedings",
                          "sentence_id");
  if (!sentence->current())
    return Error{ErrorKind::kConflict, "sentence_not_active",
                 "sentence " + std::to_string(sentence_id) + " has been terminated", "sentence_id"};
  if (enforcement::HasOpenProceedings(tx, sentence_id))
    return Error{ErrorKind::kConflict, "proceedings_open",
                 "sentence " + std::to_string(sentence_id) +
                     " already has breach or recall proceedings under way: a further failure is "
                     "evidence for them",
                 "sentence_id"};
  return std::move(*sentence);
}

Error UnknownBreach(int64_t id) {
  return Error{ErrorKind::kNotFound, "unknown_breach",
               "this person has no breach proceedings " + std::to_string(id), "id"};
}
Error UnknownRecall(int64_t id) {
  return Error{ErrorKind::kNotFound, "unknown_recall",
               "this person has no recall " + std::to_string(id), "id"};
}

Error Stale(const char* what, int64_t id, int version, int expected, const std::string& status) {
  return Error{ErrorKind::kConflict, "stale_version",
               std::string(what) + " " + std::to_string(id) +
                   " was changed by someone else: you had version " + std::to_string(expected) +
                   ", it is now version " + std::to_string(version) + " (now: " + status +
                   "). Reload it and make your change again.",
               "version"};
}

// Fills in the names of who recorded each step.
template <class Step>
void NameActors(store::Transaction& tx, std::vector<Step>& steps) {
  std::map<std::string, std::string> names;
  for (auto& s : steps) {
    auto it = names.find(s.recorded_by);
    if (it == names.end())
      it = names.emplace(s.recorded_by, cases::ActorName(tx, s.recorded_by)).first;
    s.recorded_by_name = it->second;
  }
}

// "Summons issued on 3 March 2027", "Listed at court: Leeds Magistrates' Court on ..."
std::string Summary(const enforcement::BreachStep& s) {
  std::string out = Label(enforcement::BreachStepKinds(), s.kind);
  if (s.kind == "court_listed")
    out += ": " + s.court.value_or("") + ", hearing on " + LongDate(FormatDate(*s.listed_for));
  if (s.kind == "outcome_recorded")
    out += ": " + Label(enforcement::BreachOutcomes(), s.outcome.value_or(""));
  out += " (" + LongDate(FormatDate(s.on)) + ")";
  if (!s.note.empty()) out += ". " + s.note;
  return out;
}
std::string Summary(const enforcement::RecallStep& s) {
  std::string out = Label(enforcement::RecallStepKinds(), s.kind);
  if (s.decision) out += ": " + Label(enforcement::RecallDecisions(), *s.decision);
  out += " (" + LongDate(FormatDate(s.on)) + ")";
  if (!s.note.empty()) out += ". " + s.note;
  return out;
}

const char* RecallEventKind(const std::string& step) {
  if (step == "spo_endorsed" || step == "senior_manager_endorsed") return "recall.endorsed";
  if (step == "spo_refused" || step == "senior_manager_refused")
    return "recall.endorsement_refused";
  if (step == "sent_to_recall_team") return "recall.sent";
  if (step == "decided") return "recall.decided";
  return "recall.returned_to_custody";
}

// The step written with the decision that opens proceedings.
template <class Step>
Step FirstStep(const char* kind, Date on, const store::Actor& by, UtcTime now, int64_t seq) {
  Step step;
  step.kind = kind;
  step.on = on;
  step.recorded_by = by.id;
  step.recorded_at = now;
  step.event_seq = seq;
  return step;
}

// After a step that ends proceedings: failures count afresh from the end.
Status Reevaluate(store::Transaction& tx, const store::Actor& by, const CaseRef& on,
                  int64_t sentence_id, UtcTime now) {
  auto evaluated = ReevaluateSentence(tx, by, on, sentence_id, now);
  if (!evaluated) return Unexpected{evaluated.error()};
  return Ok();
}
}  // namespace

Result<int64_t> OpenBreach(store::Transaction& tx, const store::Actor& by, const CaseRef& on,
                           int64_t sentence_id, int64_t decision_id, UtcTime now) {
  auto sentence = SentenceFor(tx, on, sentence_id, enforcement::Track::kCommunity);
  if (!sentence) return Unexpected{sentence.error()};
  Breach b;
  b.person_id = on.person_id;
  b.sentence_id = sentence_id;
  b.decision_id = decision_id;
  b.status = "initiated";
  b.initiated_on = UkDateOf(now);
  b.initiated_by = by.id;
  b.initiated_at = now;
  b.id = enforcement::InsertBreach(tx, b);
  const int64_t seq = RecordCaseEvent(
      tx, by, on,
      {"breach.initiated",
       {{"id", b.id},
        {"sentence_id", sentence_id},
        {"decision_id", decision_id},
        {"initiated_on", FormatDate(b.initiated_on)},
        {"version", 1}},
       "Breach proceedings initiated (" + Label(cases::SentenceKinds(), sentence->kind) + ")",
       sentence_id},
      now);
  enforcement::InsertBreachStep(
      tx, b.id, FirstStep<enforcement::BreachStep>("initiated", b.initiated_on, by, now, seq));
  // A previous breach or recall is a tier input (women only).
  if (auto tier = RecalculateTier(tx, by, on, now); !tier) return Unexpected{tier.error()};
  return b.id;
}

Result<int64_t> OpenRecall(store::Transaction& tx, const store::Actor& by, const CaseRef& on,
                           int64_t sentence_id, int64_t decision_id, const RecallRequest& request,
                           UtcTime now) {
  auto sentence = SentenceFor(tx, on, sentence_id, enforcement::Track::kLicence);
  if (!sentence) return Unexpected{sentence.error()};
  std::vector<int64_t> conditions;
  for (const auto& c : cases::LoadLicenceConditions(tx, on.person_id))
    if (c.sentence_id == sentence_id) conditions.push_back(c.id);
  if (auto ok = enforcement::CheckRecallRequest(request.reasons, request.alternatives_tried,
                                                request.conditions_breached, conditions);
      !ok)
    return Unexpected{ok.error()};
  Recall r;
  r.person_id = on.person_id;
  r.sentence_id = sentence_id;
  r.decision_id = decision_id;
  r.reasons = request.reasons;
  r.alternatives_tried = request.alternatives_tried;
  r.conditions_breached = request.conditions_breached;
  r.status = "requested";
  r.requested_on = UkDateOf(now);
  r.requested_by = by.id;
  r.requested_at = now;
  r.id = enforcement::InsertRecall(tx, r);
  const int64_t seq = RecordCaseEvent(
      tx, by, on,
      {"recall.requested",
       {{"id", r.id},
        {"sentence_id", sentence_id},
        {"decision_id", decision_id},
        {"reasons", r.reasons},
        {"alternatives_tried", r.alternatives_tried},
        {"conditions_breached", r.conditions_breached},
        {"requested_on", FormatDate(r.requested_on)},
        {"version", 1}},
       "Recall requested (" + std::to_string(r.conditions_breached.size()) +
           (r.conditions_breached.size() == 1 ? " licence condition" : " licence conditions") +
           " breached): " + r.reasons,
       sentence_id},
      now);
  enforcement::InsertRecallStep(
      tx, r.id, FirstStep<enforcement::RecallStep>("requested", r.requested_on, by, now, seq));
  // A previous breach or recall is a tier input (women only).
  if (auto tier = RecalculateTier(tx, by, on, now); !tier) return Unexpected{tier.error()};
  return r.id;
}

Result<Breach> RecordBreachStep(store::Db& db, const store::Actor& by, const CaseRef& on,
                                int64_t breach_id, const enforcement::BreachStepInput& input,
                                int expected_version, UtcTime now) {
  auto tx = db.BeginWrite();
  auto before = enforcement::FindBreach(tx, on.person_id, breach_id);
  if (!before) return UnknownBreach(breach_id);
  if (before->version != expected_version)
    return Stale("breach", before->id, before->version, expected_version, before->status);
  auto step = enforcement::CheckBreachStep(*before, input, by.id, UkDateOf(now));
  if (!step) return Unexpected{step.error()};
  step->recorded_at = now;
  Breach after = enforcement::ApplyBreachStep(*before, *step);
  auto version = enforcement::UpdateBreach(tx, *before, after);
  if (!version) return Unexpected{version.error()};
  after.version = *version;
  // The event first: the step's row points at it.
  step->event_seq = RecordCaseEvent(tx, by, on,
                                    {"breach.step_recorded",
                                     {{"id", after.id},
                                      {"sentence_id", after.sentence_id},
                                      {"kind", step->kind},
                                      {"on", FormatDate(step->on)},
                                      {"listed_for", OrNull(step->listed_for)},
                                      {"court", OrNull(step->court)},
                                      {"outcome", OrNull(step->outcome)},
                                      {"note", step->note},
                                      {"status", after.status},
                                      {"ended_on", OrNull(after.ended_on)},
                                      {"version", after.version}},
                                     Summary(*step),
                                     after.sentence_id},
                                    now);
  step->id = enforcement::InsertBreachStep(tx, after.id, *step);
  after.steps.push_back(*step);
  if (!after.open())
    if (auto ok = Reevaluate(tx, by, on, after.sentence_id, now); !ok)
      return Unexpected{ok.error()};
  NameActors(tx, after.steps);
  tx.Commit();
  return after;
}

Result<Recall> RecordRecallStep(store::Db& db, const store::Actor& by, const CaseRef& on,
                                int64_t recall_id, const enforcement::RecallStepInput& input,
                                int expected_version, UtcTime now) {
  auto tx = db.BeginWrite();
  auto before = enforcement::FindRecall(tx, on.person_id, recall_id);
  if (!before) return UnknownRecall(recall_id);
  if (before->version != expected_version)
    return Stale("recall", before->id, before->version, expected_version, before->status);
  const auto facts = input.kind == "decided"
                         ? enforcement::LoadFixedTermFacts(tx, on.person_id, before->sentence_id)
                         : enforcement::FixedTermFacts{};
  auto step = enforcement::CheckRecallStep(*before, input, facts, by.id, UkDateOf(now));
  if (!step) return Unexpected{step.error()};
  step->recorded_at = now;
  Recall after = enforcement::ApplyRecallStep(*before, *step);
  auto version = enforcement::UpdateRecall(tx, *before, after);
  if (!version) return Unexpected{version.error()};
  after.version = *version;
  const std::string kind = RecallEventKind(step->kind);
  json payload = {{"id", after.id},
                  {"sentence_id", after.sentence_id},
                  {"on", FormatDate(step->on)},
                  {"note", step->note},
                  {"version", after.version}};
  if (kind == "recall.endorsed" || kind == "recall.endorsement_refused")
    payload["kind"] = step->kind;
  if (kind == "recall.decided") payload["decision"] = OrNull(step->decision);
  if (kind != "recall.endorsed" && kind != "recall.sent")
    payload["ended_on"] = OrNull(after.ended_on);
  step->event_seq =
      RecordCaseEvent(tx, by, on, {kind, payload, Summary(*step), after.sentence_id}, now);
  step->id = enforcement::InsertRecallStep(tx, after.id, *step);
  after.steps.push_back(*step);
  if (!after.open())
    if (auto ok = Reevaluate(tx, by, on, after.sentence_id, now); !ok)
      return Unexpected{ok.error()};
  NameActors(tx, after.steps);
  tx.Commit();
  return after;
}

Result<Breach> GetBreach(store::Db& db, const CaseRef& on, int64_t breach_id) {
  auto tx = db.BeginRead();
  auto found = enforcement::FindBreach(tx, on.person_id, breach_id);
  if (!found) return UnknownBreach(breach_id);
  NameActors(tx, found->steps);
  return std::move(*found);
}

Result<Recall> GetRecall(store::Db& db, const CaseRef& on, int64_t recall_id) {
  auto tx = db.BeginRead();
  auto found = enforcement::FindRecall(tx, on.person_id, recall_id);
  if (!found) return UnknownRecall(recall_id);
  NameActors(tx, found->steps);
  return std::move(*found);
}

Result<enforcement::FixedTermFacts> GetFixedTermFacts(store::Db& db, const CaseRef& on,
                                                      int64_t recall_id) {
  auto tx = db.BeginRead();
  auto found = enforcement::FindRecall(tx, on.person_id, recall_id);
  if (!found) return UnknownRecall(recall_id);
  return enforcement::LoadFixedTermFacts(tx, on.person_id, found->sentence_id);
}

PersonProceedings ListProceedings(store::Db& db, const CaseRef& on) {
  auto tx = db.BeginRead();
  PersonProceedings out{enforcement::LoadBreaches(tx, on.person_id),
                        enforcement::LoadRecalls(tx, on.person_id)};
  for (auto& b : out.breaches) NameActors(tx, b.steps);
  for (auto& r : out.recalls) NameActors(tx, r.steps);
  return out;
}

std::vector<enforcement::RecallListEntry> ListRecallRequests(store::Db& db, int64_t viewer,
                                                             bool decided, int limit) {
  auto tx = db.BeginRead();
  return enforcement::LoadRecallList(tx, viewer, decided, limit);
}

}  // namespace probity::app
