#include "access/rules.h"

#include <gtest/gtest.h>

#include <limits>

namespace probity::access {
namespace {

TEST(CheckUsername, AcceptsShortLowerCaseNames) {
  for (const char* name : {"demo.po1", "j-smith", "abc", "a_b"}) {
    SCOPED_TRACE(name);
    EXPECT_TRUE(CheckUsername(name));
  }
}

TEST(CheckUsername, RejectsOthersNamingTheField) {
  for (const std::string& name :
       {std::string(""), std::string("ab"), std::string("J.Smith"), std::string("1abc"),
        std::string("a b c"), std::string(65, 'a')}) {
    SCOPED_TRACE(name);
    auto s = CheckUsername(name);
    ASSERT_FALSE(s);
    EXPECT_EQ(s.error().field, "username");
  }
}

TEST(ContractedMinutes, ConvertsHoursInRangeAndRefusesTheRest) {
  EXPECT_EQ(*ContractedMinutes(37), 37 * 60);
  EXPECT_EQ(*ContractedMinutes(22.5), 1350);
  EXPECT_EQ(*ContractedMinutes(1), 60);
  EXPECT_EQ(*ContractedMinutes(60), 3600);
  for (double bad : {0.0, 0.99, 60.01, -37.0, 1e300, std::numeric_limits<double>::quiet_NaN(),
                     std::numeric_limits<double>::infinity()}) {
    SCOPED_TRACE(bad);
    auto minutes = ContractedMinutes(bad);
    ASSERT_FALSE(minutes);
    EXPECT_EQ(minutes.error().field, "contracted_hours");
  }
}

TEST(CheckStaff, NeedsANameAndRealDates) {
  Staff staff;
  staff.name = "Pat Example";
  EXPECT_TRUE(CheckStaff(staff));
  staff.start_date = "2026-02-30";
  EXPECT_EQ(CheckStaff(staff).error().field, "start_date");
  staff.start_date = "2026-02-28";
  staff.qualified_on = "28/02/2026";
  EXPECT_EQ(CheckStaff(staff).error().field, "qualified_on");
  staff.qualified_on.reset();
  staff.name = "";
  EXPECT_EQ(CheckStaff(staff).error().field, "name");
}

}  // namespace
}  // namespace probity::access
