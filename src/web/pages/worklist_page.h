// The enforcement worklist (GET /enforcement/worklist): the open alerts over the cases the viewer
// may enforce on, by due date, overdue ones marked, filtered by team, officer and "overdue only"
// through the query string (so a filtered list is a link to share), a page at a time by a keyset
// cursor. Restricted and excluded cases are absent. Practitioners, SPOs, senior managers and
// enforcement administrators see it; anyone else, the recall team included, gets 403.
#pragma once

#include "web/pages/page.h"
#include "web/router.h"

namespace probity::web::pages {

void AddWorklistPage(Router& router, const Site& site);

// The page for `who`, outside HTTP routing: for the benchmark.
Result<Response> WorklistPage(const Site& site, const Request& request,
                              const access::Principal& who);

}  // namespace probity::web::pages
