// Signing in and out in the browser: GET / (to the caseload or to sign in), GET and POST
// /sign-in, POST /sign-out. The sign-in form carries its own CSRF token (a cookie matched by a
// field) because there is no session yet to hold one.
#pragma once

#include "web/pages/page.h"
#include "web/router.h"

namespace probity::web::pages {

void AddSignInPages(Router& router, const Site& site);

}  // namespace probity::web::pages
