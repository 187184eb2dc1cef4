#include "allocation/recommend.h"

#include <gtest/gtest.h>

namespace probity::allocation {
namespace {

using access::Grade;

const Date kToday = *ParseDate("2026-11-23");

Candidate Person(std::string name, Grade grade, int64_t points, int64_t available = 2176) {
  Candidate c;
  static int64_t next = 0;
  c.staff_id = ++next;
  c.name = std::move(name);
  c.grade = grade;
  c.points = points;
  c.available_points = available;
  return c;
}

std::vector<std::string> Names(const std::vector<Recommendation>& rs) {
  std::vector<std::string> out;
  for (const auto& r : rs) out.push_back(r.candidate.name + (r.eligible ? "" : " (no)"));
  return out;
}

TEST(Recommend, RanksByCapacityAfterTakingTheCaseWithReasons) {
  const CaseToPlace c{"C2", false, 63};
  const auto rs = Recommend(c,
                            {Person("Busy", Grade::kPo, 2000), Person("Free", Grade::kPo, 1000),
                             Person("Middle", Grade::kPso, 1500)},
                            kToday);
  EXPECT_EQ(Names(rs), (std::vector<std::string>{"Free", "Middle", "Busy"}));
  EXPECT_EQ(rs[0].capacity_tenths, 460);        // 1000 / 2176 = 45.96% -> 46.0
  EXPECT_EQ(rs[0].capacity_after_tenths, 489);  // 1063 / 2176 = 48.851% -> 48.9
  EXPECT_EQ(rs[0].reasons, std::vector<std::string>{"46.0% now, 48.9% after taking this case"});
  EXPECT_FALSE(rs[2].over_capacity_after);  // 2063 / 2176: 94.8%
}

TEST(Recommend, HighRiskCasesGoOnlyToQualifiedOfficersPastTheirFirstMonths) {
  Candidate nqo = Person("Newly qualified", Grade::kPo, 100);
  nqo.qualified_on = *ParseDate("2026-11-21");  // two days ago
  Candidate seasoned = Person("Seasoned", Grade::kPo, 2100);
  seasoned.qualified_on = *ParseDate("2019-07-01");
  const auto rs =
      Recommend({"A1", true, 163},
                {nqo, Person("Trainee", Grade::kPqip, 10), Person("PSO", Grade::kPso, 10), seasoned,
                 Person("SPO", Grade::kSpo, 0)},
                kToday);
  ASSERT_EQ(rs.size(), 5u);
  EXPECT_EQ(rs[0].candidate.name, "Seasoned");
  EXPECT_TRUE(rs[0].eligible);
  EXPECT_TRUE(rs[0].over_capacity_after) << "2263 / 2176";
  EXPECT_EQ(rs[0].reasons[1], "Over 100% after taking it: allocating needs a recorded reason");
  for (size_t i = 1; i < rs.size(); ++i) EXPECT_FALSE(rs[i].eligible) << rs[i].candidate.name;
  auto reason_of = [&](const std::string& name) {
    for (const auto& r : rs)
      if (r.candidate.name == name) return r.reasons[0];
    return std::string();
  };
  EXPECT_EQ(reason_of("Trainee"),
            "Needs a qualified officer: ROSH high or very high, or MAPPA level 2 or 3");
  EXPECT_EQ(reason_of("Newly qualified"),
            "Newly qualified: protected from high-risk cases for their first 9 months");
  EXPECT_EQ(reason_of("SPO"), "Does not hold cases at this grade");
}

TEST(Recommend, TraineesAndNewlyQualifiedOfficersAreNeverTakenPast100Percent) {
  Candidate nqo = Person("Newly qualified", Grade::kPo, 1700, 1740);  // reduced by 20%
  nqo.qualified_on = *ParseDate("2026-11-21");
  Candidate nqo_later = nqo;
  nqo_later.name = "Qualified ten months ago";
  nqo_later.qualified_on = *ParseDate("2026-01-10");
  const auto rs = Recommend({"C2", false, 63},
                            {nqo, Person("Trainee", Grade::kPqip, 400, 435), nqo_later}, kToday);
  EXPECT_EQ(Names(rs), (std::vector<std::string>{"Qualified ten months ago", "Newly qualified (no)",
                                                 "Trainee (no)"}));
  EXPECT_EQ(rs[1].reasons[0], "Newly qualified: protected from going over 100%");
  EXPECT_EQ(rs[2].reasons[0], "Trainee: protected from going over 100%");
  EXPECT_TRUE(rs[0].over_capacity_after);  // eligible, but needs a reason
}

TEST(Recommend, ThePersonsPastOfficerComesFirstWhileUnder100Percent) {
  Candidate before = Person("Past officer", Grade::kPo, 1500);
  before.officer_until = *ParseDate("2026-03-03");
  Candidate full = Person("Past officer, full", Grade::kPo, 2170);
  full.officer_until = *ParseDate("2025-03-03");
  const auto rs =
      Recommend({"B2", false, 132}, {Person("Emptier", Grade::kPo, 200), before, full}, kToday);
  EXPECT_EQ(Names(rs), (std::vector<std::string>{"Past officer", "Emptier", "Past officer, full"}));
  EXPECT_EQ(rs[0].reasons.back(), "Was this person's officer until 2026-03-03");
}

TEST(Recommend, ExclusionsGradesAndTiersMakeCandidatesIneligible) {
  Candidate excluded = Person("Excluded", Grade::kPo, 0);
  excluded.excluded = true;
  const auto rs =
      Recommend({"B1", false, 119},
                {excluded, Person("PSO", Grade::kPso, 0), Person("Trainee", Grade::kPqip, 0, 435),
                 Person("No hours", Grade::kPo, 0, 0)},
                kToday);
  EXPECT_EQ(Names(rs),
            (std::vector<std::string>{"Trainee", "No hours", "Excluded (no)", "PSO (no)"}));
  EXPECT_EQ(rs[1].reasons[0], "No capacity: every contracted hour is reduced");
  EXPECT_TRUE(rs[1].over_capacity_after);
  EXPECT_EQ(rs[2].reasons[0], "Excluded from this case");
  EXPECT_EQ(rs[3].reasons[0], "PSOs hold tiers C and D");
  EXPECT_FALSE(Recommend({"A3", false, 219}, {Person("T", Grade::kPqip, 0)}, kToday)[0].eligible);
}

TEST(PercentText, ShowsOneDecimalPlace) {
  EXPECT_EQ(PercentText(0), "0.0%");
  EXPECT_EQ(PercentText(1185), "118.5%");
}

}  // namespace
}  // namespace probity::allocation
