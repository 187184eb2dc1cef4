// What enforcement accepts: a decision on an alert, countersigning, endorsing or declining a
// decision not to enforce, and a new version of the policy. Pure checks over value types; the
// use cases in app/enforcement.h load the state, call these, then write.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "enforcement/model.h"

namespace probity::enforcement {

// What a practitioner decides on an alert.
struct DecisionInput {
  DecisionKind kind = DecisionKind::kWarningIssued;
  std::string rationale;           // required for not enforced
  std::optional<Date> respond_by;  // further information: required, after today
};

inline constexpr size_t kMaxRationale = 4000;

// The decisions an alert of `kind` on a sentence of `track` allows. Breach and recall begin only
// when none is open (`proceedings_open` false); a failure while one is open is added to it.
std::vector<DecisionKind> AllowedDecisions(AlertKind kind, Track track, bool proceedings_open);

// kConflict "alert_closed" when already answered, "awaiting_countersignature" while a decision
// not to enforce awaits countersignature or endorsement (decline it first); kInvalid naming
// "kind" for a decision the alert does not allow (the message lists those it does),
// "rationale" when blank for not enforced or over kMaxRationale, "respond_by" when missing,
// not after today or over 3 months ahead for further information, or given for another kind.
Status CheckDecision(const Alert& alert, Track track, bool proceedings_open,
                     const DecisionInput& input, Date today);

// Who may answer a decision not to enforce. `decided_by` is the decision's author; `by` the
// caller. kInvalid "not_countersignable" (field "decision") for any other kind; kConflict
// "already_countersigned" / "declined" / "already_endorsed" / "not_countersigned" /
// "endorsement_not_needed"; kForbidden "own_decision" when the caller made it.
Status CheckCountersign(const Decision& d, const std::string& decided_by, const std::string& by);
Status CheckEndorse(const Decision& d, bool needs_endorsement, const std::string& decided_by,
                    const std::string& by);
// Declining needs a note; a decision already fully signed (closed) cannot be declined.
Status CheckDecline(const Decision& d, bool needs_endorsement, const std::string& decided_by,
                    const std::string& by, const std::string& note);

// A new version of the policy. kInvalid naming the field: "decision_at" 1 to 10; "window_months"
// 1 to 36; "due_working_days" 0 to 60 (prefixed "community." or "licence."); "effective_from"
// before today or before the latest version's date (a change never rewrites the past); "reason"
// blank or over 1000 characters.
Status CheckPolicyVersion(const PolicyVersion& v, const Policy& current, Date today);

}  // namespace probity::enforcement
