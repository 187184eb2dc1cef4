// Enforcement's tables: policy versions, decisions, and the alerts the engine answered, kept for
// the worklist; and the reads that gather one sentence's facts for the engine. SQL only: the
// rules are in engine.h and rules.h, the transactions in app/enforcement.h.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "access/policy.h"
#include "core/result.h"
#include "enforcement/model.h"
#include "store/db.h"

namespace probity::enforcement {

// Every version, oldest first.
Policy LoadPolicy(store::Transaction& tx);
void InsertPolicyVersion(store::Transaction& tx, const PolicyVersion& v);

// The unacceptable failures that count against a sentence: the person's enforceable
// appointments on it (or on no sentence) whose current outcome is a failure judged unacceptable.
std::vector<Failure> LoadFailures(store::Transaction& tx, int64_t person_id, int64_t sentence_id);

// A decision as recorded, with who did what and when.
struct DecisionRecord {
  Decision decision;
  int64_t person_id = 0;
  int64_t sentence_id = 0;
  std::string rationale;
  std::string decided_by;  // actor ids; names for display
  std::string decided_by_name;
  std::optional<std::string> countersigned_by;
  std::optional<std::string> countersigned_by_name;
  std::optional<UtcTime> countersigned_at;
  std::optional<std::string> endorsed_by;
  std::optional<std::string> endorsed_by_name;
  std::optional<UtcTime> endorsed_at;
  std::optional<std::string> declined_by;
  std::optional<std::string> declined_by_name;
  std::optional<UtcTime> declined_at;
  std::optional<std::string> declined_note;
  int64_t event_seq = 0;
  int version = 1;
};

// A sentence's decisions, oldest first.
std::vector<DecisionRecord> LoadDecisions(store::Transaction& tx, int64_t sentence_id);
std::optional<DecisionRecord> FindDecision(store::Transaction& tx, int64_t person_id,
                                           int64_t decision_id);
// Returns the new id.
int64_t InsertDecision(store::Transaction& tx, const DecisionRecord& d);
// Writes the countersignature, endorsement and declining columns of `d` at d.version + 1, if the
// row is still at d.version; kConflict "stale_version" otherwise.
Status UpdateDecisionAnswers(store::Transaction& tx, const DecisionRecord& d);

// An alert as last evaluated.
struct StoredAlert {
  int64_t sentence_id = 0;
  int64_t person_id = 0;
  Alert alert;
  UtcTime raised_at{};
  int64_t event_seq = 0;  // the enforcement.alert_raised event
};
std::vector<StoredAlert> LoadAlerts(store::Transaction& tx, int64_t sentence_id);
void InsertAlert(store::Transaction& tx, const StoredAlert& a);
// Rewrites everything but the raised_at and event_seq of (sentence, appointment).
void UpdateAlert(store::Transaction& tx, int64_t sentence_id, const Alert& a);
void DeleteAlert(store::Transaction& tx, int64_t sentence_id, int64_t appointment_id);
// Open alerts per person, for the caseload.
std::vector<std::pair<int64_t, int>> CountOpenAlerts(store::Transaction& tx,
                                                     const std::vector<int64_t>& person_ids);

// The worklist: open alerts, by due date, over the cases a viewer may act on.
struct WorklistQuery {
  access::CaseScope scope;  // whose cases: the viewer's reach for kEnforce
  int64_t viewer = 0;       // a staff id: restricted cases hidden unless listed
  std::optional<int64_t> team_id;
  std::optional<int64_t> officer_staff_id;
  std::optional<AlertState> state;
  std::optional<Date> due_by;  // only alerts due on or before (today: the overdue and due today)
  int limit = 50;
  // Keyset cursor: the last row's (due_on, sentence_id, appointment_id).
  std::optional<std::string> after_due_on;
  int64_t after_sentence_id = 0;
  int64_t after_appointment_id = 0;
};
struct WorklistItem {
  StoredAlert stored;
  std::string crn;
  std::string person_name;  // "Last, First"
  std::optional<int64_t> officer_staff_id;
  std::string officer_name;  // empty: unallocated
  std::string team_code;
  std::string sentence_kind;
  std::string appointment_type;  // its label
  UtcTime appointment_starts_at{};
};
std::vector<WorklistItem> LoadWorklist(store::Transaction& tx, const WorklistQuery& q);

// Every current sentence, for evaluating them all.
struct CurrentSentence {
  int64_t id = 0;
  int64_t person_id = 0;
  std::string crn;
  std::string kind;
  std::string starts_on;  // sentence date, or release date when there is one
};
std::vector<CurrentSentence> LoadCurrentSentences(store::Transaction& tx);
// Every unacceptable failure on an enforceable appointment: (person_id, sentence_id or 0, failure).
struct PersonFailure {
  int64_t person_id = 0;
  int64_t sentence_id = 0;  // 0: on no sentence
  Failure failure;
};
std::vector<PersonFailure> LoadAllFailures(store::Transaction& tx);
std::vector<DecisionRecord> LoadAllDecisions(store::Transaction& tx);
std::vector<StoredAlert> LoadAllAlerts(store::Transaction& tx);

}  // namespace probity::enforcement
