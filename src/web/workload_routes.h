// The workload API (issue 10; docs/workload.md): live figures of a member of staff and of a team,
// PDU or region, reductions and court reports, the versioned weightings, and recommendations for
// allocating a case. Handlers parse and answer; app/workload.h decides.
#pragma once

#include <nlohmann/json.hpp>

#include "app/workload.h"
#include "web/auth.h"
#include "web/router.h"

namespace probity::web {

// Shared with the pages' tests and the CLI where useful.
nlohmann::json StaffWorkloadJson(const app::StaffWorkload& w);
nlohmann::json RecommendationsJson(const app::Recommendations& r);

void AddWorkloadRoutes(Router& router, const Auth& auth);

}  // namespace probity::web
