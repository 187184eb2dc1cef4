// Every HTML page, the assets they use, and the HTML "Page not found" for paths outside /api/.
#pragma once

#include "web/pages/page.h"
#include "web/router.h"

namespace probity::web::pages {

void AddPages(Router& router, const Site& site);

}  // namespace probity::web::pages
