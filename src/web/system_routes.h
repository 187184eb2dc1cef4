// The routes every deployment has: liveness, readiness and the OpenAPI document.
// Never touches the database itself: readiness asks the check it is given.
#pragma once

#include <functional>

#include "web/router.h"

namespace probity::web {

// Adds:
//   GET /healthz              200 {"status":"ok"}, always (the process serves HTTP)
//   GET /readyz               200 {"status":"ready"} while database_answers() returns true;
//                             503 "database_unavailable" when it returns false or throws
//   GET /api/v1/openapi.json  the embedded api/openapi.json
// `database_answers` is called on handler threads, once per /readyz request, and must be
// thread-safe. Throws std::runtime_error when the embedded document is not valid JSON (a broken
// build: fail at startup, not on first request).
void AddSystemRoutes(Router& router, std::function<bool()> database_answers);

}  // namespace probity::web
