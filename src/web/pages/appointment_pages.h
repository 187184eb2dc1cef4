// A person's appointments as pages: the list (GET /people/{crn}/appointments: upcoming, then
// past, rearranged ones linked to their replacements, each sentence's first appointment against
// national standards, rearrangements counted by who asked), booking (GET and POST
// /people/{crn}/appointments/new), one appointment with its whole outcome history (GET
// /people/{crn}/appointments/{id}), and the forms to rearrange it, record its outcome and amend
// that outcome (GET and POST .../{id}/rearrange, .../{id}/outcome, .../{id}/amend).
//
// Every case goes through the same gate as the API (OpenCaseFor): a case someone may not see is
// "Page not found". Times are typed and shown in UK time. The changes carry the version of the
// appointment the form showed, so one made meanwhile by someone else is refused (409) with what
// changed, and the form comes back showing the appointment as it now is. The handlers parse forms
// and call app/appointments.h; what a booking or an outcome must be is the rules' to say, never
// decided here.
#pragma once

#include <nlohmann/json.hpp>
#include <span>
#include <string>

#include "appointments/model.h"
#include "core/time.h"
#include "web/pages/page.h"
#include "web/router.h"

namespace probity::web::pages {

void AddAppointmentPages(Router& router, const Site& site);

// One appointment as the templates show it, for the person `crn` as of `now`: its links ("url",
// and "outcome_url" while it awaits an outcome), type, when ("when", "time", "when_iso"), how long,
// where, with whom, its state (AppointmentState) with a label and a GOV.UK tag class, the current
// outcome and the links to and from a rearrangement. Absent values are null, so a template section
// on them shows nothing.
nlohmann::json AppointmentView(const appointments::Appointment& a, const std::string& crn,
                               UtcTime now);

// For the person overview: the appointments awaiting an outcome ("awaiting", each with its
// "Record outcome" link) and the next one still to come ("next", or null).
nlohmann::json AppointmentsAtAGlance(std::span<const appointments::Appointment> all,
                                     const std::string& crn, UtcTime now);

}  // namespace probity::web::pages
