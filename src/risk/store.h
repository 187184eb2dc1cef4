// SQL for risk kept on a case: RSR assessments as recorded, the history of tier changes, the
// current tier on the person (person.tier, the projection), and the facts the tier reads that the
// case record loader does not (whether the person was ever breached or recalled). Runs inside the
// caller's Transaction; never commits, never calculates (risk/tier.h, risk/from_record.h do) and
// never appends an event (app/risk.h does, in the same transaction). rsr_assessment and
// tier_change are append-only (migration 0012): nothing here updates or deletes them.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/time.h"
#include "risk/from_record.h"
#include "store/db.h"

namespace probity::risk {

// An RSR assessment as recorded (the event rsr.recorded is its truth).
struct StoredRsr {
  int64_t id = 0;
  int64_t person_id = 0;
  RsrAssessment assessment;
  std::string recorded_by;  // actor id
  UtcTime recorded_at{};
  int64_t event_seq = 0;
};

// One change of a case's tier (the event tier.changed is its truth).
struct TierChangeRow {
  int64_t id = 0;
  int64_t person_id = 0;
  std::optional<std::string> from_tier;  // nullopt: the case was never tiered before
  std::string to_tier;
  char protect_level = 'D';
  int protect_points = 0;
  int change_level = 0;
  int change_points = 0;
  std::string inputs;     // JSON text: the question (docs/risk.md)
  std::string breakdown;  // JSON text: [{scale, code, label, points}]
  UtcTime calculated_at{};
  int64_t event_seq = 0;
};

int64_t InsertRsr(store::Transaction& tx, const StoredRsr& rsr);
// The latest assessment: latest assessed_on, then the one recorded last. nullopt: none.
std::optional<StoredRsr> LatestRsr(store::Transaction& tx, int64_t person_id);
// Every assessment, newest first (as LatestRsr orders them).
std::vector<StoredRsr> LoadRsrHistory(store::Transaction& tx, int64_t person_id);

int64_t InsertTierChange(store::Transaction& tx, const TierChangeRow& change);
// Newest first.
std::vector<TierChangeRow> LoadTierChanges(store::Transaction& tx, int64_t person_id);

// person.tier, the current tier (nullopt: never tiered).
std::optional<std::string> StoredTier(store::Transaction& tx, int64_t person_id);
void SetStoredTier(store::Transaction& tx, int64_t person_id, const std::string& tier);

// Whether the person has any breach proceedings or recall request, on any sentence, ever.
bool EverBreachedOrRecalled(store::Transaction& tx, int64_t person_id);

// The scale chosen for scoring a person recorded as other or not stated (the event
// risk.scale_chosen is its truth). The latest wins.
struct ScaleChoice {
  int64_t id = 0;
  int64_t person_id = 0;
  Gender scale = Gender::kMale;
  std::string reason;
  std::string chosen_by;       // actor id
  std::string chosen_by_name;  // filled by the caller (cases::ActorName), not stored
  UtcTime chosen_at{};
  int64_t event_seq = 0;
};
int64_t InsertScaleChoice(store::Transaction& tx, const ScaleChoice& choice);
// The latest choice (the highest id); nullopt: none.
std::optional<ScaleChoice> LatestScaleChoice(store::Transaction& tx, int64_t person_id);
std::map<int64_t, Gender> LatestScaleChoiceInRange(store::Transaction& tx, int64_t first_id,
                                                   int64_t last_id);

// For walks over every case, the people with ids from first_id to last_id: the latest assessment
// of each who has one (as LatestRsr), and those ever breached or recalled.
std::map<int64_t, StoredRsr> LatestRsrInRange(store::Transaction& tx, int64_t first_id,
                                              int64_t last_id);
std::set<int64_t> BreachedOrRecalledInRange(store::Transaction& tx, int64_t first_id,
                                            int64_t last_id);

// Every person's id and CRN, by id: what a recalculation of every tier walks.
struct PersonKey {
  int64_t id = 0;
  std::string crn;
};
std::vector<PersonKey> LoadPersonKeys(store::Transaction& tx);

}  // namespace probity::risk
