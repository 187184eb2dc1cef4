// Rooms and safeguarding over the JSON API (issue 11; docs/rooms.md): an office's rooms (anyone
// signed in reads them; administrators add and change them), the room finder, an office's diary
// for a day (bookings of cases the caller may not see show the room taken and nothing else), and
// the keep-apart margin. Handlers parse, ask the policy, call app/rooms.h and map the result; no
// SQL and no rules here.
#pragma once

#include <nlohmann/json.hpp>

#include "app/rooms.h"
#include "rooms/model.h"
#include "web/auth.h"
#include "web/router.h"

namespace probity::web {

// A room as the API gives it: {id, office, name, privacy, privacy_label, capacity,
// accessibility, opens, closes, open_days, active, version}.
nlohmann::json RoomJson(const rooms::Room& room);

// One booking in an office's diary: who, what and when for a case the viewer may see; for one
// they may not, only the room, the times and {"restricted": true}.
nlohmann::json DiaryEntryJson(const rooms::DiaryEntry& entry);

void AddRoomRoutes(Router& router, const Auth& auth);

}  // namespace probity::web
