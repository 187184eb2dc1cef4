#include "appointments/rules.h"

#include "appointments/vocabulary.h"
#include "cases/contact_rules.h"
#include "core/uk_time.h"

namespace probity::appointments {

namespace {

constexpr size_t kMaxReasonCharacters = 500;
constexpr size_t kMaxLocationCharacters = 200;

bool HasLineBreakOrControl(std::string_view text) {
  for (unsigned char c : text)
    if (c < 0x20 || c == 0x7f) return true;
  return false;
}

// Required, one line, at most `max` characters.
Status CheckLine(std::string_view text, const char* field, size_t max, const char* what) {
  if (text.find_first_not_of(" \t") == std::string_view::npos)
    return Error::Invalid("missing_field", std::string("give ") + what, field);
  if (cases::CountCharacters(text) > max)
    return Error::Invalid("too_long",
                          std::string(field) + " is at most " + std::to_string(max) + " characters",
                          field);
  if (HasLineBreakOrControl(text))
    return Error::Invalid("invalid_text", std::string(field) + " must be one line of text", field);
  return {};
}

Status CheckStart(UtcTime starts_at, UtcTime now) {
  if (starts_at <= now)
    return Error::Invalid("past_time",
                          "an appointment is booked for a time still to come; record what has "
                          "already happened as a contact",
                          "starts_at");
  if (starts_at > now + kFurthestAhead)
    return Error::Invalid("too_far_ahead", "an appointment is booked at most two years ahead",
                          "starts_at");
  return {};
}

Status CheckDuration(int minutes) {
  if (minutes < kMinDurationMinutes || minutes > kMaxDurationMinutes)
    return Error::Invalid("out_of_range",
                          "duration_minutes is from " + std::to_string(kMinDurationMinutes) +
                              " to " + std::to_string(kMaxDurationMinutes),
                          "duration_minutes");
  return {};
}

Status CheckPlace(const std::optional<std::string>& office_code,
                  const std::optional<int64_t>& room_id,
                  const std::optional<std::string>& location) {
  if (office_code && location)
    return Error::Invalid("conflicting_fields",
                          "give an office or a location (such as a home visit), not both",
                          "location");
  if (!office_code && !location)
    return Error::Invalid("missing_field",
                          "give the office, or the location when it is not at an office", "office");
  if (room_id && !office_code)
    return Error::Invalid("conflicting_fields", "a room is in an office: give the office too",
                          "room_id");
  if (location) return CheckLine(*location, "location", kMaxLocationCharacters, "the location");
  return {};
}

Error Conflict(const char* code, std::string message, const char* field = "") {
  return Error{ErrorKind::kConflict, code, std::move(message), field};
}

}  // namespace

Status CheckAppointmentType(const AppointmentType& type) {
  const auto& c = type.code;
  const bool shaped =
      c.size() >= 2 && c.size() <= 40 && c[0] >= 'a' && c[0] <= 'z' &&
      c.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") == std::string::npos;
  if (!shaped)
    return Error::Invalid("invalid_code",
                          "code is 2 to 40 lower-case letters, digits and underscores, starting "
                          "with a letter",
                          "code");
  return CheckLine(type.label, "label", 100, "the label");
}

Status CheckBooking(const NewAppointment& booking, const std::optional<AppointmentType>& type,
                    UtcTime now) {
  if (!type || !type->active)
    return Error::Invalid("unknown_type",
                          "there is no appointment type \"" + booking.type +
                              "\"; GET /api/v1/appointment-types lists them",
                          "type");
  if (auto s = CheckStart(booking.starts_at, now); !s) return s;
  if (auto s = CheckDuration(booking.duration_minutes); !s) return s;
  return CheckPlace(booking.office_code, booking.room_id, booking.location);
}

Status CheckRearrangement(const Appointment& original, const Rearrangement& change, UtcTime now) {
  if (original.status == "rearranged")
    return Conflict("already_rearranged",
                    "this appointment was already rearranged to appointment " +
                        std::to_string(original.rearranged_to.value_or(0)) +
                        "; rearrange that one instead");
  if (original.current_outcome())
    return Conflict("outcome_recorded",
                    "this appointment has an outcome; it can no longer be rearranged");
  if (original.starts_at <= now)
    return Conflict("already_started",
                    "an appointment can be rearranged only before it starts; record its outcome "
                    "instead",
                    "starts_at");
  if (!cases::Has(Requesters(), change.requested_by))
    return Error::Invalid("invalid_choice",
                          "requested_by is one of: " + cases::Choices(Requesters()),
                          "requested_by");
  if (auto s = CheckLine(change.reason, "reason", kMaxReasonCharacters, "the reason"); !s) return s;
  if (auto s = CheckStart(change.starts_at, now); !s) return s;
  if (change.duration_minutes)
    if (auto s = CheckDuration(*change.duration_minutes); !s) return s;
  if (change.office_code || change.location || change.room_id)
    if (auto s = CheckPlace(change.office_code, change.room_id, change.location); !s) return s;
  const bool same_place = !change.office_code && !change.location && !change.room_id;
  const bool same_length =
      !change.duration_minutes || *change.duration_minutes == original.duration_minutes;
  if (change.starts_at == original.starts_at && same_place && same_length && !change.with_username)
    return Error::Invalid("no_change",
                          "the new time is the same as the old one; a rearrangement moves the "
                          "appointment",
                          "starts_at");
  return {};
}

Status CheckOutcomeInput(const OutcomeInput& input) {
  if (!cases::Has(Outcomes(), input.outcome))
    return Error::Invalid("invalid_choice", "outcome is one of: " + cases::Choices(Outcomes()),
                          "outcome");
  if (!IsFailure(input.outcome)) {
    if (input.judgement || input.judgement_reason)
      return Error::Invalid("not_applicable",
                            "attended and complied needs no absence judgement: it is not a failure",
                            "judgement");
    if (!input.note.empty()) return cases::CheckNote(input.note);
    return {};
  }
  if (!input.judgement)
    return Error::Invalid("missing_field",
                          "a failure needs an absence judgement: acceptable or unacceptable",
                          "judgement");
  if (!cases::Has(Judgements(), *input.judgement))
    return Error::Invalid("invalid_choice", "judgement is one of: " + cases::Choices(Judgements()),
                          "judgement");
  if (*input.judgement == "acceptable") {
    if (!input.judgement_reason)
      return Error::Invalid("missing_field", "an acceptable absence needs a reason from the list",
                            "judgement_reason");
    if (!cases::Has(AcceptableReasons(), *input.judgement_reason))
      return Error::Invalid("invalid_choice",
                            "judgement_reason is one of: " + cases::Choices(AcceptableReasons()),
                            "judgement_reason");
  } else if (input.judgement_reason) {
    return Error::Invalid("not_applicable",
                          "the reasons list is for acceptable absences; explain an unacceptable "
                          "one in the note",
                          "judgement_reason");
  }
  return cases::CheckNote(input.note);
}

Status CheckOutcome(const Appointment& appointment, const OutcomeInput& input, UtcTime now) {
  if (appointment.status == "rearranged")
    return Conflict("rearranged", "this appointment was rearranged to appointment " +
                                      std::to_string(appointment.rearranged_to.value_or(0)) +
                                      "; record the outcome there");
  if (appointment.current_outcome())
    return Conflict("outcome_recorded",
                    "this appointment already has an outcome; to correct it, amend it with a "
                    "reason");
  if (appointment.starts_at > now + kClockSkew)
    return Error::Invalid("future_appointment",
                          "this appointment has not happened yet: it is at " +
                              FormatUkLocal(appointment.starts_at) +
                              " UK time; record its outcome once it has started",
                          "outcome");
  return CheckOutcomeInput(input);
}

Status CheckOutcomeAmendment(const Appointment& appointment, const OutcomeInput& input,
                             std::string_view reason) {
  const Outcome* current = appointment.current_outcome();
  if (!current)
    return Conflict("no_outcome", "this appointment has no outcome to amend; record one");
  if (auto s = CheckOutcomeInput(input); !s) return s;
  if (auto s = CheckLine(reason, "reason", kMaxReasonCharacters, "the reason for the amendment");
      !s)
    return s;
  if (input.outcome == current->outcome && input.judgement == current->judgement &&
      input.judgement_reason == current->judgement_reason && input.note == current->note)
    return Error::Invalid("no_change", "the amendment says what the outcome already says",
                          "outcome");
  return {};
}

std::optional<FirstAppointmentWindow> FirstAppointmentWindowOf(
    const cases::Sentence& sentence, const calendar::WorkingCalendar& calendar) {
  const bool licence = sentence.kind == "licence" || sentence.kind == "pss";
  const auto from_text = licence ? sentence.release_date : std::optional(sentence.sentence_date);
  if (!from_text) return std::nullopt;
  const auto from = ParseDate(*from_text);
  if (!from) return std::nullopt;
  auto due = calendar.AddWorkingDays(
      *from, licence ? kFirstAppointmentDaysLicence : kFirstAppointmentDaysOrder);
  if (!due) return std::nullopt;
  return FirstAppointmentWindow{*from, *due};
}

std::optional<FirstAppointment> FirstAppointmentOf(const cases::Sentence& sentence,
                                                   std::span<const Appointment> appointments,
                                                   const calendar::WorkingCalendar& calendar,
                                                   Date today) {
  const auto window = FirstAppointmentWindowOf(sentence, calendar);
  if (!window) return std::nullopt;
  const Date* from = &window->from;
  const Date* due = &window->due_by;

  FirstAppointment first;
  first.sentence_id = sentence.id;
  first.starts_from = *from;
  first.due_by = *due;
  const Appointment* earliest = nullptr;
  for (const auto& a : appointments) {
    if (a.sentence_id && *a.sentence_id != sentence.id) continue;
    const Outcome* outcome = a.current_outcome();
    if (!outcome || !IsAttended(outcome->outcome) || UkDateOf(a.starts_at) < *from) continue;
    if (!earliest || a.starts_at < earliest->starts_at) earliest = &a;
  }
  if (earliest) {
    first.appointment_id = earliest->id;
    first.attended_on = UkDateOf(earliest->starts_at);
    first.status = *first.attended_on <= first.due_by ? "met" : "missed";
  } else {
    first.status = today > first.due_by ? "missed" : "due";
  }
  return first;
}

RearrangementCounts CountRearrangements(std::span<const Appointment> appointments) {
  RearrangementCounts counts;
  for (const auto& a : appointments) {
    if (a.status != "rearranged") continue;
    if (a.rearrange_requested_by == "person") ++counts.by_person;
    if (a.rearrange_requested_by == "service") ++counts.by_service;
  }
  return counts;
}

}  // namespace probity::appointments
