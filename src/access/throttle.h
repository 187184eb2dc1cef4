// When to refuse a sign-in attempt because of earlier failures (OWASP ASVS 2.2.1: throttling
// against guessing). Pure: the failures and the time arrive as values; no database, clock or log.
// The caller loads the failures (access/store.h) and refuses before verifying any password, so a
// throttled attacker learns nothing, even from the right password.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "core/time.h"

namespace probity::access {

struct ThrottlePolicy {
  int account_limit = 5;   // failures for one username within the window; 0 or less: no limit
  int address_limit = 20;  // failures from one client address within the window; 0 or less: none
  std::chrono::minutes window{15};
};

struct ThrottleDecision {
  bool allowed = true;
  UtcTime retry_after{};  // when refused: the first instant one more attempt will be allowed
  std::string message;    // when refused: for the person signing in; empty when allowed
};

// Counts the failures in the window (now - window, now]: one exactly `window` old no longer
// counts, nor one later than `now`. Refuses when the count for the account reaches
// account_limit, or the count for the address reaches address_limit. retry_after is when enough
// counted failures have left the window for the count to drop below every limit it reached (for
// a count at the limit: the oldest counted failure plus the window). The message says how many
// minutes to wait, rounded up, and that an administrator can reset the account.
// `account_failures` and `address_failures` may be in any order and may include old failures.
ThrottleDecision DecideSignIn(const ThrottlePolicy& policy,
                              const std::vector<UtcTime>& account_failures,
                              const std::vector<UtcTime>& address_failures, UtcTime now);

}  // namespace probity::access
