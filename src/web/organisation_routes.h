// The organisation and accounts over the JSON API: reading the structure (anyone signed in),
// creating and changing it and its accounts (administrators). Handlers parse, ask the policy,
// call a use case and map its result; no SQL and no rules here.
#pragma once

#include "web/auth.h"
#include "web/router.h"

namespace probity::web {

void AddOrganisationRoutes(Router& router, const Auth& auth);

}  // namespace probity::web
