// Units declared over capacity (docs/allocation.md "Unit full"): GET /capacity-declarations (every
// declaration in the viewer's PDUs, with the forms to declare and to end one for the head of
// the PDU), POST /capacity-declarations and POST /capacity-declarations/{id}/end. The banner
// the unallocated queue shows comes from DeclarationBanners.
#pragma once

#include <nlohmann/json.hpp>

#include "web/pages/page.h"
#include "web/router.h"

namespace probity::web::pages {

void AddUnitFullPages(Router& router, const Site& site);

// The declarations in force today that cover `who`'s teams or PDU, for a banner: [{unit, since,
// until, reason, suspended_work}].
nlohmann::json DeclarationBanners(const Site& site, const access::Principal& who);

}  // namespace probity::web::pages
