// GET /api/v1/unallocated/queue: the unallocated queue with what an SPO weighs before allocating
// (app/unallocated.h), as JSON; the page is web/pages/unallocated_page.h. QueueEntryJson is
// shared by both.
#pragma once

#include <nlohmann/json.hpp>

#include "allocation/queue.h"
#include "web/auth.h"
#include "web/router.h"

namespace probity::web {

nlohmann::json QueueEntryJson(const allocation::QueueEntry& e);

void AddUnallocatedRoutes(Router& router, const Auth& auth);

}  // namespace probity::web
