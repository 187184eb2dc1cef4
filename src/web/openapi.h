// The OpenAPI document compiled into the program (api/openapi.json) and the check that it and a
// router agree, so every route set can be tested against the document the same way.
// Never edits the document or serves it: system_routes.cc serves it.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/result.h"
#include "web/router.h"

namespace probity::web {

// The embedded api/openapi.json, parsed. kInternal "openapi_invalid" when it is missing, not
// JSON, or has no "paths" object: a broken build, so callers fail at startup.
Result<nlohmann::json> LoadOpenApi();

// "GET /api/v1/people/{crn}" for each route the document's paths do not describe (OpenAPI uses
// the same {param} syntax and lower-case methods). Empty when all are documented.
std::vector<std::string> UndocumentedRoutes(const std::vector<RouteInfo>& routes,
                                            const nlohmann::json& doc);

// "GET /x" for each operation in the document that no route in `routes` serves.
std::vector<std::string> UnservedOperations(const std::vector<RouteInfo>& routes,
                                            const nlohmann::json& doc);

}  // namespace probity::web
