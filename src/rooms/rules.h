// Rules for rooms: what a room must be. Pure; each failure is kInvalid naming the field.
#pragma once

#include "cases/vocabulary.h"
#include "core/result.h"
#include "rooms/model.h"

namespace probity::rooms {

// private (a closed interview room), shared (closed, but used by more than one at a time),
// open_plan, public (a space outside the service, such as a library). FROZEN codes.
cases::Vocabulary Privacies();

// What a room offers people with access needs. FROZEN codes: step_free, hearing_loop,
// accessible_toilet, wide_door, quiet (low-stimulus, for neurodivergent people), interpreter_phone.
cases::Vocabulary AccessibilityFeatures();

// "name" 1 to 100 characters on one line; "privacy" one of Privacies(); "capacity" 1 to 200;
// "accessibility" codes of AccessibilityFeatures() without repeats; opening hours as
// CheckOpeningHours.
Status CheckRoom(const Room& room);

}  // namespace probity::rooms
