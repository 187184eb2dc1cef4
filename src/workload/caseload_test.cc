// Live figures from the record's facts (docs/workload.md, "Live figures").
#include "workload/caseload.h"

#include <gtest/gtest.h>

#include "workload/capacity.h"

namespace probity::workload {
namespace {

Date D(const char* text) { return *ParseDate(text); }
const Date kToday = D("2026-12-03");

SentenceFacts Order(const char* kind = "community_order", const char* on = "2026-01-10") {
  return {kind, D(on), std::nullopt};
}
SentenceFacts Licence(std::optional<const char*> released) {
  return {"licence", D("2025-06-01"),
          released ? std::optional(D(*released)) : std::optional<Date>()};
}
CaseFacts Case(std::optional<std::string> tier, std::vector<SentenceFacts> sentences,
               const char* born = "1980-05-05") {
  return {1, D(born), std::move(tier), std::move(sentences)};
}

TEST(CaseTypeOf, FollowsTheSentenceAndRelease) {
  const Weightings w = DefaultWeightings();
  const auto b2 = TierIndex("B2");
  EXPECT_EQ(CaseTypeOf({Order()}, w, b2, kToday), CaseType::kCommunity);
  EXPECT_EQ(CaseTypeOf({Order("suspended_sentence_order")}, w, b2, kToday), CaseType::kCommunity);
  EXPECT_EQ(CaseTypeOf({Licence("2026-10-01")}, w, b2, kToday), CaseType::kLicence);
  EXPECT_EQ(CaseTypeOf({Licence("2026-12-03")}, w, b2, kToday), CaseType::kLicence);  // today
  EXPECT_EQ(CaseTypeOf({Licence("2026-12-04")}, w, b2, kToday), CaseType::kCustody);  // tomorrow
  EXPECT_EQ(CaseTypeOf({Licence(std::nullopt)}, w, b2, kToday), CaseType::kCustody);
  EXPECT_EQ(CaseTypeOf({{"pss", D("2025-01-01"), D("2025-07-01")}}, w, b2, kToday),
            CaseType::kLicence);
}

TEST(CaseTypeOf, NoCurrentSentenceIsNoCase) {
  const Weightings w = DefaultWeightings();
  EXPECT_FALSE(CaseTypeOf({}, w, TierIndex("B2"), kToday));
  EXPECT_FALSE(CaseTypeOf({Order("community_order", "2026-12-04")}, w, TierIndex("B2"), kToday));
  EXPECT_FALSE(CaseTypeOf({Order("unknown_kind")}, w, TierIndex("B2"), kToday));
}

TEST(CaseTypeOf, SeveralSentencesWeighOnTheHeaviestTypeForTheTier) {
  const Weightings w = DefaultWeightings();
  // B2: community 115, licence 132, custody 48.
  EXPECT_EQ(CaseTypeOf({Order(), Licence("2026-01-01")}, w, TierIndex("B2"), kToday),
            CaseType::kLicence);
  EXPECT_EQ(CaseTypeOf({Order(), Licence(std::nullopt)}, w, TierIndex("B2"), kToday),
            CaseType::kCommunity);
  // A0: community 110, licence 0.
  EXPECT_EQ(CaseTypeOf({Order(), Licence("2026-01-01")}, w, TierIndex("A0"), kToday),
            CaseType::kCommunity);
  // Untiered: every type weighs 0; the tie goes to licence.
  EXPECT_EQ(CaseTypeOf({Order(), Licence("2026-01-01")}, w, std::nullopt, kToday),
            CaseType::kLicence);
}

TEST(IsYoungAdult, EighteenToTwentyFourOnTheDay) {
  EXPECT_FALSE(IsYoungAdult(D("2008-12-04"), kToday));  // 17, 18 tomorrow
  EXPECT_TRUE(IsYoungAdult(D("2008-12-03"), kToday));   // 18 today
  EXPECT_TRUE(IsYoungAdult(D("2001-12-04"), kToday));   // 24, 25 tomorrow
  EXPECT_FALSE(IsYoungAdult(D("2001-12-03"), kToday));  // 25 today
}

TEST(Gather, CountsRowsInTableOrderWithUntieredLast) {
  const Weightings w = DefaultWeightings();
  const auto rows =
      Gather({Case("B2", {Order()}), Case(std::nullopt, {Order()}), Case("A3", {Order()}),
              Case("B2", {Order()}), Case("B2", {Order()}, "2005-01-01"), Case("C1", {})},
             w, kToday);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0].tier, TierIndex("A3"));
  EXPECT_EQ(rows[1].tier, TierIndex("B2"));
  EXPECT_EQ(rows[1].count, 2);
  EXPECT_FALSE(rows[2].tier);  // untiered adult community
  EXPECT_TRUE(rows[3].young_adult);
}

