// People on probation over HTTP: register, search, the person's record and its parts, the
// caller's caseload, the unallocated queue and allocation. Every case route opens the case
// through web/case_gate.h, so policy and the restricted-case access log apply to each.
#pragma once

#include "web/auth.h"
#include "web/router.h"

namespace probity::web {

void AddPeopleRoutes(Router& router, const Auth& auth);

}  // namespace probity::web
