// The enforcement engine: a pure function from one sentence's facts, the policy, the working
// calendar and today to the count of unacceptable failures in the window, the stage and every
// alert with its due date and state. Storage and use cases call it and keep what it answers
// (app/enforcement.h); nothing here reads a clock or a database, so every figure can be
// recomputed from the event log by running it again.
//
// The rules (DESIGN section 5; docs/enforcement.md says why):
// - Failures count once per UK calendar day, since the later of the sentence's start and the end
//   of the last proceedings that ended before that day, within the window (the months before
//   the day, exclusive of the day exactly window_months earlier).
// - Every counted failure raises its own alert: a warning or compliance letter before the
//   decision point, a decision at or past it. No alert is suppressed by an earlier one or by
//   proceedings under way; a failure during proceedings is marked as evidence for them.
// - Each failure is judged under the policy version in force on its day; an alert is due that
//   many working days after the failure.
// - A decision closes the alert it answers, except: not enforced closes it only once countersigned
//   (and endorsed, for the second and later such decision on the sentence); further information
//   keeps it open, due on the response date; a declined decision does nothing.
#pragma once

#include <vector>

#include "calendar/working_days.h"
#include "enforcement/model.h"

namespace probity::enforcement {

Evaluation Evaluate(const SentenceFacts& facts, const Policy& policy,
                    const calendar::WorkingCalendar& calendar, Date today);

// Whether a not-enforced decision needs a senior manager's endorsement: it is the second or later
// not-enforced decision on the sentence (declined ones aside), in the order they were made.
bool NeedsEndorsement(const std::vector<Decision>& decisions, int64_t decision_id);

}  // namespace probity::enforcement
