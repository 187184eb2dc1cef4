// When a web session stops being valid: signed out, idle too long, or simply too old. Pure.
#pragma once

#include <chrono>

#include "core/time.h"

namespace probity::access {

struct SessionPolicy {
  std::chrono::minutes idle{30};         // no request for this long ends the session
  std::chrono::minutes absolute{600};    // a working day; then sign in again
  std::chrono::seconds touch_every{60};  // how stale last_seen may get before it is written
};

enum class SessionState { kActive, kEnded, kIdleExpired, kAbsoluteExpired };

SessionState CheckSession(const SessionPolicy& policy, UtcTime created_at, UtcTime last_seen_at,
                          bool ended, UtcTime now);

// True when last_seen is stale enough to be worth a write (keeps reads from all being writes).
bool NeedsTouch(const SessionPolicy& policy, UtcTime last_seen_at, UtcTime now);

const char* Describe(SessionState state);

}  // namespace probity::access
