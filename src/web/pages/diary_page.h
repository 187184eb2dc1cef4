// My diary (GET /diary?from=YYYY-MM-DD&view=day|week): the signed-in practitioner's booked
// appointments on a UK day (default today), or in the week from the Monday on or before that day,
// each with its time, the person (CRN and name, linking to them), type, place and state, and a
// "Record outcome" link while it awaits one; links to the day or week before and after.
// Rearranged appointments, and people restricted from or excluding the viewer, are left out
// (app::LoadDiary).
#pragma once

#include "web/pages/page.h"
#include "web/router.h"

namespace probity::web::pages {

void AddDiaryPage(Router& router, const Site& site);

}  // namespace probity::web::pages
