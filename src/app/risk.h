// Use cases on the risk kept on a case (issue 9; docs/risk.md "Kept on the case"): the tier
// recalculated from the case record in the transaction of every change to its inputs, RSR
// recorded from an assessment, the risk view of a case, and the recalculation of every tier.
// Event kinds and payload fields are FROZEN: see risk.cc. Authorisation happens before, in the
// handler, through app::OpenCase; these never ask policy.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/case_access.h"
#include "core/result.h"
#include "core/time.h"
#include "risk/decimal.h"
#include "risk/from_record.h"
#include "risk/store.h"
#include "store/db.h"
#include "store/event_log.h"

namespace probity::app {

// Tiers the case from its record in the caller's transaction (as of `now`'s UK day): the case
// record, the latest RSR assessment and whether the person was ever breached or recalled, through
// risk::TierFromRecord and risk::CalculateTier. When the tier differs from person.tier it writes
// a tier_change row, the event tier.changed (with a timeline line) and person.tier; otherwise
// nothing. A case never tiered whose record holds nothing the tier reads but the person's details
// (no sentence, registration, needs, conviction, RSR, breach or recall) is left untiered: a
// person just registered gets no "D0" of their own. Returns the change, or nullopt when the tier is
// unchanged. CalculateTier's kInvalid (a record it cannot tier, such as a MAPPA level outside 1-3)
// is returned, and the caller's transaction must then not commit. person.version is not bumped: the
// tier is derived, not a detail someone edits, and a form on the person's details must not go stale
// because a registration was added.
Result<std::optional<risk::TierChangeRow>> RecalculateTier(store::Transaction& tx,
                                                           const store::Actor& by,
                                                           const CaseRef& on, UtcTime now);

struct RsrInput {
  risk::Decimal percent;
  std::string kind;         // "static" or "dynamic"
  std::string assessed_on;  // YYYY-MM-DD, not after today
  std::string assessed_by;  // the assessor's name
};
// Records an RSR from an assessment (event rsr.recorded, a timeline line), then recalculates the
// tier in the same transaction. kInvalid naming the field: "percent" outside 0-100, "kind" not
// static or dynamic, "assessed_on" not a date or in the future, "assessed_by" empty or too long.
// Returns the new assessment's id.
Result<int64_t> RecordRsrAssessment(store::Db& db, const store::Actor& by, const CaseRef& on,
                                    const RsrInput& in, UtcTime now);

struct ScaleInput {
  std::string scale;   // "male" or "female"
  std::string reason;  // why this scale fits the person
};
// Records the scale to score a person recorded as other or not stated by (event
// risk.scale_chosen, a timeline line; the latest choice wins), then recalculates the tier in the
// same transaction: OGRS3 can then be scored, and the women's scale counts its own factors.
// kInvalid naming "scale" (not male or female) or "reason" (empty or too long); kConflict
// "gender_recorded" for a person recorded as male or female, whose record decides. Returns the
// choice's id.
Result<int64_t> ChooseRiskScale(store::Db& db, const store::Actor& by, const CaseRef& on,
                                const ScaleInput& in, UtcTime now);

// What the risk page and GET /people/{crn}/risk show: the tier worked out live from the record
// (pure and fast) with its explanation, OGRS3 or why it cannot be scored, the latest RSR, the
// current ROSH and MAPPA, and the histories.
struct RiskView {
  cases::Person person;
  std::optional<std::string> stored_tier;  // person.tier
  risk::Tier tier;                         // as the record gives it today
  risk::TierQuestion question;
  risk::TierExplanation explanation;
  std::optional<risk::StoredRsr> rsr;             // the latest
  std::vector<cases::Need> needs;                 // the latest of each need assessed, any area
  std::vector<risk::TierChangeRow> history;       // newest first
  std::vector<risk::StoredRsr> rsr_history;       // newest first
  std::optional<risk::ScaleChoice> scale_choice;  // the latest, with the chooser's name
};
// kInvalid as CalculateTier when the record cannot be tiered.
Result<RiskView> GetRisk(store::Db& db, const CaseRef& on, UtcTime now);

struct TierRun {
  int64_t people = 0;
  int64_t changed = 0;
  int64_t refused = 0;       // records CalculateTier could not tier (left as they were)
  double read_seconds = 0;   // reading the records
  double write_seconds = 0;  // tiering them and writing the changes
};
// Recalculates every person's tier as RecalculateTier does (an event only where the tier
// changes), 2,000 people per write transaction, each range's records read in a few queries
// (cases::LoadScoringRecords) rather than a dozen a person. After a bulk load (gen-data writes
// tiers of its own) this brings every person.tier to what the record gives; run nightly
// (`probity risk recalculate`), it records the changes time alone makes (a registration's end
// date passing, a sentence starting).
TierRun RecalculateAllTiers(store::Db& db, const store::Actor& by, UtcTime now);

}  // namespace probity::app
