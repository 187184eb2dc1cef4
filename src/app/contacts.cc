#include "app/contacts.h"

#include <nlohmann/json.hpp>

#include "access/store.h"
#include "app/case_events.h"
#include "cases/contact_rules.h"
#include "cases/store.h"
#include "cases/timeline_store.h"

namespace probity::app {

// FROZEN event kinds and payload fields (they are in the hash chain), subject: the CRN.
//   contact.recorded  {id, type, at, note, note_length, sentence_id}
//       id: the contact's timeline row; at: FormatUtc; note_length: in characters (code points);
//       sentence_id: a number or null. The note itself is in the payload as well as in the row:
//       the log is the truth, and reports and projections must be recomputable from it alone.
//   contact.amended   {id, reason, note}
//       id: the contact corrected; note: the corrected text in full. The event's instructed_by
//       names whoever directed the amendment. Its timeline row (type "contact.amended", system)
//       points at this event by event_seq.

namespace {
using nlohmann::json;

Error NoSuchContact(int64_t id) {
  return Error::NotFound("not_found", "this person has no contact " + std::to_string(id));
}
}  // namespace

Result<cases::Contact> RecordContact(store::Db& db, const store::Actor& by, const CaseRef& on,
                                     const cases::NewContact& in, UtcTime now) {
  if (auto s = cases::CheckNewContact(in, now); !s) return s.error();
  auto tx = db.BeginWrite();
  if (in.sentence_id && !cases::IsSentenceOf(tx, on.person_id, *in.sentence_id))
    return Error::Invalid(
        "unknown_sentence",
        "sentence " + std::to_string(*in.sentence_id) + " is not one of this person's sentences",
        "sentence_id");
  cases::Contact contact;
  contact.person_id = on.person_id;
  contact.type = in.type;
  contact.at = in.at.value_or(now);
  contact.author = by.id;
  contact.author_name = cases::ActorName(tx, by.id);
  contact.note = in.note;
  contact.sentence_id = in.sentence_id;
  contact.system = false;
  contact.recorded_at = now;
  contact.id = cases::InsertContact(tx, contact);
  const json payload = {{"id", contact.id},
                        {"type", contact.type},
                        {"at", FormatUtc(contact.at)},
                        {"note", contact.note},
                        {"note_length", cases::CountCharacters(contact.note)},
                        {"sentence_id", in.sentence_id ? json(*in.sentence_id) : json(nullptr)}};
  const auto event = store::AppendEvent(tx, by, {on.crn, "contact.recorded", payload}, now);
  cases::SetContactEvent(tx, contact.id, event.seq);
  contact.event_seq = event.seq;
  tx.Commit();
  return contact;
}

Result<cases::ContactAmendment> AmendContact(store::Db& db, const store::Actor& by,
                                             const CaseRef& on, int64_t contact_id,
                                             const std::string& note, const std::string& reason,
                                             const std::optional<std::string>& instructed_by,
                                             UtcTime now) {
  auto tx = db.BeginWrite();
  auto original = cases::FindContact(tx, on.person_id, contact_id);
  if (!original) return NoSuchContact(contact_id);
  if (original->system)
    return Error::Invalid("system_entry",
                          "this entry records a change to the case and cannot be amended; to "
                          "correct an amendment, amend the original contact again");
  if (auto s = cases::CheckAmendment(note, reason); !s) return s.error();
  auto instructed = InstructedActor(tx, by, instructed_by);
  if (!instructed) return instructed.error();
  const store::Actor& actor = *instructed;
  const json payload = {{"id", contact_id}, {"reason", reason}, {"note", note}};
  const auto event = store::AppendEvent(tx, actor, {on.crn, "contact.amended", payload}, now);

  cases::ContactAmendment amendment;
  auto& entry = amendment.entry;
  entry.person_id = on.person_id;
  entry.type = "contact.amended";
  entry.at = now;
  entry.author = by.id;
  entry.author_name = cases::ActorName(tx, by.id);
  entry.note = cases::AmendmentNote(contact_id, reason, note);
  entry.sentence_id = original->sentence_id;
  entry.system = true;
  entry.event_seq = event.seq;
  entry.recorded_at = now;
  entry.id = cases::InsertContact(tx, entry);
  amendment.contact_id = contact_id;
  amendment.reason = reason;
  amendment.note = note;
  amendment.instructed_by = actor.instructed_by;
  if (actor.instructed_by)
    amendment.instructed_by_name = cases::ActorName(tx, *actor.instructed_by);
  tx.Commit();
  return amendment;
}

Result<cases::ContactDetail> LoadContact(store::Db& db, const CaseRef& on, int64_t contact_id) {
  auto tx = db.BeginRead();
  auto contact = cases::FindContact(tx, on.person_id, contact_id);
  if (!contact) return NoSuchContact(contact_id);
  cases::ContactDetail detail{*contact, cases::LoadAmendments(tx, on.person_id, contact_id)};
  for (auto& a : detail.amendments)
    if (a.instructed_by) a.instructed_by_name = cases::ActorName(tx, *a.instructed_by);
  return detail;
}

cases::TimelinePage LoadTimeline(store::Db& db, const CaseRef& on, cases::TimelineQuery query) {
  query.person_id = on.person_id;
  auto tx = db.BeginRead();
  return cases::ReadTimeline(tx, query);
}

}  // namespace probity::app