TEST(HoursOfMinutes, RoundsHalfUpToHundredths) {
  EXPECT_EQ(HoursOfMinutes(2220), 3700);
  EXPECT_EQ(HoursOfMinutes(1), 2);  // 1.67 hundredths
  EXPECT_EQ(HoursOfMinutes(0), 0);
  EXPECT_EQ(HoursOfMinutes(1110), 1850);
  EXPECT_EQ(HoursOfMinutes(3), 5);  // exactly 5
}

TEST(FigureOf, AddsCasesReportsAndTakesOffActiveReductions) {
  const Settings s;
  const std::vector<CaseFacts> cases = {Case("A3", {Order()}), Case("B2", {Licence("2026-01-01")}),
                                        Case(std::nullopt, {Order()}), Case("C2", {})};
  // 20% newly qualified reduction active; an expired one ignored.
  const std::vector<Reduction> reductions = {{740, D("2026-06-01"), D("2027-03-01")},
                                             {1000, D("2025-01-01"), D("2025-07-01")}};
  auto f = FigureOf(s, 3700, cases, reductions, 1, 2, kToday);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->cases, 3);
  EXPECT_EQ(f->points.total, 206 + 132 + 0 + 138 + 2 * 65);
  EXPECT_EQ(f->reduction, 740);
  EXPECT_EQ(f->available_points, 2176 * 2960 / 3700);
  EXPECT_EQ(f->capacity_tenths, CapacityTenths(606, 1740));
  int64_t sum = 0;
  for (const auto& row : f->points.breakdown) sum += row.points;
  EXPECT_EQ(sum, f->points.total);
}

TEST(FigureOf, ReferenceVectorAvailablePointsAndZeroCapacityWhenNothingIsAvailable) {
  Settings s;
  auto f = FigureOf(s, 3700, {}, {{180, D("2026-01-01"), std::nullopt}}, 0, 0, kToday);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->available_points, 2070);
  auto off = FigureOf(s, 3700, {Case("A3", {Order()})}, {{5000, D("2026-01-01"), std::nullopt}}, 0,
                      0, kToday);
  ASSERT_TRUE(off);
  EXPECT_EQ(off->reduction, 3700);  // capped
  EXPECT_EQ(off->available_points, 0);
  EXPECT_EQ(off->capacity_tenths, 0);
}

TEST(FigureOf, RefusesContractedHoursOutOfRange) {
  auto f = FigureOf(Settings{}, 9000, {}, {}, 0, 0, kToday);
  ASSERT_FALSE(f);
  EXPECT_EQ(f.error().field, "contracted_hours");
}

TEST(Sum, IsPointsOverAvailableNotTheMeanOfPercentages) {
  Sum s{1000 + 3000, 2000 + 2000};
  EXPECT_EQ(s.capacity_tenths(), 1000);
  EXPECT_EQ(Sum{}.capacity_tenths(), 0);
}

TEST(WeekStart, IsTheMonday) {
  EXPECT_EQ(WeekStart(D("2026-12-03")), D("2026-11-30"));  // Thursday
  EXPECT_EQ(WeekStart(D("2026-11-30")), D("2026-11-30"));  // Monday
  EXPECT_EQ(WeekStart(D("2026-12-06")), D("2026-11-30"));  // Sunday
}

TEST(Excessive, OnlyFourWeeksRunningOver110) {
  EXPECT_TRUE(Excessive({900, 1101, 1150, 1200, 1101}));
  EXPECT_FALSE(Excessive({1101, 1150, 1200, 1100}));  // exactly 110.0% is not over
  EXPECT_FALSE(Excessive({1200, 1200, 1200}));        // three weeks
  EXPECT_FALSE(Excessive({1200, 1200, 1000, 1200, 1200}));
}

}  // namespace
}  // namespace probity::workload
