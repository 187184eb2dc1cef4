#include "rooms/hours.h"

#include <gtest/gtest.h>

namespace probity::rooms {
namespace {

TEST(RoomHours, TimesOfDayAreReadAndWrittenAsHoursAndMinutes) {
  EXPECT_EQ(ParseTimeOfDay("09:00"), 540);
  EXPECT_EQ(ParseTimeOfDay("17:30"), 1050);
  EXPECT_EQ(ParseTimeOfDay("24:00"), 1440);
  EXPECT_EQ(FormatTimeOfDay(540), "09:00");
  EXPECT_EQ(FormatTimeOfDay(1050), "17:30");
  for (const char* bad : {"9:00", "09:60", "24:01", "25:00", "0900", "ab:cd", "", "09:00 "})
    EXPECT_FALSE(ParseTimeOfDay(bad)) << bad;
}

TEST(RoomHours, DaysAreNamedMondayFirstWithoutRepeats) {
  EXPECT_EQ(ParseDays("mon,tue,wed,thu,fri"), 0b0011111u);
  EXPECT_EQ(ParseDays("sat,mon"), 0b0100001u);
  EXPECT_EQ(FormatDays(0b0100001u), "mon,sat");
  for (const char* bad : {"", "mon,mon", "monday", "mon,,tue", "Mon"})
    EXPECT_FALSE(ParseDays(bad)) << bad;
}

TEST(RoomHours, OpeningMustComeBeforeClosingOnSomeDay) {
  EXPECT_TRUE(CheckOpeningHours({9 * 60, 17 * 60, 0b11111}));
  EXPECT_EQ(CheckOpeningHours({17 * 60, 9 * 60, 0b11111}).error().field, "closes");
  EXPECT_EQ(CheckOpeningHours({9 * 60, 9 * 60, 0b11111}).error().field, "closes");
  EXPECT_EQ(CheckOpeningHours({9 * 60, 17 * 60, 0}).error().field, "open_days");
  EXPECT_EQ(CheckOpeningHours({-1, 17 * 60, 1}).error().field, "opens");
  EXPECT_EQ(DescribeOpeningHours({8 * 60 + 30, 20 * 60, 0b0100001}), "Mon, Sat 08:30 to 20:00");
}

}  // namespace
}  // namespace probity::rooms
