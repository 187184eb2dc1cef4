#include "core/ordinal.h"

#include <gtest/gtest.h>

namespace probity {
namespace {

TEST(Ordinal, EnglishSuffixesWithTheTeensAlwaysTh) {
  const struct {
    int n;
    const char* want;
  } cases[] = {{1, "1st"},     {2, "2nd"},     {3, "3rd"},     {4, "4th"},    {11, "11th"},
               {12, "12th"},   {13, "13th"},   {21, "21st"},   {22, "22nd"},  {23, "23rd"},
               {101, "101st"}, {111, "111th"}, {112, "112th"}, {113, "113th"}};
  for (const auto& c : cases) EXPECT_EQ(Ordinal(c.n), c.want) << c.n;
}

TEST(OrdinalWord, SpellsOutFirstToTenthThenFallsBackToDigits) {
  EXPECT_EQ(OrdinalWord(1), "first");
  EXPECT_EQ(OrdinalWord(2), "second");
  EXPECT_EQ(OrdinalWord(10), "tenth");
  EXPECT_EQ(OrdinalWord(11), "11th");
  EXPECT_EQ(OrdinalWord(0), "0th");
}

}  // namespace
}  // namespace probity
