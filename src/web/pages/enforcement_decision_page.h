// The form to record an enforcement decision on a failure (GET and POST
// /people/{crn}/enforcement/decisions/new?sentence=ID&appointment=ID): the failure and its alert on
// top, radios for the decisions the alert allows (enforcement::AllowedDecisions), a rationale
// (required for a decision not to enforce), a response date for further information, and for a
// recall request its reasons, the alternatives tried and the licence conditions breached. Refused,
// the form comes back with the GOV.UK error summary, keeping what was typed; recorded, the person's
// enforcement tab with a banner (303).
//
// The case is opened for kEnforce (OpenCaseFor); the recall team, analysts and administrators get
// 403. The form never decides what a decision must be: app::RecordDecision and the rules do.
#pragma once

#include "web/pages/page.h"
#include "web/router.h"

namespace probity::web::pages {

void AddDecisionFormPages(Router& router, const Site& site);

}  // namespace probity::web::pages
