// SQL for appointments, their outcome history, appointment types and rooms. Runs inside the
// caller's Transaction; never commits, never checks a rule (appointments/rules.h does) and never
// appends an event (the use cases in app/appointments.h do, in the same transaction).
//
// Every lookup of an appointment also takes the person's id: someone else's is not found, exactly
// like one that does not exist.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "appointments/model.h"
#include "core/time.h"
#include "store/db.h"

namespace probity::appointments {

std::vector<AppointmentType> LoadAppointmentTypes(store::Transaction& tx);
std::optional<AppointmentType> FindAppointmentType(store::Transaction& tx, const std::string& code);

// Adds a type; kConflict "duplicate_type" (field "code") when the code is taken.
Status InsertAppointmentType(store::Transaction& tx, const AppointmentType& type);
// Writes the type's label, enforceable and active flags; kNotFound when there is none.
Status UpdateAppointmentType(store::Transaction& tx, const AppointmentType& type);

// An office by code: its id and name (nullopt when there is none).
std::optional<Place> FindOffice(store::Transaction& tx, const std::string& code);
// Inserts the appointment as given (id, outcomes and version ignored; version 1); returns its id.
int64_t InsertAppointment(store::Transaction& tx, const Appointment& appointment);

// One appointment of the person with its outcome history, or nullopt.
std::optional<Appointment> FindAppointment(store::Transaction& tx, int64_t person_id,
                                           int64_t appointment_id);
// All the person's appointments with their outcome histories, by start time.
std::vector<Appointment> LoadAppointments(store::Transaction& tx, int64_t person_id);

// Marks `before` rearranged to `replacement_id` if it is still at before.version; returns the new
// version, or kConflict "stale_version" when someone changed it since.
Result<int> MarkRearranged(store::Transaction& tx, const Appointment& before,
                           int64_t replacement_id, const std::string& requested_by,
                           const std::string& reason);

// Appends an outcome row (its id ignored) and makes it the appointment's current outcome if the
// appointment is still at before.version; returns the outcome's id and the new version.
struct OutcomeWritten {
  int64_t outcome_id = 0;
  int version = 0;
};
Result<OutcomeWritten> AppendOutcome(store::Transaction& tx, const Appointment& before,
                                     const Outcome& outcome);

// A practitioner's appointments starting in [from, to), not rearranged, visible to `viewer`
// (restricted and excluded cases left out), by start time, with the person's CRN and name.
struct DiaryEntry {
  Appointment appointment;
  std::string crn;
  std::string first_name;
  std::string last_name;
};
std::vector<DiaryEntry> LoadDiary(store::Transaction& tx, int64_t staff_id, int64_t viewer,
                                  UtcTime from, UtcTime to);

// The next booked appointment without an outcome, starting at or after `from`, of each of
// `person_ids` (a page of a list), in one query. People with none are absent.
std::map<int64_t, Appointment> LoadNextAppointments(store::Transaction& tx,
                                                    const std::vector<int64_t>& person_ids,
                                                    UtcTime from);

}  // namespace probity::appointments
