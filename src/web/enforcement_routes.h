// The JSON API for enforcement: a person's sentences as the engine sees them, decisions on
// failures and their countersignature, endorsement or declining, the worklist, and the policy.
#pragma once

#include "web/auth.h"
#include "web/router.h"

namespace probity::web {

void AddEnforcementRoutes(Router& router, const Auth& auth);

}  // namespace probity::web
