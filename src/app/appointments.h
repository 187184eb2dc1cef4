// Use cases on appointments: book one, rearrange it before it happens (the original stays,
// linked to its replacement), record its outcome once it has started, and amend that outcome (a
// new record; the first stays visible). Each write is one transaction that loads, checks with
// appointments/rules.h, writes state and appends its events (kinds and payload fields FROZEN:
// see appointments.cc), with a timeline entry through app::RecordCaseEvent. Authorisation happens
// before, in the handler, through app::OpenCase.
//
// Errors, besides each rule's: kNotFound "unknown_appointment" (field "id") for an appointment
// that is not this person's; kConflict "stale_version" (field "version") when it is no longer at
// the version the caller read: nothing is written, and the message says what changed since.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/case_access.h"
#include "appointments/model.h"
#include "appointments/store.h"
#include "core/result.h"
#include "core/time.h"
#include "store/db.h"
#include "store/event_log.h"

namespace probity::app {

std::vector<appointments::AppointmentType> ListAppointmentTypes(store::Db& db);

// Reference data (administrators; checked in the handler). Adding: kConflict "duplicate_type".
// Changing: `change` holds the fields to set (absent: kept); kNotFound "unknown_type". A type
// already used keeps its past appointments' enforceability: each appointment records it when
// booked. Events appointment_type.added / appointment_type.changed (subject "appointment_type").
Result<appointments::AppointmentType> AddAppointmentType(store::Db& db, const store::Actor& by,
                                                         const appointments::AppointmentType& type,
                                                         UtcTime now);
struct AppointmentTypeChange {
  std::optional<std::string> label;
  std::optional<bool> enforceable;
  std::optional<bool> active;
};
Result<appointments::AppointmentType> ChangeAppointmentType(store::Db& db, const store::Actor& by,
                                                            const std::string& code,
                                                            const AppointmentTypeChange& change,
                                                            UtcTime now);

// Books an appointment. With whom: `with_username`'s staff member, or whoever books it. kInvalid
// "office" / "room_id" for an unknown office or a room not in it, "with_username" for an unknown
// account, "sentence_id" / "requirement_id" when not this person's (or the requirement not of
// that sentence); kConflict "sentence_not_active" for a terminated sentence.
// Event appointment.booked.
Result<appointments::Appointment> BookAppointment(store::Db& db, const store::Actor& by,
                                                  const CaseRef& on,
                                                  const appointments::NewAppointment& booking,
                                                  UtcTime now);

// Moves a booked appointment before it starts: a new appointment (the replacement, keeping the
// type, sentence and requirement) and the original marked rearranged, linked both ways.
// Events appointment.rearranged (original) and appointment.booked (replacement).
struct Rearranged {
  appointments::Appointment original;
  appointments::Appointment replacement;
};
Result<Rearranged> RearrangeAppointment(store::Db& db, const store::Actor& by, const CaseRef& on,
                                        int64_t appointment_id,
                                        const appointments::Rearrangement& change,
                                        int expected_version, UtcTime now);

// Records the outcome of an appointment that has started. Event appointment.outcome_recorded.
Result<appointments::Appointment> RecordOutcome(store::Db& db, const store::Actor& by,
                                                const CaseRef& on, int64_t appointment_id,
                                                const appointments::OutcomeInput& outcome,
                                                int expected_version, UtcTime now);

// Amends the current outcome: a new outcome row, the earlier ones kept. `instructed_by` is the
// username of whoever directed it, when not the author (kInvalid "instructed_by" when unknown or
// the author). Event appointment.outcome_amended, whose instructed_by names them.
Result<appointments::Appointment> AmendOutcome(store::Db& db, const store::Actor& by,
                                               const CaseRef& on, int64_t appointment_id,
                                               const appointments::OutcomeInput& outcome,
                                               const std::string& reason,
                                               const std::optional<std::string>& instructed_by,
                                               int expected_version, UtcTime now);

// One appointment with its outcome history and the names of who recorded each.
Result<appointments::Appointment> GetAppointment(store::Db& db, const CaseRef& on,
                                                 int64_t appointment_id);

// Every appointment of the person (rearranged ones included), the first appointment of each
// sentence against national standards, and rearrangements counted by who asked.
struct PersonAppointments {
  std::vector<appointments::Appointment> items;
  std::vector<appointments::FirstAppointment> first_appointments;
  appointments::RearrangementCounts rearrangements;
};
PersonAppointments ListAppointments(store::Db& db, const CaseRef& on, UtcTime now);

// A practitioner's diary: their booked appointments starting on UK days [first, first + days),
// restricted cases hidden from `viewer` (a staff id).
std::vector<appointments::DiaryEntry> LoadDiary(store::Db& db, int64_t staff_id, int64_t viewer,
                                                Date first, int days);

}  // namespace probity::app
