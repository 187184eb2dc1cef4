// SQL for the timeline: contacts and the system's entries for domain events, and amendments of
// contacts. Runs inside the caller's Transaction; never commits.
#pragma once

#include <optional>
#include <vector>

#include "cases/contact_model.h"
#include "cases/model.h"
#include "store/db.h"

namespace probity::cases {

// Appends a timeline row (a contact someone recorded, or a system entry); returns its id.
int64_t InsertContact(store::Transaction& tx, const Contact& contact);

// Points a contact at the event that recorded it. A recorded contact's event names the contact's
// id, so the row is written first and linked here, in the same transaction; nothing else changes
// a timeline row.
void SetContactEvent(store::Transaction& tx, int64_t contact_id, int64_t event_seq);

// One page of a person's timeline, newest first (by `at`, then id), after the query's cursor:
// keyset pagination, so a page costs the same however deep it is. Rows sharing an `at` are
// ordered by id, so a cursor never skips or repeats one. `limit` is clamped to 1..200.
TimelinePage ReadTimeline(store::Transaction& tx, const TimelineQuery& query);

// The person's timeline row with that id; nullopt when there is none or it is another person's.
std::optional<Contact> FindContact(store::Transaction& tx, int64_t person_id, int64_t contact_id);

// True when the sentence exists and is the person's.
bool IsSentenceOf(store::Transaction& tx, int64_t person_id, int64_t sentence_id);

// The amendments of one of the person's contacts, in the order they were made: each
// "contact.amended" timeline row with the reason and corrected note from its event (the truth;
// payload {id, reason, note}) and whoever instructed it (the event's instructed_by).
std::vector<ContactAmendment> LoadAmendments(store::Transaction& tx, int64_t person_id,
                                             int64_t contact_id);

}  // namespace probity::cases
