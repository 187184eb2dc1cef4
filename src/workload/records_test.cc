// Reductions and court reports as records (docs/workload.md, "Reductions and court reports").
#include "workload/records.h"

#include <gtest/gtest.h>

#include "workload/caseload.h"

namespace probity::workload {
namespace {

Date D(const char* text) { return *ParseDate(text); }

TEST(ParseHours, ReadsHoursAsExactHundredths) {
  EXPECT_EQ(*ParseHours("7.4", "hours"), 740);
  EXPECT_EQ(*ParseHours("18.50", "hours"), 1850);
  EXPECT_EQ(*ParseHours("37", "hours"), 3700);
  EXPECT_EQ(*ParseHours("0.05", "hours"), 5);
  EXPECT_EQ(*ParseHours("80", "hours"), 8000);
}

TEST(ParseHours, RefusesAnythingElseNamingTheField) {
  for (const char* bad : {"", ".", "7.125", "-1", "1e2", "7,5", "80.01", "abc", "1.2.3", " 7"}) {
    auto h = ParseHours(bad, "hours");
    ASSERT_FALSE(h) << bad;
    EXPECT_EQ(h.error().field, "hours");
  }
}

TEST(PlanReduction, TakesThePercentOfContractedHoursAndExpiresAfterTheAllowancesMonths) {
  auto nqo = PlanReduction("newly_qualified", 3700, std::nullopt, D("2026-11-30"));
  ASSERT_TRUE(nqo);
  EXPECT_EQ(nqo->hours, 740);
  EXPECT_EQ(nqo->expires, D("2027-08-30"));
  auto trainee = PlanReduction("pqip_0_6", 3700, std::nullopt, D("2026-08-31"));
  EXPECT_EQ(trainee->hours, 2960);
  EXPECT_EQ(trainee->expires, D("2027-02-28"));  // the month's last day
  auto absence = PlanReduction("long_term_absence", 3000, std::nullopt, D("2026-11-30"));
  EXPECT_EQ(absence->hours, 3000);
  EXPECT_FALSE(absence->expires);
}

TEST(PlanReduction, EnteredHoursForOtherAndTradeUnionTimeOnly) {
  EXPECT_EQ(PlanReduction("other", 3700, 350, D("2026-11-30"))->hours, 350);
  EXPECT_EQ(PlanReduction("trade_union", 3700, 1850, D("2026-11-30"))->hours, 1850);
  EXPECT_EQ(PlanReduction("trade_union", 3700, 1851, D("2026-11-30")).error().field, "hours");
  EXPECT_EQ(PlanReduction("other", 3700, 3701, D("2026-11-30")).error().field, "hours");
  EXPECT_EQ(PlanReduction("other", 3700, std::nullopt, D("2026-11-30")).error().field, "hours");
  EXPECT_EQ(PlanReduction("other", 3700, 0, D("2026-11-30")).error().field, "hours");
  EXPECT_EQ(PlanReduction("newly_qualified", 3700, 100, D("2026-11-30")).error().field, "hours");
  EXPECT_EQ(PlanReduction("sabbatical", 3700, std::nullopt, D("2026-11-30")).error().field,
            "allowance");
}

TEST(CheckReductionEnd, AfterTheStartAndNoLaterThanTheExpiry) {
  const Reduction r{740, D("2026-11-30"), D("2027-08-30")};
  EXPECT_TRUE(CheckReductionEnd(r, D("2026-12-01")));
  EXPECT_TRUE(CheckReductionEnd(r, D("2027-08-30")));
  EXPECT_EQ(CheckReductionEnd(r, D("2026-11-30")).error().field, "ended_on");
  EXPECT_EQ(CheckReductionEnd(r, D("2027-08-31")).error().field, "ended_on");
  EXPECT_TRUE(CheckReductionEnd({100, D("2026-01-01"), std::nullopt}, D("2030-01-01")));
}

TEST(CheckCourtReport, KindAndTheThirtyDaysItCounts) {
  const Date today = D("2026-11-30");
  EXPECT_TRUE(CheckCourtReport("standard", today, today));
  EXPECT_TRUE(CheckCourtReport("fast", D("2026-11-01"), today));  // its 30th day
  EXPECT_EQ(CheckCourtReport("fast", D("2026-10-31"), today).error().field, "completed_on");
  EXPECT_EQ(CheckCourtReport("fast", D("2026-12-01"), today).error().field, "completed_on");
  EXPECT_EQ(CheckCourtReport("oral", today, today).error().field, "kind");
  EXPECT_EQ(ReportCountsUntil(D("2026-11-01")), D("2026-12-01"));
}

}  // namespace
}  // namespace probity::workload
