// SQL for calendar feeds (migration 0018) and the appointments a feed shows. Runs inside the
// caller's Transaction; never commits, never appends an event (app/calendar_feed.h does, in the
// same transaction) and never sees a secret: only its hash.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/time.h"
#include "feeds/model.h"
#include "store/db.h"

namespace probity::feeds {

// Adds a live feed for `staff_id` (any live one must have been revoked first: the partial unique
// index refuses a second); returns its id.
int64_t InsertFeed(store::Transaction& tx, int64_t staff_id, const std::string& secret_hash,
                   const std::string& created_by, UtcTime now);

// Revokes `staff_id`'s live feed, if any; true when there was one.
bool RevokeLiveFeed(store::Transaction& tx, int64_t staff_id, const std::string& revoked_by,
                    UtcTime now);

// `staff_id`'s live feed, or nullopt.
std::optional<FeedRecord> FindLiveFeed(store::Transaction& tx, int64_t staff_id);

// The live feed whose secret hashes to `secret_hash`, with that hash, or nullopt (unknown,
// revoked, or its account disabled: the caller cannot tell which).
struct LiveFeed {
  FeedRecord record;
  std::string secret_hash;
};
std::optional<LiveFeed> FindLiveFeedByHash(store::Transaction& tx, const std::string& secret_hash);

// Every appointment with `staff_id` starting in [from, to), booked or rearranged, whatever case
// it belongs to (a practitioner's own appointments, restricted cases included), by start time,
// with the person's CRN and names and when the appointment last changed.
std::vector<FeedItem> LoadFeedItems(store::Transaction& tx, int64_t staff_id, UtcTime from,
                                    UtcTime to);

}  // namespace probity::feeds
