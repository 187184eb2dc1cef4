#include "access/session.h"

#include <gtest/gtest.h>

namespace probity::access {
namespace {

using namespace std::chrono_literals;
const UtcTime kStart = ParseUtc("2026-11-23T08:00:00.000000Z").value();

TEST(CheckSession, FollowsIdleAndAbsoluteLimits) {
  const SessionPolicy policy;  // 30 min idle, 10 h absolute
  const struct {
    const char* why;
    std::chrono::minutes since_start, since_seen;
    bool ended;
    SessionState want;
  } cases[] = {
      {"fresh", 0min, 0min, false, SessionState::kActive},
      {"29 minutes idle", 29min, 29min, false, SessionState::kActive},
      {"30 minutes idle", 30min, 30min, false, SessionState::kIdleExpired},
      {"busy all day but past 10 hours", 600min, 1min, false, SessionState::kAbsoluteExpired},
      {"just under 10 hours", 599min, 1min, false, SessionState::kActive},
      {"signed out", 1min, 1min, true, SessionState::kEnded},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.why);
    const UtcTime now = kStart + c.since_start;
    EXPECT_EQ(CheckSession(policy, kStart, now - c.since_seen, c.ended, now), c.want);
  }
}

TEST(NeedsTouch, WritesAtMostOncePerMinute) {
  const SessionPolicy policy;
  EXPECT_FALSE(NeedsTouch(policy, kStart, kStart + 59s));
  EXPECT_TRUE(NeedsTouch(policy, kStart, kStart + 60s));
}

}  // namespace
}  // namespace probity::access
