// SQL for rooms and bookings. Runs inside the caller's Transaction; never commits, never checks a
// rule.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/time.h"
#include "rooms/booking.h"
#include "rooms/model.h"
#include "store/db.h"

namespace probity::rooms {

// A room of that office, active or not.
std::optional<Room> FindAnyRoom(store::Transaction& tx, int64_t office_id, int64_t room_id);
// The office's rooms by name: active ones, or every one.
std::vector<Room> LoadRooms(store::Transaction& tx, int64_t office_id, bool with_inactive = false);
// Inserts the room (id and version ignored); kConflict "duplicate_room" (field "name") when the
// office already has a room of that name.
Result<int64_t> InsertRoom(store::Transaction& tx, const Room& room);
// Writes every field of the room at room.version + 1, if it is still at room.version:
// kConflict "stale_version" otherwise, "duplicate_room" for a name another room has.
Result<int> UpdateRoom(store::Transaction& tx, const Room& room);

// Serialises bookings at one office: on PostgreSQL a row lock on the office held to the end of
// the transaction, so two requests booking there run one after the other and each sees the
// other's booking; on SQLite the write transaction (BEGIN IMMEDIATE) already does.
void LockOfficeBookings(store::Transaction& tx, int64_t office_id);

// Booked (not rearranged) appointments at the office overlapping [from, to).
std::vector<Booking> BookingsAtOffice(store::Transaction& tx, int64_t office_id, UtcTime from,
                                      UtcTime to);

// An office's diary: booked appointments there in [from, to) with the room, type, person and
// practitioner. Every booking is listed, so a room is never shown free when it is not; `visible`
// says whether `viewer` (a staff id) may see the person, and the page hides who it is if not.
struct DiaryEntry {
  int64_t appointment_id = 0;
  std::optional<int64_t> room_id;
  Span span;
  std::string type_label;
  int64_t person_id = 0;
  std::string crn;
  std::string person_name;
  bool visible = false;
  std::string staff_name;
  bool open_space = false;
};
std::vector<DiaryEntry> DiaryAtOffice(store::Transaction& tx, int64_t office_id, int64_t viewer,
                                      UtcTime from, UtcTime to);

// People the person must be kept apart from now (links not ended).
std::vector<int64_t> KeepApartFrom(store::Transaction& tx, int64_t person_id);

// The keep-apart margin in force, and its history (newest first).
struct MarginChange {
  int64_t id = 0;
  int minutes = 0;
  std::string reason;
  std::string changed_by;
  UtcTime changed_at{};
};
std::chrono::minutes CurrentMargin(store::Transaction& tx);
std::vector<MarginChange> MarginHistory(store::Transaction& tx);
int64_t InsertMargin(store::Transaction& tx, const MarginChange& change);

}  // namespace probity::rooms
