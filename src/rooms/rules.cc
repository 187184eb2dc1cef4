#include "rooms/rules.h"

#include <array>

#include "cases/contact_rules.h"
#include "rooms/hours.h"

namespace probity::rooms {

namespace {
constexpr std::array kPrivacies = {
    cases::Term{"private", "Private interview room"},
    cases::Term{"shared", "Shared room"},
    cases::Term{"open_plan", "Open-plan space"},
    cases::Term{"public", "Public space"},
};
constexpr std::array kAccessibility = {
    cases::Term{"step_free", "Step-free access"},
    cases::Term{"hearing_loop", "Hearing loop"},
    cases::Term{"accessible_toilet", "Accessible toilet nearby"},
    cases::Term{"wide_door", "Wide door for wheelchairs"},
    cases::Term{"quiet", "Quiet, low-stimulus room"},
    cases::Term{"interpreter_phone", "Interpreter phone"},
};
constexpr size_t kMaxName = 100;
constexpr int kMaxCapacity = 200;
}  // namespace

cases::Vocabulary Privacies() { return kPrivacies; }
cases::Vocabulary AccessibilityFeatures() { return kAccessibility; }

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
  for (size_t i = 0; i < room.accessibility.size(); ++i) {
    const auto& code = room.accessibility[i];
    if (!cases::Has(AccessibilityFeatures(), code))
      return Error::Invalid(
          "invalid_choice",
          "accessibility features are from: " + cases::Choices(AccessibilityFeatures()),
          "accessibility");
    for (size_t j = 0; j < i; ++j)
      if (room.accessibility[j] == code)
        return Error::Invalid("duplicate", "accessibility names " + code + " twice",
                              "accessibility");
  }
  return CheckOpeningHours(room.hours);
}

}  // namespace probity::rooms
