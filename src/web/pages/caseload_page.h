// GET /caseload: the signed-in practitioner's own cases, or with "scope=all" every case they may
// see; searchable by name or CRN, in name order, a page at a time by cursor. The table is
// sortable in the browser (MoJ sortable table) and complete without JavaScript.
#pragma once

#include "web/pages/page.h"
#include "web/router.h"

namespace probity::web::pages {

void AddCaseloadPage(Router& router, const Site& site);

// The page's HTML for `who` and the query string values, outside HTTP: for the benchmark.
Result<Response> CaseloadPage(const Site& site, const Request& request,
                              const access::Principal& who);

}  // namespace probity::web::pages
