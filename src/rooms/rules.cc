#include "rooms/rules.h"

#include <array>

#include "cases/contact_rules.h"

namespace probity::rooms {

namespace {
constexpr std::array kPrivacies = {
    cases::Term{"private", "Private interview room"},
    cases::Term{"shared", "Shared room"},
    cases::Term{"open_plan", "Open-plan space"},
    cases::Term{"public", "Public space"},
};
constexpr size_t kMaxName = 100;
constexpr int kMaxCapacity = 200;
}  // namespace

cases::Vocabulary Privacies() { return kPrivacies; }

Status CheckRoom(const Room& room) {
  const bool blank = room.name.find_first_not_of(" \t") == std::string::npos;
  if (blank) return Error::Invalid("missing_field", "give the room's name", "name");
  if (cases::CountCharacters(room.name) > kMaxName)
    return Error::Invalid("too_long", "name is at most 100 characters", "name");
  for (unsigned char c : room.name)
    if (c < 0x20 || c == 0x7f)
      return Error::Invalid("invalid_text", "name must be one line of text", "name");
  if (!cases::Has(Privacies(), room.privacy))
    return Error::Invalid("invalid_choice", "privacy is one of: " + cases::Choices(Privacies()),
                          "privacy");
  if (room.capacity < 1 || room.capacity > kMaxCapacity)
    return Error::Invalid("out_of_range", "capacity is from 1 to 200", "capacity");
  return {};
}

}  // namespace probity::rooms
