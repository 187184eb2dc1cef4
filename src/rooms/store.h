// SQL for rooms. Runs inside the caller's Transaction; never commits, never checks a rule.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "rooms/model.h"
#include "store/db.h"

namespace probity::rooms {

// An active room in that office; nullopt when the office has no such room.
std::optional<Room> FindRoom(store::Transaction& tx, int64_t office_id, int64_t room_id);
// The office's active rooms by name.
std::vector<Room> LoadRooms(store::Transaction& tx, int64_t office_id);
// Inserts the room (id and version ignored); kConflict "duplicate_room" (field "name") when the
// office already has a room of that name.
Result<int64_t> InsertRoom(store::Transaction& tx, const Room& room);

}  // namespace probity::rooms
