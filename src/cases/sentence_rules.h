// The rules for sentences, their requirements and licence conditions (DESIGN section 2): what a
// new sentence must say for its kind, when its expected end falls, and which changes a sentence,
// requirement or condition may take in its present state. Pure: values in, values out; today
// arrives as a value. Never reads the clock or the database, never knows versions (the store and
// the use cases check those).
//
// Each check returns the record to store, complete (unit, status, expected end filled in), or an
// Error: kInvalid naming the one field at fault for bad input; kConflict when the record's state
// refuses the change (a terminated sentence takes no requirement, an ended requirement no
// progress).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "cases/model.h"
#include "core/date.h"
#include "core/result.h"

namespace probity::cases {

// What adding a sentence takes.
struct NewSentence {
  std::string kind;  // SentenceKinds()
  std::string court;
  std::string offence;
  std::string offence_group;  // OffenceGroups()
  std::string sentence_date;
  int length_months = 0;
  std::optional<std::string> release_date;  // licence and PSS: required; orders: refused
  std::optional<std::string> licence_end;   // licence: required; PSS: optional; orders: refused
  std::optional<std::string> expected_end;  // PSS only: overrides release + 12 months
  std::optional<std::string> custody_type;  // licence and PSS: optional; orders: refused
};

// Length limits, in months. Every sentence: 1 to kMaxSentenceMonths. A community order runs at
// most 3 years and a suspended sentence order's supervision period at most 2.
inline constexpr int kMaxSentenceMonths = 600;
inline constexpr int kMaxCommunityOrderMonths = 36;
inline constexpr int kMaxSuspendedSentenceOrderMonths = 24;
// Post-sentence supervision runs to 12 months after release unless the court says otherwise.
inline constexpr int kPssMonthsAfterRelease = 12;

// The day a sentence is expected to end: community and suspended sentence orders, the sentence
// date plus the length in months (AddMonths); a licence, its licence end; PSS, the expected end
// given, else the release date plus 12 months. nullopt when a date it needs is absent or not a
// real date (CheckNewSentence has refused those).
std::optional<std::string> ExpectedEnd(const NewSentence& sentence);

// Checks a new sentence against `today` and its kind's rules; returns it as stored (status
// active, expected_end computed, version 1). kInvalid naming the field:
//   kind, offence_group: codes from SentenceKinds() and OffenceGroups();
//   court, offence: text of 1 to 200 characters;
//   sentence_date: a real date, not after today;
//   length_months: 1 to 600; at most 36 for a community order, 24 for a suspended sentence order;
//   release_date: required for a licence or PSS, not before the sentence date; refused on an order;
//   licence_end: required for a licence and after its release date; optional on PSS (after the
//     release date, not after the expected end); refused on an order;
//   expected_end: PSS only, after the release date;
//   custody_type: licence and PSS only, a code from CustodyTypes().
Result<Sentence> CheckNewSentence(const NewSentence& sentence, Date today);

// The sentence terminated on `terminated_on` for `reason` (TerminationReasons()). kConflict
// "sentence_not_active" when it already ended; kInvalid terminated_on (not a date, before the
// sentence date or after today) or reason.
Result<Sentence> TerminateSentence(const Sentence& sentence, const std::string& terminated_on,
                                   const std::string& reason, Date today);

// What adding a requirement takes.
struct NewRequirement {
  std::string type;  // RequirementTypes()
  int amount = 0;    // in RequirementUnit(type)
  std::string start_date;
};

// The most a requirement of `type` may ask for, in its unit: unpaid work 300 hours, rehabilitation
// activity 400 days, anything else 600.
int MaxRequirementAmount(std::string_view type);

// Checks a requirement for `sentence`; returns it as stored (unit from RequirementUnit, progress
// 0, status active). kConflict "sentence_not_active" on a terminated sentence; kInvalid:
//   sentence_id: the sentence is a licence or PSS, which take licence conditions instead;
//   type: a code from RequirementTypes();
//   amount: 1 to MaxRequirementAmount(type);
//   start_date: a real date, not before the sentence date, not after today.
Result<Requirement> CheckNewRequirement(const Sentence& sentence, const NewRequirement& requirement,
                                        Date today);

// The requirement with progress set to `progress` (the new total, not an increment). Reaching the
// amount completes it: status completed, end_date today, end_reason "completed". kConflict
// "requirement_not_active" when it has ended; kInvalid progress when outside 0..amount, or
// "no_change" when it is already the progress recorded.
Result<Requirement> RecordProgress(const Requirement& requirement, int progress, Date today);

// The requirement ended on `end_date` for `reason` (RequirementEndReasons()): status completed
// for "completed", else terminated. kConflict "requirement_not_active"; kInvalid end_date (not a
// date, before the start, after today) or reason.
Result<Requirement> EndRequirement(const Requirement& requirement, const std::string& end_date,
                                   const std::string& reason, Date today);

// What adding a licence condition takes.
struct NewLicenceCondition {
  std::string type;  // LicenceConditionTypes()
  std::string description;
  std::optional<std::string> start_date;  // default: the sentence's release date
};

// Checks a licence condition for `sentence`; returns it as stored. kConflict
// "sentence_not_active" on a terminated sentence; kInvalid:
//   sentence_id: the sentence is an order, which takes requirements instead;
//   type: a code from LicenceConditionTypes();
//   description: 1 to 2000 characters, line breaks allowed;
//   start_date: a real date, not before the release date (it may be after today: conditions are
//     often set before release).
Result<LicenceCondition> CheckNewLicenceCondition(const Sentence& sentence,
                                                  const NewLicenceCondition& condition);

// The condition ended on `end_date`. kConflict "licence_condition_not_active" when it has ended;
// kInvalid end_date (not a date, before the start, after today; a condition that starts after
// today may end on its start date, withdrawn before release).
Result<LicenceCondition> EndLicenceCondition(const LicenceCondition& condition,
                                             const std::string& end_date, Date today);

// What terminating a sentence does to a requirement or condition still active on it: it ends
// with the sentence, on the termination date (or its own start date, if that is later), the
// requirement with reason "sentence_ended" and status terminated. Anything already ended is
// returned unchanged.
Requirement EndWithSentence(const Requirement& requirement, const std::string& terminated_on);
LicenceCondition EndWithSentence(const LicenceCondition& condition,
                                 const std::string& terminated_on);

// Whether a requirement or condition is still running.
inline bool IsActive(const Requirement& requirement) { return requirement.status == "active"; }
inline bool IsActive(const LicenceCondition& condition) { return !condition.end_date.has_value(); }

// Whether a kind of sentence takes requirements (orders) or licence conditions (licence, PSS).
bool TakesRequirements(std::string_view kind);
bool TakesLicenceConditions(std::string_view kind);

}  // namespace probity::cases
