// Appointments as the API writes them. Instants are UTC ("starts_at") with the UK wall-clock
// time beside them ("starts_at_uk": "2026-11-24T10:00+00:00"); every field is present, null when
// it holds no value.
#pragma once

#include <nlohmann/json.hpp>

#include "app/appointments.h"
#include "appointments/model.h"
#include "core/time.h"

namespace probity::web {

// `state`: "rearranged", "outcome_recorded", "awaiting_outcome" (started, no outcome yet) or
// "upcoming", as of `now`.
nlohmann::json AppointmentJson(const appointments::Appointment& a, UtcTime now);
nlohmann::json FirstAppointmentJson(const appointments::FirstAppointment& f);
nlohmann::json DiaryEntryJson(const appointments::DiaryEntry& e, UtcTime now);

// What an appointment's state is as of `now` (see AppointmentJson).
const char* AppointmentState(const appointments::Appointment& a, UtcTime now);

}  // namespace probity::web
