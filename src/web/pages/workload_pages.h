// The workload pages (issue 10, item 3; docs/workload.md): my workload and any member of staff's
// (figure, breakdown, reductions, court reports, the trend by week, with the forms that change
// them), and the team, PDU and region dashboards: capacity by practitioner and the unit's trend as
// server-rendered SVG charts (workload/chart.h), each with a table of the same figures.
#pragma once

#include "web/pages/page.h"

namespace probity::web::pages {

void AddWorkloadPages(Router& router, const Site& site);

}  // namespace probity::web::pages
