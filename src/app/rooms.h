// Use cases on rooms: add one to an office (administrators; checked in the handler) and list an
// office's rooms. Event kinds and payload fields are FROZEN: see rooms.cc.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"
#include "core/time.h"
#include "rooms/model.h"
#include "store/db.h"
#include "store/event_log.h"

namespace probity::app {

// Adds a room to the office `office_code` (kNotFound "unknown_office" when there is none).
// Event room.created.
Result<rooms::Room> CreateRoom(store::Db& db, const store::Actor& by,
                               const std::string& office_code, const rooms::Room& room,
                               UtcTime now);

// The office's active rooms. kNotFound "unknown_office".
Result<std::vector<rooms::Room>> ListRooms(store::Db& db, const std::string& office_code);

}  // namespace probity::app
