// The risk calculators over the JSON API: POST /api/v1/calculators/ogrs3 and
// /api/v1/calculators/tier, for anyone signed in (a session with its CSRF token, or a bearer
// token). Nothing is stored and no case is read: the question carries every fact. The contract,
// shared with `probity calc ogrs3|tier`, is in web/risk_json.h; the rules in risk/.
#pragma once

#include "web/auth.h"
#include "web/router.h"

namespace probity::web {

void AddCalculatorRoutes(Router& router, const Auth& auth);

}  // namespace probity::web
