// The allocation page (issue 10, item 5; docs/allocation.md "Recommendations"): for a case, the
// practitioners of its team ranked by app::RecommendFor with each one's capacity now and after
// taking it and the reasons, and the form an SPO allocates with, which asks why when the choice
// goes past 100%. Linked from each row of the unallocated queue.
#pragma once

#include "web/pages/page.h"

namespace probity::web::pages {

void AddAllocatePage(Router& router, const Site& site);

}  // namespace probity::web::pages
