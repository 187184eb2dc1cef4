// The unallocated queue page (GET /unallocated, SPOs and senior managers): every case in reach
// with a current sentence and no responsible officer, most urgent first (app/unallocated.h).
#pragma once

#include "web/pages/page.h"
#include "web/router.h"

namespace probity::web::pages {

void AddUnallocatedPage(Router& router, const Site& site);

}  // namespace probity::web::pages
