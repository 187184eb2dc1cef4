#include "core/time.h"

#include <gtest/gtest.h>

namespace probity {
namespace {

TEST(FormatUtc, IsFixedWidthWithMicroseconds) {
  using namespace std::chrono;
  const UtcTime t = sys_days{2026y / 3 / 29} + 1h + 2min + 3s + 45us;
  EXPECT_EQ(FormatUtc(t), "2026-03-29T01:02:03.000045Z");
}

TEST(ParseUtc, RoundTripsFormatUtc) {
  for (const char* text : {"2026-11-23T09:15:02.123456Z", "2000-02-29T23:59:59.999999Z",
                           "1970-01-01T00:00:00.000000Z"}) {
    SCOPED_TRACE(text);
    auto t = ParseUtc(text);
    ASSERT_TRUE(t);
    EXPECT_EQ(FormatUtc(*t), text);
  }
}

TEST(ParseUtc, RejectsAnythingElse) {
  for (const char* text : {"", "2026-11-23", "2026-11-23T09:15:02Z", "2026-02-30T00:00:00.000000Z",
                           "2026-11-23T24:00:00.000000Z", "2026-11-23 09:15:02.123456Z",
                           "2026-11-23T09:15:02.123456+01:00", "2026-1a-23T09:15:02.123456Z"}) {
    SCOPED_TRACE(text);
    EXPECT_FALSE(ParseUtc(text));
  }
}

}  // namespace
}  // namespace probity
