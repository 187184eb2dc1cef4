#include "access/throttle.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

namespace probity::access {

namespace {

// When the failures in the window next fall below `limit`, or nullopt when they are below it now
// (or there is no limit).
std::optional<UtcTime> BlockedUntil(const std::vector<UtcTime>& failures, int limit,
                                    std::chrono::minutes window, UtcTime now) {
  if (limit <= 0) return std::nullopt;
  std::vector<UtcTime> counted;
  for (UtcTime t : failures)
    if (t > now - window && t <= now) counted.push_back(t);
  const auto limit_size = static_cast<size_t>(limit);
  if (counted.size() < limit_size) return std::nullopt;
  // The count drops below the limit once count - limit + 1 failures have left: the one at index
  // count - limit (oldest first) is the last of those to go.
  const auto last_to_leave = counted.begin() + static_cast<long>(counted.size() - limit_size);
  std::nth_element(counted.begin(), last_to_leave, counted.end());
  return *last_to_leave + window;
}

}  // namespace

ThrottleDecision DecideSignIn(const ThrottlePolicy& policy,
                              const std::vector<UtcTime>& account_failures,
                              const std::vector<UtcTime>& address_failures, UtcTime now) {
  const auto account = BlockedUntil(account_failures, policy.account_limit, policy.window, now);
  const auto address = BlockedUntil(address_failures, policy.address_limit, policy.window, now);
  if (!account && !address) return {};
  ThrottleDecision refused;
  refused.allowed = false;
  refused.retry_after = std::max(account.value_or(now), address.value_or(now));
  const auto wait = std::chrono::ceil<std::chrono::minutes>(refused.retry_after - now);
  const auto minutes = std::max<long>(1, static_cast<long>(wait.count()));
  refused.message = fmt::format(
      "Too many failed sign-in attempts. Try again in {} minute{}, or ask an administrator to "
      "reset your account.",
      minutes, minutes == 1 ? "" : "s");
  return refused;
}

}  // namespace probity::access
