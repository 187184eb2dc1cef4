// The performance pages (issue 12, item 5): GET /reports (each KPI for a period and a unit as a
// card: the rate, the count out of the count, the definition, the breakdown as an SVG chart
// (reporting/chart.h) with a table of the same figures, and where the figures came from so
// anyone can recompute them), GET /reports/kpi/{code} (the items behind one figure) and
// GET /reports/integrity (the integrity report). All three share one GET form: from and to as
// YYYY-MM-DD and a unit chooser holding only the units the viewer may see. The figures come from
// app::KpiReportFor and app::IntegrityReportFor; these pages compute nothing themselves.
#pragma once

#include "access/model.h"
#include "web/pages/page.h"
#include "web/router.h"

namespace probity::web::pages {

void AddReportPages(Router& router, const Site& site);

// Whether the navigation offers "Performance": to everyone with figures of their own (a member
// of staff), and to those who see every unit's.
bool SeesPerformance(const access::Principal& who);

}  // namespace probity::web::pages
