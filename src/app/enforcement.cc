#include "app/enforcement.h"

#include <soci/soci.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <unordered_map>

#include "app/calendar.h"
#include "app/case_events.h"
#include "app/letters.h"
#include "cases/sentence_store.h"
#include "cases/store.h"
#include "cases/vocabulary.h"
#include "core/ordinal.h"
#include "core/uk_time.h"
#include "enforcement/engine.h"
#include "enforcement/proceedings_store.h"

namespace probity::app {

// FROZEN event kinds and payload fields (they are in the hash chain). The subject is the CRN
// (the policy's: "enforcement_policy"); days are YYYY-MM-DD.
//   enforcement.alert_raised      {sentence_id, appointment_id, failure_day, nth, kind, due_on,
//                                  during_proceedings, policy_version}
//   enforcement.alert_changed     the same fields, as they now are (an earlier failure was
//                                  amended away, or proceedings began or ended around it)
//   enforcement.alert_withdrawn   {sentence_id, appointment_id, failure_day}: the failure is no
//                                  longer an unacceptable failure (its outcome was amended)
//   enforcement.decision_recorded {id, sentence_id, appointment_id, kind, rationale, respond_by,
//                                  failure_day, nth, alert_kind, breach_id, recall_id}
//   enforcement.decision_countersigned / enforcement.decision_endorsed
//                                 {id, sentence_id, appointment_id, version}
//   enforcement.decision_declined {id, sentence_id, appointment_id, note, stage, version}
//                                  (stage: countersignature or endorsement)
//   enforcement.policy_changed    {version, effective_from, community: {decision_at,
//                                  window_months, due_working_days}, licence: {...}, reason}

namespace {
using enforcement::Alert;
using enforcement::AlertKind;
using enforcement::DecisionKind;
using enforcement::DecisionRecord;
using enforcement::Evaluation;
using enforcement::Policy;
using enforcement::SentenceFacts;
using enforcement::StoredAlert;
using nlohmann::json;

json OrNull(const std::optional<int64_t>& v) { return v ? json(*v) : json(nullptr); }

std::string DescribeAlertKind(AlertKind k) {
  switch (k) {
    case AlertKind::kWarning:
      return "a warning is due";
    case AlertKind::kComplianceLetter:
      return "a licence compliance letter is due";
    case AlertKind::kDecision:
      return "an enforcement decision is required";
  }
  return "";
}

std::string DescribeDecision(DecisionKind k) {
  switch (k) {
    case DecisionKind::kWarningIssued:
      return "warning issued";
    case DecisionKind::kComplianceLetter:
      return "licence compliance letter issued";
    case DecisionKind::kBreachInitiated:
      return "breach proceedings initiated";
    case DecisionKind::kRecallRequested:
      return "recall requested";
    case DecisionKind::kNotEnforced:
      return "not enforced on professional judgement";
    case DecisionKind::kFurtherInformation:
      return "further information requested";
    case DecisionKind::kAddedToProceedings:
      return "added to the proceedings under way as further evidence";
  }
  return "";
}

json AlertPayload(int64_t sentence_id, const Alert& a) {
  return {{"sentence_id", sentence_id},
          {"appointment_id", a.appointment_id},
          {"failure_day", FormatDate(a.failure_day)},
          {"nth", a.nth},
          {"kind", enforcement::ToString(a.kind)},
          {"due_on", FormatDate(a.due_on)},
          {"during_proceedings", a.during_proceedings},
          {"policy_version", a.policy_version}};
}

// "Enforcement alert: 3rd unacceptable failure in the window (failure on 19 October 2026): an
// enforcement decision is required by 20 October 2026."
std::string AlertSummary(const Alert& a) {
  std::string out = "Enforcement alert: " + Ordinal(a.nth) +
                    " unacceptable failure in the window (failure on " +
                    LongDate(FormatDate(a.failure_day)) + "): " + DescribeAlertKind(a.kind) +
                    " by " + LongDate(FormatDate(a.due_on)) + ".";
  if (a.during_proceedings) out += " Proceedings are under way: this is further evidence for them.";
  return out;
}

bool SameAnswer(const Alert& a, const Alert& b) {
  return a.nth == b.nth && a.kind == b.kind && a.due_on == b.due_on && a.state == b.state &&
         a.during_proceedings == b.during_proceedings && a.decision_id == b.decision_id &&
         a.policy_version == b.policy_version && a.failure_day == b.failure_day;
}
bool SameFacts(const Alert& a, const Alert& b) {
  // What the alert_changed event reports; state and decision are the decisions' own events.
  return a.nth == b.nth && a.kind == b.kind && a.due_on == b.due_on &&
         a.during_proceedings == b.during_proceedings && a.policy_version == b.policy_version;
}

std::vector<enforcement::Decision> DecisionsOf(const std::vector<DecisionRecord>& records) {
  std::vector<enforcement::Decision> out;
  out.reserve(records.size());
  for (const auto& r : records) out.push_back(r.decision);
  return out;
}

Date StartsOn(const cases::Sentence& s) {
  const auto& start = s.release_date ? *s.release_date : s.sentence_date;
  return ParseDate(start).value_or(Date{});
}

struct Loaded {
  cases::Sentence sentence;
  enforcement::Track track = enforcement::Track::kCommunity;
  SentenceFacts facts;
  std::vector<DecisionRecord> decisions;
};

std::optional<Loaded> LoadFacts(store::Transaction& tx, int64_t person_id,
                                const cases::Sentence& sentence) {
  const auto track = enforcement::TrackOf(sentence.kind);
  if (!track) return std::nullopt;
  Loaded l;
  l.sentence = sentence;
  l.track = *track;
  l.facts.sentence_id = sentence.id;
  l.facts.track = *track;
  l.facts.starts_on = StartsOn(sentence);
  l.facts.failures = enforcement::LoadFailures(tx, person_id, sentence.id);
  l.decisions = enforcement::LoadDecisions(tx, sentence.id);
  l.facts.decisions = DecisionsOf(l.decisions);
  l.facts.proceedings = enforcement::LoadProceedingsPeriods(tx, sentence.id);
  return l;
}

// Brings the stored alerts of one sentence to `fresh`, recording what appeared, moved or went.
void KeepAlerts(store::Transaction& tx, const store::Actor& by, const CaseRef& on,
                int64_t sentence_id, const std::vector<StoredAlert>& stored,
                const Evaluation& fresh, UtcTime now) {
  std::map<int64_t, const StoredAlert*> before;
  for (const auto& s : stored) before[s.alert.appointment_id] = &s;
  std::set<int64_t> kept;
  for (const auto& a : fresh.alerts) {
    kept.insert(a.appointment_id);
    auto it = before.find(a.appointment_id);
    if (it == before.end()) {
      const json payload = AlertPayload(sentence_id, a);
      const auto seq = RecordCaseEvent(
          tx, by, on, {"enforcement.alert_raised", payload, AlertSummary(a), sentence_id}, now);
      enforcement::InsertAlert(tx, StoredAlert{sentence_id, on.person_id, a, now, seq});
      continue;
    }
    const Alert& was = it->second->alert;
    if (SameAnswer(was, a)) continue;
    if (!SameFacts(was, a)) {
      const json payload = AlertPayload(sentence_id, a);
      RecordCaseEvent(
          tx, by, on,
          {"enforcement.alert_changed", payload,
           "Enforcement alert changed: the failure on " + LongDate(FormatDate(a.failure_day)) +
               " is now the " + Ordinal(a.nth) + " in the window: " + DescribeAlertKind(a.kind) +
               " by " + LongDate(FormatDate(a.due_on)) + ".",
           sentence_id},
          now);
    }
    enforcement::UpdateAlert(tx, sentence_id, a);
  }
  for (const auto& s : stored) {
    if (kept.count(s.alert.appointment_id)) continue;
    const json payload = {{"sentence_id", sentence_id},
                          {"appointment_id", s.alert.appointment_id},
                          {"failure_day", FormatDate(s.alert.failure_day)}};
    RecordCaseEvent(tx, by, on,
                    {"enforcement.alert_withdrawn", payload,
                     "Enforcement alert withdrawn: the failure on " +
                         LongDate(FormatDate(s.alert.failure_day)) +
                         " is no longer recorded as an unacceptable failure.",
                     sentence_id},
                    now);
    enforcement::DeleteAlert(tx, sentence_id, s.alert.appointment_id);
  }
}

Error UnknownDecision(int64_t id) {
  return Error{ErrorKind::kNotFound, "unknown_decision",
               "this person has no decision " + std::to_string(id), "id"};
}

Error Stale(const DecisionRecord& now) {
  return Error{ErrorKind::kConflict, "stale_version",
               "decision " + std::to_string(now.decision.id) +
                   " was answered by someone else meanwhile (it is now at version " +
                   std::to_string(now.version) + "); reload it",
               "version"};
}

// Loads a decision for answering: this person's, at the version the caller read.
Result<DecisionRecord> LoadForAnswer(store::Transaction& tx, const CaseRef& on, int64_t id,
                                     int expected_version) {
  auto d = enforcement::FindDecision(tx, on.person_id, id);
  if (!d) return UnknownDecision(id);
  if (d->version != expected_version) return Stale(*d);
  return *d;
}

bool NeedsEndorsement(store::Transaction& tx, const DecisionRecord& d) {
  return enforcement::NeedsEndorsement(DecisionsOf(enforcement::LoadDecisions(tx, d.sentence_id)),
                                       d.decision.id);
}

Result<DecisionRecord> Answer(
    store::Db& db, const store::Actor& by, const CaseRef& on, int64_t decision_id,
    int expected_version, UtcTime now, const char* kind, const std::string& summary_verb,
    const std::function<Status(DecisionRecord&, bool)>& apply,
    const std::function<void(json&, const DecisionRecord&, bool)>& extra) {
  auto tx = db.BeginWrite();
  auto d = LoadForAnswer(tx, on, decision_id, expected_version);
  if (!d) return d.error();
  const bool needs = NeedsEndorsement(tx, *d);
  if (auto s = apply(*d, needs); !s) return s.error();
  if (auto s = enforcement::UpdateDecisionAnswers(tx, *d); !s) return s.error();
  d->version += 1;
  json payload = {{"id", d->decision.id},
                  {"sentence_id", d->sentence_id},
                  {"appointment_id", d->decision.appointment_id},
                  {"version", d->version}};
  extra(payload, *d, needs);
  RecordCaseEvent(tx, by, on,
                  {kind, payload,
                   "Decision not to enforce " + summary_verb + " (decision of " +
                       LongDateTime(d->decision.decided_at) + ")",
                   d->sentence_id},
                  now);
  if (auto e = ReevaluateSentence(tx, by, on, d->sentence_id, now); !e) return e.error();
  auto out = enforcement::FindDecision(tx, on.person_id, decision_id);
  tx.Commit();
  return *out;
}

auto NoExtra = [](json&, const DecisionRecord&, bool) {};

}  // namespace

std::vector<SentenceEnforcement> GetEnforcement(store::Db& db, const CaseRef& on, UtcTime now) {
  auto tx = db.BeginRead();
  const Policy policy = enforcement::LoadPolicy(tx);
  const auto calendar = LoadWorkingCalendar(tx);
  const Date today = UkDateOf(now);
  std::vector<SentenceEnforcement> current, ended;
  for (const auto& sentence : cases::LoadSentences(tx, on.person_id)) {
    auto l = LoadFacts(tx, on.person_id, sentence);
    if (!l) continue;
    SentenceEnforcement e;
    e.sentence_id = sentence.id;
    e.sentence_kind = sentence.kind;
    e.track = l->track;
    e.current = sentence.current();
    e.proceedings_open = enforcement::HasOpenProceedings(tx, sentence.id);
    e.evaluation = enforcement::Evaluate(l->facts, policy, calendar, today);
    e.decisions = std::move(l->decisions);
    if (!e.current && e.evaluation.alerts.empty()) continue;
    (e.current ? current : ended).push_back(std::move(e));
  }
  for (auto& e : ended) current.push_back(std::move(e));
  return current;
}

Result<Evaluation> ReevaluateSentence(store::Transaction& tx, const store::Actor& by,
                                      const CaseRef& on, int64_t sentence_id, UtcTime now) {
  const auto sentence = cases::FindSentence(tx, on.person_id, sentence_id);
  if (!sentence)
    return Error{ErrorKind::kNotFound, "unknown_sentence",
                 "this person has no sentence " + std::to_string(sentence_id), "sentence_id"};
  auto l = LoadFacts(tx, on.person_id, *sentence);
  if (!l) return Evaluation{};
  const auto fresh = enforcement::Evaluate(l->facts, enforcement::LoadPolicy(tx),
                                           LoadWorkingCalendar(tx), UkDateOf(now));
  KeepAlerts(tx, by, on, sentence_id, enforcement::LoadAlerts(tx, sentence_id), fresh, now);
  return fresh;
}

Status ReevaluateAfterOutcome(store::Transaction& tx, const store::Actor& by, const CaseRef& on,
                              std::optional<int64_t> sentence_id, UtcTime now) {
  std::vector<int64_t> ids;
  if (sentence_id) {
    ids.push_back(*sentence_id);
  } else {
    for (const auto& s : cases::LoadSentences(tx, on.person_id))
      if (s.current()) ids.push_back(s.id);
  }
  for (int64_t id : ids)
    if (auto r = ReevaluateSentence(tx, by, on, id, now); !r) return r.error();
  return {};
}

Result<DecisionRecord> RecordDecision(store::Db& db, const store::Actor& by, const CaseRef& on,
                                      const DecisionRequest& request, UtcTime now) {
  auto tx = db.BeginWrite();
  auto evaluation = ReevaluateSentence(tx, by, on, request.sentence_id, now);
  if (!evaluation) return evaluation.error();
  const Alert* alert = nullptr;
  for (const auto& a : evaluation->alerts) {
    if (a.appointment_id == request.appointment_id ||
        std::find(a.same_day.begin(), a.same_day.end(), request.appointment_id) != a.same_day.end())
      alert = &a;
  }
  if (!alert)
    return Error{ErrorKind::kNotFound, "unknown_alert",
                 "appointment " + std::to_string(request.appointment_id) +
                     " is not an unacceptable failure counted on this sentence",
                 "appointment_id"};
  const auto sentence = cases::FindSentence(tx, on.person_id, request.sentence_id);
  const auto track = enforcement::TrackOf(sentence->kind);
  const bool proceedings_open = enforcement::HasOpenProceedings(tx, request.sentence_id);
  if (auto s = enforcement::CheckDecision(*alert, *track, proceedings_open, request.input,
                                          UkDateOf(now));
      !s)
    return s.error();
  if (request.input.kind == DecisionKind::kRecallRequested && !request.recall)
    return Error::Invalid("required", "a recall request needs its reasons", "reasons");

  DecisionRecord d;
  d.person_id = on.person_id;
  d.sentence_id = request.sentence_id;
  d.decision.appointment_id = alert->appointment_id;
  d.decision.kind = request.input.kind;
  d.decision.decided_at = now;
  d.decision.respond_by = request.input.respond_by;
  d.rationale = request.input.rationale;
  d.decided_by = by.id;
  // The decision's id is needed by the proceedings it begins and by its own event, so the row
  // goes in first and its event_seq is set once the event exists.
  d.event_seq = 0;
  const int64_t id = enforcement::InsertDecision(tx, d);
  std::optional<int64_t> breach_id, recall_id;
  if (request.input.kind == DecisionKind::kBreachInitiated) {
    auto b = OpenBreach(tx, by, on, request.sentence_id, id, now);
    if (!b) return b.error();
    breach_id = *b;
  }
  if (request.input.kind == DecisionKind::kRecallRequested) {
    auto r = OpenRecall(tx, by, on, request.sentence_id, id, *request.recall, now);
    if (!r) return r.error();
    recall_id = *r;
  }
  const json payload = {
      {"id", id},
      {"sentence_id", request.sentence_id},
      {"appointment_id", alert->appointment_id},
      {"kind", enforcement::ToString(request.input.kind)},
      {"rationale", request.input.rationale},
      {"respond_by",
       request.input.respond_by ? json(FormatDate(*request.input.respond_by)) : json(nullptr)},
      {"failure_day", FormatDate(alert->failure_day)},
      {"nth", alert->nth},
      {"alert_kind", enforcement::ToString(alert->kind)},
      {"breach_id", OrNull(breach_id)},
      {"recall_id", OrNull(recall_id)}};
  std::string summary = "Enforcement decision on the failure of " +
                        LongDate(FormatDate(alert->failure_day)) + ": " +
                        DescribeDecision(request.input.kind);
  if (request.input.respond_by)
    summary += ", response due by " + LongDate(FormatDate(*request.input.respond_by));
  if (!request.input.rationale.empty()) summary += ". " + request.input.rationale;
  if (request.input.kind == DecisionKind::kNotEnforced) summary += " (awaiting countersignature)";
  const auto seq = RecordCaseEvent(
      tx, by, on, {"enforcement.decision_recorded", payload, summary, request.sentence_id}, now);
  const long long seq_value = seq, id_value = id;
  tx.sql() << "UPDATE enforcement_decision SET event_seq = :s WHERE id = :id", soci::use(seq_value),
      soci::use(id_value);
  if (auto e = ReevaluateSentence(tx, by, on, request.sentence_id, now); !e) return e.error();
  auto out = enforcement::FindDecision(tx, on.person_id, id);
  // The letter the decision sends (warning, compliance, breach), filled from the record as it
  // stands now and kept with the decision, in its transaction.
  if (auto letter = IssueLetter(tx, by, on, *out, now); !letter) return letter.error();
  tx.Commit();
  return *out;
}

Result<DecisionRecord> CountersignDecision(store::Db& db, const store::Actor& by, const CaseRef& on,
                                           int64_t decision_id, int expected_version, UtcTime now) {
  return Answer(
      db, by, on, decision_id, expected_version, now, "enforcement.decision_countersigned",
      "countersigned",
      [&](DecisionRecord& d, bool) -> Status {
        if (auto s = enforcement::CheckCountersign(d.decision, d.decided_by, by.id); !s) return s;
        d.countersigned_by = by.id;
        d.countersigned_at = now;
        return {};
      },
      NoExtra);
}

Result<DecisionRecord> EndorseDecision(store::Db& db, const store::Actor& by, const CaseRef& on,
                                       int64_t decision_id, int expected_version, UtcTime now) {
  return Answer(
      db, by, on, decision_id, expected_version, now, "enforcement.decision_endorsed",
      "endorsed by a senior manager",
      [&](DecisionRecord& d, bool needs) -> Status {
        if (auto s = enforcement::CheckEndorse(d.decision, needs, d.decided_by, by.id); !s)
          return s;
        d.endorsed_by = by.id;
        d.endorsed_at = now;
        return {};
      },
      NoExtra);
}

Result<DecisionRecord> DeclineDecision(store::Db& db, const store::Actor& by, const CaseRef& on,
                                       int64_t decision_id, const std::string& note,
                                       int expected_version, UtcTime now) {
  return Answer(
      db, by, on, decision_id, expected_version, now, "enforcement.decision_declined",
      "declined: " + note,
      [&](DecisionRecord& d, bool needs) -> Status {
        if (auto s = enforcement::CheckDecline(d.decision, needs, d.decided_by, by.id, note); !s)
          return s;
        d.declined_by = by.id;
        d.declined_at = now;
        d.declined_note = note;
        return {};
      },
      [&](json& payload, const DecisionRecord& d, bool) {
        payload["note"] = note;
        payload["stage"] = d.countersigned_by ? "endorsement" : "countersignature";
      });
}

std::vector<enforcement::WorklistItem> ListWorklist(store::Db& db,
                                                    const enforcement::WorklistQuery& q) {
  auto tx = db.BeginRead();
  return enforcement::LoadWorklist(tx, q);
}

std::vector<std::pair<int64_t, int>> CountOpenAlerts(store::Db& db,
                                                     const std::vector<int64_t>& person_ids) {
  auto tx = db.BeginRead();
  return enforcement::CountOpenAlerts(tx, person_ids);
}

Policy GetPolicy(store::Db& db) {
  auto tx = db.BeginRead();
  return enforcement::LoadPolicy(tx);
}

Result<enforcement::PolicyVersion> ChangePolicy(store::Db& db, const store::Actor& by,
                                                enforcement::PolicyVersion change, UtcTime now) {
  auto tx = db.BeginWrite();
  const Policy current = enforcement::LoadPolicy(tx);
  if (auto s = enforcement::CheckPolicyVersion(change, current, UkDateOf(now)); !s)
    return s.error();
  int latest = 0;
  for (const auto& v : current.versions) latest = std::max(latest, v.version);
  change.version = latest + 1;
  change.changed_by = by.id;
  change.changed_at = now;
  auto rule = [](const enforcement::Rule& r) {
    return json{{"decision_at", r.decision_at},
                {"window_months", r.window_months},
                {"due_working_days", r.due_working_days}};
  };
  const json payload = {{"version", change.version},
                        {"effective_from", FormatDate(change.effective_from)},
                        {"community", rule(change.community)},
                        {"licence", rule(change.licence)},
                        {"reason", change.reason}};
  store::AppendEvent(tx, by, {"enforcement_policy", "enforcement.policy_changed", payload}, now);
  enforcement::InsertPolicyVersion(tx, change);
  tx.Commit();
  return change;
}

EvaluationRun EvaluateAll(store::Db& db, const store::Actor& by, UtcTime now) {
  using Clock = std::chrono::steady_clock;
  auto seconds = [](Clock::time_point from) {
    return std::chrono::duration<double>(Clock::now() - from).count();
  };
  EvaluationRun run;
  const Date today = UkDateOf(now);
  auto started = Clock::now();
  std::vector<enforcement::CurrentSentence> sentences;
  std::unordered_map<int64_t, std::vector<enforcement::PersonFailure>> failures;  // by person
  std::unordered_map<int64_t, std::vector<enforcement::Decision>> decisions;      // by sentence
  std::unordered_map<int64_t, std::vector<StoredAlert>> stored;                   // by sentence
  std::unordered_map<int64_t, std::vector<enforcement::ProceedingsPeriod>> proceedings;
  Policy policy;
  std::optional<calendar::WorkingCalendar> calendar;
  {
    auto tx = db.BeginRead();
    policy = enforcement::LoadPolicy(tx);
    calendar.emplace(LoadWorkingCalendar(tx));
    sentences = enforcement::LoadCurrentSentences(tx);
    for (auto& f : enforcement::LoadAllFailures(tx)) failures[f.person_id].push_back(f);
    for (auto& d : enforcement::LoadAllDecisions(tx))
      decisions[d.sentence_id].push_back(d.decision);
    for (auto& a : enforcement::LoadAllAlerts(tx)) stored[a.sentence_id].push_back(a);
    proceedings = enforcement::LoadAllProceedingsPeriods(tx);
  }
  run.read_seconds = seconds(started);

  started = Clock::now();
  std::vector<const enforcement::CurrentSentence*> to_write;
  for (const auto& s : sentences) {
    const auto track = enforcement::TrackOf(s.kind);
    if (!track) continue;
    SentenceFacts facts;
    facts.sentence_id = s.id;
    facts.track = *track;
    facts.starts_on = ParseDate(s.starts_on).value_or(Date{});
    if (auto it = failures.find(s.person_id); it != failures.end())
      for (const auto& f : it->second)
        if (f.sentence_id == s.id || f.sentence_id == 0) facts.failures.push_back(f.failure);
    if (auto it = decisions.find(s.id); it != decisions.end()) facts.decisions = it->second;
    if (auto it = proceedings.find(s.id); it != proceedings.end()) facts.proceedings = it->second;
    const auto e = enforcement::Evaluate(facts, policy, *calendar, today);
    ++run.sentences;
    run.alerts += static_cast<int64_t>(e.alerts.size());
    for (const auto& a : e.alerts) run.open_alerts += a.open() ? 1 : 0;
    const auto it = stored.find(s.id);
    const std::vector<StoredAlert> none;
    const auto& was = it == stored.end() ? none : it->second;
    bool same = was.size() == e.alerts.size();
    if (same) {
      std::map<int64_t, const Alert*> by_id;
      for (const auto& w : was) by_id[w.alert.appointment_id] = &w.alert;
      for (const auto& a : e.alerts) {
        auto found = by_id.find(a.appointment_id);
        if (found == by_id.end() || !SameAnswer(*found->second, a)) {
          same = false;
          break;
        }
      }
    }
    if (!same) to_write.push_back(&s);
  }
  run.evaluate_seconds = seconds(started);

  // Each sentence that differs is evaluated afresh in a write transaction: anything recorded since
  // the snapshot is seen, never overwritten. Batched so a backfill does not commit per sentence.
  started = Clock::now();
  constexpr size_t kBatch = 200;
  for (size_t i = 0; i < to_write.size(); i += kBatch) {
    auto tx = db.BeginWrite();
    for (size_t j = i; j < std::min(to_write.size(), i + kBatch); ++j) {
      const auto& s = *to_write[j];
      if (ReevaluateSentence(tx, by, {s.person_id, s.crn, false}, s.id, now))
        ++run.sentences_written;
    }
    tx.Commit();
  }
  run.write_seconds = seconds(started);
  return run;
}

}  // namespace probity::app
