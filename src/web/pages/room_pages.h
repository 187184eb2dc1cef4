// Rooms in the browser (docs/rooms.md "Pages and API"): /offices (each office, linking to its
// diary and room finder), /offices/{code}/diary?date= (each room and its bookings that UK day; a
// case the viewer may not see is "Booked (restricted case)"), /offices/{code}/room-finder
// (a GET form: the rooms free at a time, most private first, and the free times that day), and
// for administrators /offices/{code}/rooms (the rooms, the form to add one) and
// /offices/{code}/rooms/{id} (the form to change one). Handlers read the request, call
// app/rooms.h and render; no SQL and no rules here.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "web/pages/page.h"
#include "web/router.h"

namespace probity::web::pages {

void AddRoomPages(Router& router, const Site& site);

// The room finder of an office, for links from other pages: "/offices/NE-WALL/room-finder".
std::string RoomFinderUrl(const std::string& office_code);

}  // namespace probity::web::pages
