#include "access/session.h"

namespace probity::access {

SessionState CheckSession(const SessionPolicy& policy, UtcTime created_at, UtcTime last_seen_at,
                          bool ended, UtcTime now) {
  if (ended) return SessionState::kEnded;
  if (now - created_at >= policy.absolute) return SessionState::kAbsoluteExpired;
  if (now - last_seen_at >= policy.idle) return SessionState::kIdleExpired;
  return SessionState::kActive;
}

bool NeedsTouch(const SessionPolicy& policy, UtcTime last_seen_at, UtcTime now) {
  return now - last_seen_at >= policy.touch_every;
}

const char* Describe(SessionState state) {
  switch (state) {
    case SessionState::kActive:
      return "active";
    case SessionState::kEnded:
      return "you have signed out: sign in again";
    case SessionState::kIdleExpired:
      return "your session timed out after a period of inactivity: sign in again";
    case SessionState::kAbsoluteExpired:
      return "your session has ended: sign in again";
  }
  return "sign in again";
}

}  // namespace probity::access
