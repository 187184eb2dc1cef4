// Rooms in offices, where appointments at an office take place. No I/O here.
#pragma once

#include <cstdint>
#include <string>

namespace probity::rooms {

struct Room {
  int64_t id = 0;
  int64_t office_id = 0;
  std::string office_code;
  std::string name;
  std::string privacy;  // Privacies(): private, shared, open_plan, public
  int capacity = 0;     // people the room seats
  int version = 1;
};

}  // namespace probity::rooms
