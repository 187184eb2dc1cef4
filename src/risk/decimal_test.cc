#include "risk/decimal.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace probity::risk {
namespace {

Decimal M(int64_t millionths) { return Decimal::FromMillionths(millionths); }

TEST(Decimal, ParsesDecimalTextExactly) {
  const struct {
    const char* text;
    int64_t millionths;
  } cases[] = {
      {"6.995", 6'995'000},
      {"6.9", 6'900'000},
      {"7", 7'000'000},
      {"7.0", 7'000'000},
      {"7.000000", 7'000'000},
      {"0", 0},
      {"-0", 0},
      {"0.000001", 1},
      {"100", 100'000'000},
      {"-3.25", -3'250'000},
      {"007.5", 7'500'000},
      {"999999999999.999999", 999'999'999'999'999'999},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    const auto d = ParseDecimal(c.text);
    ASSERT_TRUE(d);
    EXPECT_EQ(d->millionths(), c.millionths);
  }
}

TEST(Decimal, RoundsPastSixPlacesHalfAwayFromZero) {
  EXPECT_EQ(ParseDecimal("6.9999995"), M(7'000'000));
  EXPECT_EQ(ParseDecimal("6.9999994999"), M(6'999'999));
  EXPECT_EQ(ParseDecimal("6.949999999999999"), M(6'950'000));
  EXPECT_EQ(ParseDecimal("-0.0000005"), M(-1));
  EXPECT_EQ(ParseDecimal("0.0000004"), M(0));
}

TEST(Decimal, RefusesWhatIsNotAPlainDecimal) {
  for (const char* text :
       {"", "-", ".5", "5.", "+1", "1e3", "1E-2", " 1", "1 ", "7,0", "1.2.3", "0x10", "nan", "inf",
        "--1", "1-", "1000000000000", "-1000000000000.5"}) {
    SCOPED_TRACE(text);
    EXPECT_FALSE(ParseDecimal(text));
  }
  // Rounding up to the limit is past it.
  EXPECT_FALSE(ParseDecimal("999999999999.9999995"));
}

TEST(Decimal, ComparesExactlyAtThresholds) {
  const Decimal seven = Decimal::Whole(7);
  const Decimal six_nine = M(6'900'000);
  EXPECT_LT(*ParseDecimal("6.995"), seven);
  EXPECT_LT(*ParseDecimal("6.999999"), seven);
  EXPECT_GE(*ParseDecimal("7.0"), seven);
  EXPECT_GE(*ParseDecimal("6.9"), six_nine);
  EXPECT_EQ(*ParseDecimal("6.90"), six_nine);
  EXPECT_LT(*ParseDecimal("6.899999"), six_nine);
}

// A JSON number arrives as a double; the decimal recovered is the one that was written.
TEST(Decimal, FromADoubleRecoversTheDecimalWritten) {
  const struct {
    double value;
    int64_t millionths;
  } cases[] = {
      {6.995, 6'995'000}, {6.9, 6'900'000},     {6.95, 6'950'000}, {7.0, 7'000'000},
      {7.1, 7'100'000},   {3.0, 3'000'000},     {3.1, 3'100'000},  {2.9, 2'900'000},
      {0.1, 100'000},     {100.0, 100'000'000}, {-0.5, -500'000},  {23, 23'000'000},
      {0.000001, 1},      {1e-20, 0},           {0.0, 0},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.value);
    const auto d = DecimalFromDouble(c.value);
    ASSERT_TRUE(d);
    EXPECT_EQ(d->millionths(), c.millionths);
  }
  // Neither 6.995 nor 6.9 is a double (the nearest are 6.99500000000000010658... and
  // 6.90000000000000035527...), yet both come back as the decimal written.
  EXPECT_LT(*DecimalFromDouble(6.995), Decimal::Whole(7));
  EXPECT_EQ(*DecimalFromDouble(6.9), M(6'900'000));
  // Arithmetic's binary noise is rounded away at six places: 0.1 + 0.2 is 0.30000000000000004.
  EXPECT_EQ(*DecimalFromDouble(0.1 + 0.2), M(300'000));
}

TEST(Decimal, FromADoubleRefusesWhatNoDecimalHolds) {
  EXPECT_FALSE(DecimalFromDouble(std::numeric_limits<double>::quiet_NaN()));
  EXPECT_FALSE(DecimalFromDouble(std::numeric_limits<double>::infinity()));
  EXPECT_FALSE(DecimalFromDouble(-std::numeric_limits<double>::infinity()));
  EXPECT_FALSE(DecimalFromDouble(1e12));
  EXPECT_FALSE(DecimalFromDouble(-1e300));
  EXPECT_TRUE(DecimalFromDouble(999999999999.0));
  EXPECT_TRUE(DecimalFromDouble(std::numeric_limits<double>::denorm_min()));
}

TEST(Decimal, FormatsTheShortestText) {
  EXPECT_EQ(FormatDecimal(M(6'995'000)), "6.995");
  EXPECT_EQ(FormatDecimal(Decimal::Whole(7)), "7");
  EXPECT_EQ(FormatDecimal(M(-500'000)), "-0.5");
  EXPECT_EQ(FormatDecimal(M(0)), "0");
  EXPECT_EQ(FormatDecimal(M(1)), "0.000001");
  EXPECT_EQ(FormatDecimal(M(-1)), "-0.000001");
  EXPECT_EQ(FormatDecimal(M(std::numeric_limits<int64_t>::min())), "-9223372036854.775808");
  for (const char* text : {"6.995", "6.9", "0.000001", "100", "-3.25"})
    EXPECT_EQ(FormatDecimal(*ParseDecimal(text)), text);
}

TEST(Decimal, ToDoubleIsTheNearestDouble) {
  EXPECT_EQ(ToDouble(M(6'995'000)), 6.995);
  EXPECT_EQ(ToDouble(M(6'900'000)), 6.9);
  EXPECT_EQ(ToDouble(M(-500'000)), -0.5);
  EXPECT_EQ(ToDouble(M(0)), 0.0);
}

}  // namespace
}  // namespace probity::risk
