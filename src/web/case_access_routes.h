// Restricted cases over HTTP: a case's exclusion and restriction lists, and the log of every
// read of a restricted case, which administrators view and export as CSV.
#pragma once

#include "web/auth.h"
#include "web/router.h"

namespace probity::web {

void AddCaseAccessRoutes(Router& router, const Auth& auth);

}  // namespace probity::web
