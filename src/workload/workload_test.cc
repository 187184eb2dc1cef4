// The vectors of shared/reference/workload.md, default rows spot-checked, and invalid input.
#include <gtest/gtest.h>

#include "workload/capacity.h"
#include "workload/model.h"
#include "workload/points.h"
#include "workload/reductions.h"

namespace probity::workload {
namespace {

int T(const char* code) { return *TierIndex(code); }

TEST(OverCapacity, IsPast100PercentNotAtIt) {
  EXPECT_FALSE(OverCapacity(1000));
  EXPECT_TRUE(OverCapacity(1001));
  EXPECT_FALSE(OverCapacity(0));
}

TEST(Weightings, DefaultRowsMatchTheTable) {
  const Weightings w = DefaultWeightings();
  EXPECT_EQ(WeightOf(w, {CaseType::kCommunity, T("A3"), false, 1}), 206);
  EXPECT_EQ(WeightOf(w, {CaseType::kCommunity, T("D0"), false, 1}), 29);
  EXPECT_EQ(WeightOf(w, {CaseType::kCustody, T("B2"), false, 1}), 48);
  EXPECT_EQ(WeightOf(w, {CaseType::kLicence, T("A3"), false, 1}), 219);
  EXPECT_EQ(WeightOf(w, {CaseType::kLicence, T("D0"), false, 1}), 0);
  EXPECT_EQ(WeightOf(w, {CaseType::kLicence, T("B2"), true, 1}), 48);         // young adult row
  EXPECT_EQ(WeightOf(w, {CaseType::kCommunity, std::nullopt, false, 1}), 0);  // untiered
  EXPECT_FALSE(TierIndex("E1"));
  EXPECT_FALSE(ParseCaseType("prison"));
}

TEST(Points, CustomWeightsVector) {
  Weightings w{};
  w.young_adult.fill(10);
  w.custody.fill(2);
  PointsInput in{
      {{CaseType::kCommunity, T("C2"), true, 10}, {CaseType::kCustody, T("C2"), false, 5}}, 0, 0};
  auto p = CalculatePoints(w, in);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->total, 110);
  EXPECT_EQ(p->breakdown[0].points, 100);
}

TEST(Points, ReportsVector) {
  Weightings w{};
  w.standard_report = 10;
  w.fast_report = 2;
  auto p = CalculatePoints(w, {{}, 7, 12});
  ASSERT_TRUE(p);
  EXPECT_EQ(p->total, 94);
  EXPECT_EQ(CalculatePoints(DefaultWeightings(), {{}, 1, 1})->total, 138 + 65);
}

TEST(Points, RefusesNamingTheField) {
  auto p = CalculatePoints(
      DefaultWeightings(),
      {{{CaseType::kCustody, T("A1"), false, 1}, {CaseType::kCustody, T("A1"), false, -1}}, 0, 0});
  ASSERT_FALSE(p);
  EXPECT_EQ(p.error().field, "cases[1].count");
  EXPECT_EQ(CalculatePoints(DefaultWeightings(), {{}, -1, 0}).error().field, "standard_reports");
  EXPECT_EQ(CalculatePoints(DefaultWeightings(), {{}, 0, 100001}).error().field, "fast_reports");
  EXPECT_EQ(CalculatePoints(DefaultWeightings(), {{{CaseType::kCustody, 16, false, 1}}, 0, 0})
                .error()
                .field,
            "cases[0].tier");
}

TEST(Capacity, AvailablePointsVectors) {
  EXPECT_EQ(*AvailablePoints(2176, 3700, 3700, 180), 2070);
  EXPECT_EQ(*AvailablePoints(2176, 3700, 3000, 180), 1658);
  EXPECT_EQ(*AvailablePoints(2176, 3700, 3700, 5000), 0);  // reduction capped at contracted
  EXPECT_EQ(AvailablePoints(2176, 3700, 8100, 0).error().field, "contracted_hours");
  EXPECT_EQ(AvailablePoints(2176, 3700, -1, 0).error().field, "contracted_hours");
  EXPECT_EQ(AvailablePoints(0, 3700, 3700, 0).error().field, "nominal_target");
  EXPECT_EQ(AvailablePoints(2176, 0, 3700, 0).error().field, "default_hours");
  EXPECT_EQ(AvailablePoints(2176, 3700, 3700, -1).error().field, "reduction_hours");
}

TEST(Capacity, PercentInTenthsHalfUp) {
  EXPECT_EQ(CapacityTenths(5, 10), 500);
  EXPECT_EQ(CapacityTenths(0, 10), 0);
  EXPECT_EQ(CapacityTenths(5, 0), 0);
  EXPECT_EQ(CapacityTenths(1, 8), 125);         // 12.5 exactly
  EXPECT_EQ(CapacityTenths(1, 16), 63);         // 6.25 -> 6.3 (half up)
  EXPECT_EQ(CapacityTenths(1, 2000), 1);        // 0.05 -> 0.1
  EXPECT_EQ(CapacityTenths(1, 2001), 0);        // 0.04997... -> 0.0
  EXPECT_EQ(CapacityTenths(2277, 2070), 1100);  // 110.0
}

TEST(Reductions, HoursVectors) {
  EXPECT_EQ(ReductionHours(3700, 40), 1480);
  EXPECT_EQ(ReductionHours(3700, 50), 1850);
  EXPECT_EQ(ReductionHours(3700, 47), 1739);
  EXPECT_EQ(ReductionHours(3700, 100), 3700);
  EXPECT_EQ(ReductionHours(3700, 150), 3700);  // capped
  ASSERT_NE(FindAllowance("newly_qualified"), nullptr);
  EXPECT_EQ(FindAllowance("newly_qualified")->expiry_months, 9);
}

TEST(Reductions, ActiveBetweenStartAndExpiry) {
  using namespace std::chrono;
  const Date start = sys_days{2026y / 1 / 1}, end = sys_days{2026y / 7 / 1};
  std::vector<Reduction> rs = {{1480, start, end}, {180, start, std::nullopt}};
  EXPECT_EQ(ActiveHours(rs, sys_days{2025y / 12 / 31}), 0);
  EXPECT_EQ(ActiveHours(rs, start), 1660);
  EXPECT_EQ(ActiveHours(rs, sys_days{2026y / 6 / 30}), 1660);
  EXPECT_EQ(ActiveHours(rs, end), 180);
}

}  // namespace
}  // namespace probity::workload
