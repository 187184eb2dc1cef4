#include "core/uk_time.h"

#include <gtest/gtest.h>

namespace probity {
namespace {

UtcTime Utc(const char* text) { return *ParseUtc(text); }

TEST(UkTime, WinterTimesAreUtcAndSummerTimesAnHourAhead) {
  EXPECT_EQ(*ParseUkLocalTime("2026-11-24T10:00", "starts_at"), Utc("2026-11-24T10:00:00.000000Z"));
  EXPECT_EQ(*ParseUkLocalTime("2026-07-01T10:00", "starts_at"), Utc("2026-07-01T09:00:00.000000Z"));
  EXPECT_EQ(*ParseUkLocalTime("2026-07-01 10:00:30", "starts_at"),
            Utc("2026-07-01T09:00:30.000000Z"));
}

TEST(UkTime, TheHourSkippedWhenTheClocksGoForwardIsRefusedNotMoved) {
  auto gap = ParseUkLocalTime("2027-03-28T01:30", "starts_at");
  ASSERT_FALSE(gap);
  EXPECT_EQ(gap.error().code, "nonexistent_time");
  EXPECT_EQ(gap.error().field, "starts_at");
  EXPECT_NE(gap.error().message.find("01:30 on 2027-03-28"), std::string::npos);
  EXPECT_EQ(*ParseUkLocalTime("2027-03-28T02:00", "starts_at"), Utc("2027-03-28T01:00:00.000000Z"));
  EXPECT_EQ(*ParseUkLocalTime("2027-03-28T00:59", "starts_at"), Utc("2027-03-28T00:59:00.000000Z"));
}

TEST(UkTime, TheRepeatedHourWhenTheClocksGoBackNeedsItsOffset) {
  auto twice = ParseUkLocalTime("2026-10-25T01:30", "starts_at");
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().code, "ambiguous_time");
  EXPECT_EQ(*ParseUkLocalTime("2026-10-25T01:30+01:00", "starts_at"),
            Utc("2026-10-25T00:30:00.000000Z"));
  EXPECT_EQ(*ParseUkLocalTime("2026-10-25T01:30+00:00", "starts_at"),
            Utc("2026-10-25T01:30:00.000000Z"));
  EXPECT_EQ(*ParseUkLocalTime("2026-10-25T01:30Z", "starts_at"),
            Utc("2026-10-25T01:30:00.000000Z"));
}

TEST(UkTime, AnOffsetThatIsNotTheUksAtThatTimeIsRefused) {
  auto wrong = ParseUkLocalTime("2026-07-01T10:00+00:00", "starts_at");
  ASSERT_FALSE(wrong);
  EXPECT_EQ(wrong.error().code, "wrong_offset");
  EXPECT_FALSE(ParseUkLocalTime("2026-11-24T10:00+05:30", "starts_at"));
  EXPECT_TRUE(ParseUkLocalTime("2026-11-24T10:00+00:00", "starts_at"));
}

TEST(UkTime, MalformedTimesAreRefusedNamingTheField) {
  for (const char* bad :
       {"", "2026-11-24", "2026-11-24T25:00", "2026-02-30T10:00", "2026-11-24T10:60",
        "24/11/2026 10:00", "2026-11-24T10:00+1", "2026-11-24T10:00:00.5", "2026-11-24T10:00 "}) {
    auto r = ParseUkLocalTime(bad, "starts_at");
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().code, "invalid_time") << bad;
    EXPECT_EQ(r.error().field, "starts_at");
  }
}

TEST(UkTime, FormatsTheWallClockWithItsOffset) {
  EXPECT_EQ(FormatUkLocal(Utc("2026-11-24T10:00:00.000000Z")), "2026-11-24T10:00+00:00");
  EXPECT_EQ(FormatUkLocal(Utc("2026-07-01T09:00:00.000000Z")), "2026-07-01T10:00+01:00");
  EXPECT_EQ(FormatUkLocal(Utc("2026-10-25T00:30:00.000000Z")), "2026-10-25T01:30+01:00");
  EXPECT_EQ(FormatUkLocal(Utc("2026-10-25T01:30:00.000000Z")), "2026-10-25T01:30+00:00");
}

TEST(UkTime, TheUkDayOfAnInstantFollowsSummerTime) {
  EXPECT_EQ(FormatDate(UkDateOf(Utc("2026-07-01T23:30:00.000000Z"))), "2026-07-02");
  EXPECT_EQ(FormatDate(UkDateOf(Utc("2026-12-01T23:30:00.000000Z"))), "2026-12-01");
  EXPECT_EQ(UkStartOfDay(*ParseDate("2026-07-02")), Utc("2026-07-01T23:00:00.000000Z"));
  EXPECT_EQ(UkStartOfDay(*ParseDate("2026-12-02")), Utc("2026-12-02T00:00:00.000000Z"));
}

TEST(UkTime, DatesAndTimesAreInUkTimeAcrossTheClockChanges) {
  EXPECT_EQ(LongDate("2026-03-10"), "10 March 2026");
  EXPECT_EQ(LongDate("not a date"), "not a date");
  EXPECT_EQ(LongDateTime(*ParseUtc("2026-01-05T14:05:00.000000Z")), "5 January 2026 at 2:05pm");
  EXPECT_EQ(LongDateTime(*ParseUtc("2026-07-05T11:00:00.000000Z")), "5 July 2026 at midday");
  EXPECT_EQ(LongDateTime(*ParseUtc("2026-07-04T23:00:00.000000Z")), "5 July 2026 at midnight");
  EXPECT_EQ(LongTime(*ParseUtc("2026-07-05T08:15:00.000000Z")), "9:15am");  // BST
  EXPECT_EQ(LongTime(*ParseUtc("2026-01-05T14:00:00.000000Z")), "2pm");
  EXPECT_EQ(LongTime(*ParseUtc("2026-07-05T11:00:00.000000Z")), "midday");
  // 2027-03-28: 01:00 GMT becomes 02:00 BST; 01:30 never happens.
  EXPECT_EQ(UkLocalToUtc(*ParseUtc("2027-03-28T01:30:00.000000Z")), std::nullopt);
  EXPECT_EQ(UkLocalToUtc(*ParseUtc("2027-03-28T02:30:00.000000Z")),
            ParseUtc("2027-03-28T01:30:00.000000Z"));
  // 2026-10-25: 01:30 happens twice; the first (BST) is taken.
  EXPECT_EQ(UkLocalToUtc(*ParseUtc("2026-10-25T01:30:00.000000Z")),
            ParseUtc("2026-10-25T00:30:00.000000Z"));
}

}  // namespace
}  // namespace probity
