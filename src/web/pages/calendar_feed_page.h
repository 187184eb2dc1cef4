// The signed-in person's calendar feed (app/calendar_feed.h, docs/calendar-feeds.md):
// GET /account/calendar-feed (whether one is live and since when, with the forms),
// POST /account/calendar-feed (issue or replace: the page shows the new address this once, never
// by redirect, so the secret is in no URL but the feed's own) and POST
// /account/calendar-feed/revoke.
#pragma once

#include "web/pages/page.h"
#include "web/router.h"

namespace probity::web::pages {

void AddCalendarFeedPage(Router& router, const Site& site);

}  // namespace probity::web::pages
