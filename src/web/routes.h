// Every route the server offers, in one place, so `probity serve` and the tests build the same
// router. Routes not in PublicRoutes() answer 401 to a request without credentials.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "store/db.h"
#include "web/auth.h"
#include "web/router.h"

namespace probity::web {

void AddApplicationRoutes(Router& router, store::Db& db, const Auth& auth);

// (method, pattern) of the routes anyone may call: probes, the API description, signing in.
const std::vector<std::pair<std::string, std::string>>& PublicRoutes();

}  // namespace probity::web
