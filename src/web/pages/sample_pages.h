// Inspection samples' pages (docs/inspection-samples.md): GET /reports/samples (the samples the
// viewer may see, and the form to draw one for those who draw), POST /reports/samples (draw and
// record), GET /reports/samples/{id} (the cases with replacements and their reasons, the seed
// and how to draw it again, the verification) and POST /reports/samples/{id}/replacements.
#pragma once

#include "web/pages/page.h"
#include "web/router.h"

namespace probity::web::pages {

void AddSamplePages(Router& router, const Site& site);

}  // namespace probity::web::pages
