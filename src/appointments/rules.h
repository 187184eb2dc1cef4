// Rules for appointments: what a booking, a rearrangement, an outcome and an amendment must be,
// and when a sentence's first appointment is due and whether it was met. Pure: the clock's
// instant and the working-day calendar arrive as values. Each failure is an Error naming the one
// field at fault (kInvalid), or kConflict when the appointment's state forbids the change.
#pragma once

#include <chrono>
#include <span>
#include <string_view>

#include "appointments/model.h"
#include "calendar/working_days.h"
#include "cases/model.h"
#include "core/result.h"
#include "core/time.h"

namespace probity::appointments {

// An appointment lasts 5 minutes to 8 hours (an unpaid work day).
inline constexpr int kMinDurationMinutes = 5;
inline constexpr int kMaxDurationMinutes = 480;
// Bookings reach at most two years ahead: a later date is a typing mistake.
inline constexpr std::chrono::days kFurthestAhead{731};
// Clocks differ: an outcome may be recorded from 5 minutes before the start by the server's clock.
inline constexpr std::chrono::minutes kClockSkew{5};
// Working days from the sentence (orders) or release (licences and PSS) to the first appointment.
inline constexpr int kFirstAppointmentDaysOrder = 5;
inline constexpr int kFirstAppointmentDaysLicence = 1;

// An appointment type as an administrator defines it: "code" 2 to 40 lower-case letters, digits
// and underscores, starting with a letter; "label" 1 to 100 characters on one line.
Status CheckAppointmentType(const AppointmentType& type);

// A booking's own fields, given its type (nullopt: no such type): "type" (unknown or withdrawn),
// "starts_at" (not in the future, or more than two years ahead), "duration_minutes",
// "office"/"location" (exactly one; a location of 1 to 200 characters on one line), "room_id"
// (only with an office).
Status CheckBooking(const NewAppointment& booking, const std::optional<AppointmentType>& type,
                    UtcTime now);

// A rearrangement of `original`: kConflict "already_rearranged", "outcome_recorded", or
// "already_started" (it can be moved only before it starts); kInvalid "requested_by" (person or
// service), "reason" (1 to 500 characters, one line), "starts_at" (in the future, not more than
// two years ahead), "duration_minutes", "location", and "starts_at" "no_change" when nothing
// would move.
Status CheckRearrangement(const Appointment& original, const Rearrangement& change, UtcTime now);

// The outcome's own fields: "outcome" (a code of Outcomes()); a failure needs "judgement"; an
// acceptable judgement needs a "judgement_reason" from AcceptableReasons(), which nothing else
// may carry; attended-and-complied takes no judgement; "note" is required for a failure and
// optional otherwise (cases::CheckNote when given).
Status CheckOutcomeInput(const OutcomeInput& input);

// Recording the first outcome: kConflict "rearranged" (record it on the replacement),
// "outcome_recorded" (amend it instead); kInvalid "future_appointment" (field "outcome") before
// the appointment starts; then CheckOutcomeInput.
Status CheckOutcome(const Appointment& appointment, const OutcomeInput& input, UtcTime now);

// Amending the current outcome: kConflict "no_outcome" when none is recorded; CheckOutcomeInput;
// "reason" required (1 to 500 characters, one line); kInvalid "no_change" (field "outcome") when
// the amendment says exactly what the current outcome says.
Status CheckOutcomeAmendment(const Appointment& appointment, const OutcomeInput& input,
                             std::string_view reason);

// When a sentence's first appointment is due: from the sentence date (orders) or release date
// (licences, PSS) to 5 or 1 working days after it; nullopt without a (valid) date to count from.
struct FirstAppointmentWindow {
  Date from{};
  Date due_by{};
};
std::optional<FirstAppointmentWindow> FirstAppointmentWindowOf(
    const cases::Sentence& sentence, const calendar::WorkingCalendar& calendar);

// The first appointment of a sentence (nullopt for a licence or PSS without a release date):
// due within 5 working days of the sentence date (community and suspended sentence orders) or 1
// working day of release (licences, PSS), measured on the first appointment the person actually
// attended (IsAttended, by its current outcome) on or after that date, whether booked for this
// sentence or for none, never on the first one booked. Met when that UK day is on or before the
// due date; missed when it is later, or when none is attended and `today` is past the due date;
// otherwise due.
std::optional<FirstAppointment> FirstAppointmentOf(const cases::Sentence& sentence,
                                                   std::span<const Appointment> appointments,
                                                   const calendar::WorkingCalendar& calendar,
                                                   Date today);

// Rearranged appointments counted by who asked.
RearrangementCounts CountRearrangements(std::span<const Appointment> appointments);

}  // namespace probity::appointments
