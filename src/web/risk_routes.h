// The JSON API for the risk kept on a case: GET /api/v1/people/{crn}/risk (the tier worked out
// from the record with "why is this case B2?", OGRS3 or why it cannot be scored, RSR, ROSH, MAPPA
// and the histories) and POST /api/v1/people/{crn}/rsr-assessments. Each handler opens the case
// (read, or the write action needs and registrations use), reads the body and calls one use case
// in app/risk.h. No rule and no SQL here.
#pragma once

#include "web/auth.h"
#include "web/router.h"

namespace probity::web {

void AddRiskRoutes(Router& router, const Auth& auth);

}  // namespace probity::web
