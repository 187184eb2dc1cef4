// The JSON API for units declared over capacity (app/unit_full.h): GET and POST
// /api/v1/capacity-declarations and POST /api/v1/capacity-declarations/{id}/end. DeclarationJson
// is shared with the pages.
#pragma once

#include <nlohmann/json.hpp>

#include "web/auth.h"
#include "web/router.h"
#include "workload/declaration.h"

namespace probity::web {

nlohmann::json DeclarationJson(const workload::Declaration& d, Date today);

void AddUnitFullRoutes(Router& router, const Auth& auth);

}  // namespace probity::web
