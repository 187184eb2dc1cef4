// Every route the server offers, in one place, so `probity serve` and the tests build the same
// router. API routes not in PublicRoutes() answer 401 to a request without credentials; pages
// send the browser to sign in.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "store/db.h"
#include "web/assets.h"
#include "web/auth.h"
#include "web/router.h"

namespace probity::web {

// An empty set of assets that lives for the whole program.
const Assets& NoAssets();

// `assets` (the front-end files the pages link) must outlive the router; none by default.
void AddApplicationRoutes(Router& router, store::Db& db, const Auth& auth,
                          const Assets& assets = NoAssets());

// (method, pattern) of the routes anyone may call: probes, the API description, signing in, the
// assets, the pages that decide for themselves (home, sign-in) and the calendar feeds (their
// secret URL is their authentication).
const std::vector<std::pair<std::string, std::string>>& PublicRoutes();

}  // namespace probity::web
