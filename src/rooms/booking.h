// The rules of booking a room, as pure functions over what the office already holds: two
// bookings never overlap in one room; people who must be kept apart are never at one office
// within the margin of each other; a room is booked only when it is open; an open-plan or public
// space needs a reason. When the wanted room or time cannot be had, the free rooms and times are
// worked out here too. No I/O: app/room_booking.cc loads the office's bookings inside the write
// transaction, after serialising on the office, and asks these.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "core/time.h"
#include "rooms/model.h"

namespace probity::rooms {

// [start, end): an appointment from its start up to, not including, its end.
struct Span {
  UtcTime start{};
  UtcTime end{};
};
inline bool Overlaps(const Span& a, const Span& b) { return a.start < b.end && b.start < a.end; }

// An appointment already booked at the office: who, in which room (none for an office without
// rooms), when.
struct Booking {
  int64_t appointment_id = 0;
  int64_t person_id = 0;
  std::optional<int64_t> room_id;
  Span span;
};

// Everything the rules look at for one office around one time.
struct OfficeState {
  std::vector<Room> rooms;               // active rooms
  std::vector<Booking> bookings;         // booked appointments near the time
  std::vector<int64_t> keep_apart_from;  // people the person must be kept apart from
  std::chrono::minutes margin{60};       // the keep-apart margin in force
  std::optional<int64_t> except;         // the appointment being moved (not a clash with itself)
};

// private 0, shared 1, open_plan 2, public 3: lower is more private. Unknown codes sort last.
int PrivacyRank(std::string_view privacy);
// open_plan and public: a booking there is flagged and needs a reason.
bool IsOpenSpace(std::string_view privacy);

// Whether the room is open for the whole span: one UK day it opens on, from opening to closing.
bool IsOpenFor(const OpeningHours& hours, const Span& span);

// A reason is needed in an open-plan or public space: kInvalid "missing_field" (field
// "room_reason") without one, "too_long" over 500 characters.
Status CheckRoomReason(const Room& room, const std::optional<std::string>& reason);

// Whether the room holds a booking overlapping the span (other than state.except).
bool RoomTaken(const OfficeState& state, int64_t room_id, const Span& span);
// Whether someone the person must be kept apart from is booked at the office within the margin
// of the span.
bool KeepApartClash(const OfficeState& state, const Span& span);

// The rooms open and free for the whole span, most private first, then by name; none when a
// keep-apart clash rules the office out at that time.
std::vector<Room> FreeRooms(const OfficeState& state, const Span& span);

// Start times on the UK day `day`, every 15 minutes from `not_before`, at which a booking of
// `duration` would be open and free in `room` (or, with no room, in any room; an office without
// rooms is taken to be open 09:00 to 17:00) with no keep-apart clash. At most `limit`.
std::vector<UtcTime> FreeTimes(const OfficeState& state, const std::optional<int64_t>& room_id,
                               Date day, std::chrono::minutes duration, UtcTime not_before,
                               size_t limit);

// "10am, 10:15am and 2pm" (UK time) or "no free time that day".
std::string DescribeTimes(const std::vector<UtcTime>& times);

}  // namespace probity::rooms
