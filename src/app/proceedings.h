// Use cases on breach proceedings (community sentences) and recalls (licences). Opening one is
// part of recording the enforcement decision that begins it (app::RecordDecision calls OpenBreach
// or OpenRecall inside its own transaction); each later step is its own transaction that loads,
// checks with enforcement/proceedings.h, writes state and appends its event (kinds and payload
// fields FROZEN: see proceedings.cc), with a timeline entry through app::RecordCaseEvent. A step
// that ends proceedings re-evaluates the sentence, so failures count afresh from the end.
//
// Authorisation happens before, in the handler: app::OpenCase for the case's reach, and
// enforcement::MayRecordBreachStep / MayRecordRecallStep for the role each step needs.
//
// Errors, besides each rule's: kNotFound "unknown_breach" / "unknown_recall" (field "id") for one
// that is not this person's; kConflict "stale_version" (field "version") when it is no longer at
// the version the caller read: nothing is written.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/case_access.h"
#include "core/result.h"
#include "core/time.h"
#include "enforcement/proceedings.h"
#include "enforcement/proceedings_store.h"
#include "store/db.h"
#include "store/event_log.h"

namespace probity::app {

// Opens breach proceedings on a community sentence, in the caller's transaction (the decision's).
// kInvalid "sentence_id" when the sentence is not this person's or not a community sentence;
// kConflict "sentence_not_active" for a terminated one; kConflict "proceedings_open" when the
// sentence already has a breach or recall not yet ended. Event breach.initiated. Returns its id.
Result<int64_t> OpenBreach(store::Transaction& tx, const store::Actor& by, const CaseRef& on,
                           int64_t sentence_id, int64_t decision_id, UtcTime now);

struct RecallRequest {
  std::string reasons;
  std::vector<int64_t> conditions_breached;  // licence condition ids of the sentence
  std::string alternatives_tried;
};
// Opens a recall request on a licence, in the caller's transaction (the decision's). kInvalid
// "sentence_id" as OpenBreach (a licence or PSS); kInvalid "reasons" / "alternatives_tried" when
// blank, "conditions_breached" when empty or naming a condition not of this sentence; kConflict
// "sentence_not_active", "proceedings_open" as OpenBreach. Event recall.requested.
Result<int64_t> OpenRecall(store::Transaction& tx, const store::Actor& by, const CaseRef& on,
                           int64_t sentence_id, int64_t decision_id, const RecallRequest& request,
                           UtcTime now);

// Records the next step of breach proceedings (summons or warrant issued, court listed, outcome
// recorded, ended). Event breach.step_recorded; ending re-evaluates the sentence.
Result<enforcement::Breach> RecordBreachStep(store::Db& db, const store::Actor& by,
                                             const CaseRef& on, int64_t breach_id,
                                             const enforcement::BreachStepInput& step,
                                             int expected_version, UtcTime now);

// Records the next step of a recall: an endorsement or its refusal, sending to the recall team,
// the recall team's decision, the return to custody. Events recall.endorsed,
// recall.endorsement_refused, recall.sent, recall.decided, recall.returned_to_custody; a step
// that ends the recall re-evaluates the sentence.
Result<enforcement::Recall> RecordRecallStep(store::Db& db, const store::Actor& by,
                                             const CaseRef& on, int64_t recall_id,
                                             const enforcement::RecallStepInput& step,
                                             int expected_version, UtcTime now);

// One breach or recall of the person, with the names of who recorded each step.
Result<enforcement::Breach> GetBreach(store::Db& db, const CaseRef& on, int64_t breach_id);
Result<enforcement::Recall> GetRecall(store::Db& db, const CaseRef& on, int64_t recall_id);

// What fixed-term recall depends on for this recall, and the bar if there is one (shown to the
// recall team before they decide).
Result<enforcement::FixedTermFacts> GetFixedTermFacts(store::Db& db, const CaseRef& on,
                                                      int64_t recall_id);

// Every breach and recall of the person, newest first.
struct PersonProceedings {
  std::vector<enforcement::Breach> breaches;
  std::vector<enforcement::Recall> recalls;
};
PersonProceedings ListProceedings(store::Db& db, const CaseRef& on);

// The recall team's list (restricted and excluded cases hidden from `viewer`, a staff id):
// awaiting a decision (sent, oldest first), or decided (newest first), at most `limit`.
std::vector<enforcement::RecallListEntry> ListRecallRequests(store::Db& db, int64_t viewer,
                                                             bool decided, int limit);

}  // namespace probity::app
