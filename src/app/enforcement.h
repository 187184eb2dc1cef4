// Use cases of enforcement (DESIGN section 5; docs/enforcement.md): the engine's answer for a
// person's sentences, re-evaluating a sentence whenever its failures, decisions or proceedings
// change (in the same transaction), recording decisions on failures, countersigning, endorsing
// and declining decisions not to enforce, the worklist, the policy, and evaluating every current
// sentence at once. Authorisation happens before, in the handler, through app::OpenCase; the
// handler also checks the role a countersignature (SPO) or endorsement (senior manager) needs.
//
// Events (FROZEN kinds and payloads: see enforcement.cc) put every alert and decision on the
// person's timeline. A decision never changes the absence judgement it answers.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/case_access.h"
#include "app/proceedings.h"
#include "core/result.h"
#include "core/time.h"
#include "enforcement/model.h"
#include "enforcement/rules.h"
#include "enforcement/store.h"
#include "store/db.h"
#include "store/event_log.h"

namespace probity::app {

// One sentence as enforcement sees it today.
struct SentenceEnforcement {
  int64_t sentence_id = 0;
  std::string sentence_kind;
  enforcement::Track track = enforcement::Track::kCommunity;
  bool current = true;
  bool proceedings_open = false;
  enforcement::Evaluation evaluation;
  std::vector<enforcement::DecisionRecord> decisions;  // oldest first
};

// The person's sentences that enforcement follows (community orders, suspended sentence orders,
// licences, PSS), current first, each evaluated as of `now`'s UK day.
std::vector<SentenceEnforcement> GetEnforcement(store::Db& db, const CaseRef& on, UtcTime now);

// Evaluates one sentence in the caller's transaction and keeps its alerts: a new alert is stored
// and recorded (enforcement.alert_raised, on the timeline), a changed one updated
// (enforcement.alert_changed when its number, kind or due date moved), and one whose failure is no
// longer an unacceptable failure withdrawn (enforcement.alert_withdrawn). Changes of state made by
// decisions are the decisions' own events. Does nothing for a sentence enforcement does not
// follow. Returns the evaluation.
Result<enforcement::Evaluation> ReevaluateSentence(store::Transaction& tx, const store::Actor& by,
                                                   const CaseRef& on, int64_t sentence_id,
                                                   UtcTime now);

// After an enforceable appointment's outcome changes: its sentence, or each current sentence of
// the person when it names none.
Status ReevaluateAfterOutcome(store::Transaction& tx, const store::Actor& by, const CaseRef& on,
                              std::optional<int64_t> sentence_id, UtcTime now);

struct DecisionRequest {
  int64_t sentence_id = 0;
  int64_t appointment_id = 0;  // the failure decided on (any failure of that day)
  enforcement::DecisionInput input;
  std::optional<RecallRequest> recall;  // recall_requested: what the recall team needs
};

// Records a decision on a failure's alert. kNotFound "unknown_sentence" / "unknown_alert" (field
// "appointment_id") when the sentence is not this person's or the failure raised no alert on it;
// then enforcement::CheckDecision's errors. A breach or recall decision begins its proceedings
// (app/proceedings.h) in the same transaction. Event enforcement.decision_recorded.
Result<enforcement::DecisionRecord> RecordDecision(store::Db& db, const store::Actor& by,
                                                   const CaseRef& on,
                                                   const DecisionRequest& request, UtcTime now);

// Answering a decision not to enforce (kNotFound "unknown_decision"; kConflict "stale_version"
// when not at `expected_version`; then the rules' errors). Events
// enforcement.decision_countersigned / _endorsed / _declined; each re-evaluates the sentence.
Result<enforcement::DecisionRecord> CountersignDecision(store::Db& db, const store::Actor& by,
                                                        const CaseRef& on, int64_t decision_id,
                                                        int expected_version, UtcTime now);
Result<enforcement::DecisionRecord> EndorseDecision(store::Db& db, const store::Actor& by,
                                                    const CaseRef& on, int64_t decision_id,
                                                    int expected_version, UtcTime now);
Result<enforcement::DecisionRecord> DeclineDecision(store::Db& db, const store::Actor& by,
                                                    const CaseRef& on, int64_t decision_id,
                                                    const std::string& note, int expected_version,
                                                    UtcTime now);

// The worklist: open alerts over the cases `q.scope` reaches, by due date.
std::vector<enforcement::WorklistItem> ListWorklist(store::Db& db,
                                                    const enforcement::WorklistQuery& q);
// Open alerts per person (person id -> count), for the caseload.
std::vector<std::pair<int64_t, int>> CountOpenAlerts(store::Db& db,
                                                     const std::vector<int64_t>& person_ids);

// The policy, every version. Changing it (administrators; checked in the handler) adds a version
// from its effective date (enforcement::CheckPolicyVersion); event enforcement.policy_changed
// (subject "enforcement_policy"). Failures before that date keep the rules they were judged by.
enforcement::Policy GetPolicy(store::Db& db);
Result<enforcement::PolicyVersion> ChangePolicy(store::Db& db, const store::Actor& by,
                                                enforcement::PolicyVersion change, UtcTime now);

// Evaluates every current sentence as of `now` (reading one snapshot), then re-evaluates, each
// in its own write transaction, the sentences whose stored alerts differ from the engine's
// answer: after a bulk load, a restore or a change of policy or calendar. Safe to run at any
// time, beside the server.
struct EvaluationRun {
  int64_t sentences = 0;  // current sentences evaluated
  int64_t alerts = 0;     // alerts in the engine's answer
  int64_t open_alerts = 0;
  int64_t sentences_written = 0;  // whose stored alerts were brought up to date
  double read_seconds = 0;
  double evaluate_seconds = 0;
  double write_seconds = 0;
};
EvaluationRun EvaluateAll(store::Db& db, const store::Actor& by, UtcTime now);

}  // namespace probity::app
