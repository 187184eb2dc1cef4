// A person's risk and tier pages (issue 9): the panel (GET /people/{crn}/risk: the tier the record
// gives today and "why is this case B2?", OGRS3 or why it cannot be scored, RSR, ROSH, MAPPA, the
// latest needs, and the histories of the tier and of RSR) and the two forms that feed it: an RSR
// from an assessment (/people/{crn}/rsr-assessments/new) and a needs assessment
// (/people/{crn}/needs-assessments/new). Each form calls the use case the API calls, which
// recalculates the tier in the same transaction.
#pragma once

#include "web/pages/page.h"
#include "web/router.h"

namespace probity::web::pages {

void AddRiskPages(Router& router, const Site& site);

}  // namespace probity::web::pages
