// SQL for the timeline: contacts and the system's entries for domain events. Runs inside the
// caller's Transaction; never commits.
#pragma once

#include "cases/model.h"
#include "store/db.h"

namespace probity::cases {

// Appends a timeline row (a contact someone recorded, or a system entry); returns its id.
int64_t InsertContact(store::Transaction& tx, const Contact& contact);

// One page of a person's timeline, newest first (by `at`, then id), after the query's cursor:
// keyset pagination, so a page costs the same however deep it is.
TimelinePage ReadTimeline(store::Transaction& tx, const TimelineQuery& query);

}  // namespace probity::cases
