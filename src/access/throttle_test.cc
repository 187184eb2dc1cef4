#include "access/throttle.h"

#include <gtest/gtest.h>

#include <optional>

namespace probity::access {
namespace {

using namespace std::chrono_literals;
using std::chrono::microseconds;

const UtcTime kNow = *ParseUtc("2026-03-02T10:30:00.000000Z");

UtcTime Ago(microseconds d) { return kNow - d; }

std::vector<UtcTime> Times(std::initializer_list<microseconds> ago) {
  std::vector<UtcTime> out;
  for (auto d : ago) out.push_back(Ago(d));
  return out;
}

std::vector<UtcTime> Same(int count, microseconds ago) {
  return std::vector<UtcTime>(static_cast<size_t>(count), Ago(ago));
}

// Policy: 5 for an account, 20 for an address, in 15 minutes (the defaults).
TEST(DecideSignIn, FollowsTheThrottlePolicy) {
  const struct {
    const char* why;
    std::vector<UtcTime> account, address;
    std::optional<microseconds> retry_in;  // nullopt: allowed
  } cases[] = {
      {"no failures", {}, {}, std::nullopt},
      {"account: limit - 1 in the window", Times({1min, 2min, 3min, 4min}), {}, std::nullopt},
      {"account: limit in the window; wait for the oldest to leave",
       Times({1min, 2min, 3min, 4min, 5min}),
       {},
       10min},
      {"account: oldest exactly one window old no longer counts",
       Times({1min, 2min, 3min, 4min, 15min}),
       {},
       std::nullopt},
      {"account: oldest just inside the window counts, for a moment",
       Times({1min, 2min, 3min, 4min, 15min - 1us}),
       {},
       1us},
      {"account: a failure at this very instant counts",
       Times({0min, 2min, 3min, 4min, 5min}),
       {},
       10min},
      {"account: a failure stamped later than now does not count",
       Times({-1s, 2min, 3min, 4min, 5min}),
       {},
       std::nullopt},
      {"account: old failures outside the window are ignored",
       Times({1min, 2min, 3min, 4min, 16min, 20min, 30min, 60min}),
       {},
       std::nullopt},
      {"account: over the limit; wait until the count drops below it",
       Times({1min, 3min, 5min, 10min, 12min, 13min, 14min}),
       {},
       3min},
      {"account: order of failures does not matter",
       Times({13min, 1min, 14min, 5min, 12min, 3min, 10min}),
       {},
       3min},
      {"account: same instant several times", Same(5, 6min), {}, 9min},
      {"address: limit - 1 in the window", {}, Same(19, 1min), std::nullopt},
      {"address: limit in the window", {}, Same(20, 1min), 14min},
      {"address: failures at the window edge do not count", {}, Same(20, 15min), std::nullopt},
      {"address at its limit though the account is not", Times({1min}), Same(20, 2min), 13min},
      {"both at their limits: wait for the later", Same(5, 10min), Same(20, 2min), 13min},
      {"both at their limits: the other way round", Same(5, 2min), Same(20, 10min), 13min},
  };
  const ThrottlePolicy policy;
  for (const auto& c : cases) {
    SCOPED_TRACE(c.why);
    const auto d = DecideSignIn(policy, c.account, c.address, kNow);
    EXPECT_EQ(d.allowed, !c.retry_in.has_value());
    if (c.retry_in) {
      EXPECT_EQ(d.retry_after, kNow + *c.retry_in);
      EXPECT_FALSE(d.message.empty());
    } else {
      EXPECT_EQ(d.retry_after, UtcTime{});
      EXPECT_TRUE(d.message.empty());
    }
  }
}

TEST(DecideSignIn, PolicyValuesAreHonoured) {
  ThrottlePolicy strict{.account_limit = 1, .address_limit = 2, .window = 60min};
  EXPECT_FALSE(DecideSignIn(strict, Times({59min}), {}, kNow).allowed);
  EXPECT_TRUE(DecideSignIn(strict, Times({60min}), {}, kNow).allowed);
  EXPECT_FALSE(DecideSignIn(strict, {}, Times({1min, 59min}), kNow).allowed);
  EXPECT_EQ(DecideSignIn(strict, {}, Times({1min, 59min}), kNow).retry_after, kNow + 1min);
}

TEST(DecideSignIn, ALimitOfZeroOrLessIsNoLimit) {
  ThrottlePolicy off{.account_limit = 0, .address_limit = -1};
  EXPECT_TRUE(DecideSignIn(off, Same(100, 1min), Same(100, 1min), kNow).allowed);
  EXPECT_TRUE(DecideSignIn(off, {}, {}, kNow).allowed);
}

TEST(DecideSignIn, MessageSaysHowManyMinutesToWaitRoundedUp) {
  const ThrottlePolicy policy;
  const struct {
    const char* why;
    microseconds oldest_ago;
    const char* wait;
  } cases[] = {
      {"whole minutes", 5min, "10 minutes"},
      {"part of a minute rounds up", 5min + 30s, "10 minutes"},
      {"under a minute", 15min - 1s, "1 minute"},
      {"exactly one minute", 14min, "1 minute"},
      {"a full window", 0min, "15 minutes"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.why);
    const auto d = DecideSignIn(policy, Same(5, c.oldest_ago), {}, kNow);
    ASSERT_FALSE(d.allowed);
    EXPECT_EQ(d.message, std::string("Too many failed sign-in attempts. Try again in ") + c.wait +
                             ", or ask an administrator to reset your account.");
  }
}

}  // namespace
}  // namespace probity::access
