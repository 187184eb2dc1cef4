// A practitioner's private calendar feed as value types (DESIGN section 8, docs/calendar-feeds.md):
// the appointments it shows with just enough to say whose they are, and the record of a feed's
// secret. No I/O here; the secret itself is never held, only its hash.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "appointments/model.h"
#include "core/time.h"

namespace probity::feeds {

// One appointment in a feed, with the person it is with. The names are here only so the feed can
// show initials; they never reach the feed itself.
struct FeedItem {
  appointments::Appointment appointment;
  std::string crn;
  std::string first_name;
  std::string last_name;
  // When the appointment last changed (booked, rearranged, an outcome recorded or amended): the
  // event's DTSTAMP, so the same appointments always give the same feed, byte for byte.
  UtcTime changed_at{};
};

// A feed secret as the database keeps it: who it is for, who issued it and when, and whether it
// has been revoked. At most one per member of staff is live (revoked_at absent).
struct FeedRecord {
  int64_t id = 0;
  int64_t staff_id = 0;
  std::string created_by;  // actor id
  UtcTime created_at{};
  std::optional<UtcTime> revoked_at;
  std::optional<std::string> revoked_by;  // actor id
};

}  // namespace probity::feeds
