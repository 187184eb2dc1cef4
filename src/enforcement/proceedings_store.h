// SQL for breach proceedings and recalls: the breach and recall rows as they now stand, their
// append-only steps, the licence conditions a recall names, and the periods the enforcement
// engine reads. Runs inside the caller's Transaction; never commits, never checks a rule
// (enforcement/proceedings.h does) and never appends an event (app/proceedings.h does, in the
// same transaction).
//
// Every lookup by id also takes the person's id: someone else's is not found, exactly like one
// that does not exist.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/result.h"
#include "enforcement/model.h"
#include "enforcement/proceedings.h"
#include "store/db.h"

namespace probity::enforcement {

// ---- For the engine ----

// Every breach and recall of the sentence as a period (ToPeriod), by start date.
std::vector<ProceedingsPeriod> LoadProceedingsPeriods(store::Transaction& tx, int64_t sentence_id);
// The same for every sentence that has any, keyed by sentence id, in one query.
std::unordered_map<int64_t, std::vector<ProceedingsPeriod>> LoadAllProceedingsPeriods(
    store::Transaction& tx);

// ---- Breach ----

// Inserts the breach as given (id, steps and version ignored; version 1); returns its id.
int64_t InsertBreach(store::Transaction& tx, const Breach& breach);
// Appends a step (its id ignored); returns its id.
int64_t InsertBreachStep(store::Transaction& tx, int64_t breach_id, const BreachStep& step);
// Writes `after`'s status, outcome, listing and ended_on if the row is still at
// before.version; returns the new version, or kConflict "stale_version" (field "version").
Result<int> UpdateBreach(store::Transaction& tx, const Breach& before, const Breach& after);
// One breach of the person with its steps; nullopt when there is none.
std::optional<Breach> FindBreach(store::Transaction& tx, int64_t person_id, int64_t breach_id);
// All the person's breaches with their steps, newest first.
std::vector<Breach> LoadBreaches(store::Transaction& tx, int64_t person_id);

// ---- Recall ----

int64_t InsertRecall(store::Transaction& tx, const Recall& recall);  // and its conditions
int64_t InsertRecallStep(store::Transaction& tx, int64_t recall_id, const RecallStep& step);
// Writes `after`'s status, decision, sent_on, decided_on and ended_on if still at
// before.version; the new version, or kConflict "stale_version".
Result<int> UpdateRecall(store::Transaction& tx, const Recall& before, const Recall& after);
std::optional<Recall> FindRecall(store::Transaction& tx, int64_t person_id, int64_t recall_id);
// All the person's recalls with their steps and conditions, newest first.
std::vector<Recall> LoadRecalls(store::Transaction& tx, int64_t person_id);

// True when the sentence has a breach or recall not yet ended.
bool HasOpenProceedings(store::Transaction& tx, int64_t sentence_id);

// What decides whether fixed-term recall is open for this person and sentence.
FixedTermFacts LoadFixedTermFacts(store::Transaction& tx, int64_t person_id, int64_t sentence_id);

// The recall team's list: recalls sent to them, with the person's CRN and name, restricted and
// excluded cases hidden from `viewer` (a staff id). `decided` false: sent and awaiting a
// decision, oldest sent first; true: decided (ended or awaiting the return to custody), most
// recently decided first. At most `limit` rows.
struct RecallListEntry {
  Recall recall;  // without steps
  std::string crn;
  std::string first_name;
  std::string last_name;
  std::string sentence_kind;
};
std::vector<RecallListEntry> LoadRecallList(store::Transaction& tx, int64_t viewer, bool decided,
                                            int limit);

}  // namespace probity::enforcement
