// Appointments as value types: a contact planned for a time and place, its outcome with every
// amendment, and what booking, rearranging and recording take. No I/O here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/time.h"

namespace probity::appointments {

// Reference data: a kind of appointment, and whether failing to keep one is enforceable.
struct AppointmentType {
  std::string code;
  std::string label;
  bool enforceable = false;
  bool active = true;
};

// Where it happens: an office (and perhaps a room in it), or somewhere else, such as the
// person's home.
struct Place {
  std::optional<int64_t> office_id;
  std::string office_code;
  std::string office_name;
  std::optional<int64_t> room_id;
  std::string room_name;
  std::string room_privacy;                // rooms::Privacies() code of the room, as it is now
  bool open_space = false;                 // booked in an open-plan or public space
  std::optional<std::string> room_reason;  // why, when open_space
  std::optional<std::string> location;     // when not at an office
};

// One recorded outcome: the first, or an amendment of the one before. Never changed once
// written; the latest is the current value.
struct Outcome {
  int64_t id = 0;
  std::string outcome;                          // Outcomes()
  std::optional<std::string> judgement;         // acceptable, unacceptable (failures only)
  std::optional<std::string> judgement_reason;  // AcceptableReasons() (acceptable only)
  std::string note;
  std::string recorded_by;  // actor id
  std::string recorded_by_name;
  UtcTime recorded_at{};
  std::optional<std::string> amendment_reason;  // set on amendments
  std::optional<std::string> instructed_by;     // actor id of whoever directed the amendment
  std::optional<std::string> instructed_by_name;
  int64_t event_seq = 0;
};

struct Appointment {
  int64_t id = 0;
  int64_t person_id = 0;
  std::optional<int64_t> sentence_id;
  std::optional<int64_t> requirement_id;
  std::string type;
  std::string type_label;
  bool enforceable = false;
  UtcTime starts_at{};
  int duration_minutes = 0;
  Place place;
  int64_t staff_id = 0;  // with whom
  std::string staff_name;
  std::string status = "booked";  // booked, rearranged
  std::optional<int64_t> rearranged_from;
  std::optional<int64_t> rearranged_to;
  std::optional<std::string> rearrange_requested_by;  // person, service
  std::optional<std::string> rearrange_reason;
  std::string booked_by;  // actor id
  std::string booked_by_name;
  UtcTime booked_at{};
  int version = 1;
  std::vector<Outcome> outcomes;  // oldest first

  UtcTime ends_at() const { return starts_at + std::chrono::minutes{duration_minutes}; }
  const Outcome* current_outcome() const { return outcomes.empty() ? nullptr : &outcomes.back(); }
};

// What booking takes. Exactly one of office_code and location.
struct NewAppointment {
  std::string type;
  UtcTime starts_at{};
  int duration_minutes = 0;
  std::optional<std::string> office_code;
  std::optional<int64_t> room_id;          // absent: the most private room free then
  std::optional<std::string> room_reason;  // needed for an open-plan or public space
  std::optional<std::string> location;
  std::optional<std::string> with_username;  // absent: whoever books it
  std::optional<int64_t> sentence_id;
  std::optional<int64_t> requirement_id;
};

// What recording (or amending) an outcome takes.
struct OutcomeInput {
  std::string outcome;
  std::optional<std::string> judgement;
  std::optional<std::string> judgement_reason;
  std::string note;
};

// The replacement's details when rearranging; absent fields keep the original's.
struct Rearrangement {
  std::string requested_by;  // person, service
  std::string reason;
  UtcTime starts_at{};
  std::optional<int> duration_minutes;
  std::optional<std::string> office_code;
  std::optional<int64_t> room_id;
  std::optional<std::string> room_reason;
  std::optional<std::string> location;
  std::optional<std::string> with_username;
};

// A sentence's first appointment against national standards.
struct FirstAppointment {
  int64_t sentence_id = 0;
  Date starts_from{};  // the sentence date (orders) or release date (licences, PSS)
  Date due_by{};
  std::string status;                     // due, met, missed
  std::optional<int64_t> appointment_id;  // the first attended
  std::optional<Date> attended_on;
};

// How many appointments were rearranged, by who asked.
struct RearrangementCounts {
  int by_person = 0;
  int by_service = 0;
};

}  // namespace probity::appointments
