#include "app/appointments.h"

#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "access/store.h"
#include "app/calendar.h"
#include "app/case_events.h"
#include "app/enforcement.h"
#include "app/room_booking.h"
#include "appointments/rules.h"
#include "appointments/vocabulary.h"
#include "cases/sentence_store.h"
#include "cases/store.h"
#include "core/uk_time.h"

namespace probity::app {

// FROZEN event kinds and payload fields (they are in the hash chain). The subject is the CRN;
// instants are FormatUtc; an absent optional value is null; `version` is the appointment's
// version after the change. Outcome events carry the appointment's start, type, enforceability
// and sentence, so enforcement and reports are recomputable from the log alone.
//   appointment.booked            {id, type, enforceable, starts_at, duration_minutes, office,
//                                  room_id, location, staff_id, sentence_id, requirement_id,
//                                  rearranged_from, open_space, room_reason}
//                                 (office: its code or null; open_space: booked in an open-plan
//                                 or public space, whose reason is room_reason)
//   appointment.rearranged        {id, replacement_id, requested_by, reason, starts_at,
//                                  new_starts_at, version}
//   appointment.outcome_recorded  {id, outcome, judgement, judgement_reason, note, type,
//                                  enforceable, starts_at, sentence_id, version}
//   appointment.outcome_amended   {id, outcome, judgement, judgement_reason, note, reason,
//                                  previous: {outcome, judgement, judgement_reason, note}, type,
//                                  enforceable, starts_at, sentence_id, version}
//                                 The event's instructed_by names whoever directed it.
//   appointment_type.added / appointment_type.changed  {code, label, enforceable, active}
//                                 (subject "appointment_type": reference data, not a case)

namespace {
using appointments::Appointment;
using nlohmann::json;

json OrNull(const std::optional<std::string>& v) { return v ? json(*v) : json(nullptr); }
json OrNull(const std::optional<int64_t>& v) { return v ? json(*v) : json(nullptr); }

Error UnknownAppointment(int64_t id) {
  return Error{ErrorKind::kNotFound, "unknown_appointment",
               "this person has no appointment " + std::to_string(id), "id"};
}

std::optional<int64_t> StaffIdOfActor(const std::string& actor) {
  constexpr std::string_view prefix = "staff:";
  if (!actor.starts_with(prefix)) return std::nullopt;
  try {
    return std::stoll(actor.substr(prefix.size()));
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

std::string Label(cases::Vocabulary vocabulary, std::string_view code) {
  return std::string(cases::LabelOf(vocabulary, code));
}

// "Supervision appointment on 24 November 2026 at 10am"
std::string Describe(const Appointment& a) {
  return a.type_label + " on " + LongDateTime(a.starts_at);
}

std::string DescribePlace(const appointments::Place& p) {
  if (p.location) return *p.location;
  return p.office_name + (p.room_name.empty() ? "" : ", " + p.room_name);
}

// "Failed to attend, acceptable (Illness or injury)"
std::string DescribeOutcome(const std::string& outcome, const std::optional<std::string>& judgement,
                            const std::optional<std::string>& reason) {
  std::string out = Label(appointments::Outcomes(), outcome);
  if (judgement) {
    out += ", " + *judgement;
    if (reason) out += " (" + Label(appointments::AcceptableReasons(), *reason) + ")";
  }
  return out;
}

// Fills in the names of who booked it and who recorded each outcome.
void NameActors(store::Transaction& tx, Appointment& a) {
  std::map<std::string, std::string> names;
  const auto name = [&](const std::string& actor) -> const std::string& {
    auto it = names.find(actor);
    if (it == names.end()) it = names.emplace(actor, cases::ActorName(tx, actor)).first;
    return it->second;
  };
  a.booked_by_name = name(a.booked_by);
  for (auto& o : a.outcomes) {
    o.recorded_by_name = name(o.recorded_by);
    if (o.instructed_by) o.instructed_by_name = name(*o.instructed_by);
  }
}

// kConflict "stale_version": the version now, the changes since the caller's version (from the
// events, the truth) and what the appointment says now.
Error Stale(store::Transaction& tx, const CaseRef& on, const Appointment& now, int expected) {
  std::set<std::string> changes;
  for (const auto& event : store::EventsForSubject(tx, on.crn)) {
    if (!event.kind.starts_with("appointment.")) continue;
    const auto payload = json::parse(event.payload);
    if (payload.value("id", int64_t{0}) != now.id || payload.value("version", 0) <= expected)
      continue;
    if (event.kind == "appointment.rearranged") changes.insert("rearranged");
    if (event.kind == "appointment.outcome_recorded") changes.insert("outcome recorded");
    if (event.kind == "appointment.outcome_amended") changes.insert("outcome amended");
  }
  std::string since;
  for (const auto& c : changes) since += (since.empty() ? "" : ", ") + c;
  std::string state = now.status;
  if (const auto* o = now.current_outcome())
    state += ", " + DescribeOutcome(o->outcome, o->judgement, o->judgement_reason);
  return Error{ErrorKind::kConflict, "stale_version",
               "appointment " + std::to_string(now.id) +
                   " was changed by someone else: you had version " + std::to_string(expected) +
                   ", it is now version " + std::to_string(now.version) +
                   "; changed since: " + (since.empty() ? std::string("nothing recorded") : since) +
                   ". Now: " + state + ". Reload it and make your change again.",
               "version"};
}

// The appointment for a change: this person's, at the version the caller read.
Result<Appointment> LoadForChange(store::Transaction& tx, const CaseRef& on, int64_t id,
                                  int expected_version) {
  auto found = appointments::FindAppointment(tx, on.person_id, id);
  if (!found) return UnknownAppointment(id);
  if (found->version != expected_version) return Stale(tx, on, *found, expected_version);
  return std::move(*found);
}

// Resolves an office into a place. kInvalid "unknown_office" naming "office". The room is
// ReserveRoom's to check, under the office's lock.
Result<appointments::Place> ResolvePlace(store::Transaction& tx, const std::string& office_code) {
  auto place = appointments::FindOffice(tx, office_code);
  if (!place)
    return Error::Invalid("unknown_office", "there is no office with code " + office_code,
                          "office");
  return *place;
}

// The staff member an appointment is with: the named account's, or the booker's.
Result<std::pair<int64_t, std::string>> ResolveStaff(store::Transaction& tx, const store::Actor& by,
                                                     const std::optional<std::string>& username) {
  if (username) {
    auto account = access::FindAccount(tx, *username);
    if (!account)
      return Error::Invalid("unknown_user", "there is no account " + *username, "with_username");
    const int64_t id = account->account.staff_id;
    return std::make_pair(id, cases::ActorName(tx, "staff:" + std::to_string(id)));
  }
  auto id = StaffIdOfActor(by.id);
  if (!id)
    return Error::Invalid("missing_field", "say which member of staff the appointment is with",
                          "with_username");
  return std::make_pair(*id, cases::ActorName(tx, by.id));
}

json BookedPayload(const Appointment& a) {
  return {{"id", a.id},
          {"type", a.type},
          {"enforceable", a.enforceable},
          {"starts_at", FormatUtc(a.starts_at)},
          {"duration_minutes", a.duration_minutes},
          {"office", a.place.office_id ? json(a.place.office_code) : json(nullptr)},
          {"room_id", OrNull(a.place.room_id)},
          {"location", OrNull(a.place.location)},
          {"staff_id", a.staff_id},
          {"sentence_id", OrNull(a.sentence_id)},
          {"requirement_id", OrNull(a.requirement_id)},
          {"rearranged_from", OrNull(a.rearranged_from)},
          {"open_space", a.place.open_space},
          {"room_reason", OrNull(a.place.room_reason)}};
}

json OutcomePayload(const Appointment& a, const appointments::OutcomeInput& in, int version) {
  return {{"id", a.id},
          {"outcome", in.outcome},
          {"judgement", OrNull(in.judgement)},
          {"judgement_reason", OrNull(in.judgement_reason)},
          {"note", in.note},
          {"type", a.type},
          {"enforceable", a.enforceable},
          {"starts_at", FormatUtc(a.starts_at)},
          {"sentence_id", OrNull(a.sentence_id)},
          {"version", version}};
}

appointments::Outcome OutcomeRow(const appointments::OutcomeInput& in, const std::string& by,
                                 UtcTime now, int64_t event_seq,
                                 const std::optional<std::string>& amendment_reason,
                                 const std::optional<std::string>& instructed_by) {
  appointments::Outcome row;
  row.outcome = in.outcome;
  row.judgement = in.judgement;
  row.judgement_reason = in.judgement_reason;
  row.note = in.note;
  row.recorded_by = by;
  row.recorded_at = now;
  row.amendment_reason = amendment_reason;
  row.instructed_by = instructed_by;
  row.event_seq = event_seq;
  return row;
}

// Reads back what was written, as the caller will see it.
Appointment Reload(store::Transaction& tx, const CaseRef& on, int64_t id) {
  auto a = appointments::FindAppointment(tx, on.person_id, id);
  NameActors(tx, *a);
  return std::move(*a);
}
}  // namespace

std::vector<appointments::AppointmentType> ListAppointmentTypes(store::Db& db) {
  auto tx = db.BeginRead();
  return appointments::LoadAppointmentTypes(tx);
}

namespace {
json TypePayload(const appointments::AppointmentType& t) {
  return {
      {"code", t.code}, {"label", t.label}, {"enforceable", t.enforceable}, {"active", t.active}};
}
}  // namespace

Result<appointments::AppointmentType> AddAppointmentType(store::Db& db, const store::Actor& by,
                                                         const appointments::AppointmentType& type,
                                                         UtcTime now) {
  if (auto s = appointments::CheckAppointmentType(type); !s) return s.error();
  auto tx = db.BeginWrite();
  if (auto s = appointments::InsertAppointmentType(tx, type); !s) return s.error();
  store::AppendEvent(tx, by, {"appointment_type", "appointment_type.added", TypePayload(type)},
                     now);
  tx.Commit();
  return type;
}

Result<appointments::AppointmentType> ChangeAppointmentType(store::Db& db, const store::Actor& by,
                                                            const std::string& code,
                                                            const AppointmentTypeChange& change,
                                                            UtcTime now) {
  auto tx = db.BeginWrite();
  auto type = appointments::FindAppointmentType(tx, code);
  if (!type)
    return Error{ErrorKind::kNotFound, "unknown_type", "there is no appointment type " + code,
                 "code"};
  if (change.label) type->label = *change.label;
  if (change.enforceable) type->enforceable = *change.enforceable;
  if (change.active) type->active = *change.active;
  if (auto s = appointments::CheckAppointmentType(*type); !s) return s.error();
  if (auto s = appointments::UpdateAppointmentType(tx, *type); !s) return s.error();
  store::AppendEvent(tx, by, {"appointment_type", "appointment_type.changed", TypePayload(*type)},
                     now);
  tx.Commit();
  return *type;
}

Result<Appointment> BookAppointment(store::Db& db, const store::Actor& by, const CaseRef& on,
                                    const appointments::NewAppointment& in, UtcTime now) {
  auto tx = db.BeginWrite();
  const auto type = appointments::FindAppointmentType(tx, in.type);
  if (auto s = appointments::CheckBooking(in, type, now); !s) return s.error();
  Appointment a;
  a.person_id = on.person_id;
  a.type = type->code;
  a.type_label = type->label;
  a.enforceable = type->enforceable;
  a.starts_at = in.starts_at;
  a.duration_minutes = in.duration_minutes;
  if (in.office_code) {
    auto place = ResolvePlace(tx, *in.office_code);
    if (!place) return place.error();
    a.place = *place;
  } else {
    a.place.location = in.location;
  }
  auto staff = ResolveStaff(tx, by, in.with_username);
  if (!staff) return staff.error();
  std::tie(a.staff_id, a.staff_name) = *staff;
  a.sentence_id = in.sentence_id;
  a.requirement_id = in.requirement_id;
  if (in.requirement_id) {
    auto requirement = cases::FindRequirement(tx, on.person_id, *in.requirement_id);
    if (!requirement || (in.sentence_id && requirement->sentence_id != *in.sentence_id))
      return Error::Invalid("unknown_requirement",
                            "requirement " + std::to_string(*in.requirement_id) +
                                " is not one of this person's" +
                                (in.sentence_id ? " on that sentence" : ""),
                            "requirement_id");
    a.sentence_id = requirement->sentence_id;
  }
  if (a.sentence_id) {
    auto sentence = cases::FindSentence(tx, on.person_id, *a.sentence_id);
    if (!sentence)
      return Error::Invalid(
          "unknown_sentence",
          "sentence " + std::to_string(*a.sentence_id) + " is not one of this person's sentences",
          "sentence_id");
    if (!sentence->current())
      return Error{ErrorKind::kConflict, "sentence_not_active",
                   "sentence " + std::to_string(sentence->id) +
                       " has ended; appointments are booked on current sentences",
                   "sentence_id"};
  }
  if (a.place.office_id) {
    auto room = ReserveRoom(
        tx,
        {*a.place.office_id, a.place.office_name, in.room_id, in.room_id.has_value(),
         in.room_reason, on.person_id, rooms::Span{a.starts_at, a.ends_at()}, std::nullopt},
        now);
    if (!room) return room.error();
    ApplyRoom(a.place, *room, in.room_reason);
  }
  a.booked_by = by.id;
  a.booked_at = now;
  a.id = appointments::InsertAppointment(tx, a);
  RecordCaseEvent(tx, by, on,
                  {"appointment.booked", BookedPayload(a),
                   "Appointment booked: " + Describe(a) + ", " + DescribePlace(a.place) +
                       ", with " + a.staff_name,
                   a.sentence_id},
                  now);
  auto out = Reload(tx, on, a.id);
  tx.Commit();
  return out;
}

Result<Rearranged> RearrangeAppointment(store::Db& db, const store::Actor& by, const CaseRef& on,
                                        int64_t appointment_id,
                                        const appointments::Rearrangement& change,
                                        int expected_version, UtcTime now) {
  auto tx = db.BeginWrite();
  auto original = LoadForChange(tx, on, appointment_id, expected_version);
  if (!original) return original.error();
  if (auto s = appointments::CheckRearrangement(*original, change, now); !s) return s.error();
  Appointment next = *original;
  next.id = 0;
  next.outcomes.clear();
  next.status = "booked";
  next.rearranged_to.reset();
  next.rearrange_requested_by.reset();
  next.rearrange_reason.reset();
  next.rearranged_from = original->id;
  next.starts_at = change.starts_at;
  if (change.duration_minutes) next.duration_minutes = *change.duration_minutes;
  if (change.office_code) {
    auto place = ResolvePlace(tx, *change.office_code);
    if (!place) return place.error();
    next.place = *place;
  } else if (change.location) {
    next.place = {};
    next.place.location = change.location;
  } else if (change.room_id) {
    if (!original->place.office_id)
      return Error::Invalid("conflicting_fields", "a room is in an office: give the office too",
                            "room_id");
    auto place = ResolvePlace(tx, original->place.office_code);
    if (!place) return place.error();
    next.place = *place;
  }
  if (change.with_username) {
    auto staff = ResolveStaff(tx, by, change.with_username);
    if (!staff) return staff.error();
    std::tie(next.staff_id, next.staff_name) = *staff;
  }
  if (next.place.office_id) {
    // Unless a room is named, the replacement keeps its room when it is free then, and takes
    // the most private free room when not; an open space keeps its reason unless given anew.
    const bool same_office = next.place.office_id == original->place.office_id;
    const auto wanted =
        change.room_id ? change.room_id : (same_office ? original->place.room_id : std::nullopt);
    const auto reason = change.room_reason ? change.room_reason : original->place.room_reason;
    auto room = ReserveRoom(
        tx,
        {*next.place.office_id, next.place.office_name, wanted, change.room_id.has_value(), reason,
         on.person_id, rooms::Span{next.starts_at, next.ends_at()}, original->id},
        now);
    if (!room) return room.error();
    ApplyRoom(next.place, *room, reason);
  }
  next.booked_by = by.id;
  next.booked_at = now;
  next.version = 1;
  next.id = appointments::InsertAppointment(tx, next);
  auto version =
      appointments::MarkRearranged(tx, *original, next.id, change.requested_by, change.reason);
  if (!version) return version.error();
  const json rearranged = {{"id", original->id},
                           {"replacement_id", next.id},
                           {"requested_by", change.requested_by},
                           {"reason", change.reason},
                           {"starts_at", FormatUtc(original->starts_at)},
                           {"new_starts_at", FormatUtc(next.starts_at)},
                           {"version", *version}};
  const std::string who_asked =
      change.requested_by == "person" ? "at the person's request" : "by the service";
  RecordCaseEvent(tx, by, on,
                  {"appointment.rearranged", rearranged,
                   "Appointment rearranged " + who_asked + ": " + Describe(*original) +
                       " moved to " + LongDateTime(next.starts_at) + ". Reason: " + change.reason,
                   original->sentence_id},
                  now);
  store::AppendEvent(tx, by, {on.crn, "appointment.booked", BookedPayload(next)}, now);
  Rearranged out{Reload(tx, on, original->id), Reload(tx, on, next.id)};
  tx.Commit();
  return out;
}

Result<Appointment> RecordOutcome(store::Db& db, const store::Actor& by, const CaseRef& on,
                                  int64_t appointment_id, const appointments::OutcomeInput& in,
                                  int expected_version, UtcTime now) {
  auto tx = db.BeginWrite();
  auto a = LoadForChange(tx, on, appointment_id, expected_version);
  if (!a) return a.error();
  if (auto s = appointments::CheckOutcome(*a, in, now); !s) return s.error();
  const int version = a->version + 1;
  const auto seq =
      RecordCaseEvent(tx, by, on,
                      {"appointment.outcome_recorded", OutcomePayload(*a, in, version),
                       "Outcome recorded: " + Describe(*a) + ": " +
                           DescribeOutcome(in.outcome, in.judgement, in.judgement_reason),
                       a->sentence_id},
                      now);
  const auto outcome = OutcomeRow(in, by.id, now, seq, std::nullopt, std::nullopt);
  if (auto written = appointments::AppendOutcome(tx, *a, outcome); !written) return written.error();
  if (a->enforceable)
    if (auto e = ReevaluateAfterOutcome(tx, by, on, a->sentence_id, now); !e) return e.error();
  auto out = Reload(tx, on, a->id);
  tx.Commit();
  return out;
}

Result<Appointment> AmendOutcome(store::Db& db, const store::Actor& by, const CaseRef& on,
                                 int64_t appointment_id, const appointments::OutcomeInput& in,
                                 const std::string& reason,
                                 const std::optional<std::string>& instructed_by,
                                 int expected_version, UtcTime now) {
  auto tx = db.BeginWrite();
  auto a = LoadForChange(tx, on, appointment_id, expected_version);
  if (!a) return a.error();
  if (auto s = appointments::CheckOutcomeAmendment(*a, in, reason); !s) return s.error();
  auto instructed = InstructedActor(tx, by, instructed_by);
  if (!instructed) return instructed.error();
  const store::Actor& actor = *instructed;
  const auto& was = *a->current_outcome();
  const int version = a->version + 1;
  json payload = OutcomePayload(*a, in, version);
  payload["reason"] = reason;
  payload["previous"] = {{"outcome", was.outcome},
                         {"judgement", OrNull(was.judgement)},
                         {"judgement_reason", OrNull(was.judgement_reason)},
                         {"note", was.note}};
  std::string summary = "Outcome amended: " + Describe(*a) + ": now " +
                        DescribeOutcome(in.outcome, in.judgement, in.judgement_reason) + "; was " +
                        DescribeOutcome(was.outcome, was.judgement, was.judgement_reason) +
                        ". Reason: " + reason;
  if (actor.instructed_by)
    summary += ". On the instruction of " + cases::ActorName(tx, *actor.instructed_by);
  const auto seq = RecordCaseEvent(
      tx, actor, on, {"appointment.outcome_amended", payload, summary, a->sentence_id}, now);
  const auto outcome = OutcomeRow(in, by.id, now, seq, reason, actor.instructed_by);
  if (auto written = appointments::AppendOutcome(tx, *a, outcome); !written) return written.error();
  if (a->enforceable)
    if (auto e = ReevaluateAfterOutcome(tx, actor, on, a->sentence_id, now); !e) return e.error();
  auto out = Reload(tx, on, a->id);
  tx.Commit();
  return out;
}

Result<Appointment> GetAppointment(store::Db& db, const CaseRef& on, int64_t appointment_id) {
  auto tx = db.BeginRead();
  auto a = appointments::FindAppointment(tx, on.person_id, appointment_id);
  if (!a) return UnknownAppointment(appointment_id);
  NameActors(tx, *a);
  return std::move(*a);
}

PersonAppointments ListAppointments(store::Db& db, const CaseRef& on, UtcTime now) {
  auto tx = db.BeginRead();
  PersonAppointments out;
  out.items = appointments::LoadAppointments(tx, on.person_id);
  for (auto& a : out.items) NameActors(tx, a);
  const auto calendar = LoadWorkingCalendar(tx);
  const Date today = UkDateOf(now);
  for (const auto& sentence : cases::LoadSentences(tx, on.person_id))
    if (auto first = appointments::FirstAppointmentOf(sentence, out.items, calendar, today))
      out.first_appointments.push_back(*first);
  out.rearrangements = appointments::CountRearrangements(out.items);
  return out;
}

std::vector<appointments::DiaryEntry> LoadDiary(store::Db& db, int64_t staff_id, int64_t viewer,
                                                Date first, int days) {
  auto tx = db.BeginRead();
  return appointments::LoadDiary(tx, staff_id, viewer, UkStartOfDay(first),
                                 UkStartOfDay(first + std::chrono::days{days}));
}

}  // namespace probity::app
