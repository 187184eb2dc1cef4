// Use cases on contacts and the timeline: record a contact, amend one (a new record; the original
// stays as it was), and read a contact or a page of the timeline. Each write is one transaction
// that validates, writes state and appends its event (kinds and payload fields FROZEN: see
// contacts.cc). Authorisation happens before, in the handler, through app::OpenCase.
#pragma once

#include <optional>
#include <string>

#include "app/case_access.h"
#include "cases/contact_model.h"
#include "cases/model.h"
#include "core/result.h"
#include "core/time.h"
#include "store/db.h"
#include "store/event_log.h"

namespace probity::app {

// Records a contact on the person's timeline, at `in.at` or now, written by `by`.
// kInvalid naming the field: "type", "at" (future beyond 5 minutes' clock skew, or before 1990),
// "note" (cases::CheckNewContact), "sentence_id" (not one of this person's sentences).
// Returns the contact as stored, with its id and event_seq.
Result<cases::Contact> RecordContact(store::Db& db, const store::Actor& by, const CaseRef& on,
                                     const cases::NewContact& in, UtcTime now);

// Corrects a contact's note without touching it: appends "contact.amended" and a new system
// timeline row (cases::AmendmentNote) pointing at it. `instructed_by` is the username of whoever
// directed the change, when not the author; the event records them as its instructed_by.
// kNotFound when the person has no such contact; kInvalid "system_entry" for a system row
// (including an amendment: amend the original again), field "note" or "reason"
// (cases::CheckAmendment), or "instructed_by" (no such account, or the author themselves).
Result<cases::ContactAmendment> AmendContact(store::Db& db, const store::Actor& by,
                                             const CaseRef& on, int64_t contact_id,
                                             const std::string& note, const std::string& reason,
                                             const std::optional<std::string>& instructed_by,
                                             UtcTime now);

// The contact with every amendment, oldest first. kNotFound when the person has no such row.
Result<cases::ContactDetail> LoadContact(store::Db& db, const CaseRef& on, int64_t contact_id);

// A page of the person's timeline (query.person_id is set from `on`).
cases::TimelinePage LoadTimeline(store::Db& db, const CaseRef& on, cases::TimelineQuery query);

}  // namespace probity::app
