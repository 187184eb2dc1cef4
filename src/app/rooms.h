// Use cases on rooms: add one to an office and change it (administrators; checked in the
// handler), list an office's rooms, its diary for a day, the rooms free at a time, and the
// keep-apart margin. Event kinds and payload fields are FROZEN: see rooms.cc.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/room_booking.h"
#include "core/date.h"
#include "core/result.h"
#include "core/time.h"
#include "rooms/model.h"
#include "rooms/store.h"
#include "store/db.h"
#include "store/event_log.h"

namespace probity::app {

// Adds a room to the office `office_code` (kNotFound "unknown_office" when there is none).
// Event room.created.
Result<rooms::Room> CreateRoom(store::Db& db, const store::Actor& by,
                               const std::string& office_code, const rooms::Room& room,
                               UtcTime now);

// The fields to change (absent: kept). Bookings already made stay where they are: taking a room
// out of use or shortening its hours does not move them (the diary still shows them).
struct RoomChange {
  std::optional<std::string> name;
  std::optional<std::string> privacy;
  std::optional<int> capacity;
  std::optional<std::vector<std::string>> accessibility;
  std::optional<int> opens;  // minutes after midnight, UK time
  std::optional<int> closes;
  std::optional<unsigned> days;  // rooms::OpeningHours::days bits
  std::optional<bool> active;
};
// kNotFound "unknown_office" / "unknown_room"; kConflict "stale_version" when the room is no
// longer at `expected_version`. Event room.changed.
Result<rooms::Room> ChangeRoom(store::Db& db, const store::Actor& by,
                               const std::string& office_code, int64_t room_id,
                               const RoomChange& change, int expected_version, UtcTime now);

// The office's rooms: active ones, or every one. kNotFound "unknown_office".
Result<std::vector<rooms::Room>> ListRooms(store::Db& db, const std::string& office_code,
                                           bool with_inactive = false);

// An office's day: its rooms in use (and those taken out of use that hold a booking that day)
// and every booking there that UK day, each marked visible or not to `viewer` (a staff id).
// kNotFound "unknown_office".
struct OfficeDiary {
  std::string office_code;
  std::string office_name;
  Date day{};
  std::vector<rooms::Room> rooms;
  std::vector<rooms::DiaryEntry> entries;
};
Result<OfficeDiary> RoomDiary(store::Db& db, const std::string& office_code, int64_t viewer,
                              Date day);

// The room finder: rooms free at the office for the span and the times free that day.
// kNotFound "unknown_office"; kInvalid "duration_minutes" outside 5 to 480.
Result<FreeRoomsAnswer> FreeRoomsAt(store::Db& db, const std::string& office_code,
                                    UtcTime starts_at, int duration_minutes, UtcTime now);

// The keep-apart margin: its history, newest (in force) first; and a change (administrators),
// 0 to 480 minutes with a reason. Event keep_apart.margin_changed.
std::vector<rooms::MarginChange> KeepApartMargins(store::Db& db);
Result<rooms::MarginChange> SetKeepApartMargin(store::Db& db, const store::Actor& by, int minutes,
                                               const std::string& reason, UtcTime now);

}  // namespace probity::app
