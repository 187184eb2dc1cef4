// Breach proceedings (community sentences: back to court) and recall (licences: back to custody)
// as value types, and the rules of their steps: which step may follow which, who records each,
// when fixed-term recall is refused, and each one as the period the enforcement engine reads
// (enforcement::ProceedingsPeriod). Pure: no store, clock, web or log; `today` arrives as a value.
//
// Step kinds, outcomes and decisions are FROZEN codes: they are stored, sent over the API and
// written into events (see app/proceedings.cc).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "access/model.h"
#include "cases/vocabulary.h"
#include "core/date.h"
#include "core/result.h"
#include "core/time.h"
#include "enforcement/model.h"

namespace probity::enforcement {

// ---- Vocabularies (FROZEN codes with labels) ----

// initiated, summons_issued, warrant_issued, court_listed, outcome_recorded, ended
cases::Vocabulary BreachStepKinds();
// continued, amended, revoked_resentenced, fine, withdrawn
cases::Vocabulary BreachOutcomes();
// requested, spo_endorsed, spo_refused, senior_manager_endorsed, senior_manager_refused,
// sent_to_recall_team, decided, returned_to_custody
cases::Vocabulary RecallStepKinds();
// standard, fixed_term, not_recalled
cases::Vocabulary RecallDecisions();
// (The custodial sentence behind a licence, standard, extended or indeterminate, is
// cases::CustodyTypes(): it is recorded with the sentence.)

// ---- Breach proceedings ----

// One step, never changed once recorded.
struct BreachStep {
  int64_t id = 0;
  std::string kind;                    // BreachStepKinds()
  Date on{};                           // the day it happened (a listing: the day it was listed)
  std::optional<Date> listed_for;      // court_listed: the hearing date
  std::optional<std::string> court;    // court_listed
  std::optional<std::string> outcome;  // outcome_recorded: BreachOutcomes()
  std::string note;
  std::string recorded_by;  // actor id, "staff:12"
  std::string recorded_by_name;
  UtcTime recorded_at{};
  int64_t event_seq = 0;
};

// Breach proceedings as they now stand, with every step oldest first.
struct Breach {
  int64_t id = 0;
  int64_t person_id = 0;
  int64_t sentence_id = 0;
  int64_t decision_id = 0;  // the enforcement decision (breach_initiated) that began it
  std::string status;       // the kind of its latest step
  Date initiated_on{};
  std::optional<Date> ended_on;
  std::optional<std::string> outcome;
  std::optional<Date> next_listing_on;  // the latest listing's hearing date
  std::optional<std::string> court;     // the latest listing's court
  std::string initiated_by;
  UtcTime initiated_at{};
  int version = 1;
  std::vector<BreachStep> steps;
  bool open() const { return !ended_on.has_value(); }
};

// A step someone asks to record. `on` absent: today.
struct BreachStepInput {
  std::string kind;
  std::optional<Date> on;
  std::optional<Date> listed_for;
  std::optional<std::string> court;
  std::optional<std::string> outcome;
  std::string note;
};

// The step to record on `breach`, or why not. kInvalid naming the field: "kind" unknown or
// "initiated" (proceedings are initiated once, by the decision); "on" after today or before the
// latest step; "listed_for" missing or before "on", "court" blank (court_listed); "outcome"
// missing or unknown (outcome_recorded); "note" too long; fields that do not belong to the kind.
// kConflict "proceedings_ended" after the ended step; kConflict "out_of_order" naming what must
// come first: a listing needs a summons or warrant; an outcome needs a listing (except
// withdrawn, which may come at any time before an outcome), on or after the hearing date; one
// outcome only; summons, warrant and listings stop at the outcome; ended needs an outcome.
// Returns the step with `on` resolved and `recorded_by` set; the caller fills the rest.
Result<BreachStep> CheckBreachStep(const Breach& breach, const BreachStepInput& input,
                                   const std::string& by, Date today);
// `breach` after `step`: status, outcome, listing, ended_on. Does not touch version or steps.
Breach ApplyBreachStep(Breach breach, const BreachStep& step);

// ---- Recall ----

struct RecallStep {
  int64_t id = 0;
  std::string kind;  // RecallStepKinds()
  Date on{};
  std::optional<std::string> decision;  // decided: RecallDecisions()
  std::string note;
  std::string recorded_by;
  std::string recorded_by_name;
  UtcTime recorded_at{};
  int64_t event_seq = 0;
};

struct Recall {
  int64_t id = 0;
  int64_t person_id = 0;
  int64_t sentence_id = 0;
  int64_t decision_id = 0;  // the enforcement decision (recall_requested) that began it
  std::string reasons;
  std::string alternatives_tried;
  std::vector<int64_t> conditions_breached;  // licence condition ids
  std::string status;                        // the kind of its latest step
  std::optional<std::string> decision;       // the recall team's
  Date requested_on{};
  std::optional<Date> sent_on;
  std::optional<Date> decided_on;
  std::optional<Date> ended_on;
  std::string requested_by;
  UtcTime requested_at{};
  int version = 1;
  std::vector<RecallStep> steps;
  bool open() const { return !ended_on.has_value(); }
};

// A recall request's own fields. kInvalid naming "reasons" or "alternatives_tried" when blank or
// over 4000 characters, "conditions_breached" when empty, repeated, or naming an id not in
// `sentence_conditions` (the licence conditions of the sentence recalled).
Status CheckRecallRequest(const std::string& reasons, const std::string& alternatives_tried,
                          const std::vector<int64_t>& conditions_breached,
                          const std::vector<int64_t>& sentence_conditions);

// What decides whether fixed-term recall is open: the person's active registrations and the
// custodial sentence behind the licence.
struct FixedTermFacts {
  std::optional<int> mappa_level;           // the active MAPPA registration's level
  bool terrorism = false;                   // an active "terrorism" registration
  std::optional<std::string> custody_type;  // cases::CustodyTypes(); nullopt: not recorded
};
struct FixedTermBar {
  std::string code;    // mappa_level, terrorism, extended_sentence, indeterminate_sentence
  std::string reason;  // for a person: "managed at MAPPA level 2"
};
// Why fixed-term recall is not allowed, or nullopt when it is: an indeterminate sentence, an
// extended sentence, a terrorism-related registration, or MAPPA level 2 or 3 (in that order;
// the first that applies).
std::optional<FixedTermBar> FixedTermRefusal(const FixedTermFacts& facts);

struct RecallStepInput {
  std::string kind;
  std::optional<Date> on;
  std::optional<std::string> decision;
  std::string note;
};

// The step to record on `recall`, or why not. kInvalid naming the field: "kind" unknown or
// "requested" (a recall is requested once, by the decision); "on" after today or before the
// latest step; "decision" missing or unknown (decided) or given for another kind; "note" blank
// where a reason is owed (a refused endorsement, a decision) or too long; kInvalid
// "fixed_term_not_allowed" (field "decision") with FixedTermRefusal's reason.
// kConflict "proceedings_ended" once ended (refused, not recalled, returned to custody);
// kConflict "out_of_order" naming what must come first: the SPO's endorsement before the senior
// manager's, both before sending, the decision only once sent, the return to custody only after
// a standard or fixed-term decision. kForbidden "own_request" when the endorser made the request
// or (senior manager) endorsed it as SPO.
Result<RecallStep> CheckRecallStep(const Recall& recall, const RecallStepInput& input,
                                   const FixedTermFacts& facts, const std::string& by, Date today);
// `recall` after `step`: status, decision, sent_on, decided_on, ended_on.
Recall ApplyRecallStep(Recall recall, const RecallStep& step);

// ---- What may follow now (for forms: the rules above, asked of each step in turn) ----

// The step kinds CheckBreachStep would take next on `breach`, in BreachStepKinds() order: each
// it does not refuse as out of order or ended, given suitable fields and date. Empty once ended.
std::vector<std::string> NextBreachSteps(const Breach& breach);
// The outcomes an outcome step may record next: only withdrawn before a listing, every outcome
// after one, none once an outcome is recorded or the proceedings ended.
std::vector<std::string> NextBreachOutcomes(const Breach& breach);
// The step kinds CheckRecallStep would take next from `by` (an actor id) on `recall`, in
// RecallStepKinds() order: not out of order, not ended, not an endorsement of their own request
// (or, for a senior manager, of the one they endorsed as SPO). Roles are MayRecordRecallStep's.
std::vector<std::string> NextRecallSteps(const Recall& recall, const std::string& by);

// ---- Who records which step (on top of the case's access::Decide) ----

// Breach steps: any role with enforcement reach but the recall team (kForbidden
// "recall_team_only_recalls").
Status MayRecordBreachStep(access::Role role);
// spo_*: an SPO; senior_manager_*: a senior manager; decided and returned_to_custody: the recall
// team; sent_to_recall_team: anyone but the recall team. kForbidden "wrong_role" otherwise.
Status MayRecordRecallStep(access::Role role, std::string_view kind);

// ---- What the engine reads ----

// Breach: initiated_on .. ended_on. Recall: requested_on .. the day it ended (a refused
// endorsement, a not-recalled decision, or the return to custody).
ProceedingsPeriod ToPeriod(const Breach& breach);
ProceedingsPeriod ToPeriod(const Recall& recall);

}  // namespace probity::enforcement
