// The reports API (issue 12): performance figures and the integrity report as JSON and CSV, the
// same figures the pages show and `probity report` prints (app/report_output.h).
//   GET /api/v1/reports/kpi?from=&to=[&team=|&pdu=|&region=|&staff_id=][&items=true]
//   GET /api/v1/reports/kpi.csv?...[&items=true][&code=CODE]
//   GET /api/v1/reports/kpi/{code}?...   one figure with the items behind it
//   GET /api/v1/reports/integrity?...    and /api/v1/reports/integrity.csv?...
#pragma once

#include "web/auth.h"
#include "web/router.h"

namespace probity::web {

void AddReportRoutes(Router& router, const Auth& auth);

}  // namespace probity::web
