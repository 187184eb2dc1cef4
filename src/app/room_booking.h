// Booking the room of an appointment at an office, inside the write transaction that books (or
// moves) the appointment. Bookings at one office are serialised (rooms::LockOfficeBookings), the
// office's bookings around the time are read after the lock, and rooms/booking.h decides; so two
// requests racing for one room leave exactly one booking, and a keep-apart pair is never booked
// within the margin of each other, on either backend.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "appointments/model.h"
#include "core/result.h"
#include "core/time.h"
#include "rooms/booking.h"
#include "rooms/model.h"
#include "store/db.h"

namespace probity::app {

struct RoomRequest {
  int64_t office_id = 0;
  std::string office_name;
  std::optional<int64_t> room_id;  // the room wanted
  bool room_required = false;      // true: that room or a refusal; false: it if free, else the best
  std::optional<std::string> reason;  // why an open-plan or public space, when it is one
  int64_t person_id = 0;
  rooms::Span span;
  std::optional<int64_t> except;  // the appointment being moved
};

// The room booked: the one asked for, or (none asked for, or not required and taken) the most
// private room open and free then. nullopt for an office with no rooms recorded. Refusals, each
// naming the free times that day so the booker can choose again, and never who else is booked:
//   kConflict "keep_apart" (field "starts_at")  someone the person must be kept apart from is
//                                              booked at the office within the margin;
//   kConflict "room_taken" (field "room_id")    the room asked for is booked then (the message
//                                              names the rooms free at that time);
//   kConflict "no_room_free" (field "starts_at") every room is booked or closed then;
//   kInvalid "room_closed" (field "starts_at")   the room asked for is closed then;
//   kInvalid "unknown_room" (field "room_id")    not an active room of the office;
//   rooms::CheckRoomReason's, for an open-plan or public space without a reason.
Result<std::optional<rooms::Room>> ReserveRoom(store::Transaction& tx, const RoomRequest& request,
                                               UtcTime now);

// Puts the booked room (or none) into the appointment's place: room, privacy, the open-space
// flag and, only then, the reason.
void ApplyRoom(appointments::Place& place, const std::optional<rooms::Room>& room,
               const std::optional<std::string>& reason);

// What the room finder shows: the rooms free for [starts_at, +duration) at the office, most
// private first, and the start times that day at which some room is free. Keep-apart is not
// considered (no person is named). kNotFound "unknown_office".
struct FreeRoomsAnswer {
  std::vector<rooms::Room> rooms;
  std::vector<UtcTime> times;
};
FreeRoomsAnswer FindFreeRooms(store::Transaction& tx, int64_t office_id, UtcTime starts_at,
                              int duration_minutes, UtcTime now);

}  // namespace probity::app
