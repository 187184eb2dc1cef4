// A practitioner's private calendar feed (DESIGN section 8, docs/calendar-feeds.md): issuing its
// secret (shown once), revoking it, and the feed a secret opens. The secret is the feed's only
// authentication, so it is never stored, logged or put in an event: only its hash is kept. Event
// kinds and payload fields are FROZEN: see calendar_feed.cc.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "access/model.h"
#include "core/result.h"
#include "core/time.h"
#include "feeds/model.h"
#include "store/db.h"

namespace probity::app {

// The feed window: appointments starting from this many days before now to this many after.
inline constexpr int kFeedDaysBack = 90;
inline constexpr int kFeedDaysAhead = 365;

struct IssuedFeed {
  std::string secret;  // the only time it is available: the caller shows it, then forgets it
  feeds::FeedRecord record;
  bool replaced = false;  // a live feed was revoked to make way for this one
};

// Issues a new secret for `who`'s own feed, revoking their live one (its URL stops working at
// once). Never fails for a signed-in member of staff.
IssuedFeed IssueCalendarFeed(store::Db& db, const access::Principal& who, UtcTime now);

// Revokes `who`'s live feed: its URL answers "not found" from the commit on. kNotFound "no_feed"
// when they have none.
Status RevokeCalendarFeed(store::Db& db, const access::Principal& who, UtcTime now);

// `who`'s live feed (never its secret), or nullopt.
std::optional<feeds::FeedRecord> FindCalendarFeed(store::Db& db, const access::Principal& who);

// The iCalendar text of the feed `secret` opens: every appointment with its member of staff
// starting from kFeedDaysBack days before `now` to kFeedDaysAhead after, rearranged ones as
// cancelled. kNotFound "not_found" for a secret that is malformed, unknown, revoked or whose
// account is disabled, the same error for each so an answer tells nothing about other secrets.
Result<std::string> RenderCalendarFeed(store::Db& db, std::string_view secret, UtcTime now);

}  // namespace probity::app
