// Rooms in offices, where appointments at an office take place. No I/O here.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace probity::rooms {

// When a room can be booked, in UK wall-clock time: from `opens` to `closes` (minutes after
// midnight) on the days whose bit is set (bit 0 Monday ... bit 6 Sunday).
struct OpeningHours {
  int opens = 9 * 60;
  int closes = 17 * 60;
  unsigned days = 0b0011111;  // Monday to Friday
};

struct Room {
  int64_t id = 0;
  int64_t office_id = 0;
  std::string office_code;
  std::string name;
  std::string privacy;                     // Privacies(): private, shared, open_plan, public
  int capacity = 0;                        // people the room seats
  std::vector<std::string> accessibility;  // AccessibilityFeatures() codes, in that order
  OpeningHours hours;
  bool active = true;
  int version = 1;
};

}  // namespace probity::rooms
