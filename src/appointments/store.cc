#include "appointments/store.h"

#include <soci/soci.h>

#include "cases/store.h"
#include "store/bind.h"
#include "store/row.h"
#include "store/rows.h"

namespace probity::appointments {

namespace {
using store::GetInt;
using store::GetOptionalInt;
using store::GetOptionalText;
using store::GetText;

constexpr const char* kColumns =
    "a.id, a.person_id, a.sentence_id, a.requirement_id, a.type, t.label, a.enforceable, "
    "a.starts_at, a.duration_minutes, a.office_id, o.code, o.name, a.room_id, r.name, a.location, "
    "a.staff_id, s.name, a.status, a.rearranged_from, a.rearranged_to, a.rearrange_requested_by, "
    "a.rearrange_reason, a.booked_by, a.booked_at, a.version, r.privacy, a.open_space, "
    "a.room_reason";
constexpr const char* kFrom =
    " FROM appointment a JOIN appointment_type t ON t.code = a.type JOIN staff s ON s.id = "
    "a.staff_id LEFT JOIN office o ON o.id = a.office_id LEFT JOIN room r ON r.id = a.room_id ";
constexpr size_t kColumnCount = 28;

constexpr const char* kOutcomeColumns =
    "id, appointment_id, outcome, judgement, judgement_reason, note, recorded_by, recorded_at, "
    "amendment_reason, instructed_by, event_seq";

Appointment ReadAppointment(const soci::row& r) {
  Appointment a;
  a.id = GetInt(r, 0);
  a.person_id = GetInt(r, 1);
  a.sentence_id = GetOptionalInt(r, 2);
  a.requirement_id = GetOptionalInt(r, 3);
  a.type = GetText(r, 4);
  a.type_label = GetText(r, 5);
  a.enforceable = GetInt(r, 6) != 0;
  a.starts_at = ParseUtc(GetText(r, 7)).value_or(UtcTime{});
  a.duration_minutes = static_cast<int>(GetInt(r, 8));
  a.place.office_id = GetOptionalInt(r, 9);
  a.place.office_code = GetOptionalText(r, 10).value_or("");
  a.place.office_name = GetOptionalText(r, 11).value_or("");
  a.place.room_id = GetOptionalInt(r, 12);
  a.place.room_name = GetOptionalText(r, 13).value_or("");
  a.place.location = GetOptionalText(r, 14);
  a.staff_id = GetInt(r, 15);
  a.staff_name = GetText(r, 16);
  a.status = GetText(r, 17);
  a.rearranged_from = GetOptionalInt(r, 18);
  a.rearranged_to = GetOptionalInt(r, 19);
  a.rearrange_requested_by = GetOptionalText(r, 20);
  a.rearrange_reason = GetOptionalText(r, 21);
  a.booked_by = GetText(r, 22);
  a.booked_at = ParseUtc(GetText(r, 23)).value_or(UtcTime{});
  a.version = static_cast<int>(GetInt(r, 24));
  a.place.room_privacy = GetOptionalText(r, 25).value_or("");
  a.place.open_space = GetInt(r, 26) != 0;
  a.place.room_reason = GetOptionalText(r, 27);
  return a;
}

Outcome ReadOutcome(const soci::row& r) {
  Outcome o;
  o.id = GetInt(r, 0);
  o.outcome = GetText(r, 2);
  o.judgement = GetOptionalText(r, 3);
  o.judgement_reason = GetOptionalText(r, 4);
  o.note = GetText(r, 5);
  o.recorded_by = GetText(r, 6);
  o.recorded_at = ParseUtc(GetText(r, 7)).value_or(UtcTime{});
  o.amendment_reason = GetOptionalText(r, 8);
  o.instructed_by = GetOptionalText(r, 9);
  o.event_seq = GetInt(r, 10);
  return o;
}

// Attaches each appointment's outcome rows, read in one query over `where` (on
// appointment_outcome, bound to `key`).
void AttachOutcomes(store::Transaction& tx, std::vector<Appointment>& appointments,
                    const std::string& where, const long long& key) {
  if (appointments.empty()) return;
  std::map<int64_t, Appointment*> by_id;
  for (auto& a : appointments) by_id[a.id] = &a;
  store::Rows(tx).Use(key).Read(std::string("SELECT ") + kOutcomeColumns +
                                    " FROM appointment_outcome WHERE " + where +
                                    " ORDER BY appointment_id, id",
                                [&](const soci::row& r) {
                                  if (auto it = by_id.find(GetInt(r, 1)); it != by_id.end())
                                    it->second->outcomes.push_back(ReadOutcome(r));
                                });
}

Error Stale(const Appointment& before) {
  return Error{ErrorKind::kConflict, "stale_version",
               "appointment " + std::to_string(before.id) +
                   " was changed by someone else while you were changing it; reload it and make "
                   "your change again",
               "version"};
}
}  // namespace

std::vector<AppointmentType> LoadAppointmentTypes(store::Transaction& tx) {
  std::vector<AppointmentType> out;
  store::Rows(tx).Read(
      "SELECT code, label, enforceable, active FROM appointment_type ORDER BY label",
      [&](const soci::row& r) {
        out.push_back({GetText(r, 0), GetText(r, 1), GetInt(r, 2) != 0, GetInt(r, 3) != 0});
      });
  return out;
}

std::optional<AppointmentType> FindAppointmentType(store::Transaction& tx,
                                                   const std::string& code) {
  std::optional<AppointmentType> out;
  store::Rows(tx).Use(code).Read(
      "SELECT code, label, enforceable, active FROM appointment_type WHERE code = :c",
      [&](const soci::row& r) {
        out = AppointmentType{GetText(r, 0), GetText(r, 1), GetInt(r, 2) != 0, GetInt(r, 3) != 0};
      });
  return out;
}

Status InsertAppointmentType(store::Transaction& tx, const AppointmentType& type) {
  if (FindAppointmentType(tx, type.code))
    return Error{ErrorKind::kConflict, "duplicate_type",
                 "there is already an appointment type " + type.code, "code"};
  const int enforceable = type.enforceable ? 1 : 0, active = type.active ? 1 : 0;
  tx.sql() << "INSERT INTO appointment_type (code, label, enforceable, active) VALUES (:c, :l, :e, "
              ":a)",
      soci::use(type.code), soci::use(type.label), soci::use(enforceable), soci::use(active);
  return {};
}

Status UpdateAppointmentType(store::Transaction& tx, const AppointmentType& type) {
  const int enforceable = type.enforceable ? 1 : 0, active = type.active ? 1 : 0;
  soci::statement st =
      (tx.sql().prepare << "UPDATE appointment_type SET label = :l, enforceable = :e, active = :a "
                           "WHERE code = :c",
       soci::use(type.label), soci::use(enforceable), soci::use(active), soci::use(type.code));
  st.execute(true);
  if (st.get_affected_rows() != 1)
    return Error{ErrorKind::kNotFound, "unknown_type", "there is no appointment type " + type.code,
                 "code"};
  return {};
}

std::optional<Place> FindOffice(store::Transaction& tx, const std::string& code) {
  std::optional<Place> out;
  store::Rows(tx).Use(code).Read("SELECT id, code, name FROM office WHERE code = :c",
                                 [&](const soci::row& r) {
                                   Place p;
                                   p.office_id = GetInt(r, 0);
                                   p.office_code = GetText(r, 1);
                                   p.office_name = GetText(r, 2);
                                   out = p;
                                 });
  return out;
}

int64_t InsertAppointment(store::Transaction& tx, const Appointment& a) {
  const long long person = a.person_id, staff = a.staff_id;
  auto sentence = store::NullableIdOf(a.sentence_id);
  auto requirement = store::NullableIdOf(a.requirement_id);
  auto office = store::NullableIdOf(a.place.office_id);
  auto room = store::NullableIdOf(a.place.room_id);
  auto from = store::NullableIdOf(a.rearranged_from);
  store::NullableText location(a.place.location);
  store::NullableText room_reason(a.place.room_reason);
  const std::string starts = FormatUtc(a.starts_at), ends = FormatUtc(a.ends_at()),
                    booked = FormatUtc(a.booked_at);
  const int enforceable = a.enforceable ? 1 : 0, open_space = a.place.open_space ? 1 : 0;
  long long id = 0;
  tx.sql()
      << "INSERT INTO appointment (person_id, sentence_id, requirement_id, type, enforceable, "
         "starts_at, ends_at, duration_minutes, office_id, room_id, location, staff_id, "
         "status, rearranged_from, booked_by, booked_at, open_space, room_reason) VALUES (:p, :s, "
         ":rq, :t, :e, :st, :en, :d, :o, :r, :l, :sf, 'booked', :f, :b, :ba, :os, :rr) RETURNING "
         "id",
      soci::use(person), store::Use(sentence), store::Use(requirement), soci::use(a.type),
      soci::use(enforceable), soci::use(starts), soci::use(ends), soci::use(a.duration_minutes),
      store::Use(office), store::Use(room), store::Use(location), soci::use(staff),
      store::Use(from), soci::use(a.booked_by), soci::use(booked), soci::use(open_space),
      store::Use(room_reason), soci::into(id);
  return id;
}

std::optional<Appointment> FindAppointment(store::Transaction& tx, int64_t person_id,
                                           int64_t appointment_id) {
  const long long person = person_id, id = appointment_id;
  std::vector<Appointment> found;
  store::Rows(tx).Use(id).Use(person).Read(
      std::string("SELECT ") + kColumns + kFrom + "WHERE a.id = :id AND a.person_id = :p",
      [&](const soci::row& r) { found.push_back(ReadAppointment(r)); });
  if (found.empty()) return std::nullopt;
  AttachOutcomes(tx, found, "appointment_id = :a", id);
  return std::move(found.front());
}

std::vector<Appointment> LoadAppointments(store::Transaction& tx, int64_t person_id) {
  const long long person = person_id;
  std::vector<Appointment> out;
  store::Rows(tx).Use(person).Read(std::string("SELECT ") + kColumns + kFrom +
                                       "WHERE a.person_id = :p ORDER BY a.starts_at, a.id",
                                   [&](const soci::row& r) { out.push_back(ReadAppointment(r)); });
  AttachOutcomes(tx, out, "person_id = :p", person);
  return out;
}

Result<int> MarkRearranged(store::Transaction& tx, const Appointment& before,
                           int64_t replacement_id, const std::string& requested_by,
                           const std::string& reason) {
  const long long id = before.id, to = replacement_id;
  const int version = before.version, next = before.version + 1;
  soci::statement st =
      (tx.sql().prepare << "UPDATE appointment SET status = 'rearranged', rearranged_to = :to, "
                           "rearrange_requested_by = :rb, rearrange_reason = :rr, version = :n "
                           "WHERE id = :id AND version = :v",
       soci::use(to), soci::use(requested_by), soci::use(reason), soci::use(next), soci::use(id),
       soci::use(version));
  st.execute(true);
  if (st.get_affected_rows() != 1) return Stale(before);
  return next;
}

Result<OutcomeWritten> AppendOutcome(store::Transaction& tx, const Appointment& before,
                                     const Outcome& o) {
  const long long appointment = before.id, person = before.person_id, seq = o.event_seq;
  const int version = before.version, next = before.version + 1;
  store::NullableText judgement(o.judgement), reason(o.judgement_reason),
      amendment(o.amendment_reason), instructed(o.instructed_by);
  const std::string recorded_at = FormatUtc(o.recorded_at);
  long long outcome_id = 0;
  tx.sql() << "INSERT INTO appointment_outcome (appointment_id, person_id, outcome, judgement, "
              "judgement_reason, note, recorded_by, recorded_at, amendment_reason, instructed_by, "
              "event_seq) VALUES (:a, :p, :o, :j, :jr, :n, :rb, :ra, :am, :ib, :seq) RETURNING id",
      soci::use(appointment), soci::use(person), soci::use(o.outcome), store::Use(judgement),
      store::Use(reason), soci::use(o.note), soci::use(o.recorded_by), soci::use(recorded_at),
      store::Use(amendment), store::Use(instructed), soci::use(seq), soci::into(outcome_id);
  soci::statement st =
      (tx.sql().prepare << "UPDATE appointment SET outcome = :o, judgement = :j, outcome_id = :oi, "
                           "version = :n WHERE id = :id AND version = :v",
       soci::use(o.outcome), store::Use(judgement), soci::use(outcome_id), soci::use(next),
       soci::use(appointment), soci::use(version));
  st.execute(true);
  if (st.get_affected_rows() != 1) return Stale(before);
  return OutcomeWritten{outcome_id, next};
}

std::vector<DiaryEntry> LoadDiary(store::Transaction& tx, int64_t staff_id, int64_t viewer,
                                  UtcTime from, UtcTime to) {
  const long long staff = staff_id, v = viewer;
  const std::string lo = FormatUtc(from), hi = FormatUtc(to);
  std::vector<DiaryEntry> out;
  std::vector<Appointment> appointments;
  store::Rows(tx)
      .Use(staff, "staff")
      .Use(lo, "lo")
      .Use(hi, "hi")
      .Use(v, "viewer")
      .Use(v, "viewer2")
      .Read(std::string("SELECT ") + kColumns + ", p.crn, p.first_name, p.last_name" + kFrom +
                "JOIN person p ON p.id = a.person_id WHERE a.staff_id = :staff AND a.starts_at >= "
                ":lo AND a.starts_at < :hi AND a.status = 'booked' AND " +
                cases::kVisibleTo + " ORDER BY a.starts_at, a.id",
            [&](const soci::row& r) {
              out.push_back({ReadAppointment(r), GetText(r, kColumnCount),
                             GetText(r, kColumnCount + 1), GetText(r, kColumnCount + 2)});
            });
  if (out.empty()) return out;
  // Outcomes of these appointments only: by id list, one query.
  std::map<int64_t, Appointment*> by_id;
  std::vector<int64_t> ids;
  for (auto& e : out) {
    by_id[e.appointment.id] = &e.appointment;
    ids.push_back(e.appointment.id);
  }
  store::Rows(tx).Read(std::string("SELECT ") + kOutcomeColumns +
                           " FROM appointment_outcome WHERE appointment_id IN (" +
                           store::IdList(ids) + ") ORDER BY appointment_id, id",
                       [&](const soci::row& r) {
                         if (auto it = by_id.find(GetInt(r, 1)); it != by_id.end())
                           it->second->outcomes.push_back(ReadOutcome(r));
                       });
  return out;
}

std::map<int64_t, Appointment> LoadNextAppointments(store::Transaction& tx,
                                                    const std::vector<int64_t>& person_ids,
                                                    UtcTime from) {
  std::map<int64_t, Appointment> out;
  if (person_ids.empty()) return out;
  const std::string ids = store::IdList(person_ids);
  const std::string lo = FormatUtc(from);
  // Each person's earliest upcoming booking; few rows per person, so ordering them is cheap.
  store::Rows(tx).Use(lo).Read(std::string("SELECT ") + kColumns + kFrom +
                                   "WHERE a.person_id IN (" + ids +
                                   ") AND a.status = 'booked' AND a.outcome IS NULL AND "
                                   "a.starts_at >= :lo ORDER BY a.person_id, a.starts_at, a.id",
                               [&](const soci::row& r) {
                                 auto a = ReadAppointment(r);
                                 out.try_emplace(a.person_id, std::move(a));
                               });
  return out;
}

}  // namespace probity::appointments
