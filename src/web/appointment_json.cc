#include "web/appointment_json.h"

#include "appointments/vocabulary.h"
#include "core/uk_time.h"
#include "web/json_output.h"

namespace probity::web {

namespace {
using nlohmann::json;

json OutcomeJson(const appointments::Outcome& o) {
  return {{"id", o.id},
          {"outcome", o.outcome},
          {"outcome_label", cases::LabelOf(appointments::Outcomes(), o.outcome)},
          {"judgement", OrNull(o.judgement)},
          {"judgement_reason", OrNull(o.judgement_reason)},
          {"judgement_reason_label",
           o.judgement_reason
               ? json(cases::LabelOf(appointments::AcceptableReasons(), *o.judgement_reason))
               : json(nullptr)},
          {"note", o.note},
          {"recorded_by", o.recorded_by},
          {"recorded_by_name", o.recorded_by_name},
          {"recorded_at", FormatUtc(o.recorded_at)},
          {"amendment_reason", OrNull(o.amendment_reason)},
          {"instructed_by", OrNull(o.instructed_by)},
          {"instructed_by_name", OrNull(o.instructed_by_name)},
          {"event_seq", o.event_seq}};
}
}  // namespace

const char* AppointmentState(const appointments::Appointment& a, UtcTime now) {
  if (a.status == "rearranged") return "rearranged";
  if (a.current_outcome()) return "outcome_recorded";
  return a.starts_at <= now ? "awaiting_outcome" : "upcoming";
}

json AppointmentJson(const appointments::Appointment& a, UtcTime now) {
  json history = json::array();
  for (const auto& o : a.outcomes) history.push_back(OutcomeJson(o));
  const auto* current = a.current_outcome();
  json out = {
      {"id", a.id},
      {"type", a.type},
      {"type_label", a.type_label},
      {"enforceable", a.enforceable},
      {"starts_at", FormatUtc(a.starts_at)},
      {"starts_at_uk", FormatUkLocal(a.starts_at)},
      {"ends_at", FormatUtc(a.ends_at())},
      {"duration_minutes", a.duration_minutes},
      {"place",
       {{"office", a.place.office_id ? json(a.place.office_code) : json(nullptr)},
        {"office_name", a.place.office_id ? json(a.place.office_name) : json(nullptr)},
        {"room_id", OrNull(a.place.room_id)},
        {"room_name", a.place.room_id ? json(a.place.room_name) : json(nullptr)},
        {"room_privacy", a.place.room_id ? json(a.place.room_privacy) : json(nullptr)},
        {"open_space", a.place.open_space},
        {"room_reason", OrNull(a.place.room_reason)},
        {"location", OrNull(a.place.location)}}},
      {"with", {{"staff_id", a.staff_id}, {"name", a.staff_name}}},
      {"sentence_id", OrNull(a.sentence_id)},
      {"requirement_id", OrNull(a.requirement_id)},
      {"status", a.status},
      {"state", AppointmentState(a, now)},
      {"rearranged_from", OrNull(a.rearranged_from)},
      {"rearranged_to", OrNull(a.rearranged_to)},
      {"rearrangement", a.rearrange_requested_by ? json{{"requested_by", *a.rearrange_requested_by},
                                                        {"reason", a.rearrange_reason.value_or("")}}
                                                 : json(nullptr)},
      {"outcome", current ? OutcomeJson(*current) : json(nullptr)},
      {"amended", a.outcomes.size() > 1},
      {"outcome_history", history},
      {"booked_by", a.booked_by},
      {"booked_by_name", a.booked_by_name},
      {"booked_at", FormatUtc(a.booked_at)},
      {"version", a.version}};
  return out;
}

json FirstAppointmentJson(const appointments::FirstAppointment& f) {
  return {{"sentence_id", f.sentence_id},
          {"starts_from", FormatDate(f.starts_from)},
          {"due_by", FormatDate(f.due_by)},
          {"status", f.status},
          {"appointment_id", OrNull(f.appointment_id)},
          {"attended_on", f.attended_on ? json(FormatDate(*f.attended_on)) : json(nullptr)}};
}

json DiaryEntryJson(const appointments::DiaryEntry& e, UtcTime now) {
  json out = AppointmentJson(e.appointment, now);
  out["crn"] = e.crn;
  out["first_name"] = e.first_name;
  out["last_name"] = e.last_name;
  return out;
}

}  // namespace probity::web
