#include "core/date.h"

#include <gtest/gtest.h>

namespace probity {
namespace {

Date D(const char* text) { return ParseDate(text).value(); }

TEST(ParseDate, AcceptsRealDaysOnly) {
  EXPECT_EQ(FormatDate(D("2026-11-23")), "2026-11-23");
  EXPECT_EQ(FormatDate(D("2024-02-29")), "2024-02-29");
  EXPECT_EQ(FormatDate(D("1900-01-01")), "1900-01-01");
  for (const char* bad : {"2025-02-29", "2026-13-01", "2026-00-10", "2026-1-01", "26-11-23",
                          "2026-11-23x", "2026/11/23", "", "2026-11-2 ", "abcd-ef-gh", "+026-11-23",
                          "2026-+1-23", "2026-11--3", "0000-00-00"}) {
    SCOPED_TRACE(bad);
    EXPECT_FALSE(ParseDate(bad));
  }
}

TEST(RequireDate, NamesTheField) {
  auto r = RequireDate("31/12/1990", "date_of_birth");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field, "date_of_birth");
  EXPECT_EQ(r.error().kind, ErrorKind::kInvalid);
}

TEST(WholeYears, CountsBirthdaysReached) {
  EXPECT_EQ(WholeYears(D("1990-06-15"), D("2026-06-14")), 35);
  EXPECT_EQ(WholeYears(D("1990-06-15"), D("2026-06-15")), 36);
  EXPECT_EQ(WholeYears(D("2000-02-29"), D("2026-02-28")), 25);
  EXPECT_EQ(WholeYears(D("2000-02-29"), D("2026-03-01")), 26);
}

TEST(AddMonths, ClampsToTheMonthsLastDay) {
  EXPECT_EQ(FormatDate(AddMonths(D("2026-01-31"), 1)), "2026-02-28");
  EXPECT_EQ(FormatDate(AddMonths(D("2026-11-23"), 12)), "2027-11-23");
  EXPECT_EQ(FormatDate(AddMonths(D("2026-11-23"), 18)), "2028-05-23");
  EXPECT_EQ(FormatDate(AddMonths(D("2026-03-31"), -1)), "2026-02-28");
}

TEST(DateOf, TakesTheUtcDay) {
  EXPECT_EQ(FormatDate(DateOf(ParseUtc("2026-11-23T23:59:59.999999Z").value())), "2026-11-23");
}

}  // namespace
}  // namespace probity
