// Staff records and account roles over the JSON API: reading staff (administrators all; SPOs and
// senior managers those of the teams access::Decide lets them read) and changing them, given the
// version read (administrators). Handlers parse, ask the policy, call app/staff.h and render;
// no SQL and no rules here.
#pragma once

#include "web/auth.h"
#include "web/router.h"

namespace probity::web {

// GET /api/v1/staff[?team=CODE], GET /api/v1/staff/{id}, PATCH /api/v1/staff/{id},
// PATCH /api/v1/users/{username}.
void AddStaffRoutes(Router& router, const Auth& auth);

}  // namespace probity::web
