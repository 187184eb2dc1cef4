#include "risk/ogrs3.h"

#include <gtest/gtest.h>

#include <cmath>

#include "cases/vocabulary.h"

namespace probity::risk {
namespace {

Date Day(const char* text) { return *ParseDate(text); }

Ogrs3Input Male(const char* born, const char* convicted, const char* follow_up, int sanctions,
                int first, OffenceGroup group) {
  return Ogrs3Input{Gender::kMale, Day(born), Day(convicted), Day(follow_up),
                    sanctions,     first,     group};
}

// Shared reference risk.md's vectors (male in each).
TEST(Ogrs3, ScoresTheReferenceVectors) {
  const struct {
    Ogrs3Input in;
    int one_year, two_year;
    Ogrs3Band band;
  } cases[] = {
      {Male("1965-12-07", "2025-05-13", "2026-12-12", 2, 47, OffenceGroup::kSolicitingProstitution),
       8, 16, Ogrs3Band::kLow},
      {Male("1991-07-17", "2021-08-05", "2021-12-12", 2, 21, OffenceGroup::kOtherOffence), 9, 17,
       Ogrs3Band::kLow},
      {Male("1975-04-29", "2009-02-19", "2020-01-14", 22, 17,
            OffenceGroup::kDrugImportExportProduction),
       35, 52, Ogrs3Band::kMedium},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(InfoOf(c.in.offence_group).code);
    const auto score = ScoreOgrs3(c.in);
    ASSERT_TRUE(score) << score.error().message;
    EXPECT_EQ(score->one_year_percent, c.one_year);
    EXPECT_EQ(score->two_year_percent, c.two_year);
    EXPECT_EQ(score->band, c.band);
  }
}

TEST(Ogrs3, ShowsItsWorking) {
  const auto score = ScoreOgrs3(
      Male("1965-12-07", "2025-05-13", "2026-12-12", 2, 47, OffenceGroup::kSolicitingProstitution));
  ASSERT_TRUE(score);
  const auto& w = score->working;
  EXPECT_EQ(w.age_at_conviction, 59);
  EXPECT_EQ(w.age_at_follow_up, 61);
  EXPECT_EQ(w.age_band, "50+");
  EXPECT_DOUBLE_EQ(w.age_gender, -2.025261458);
  EXPECT_DOUBLE_EQ(w.sanction_status, 0.463062792);
  EXPECT_DOUBLE_EQ(w.copas_ratio, 2.0 / 22.0);  // 2 / (10 + 59 - 47)
  EXPECT_NEAR(w.copas, 1.251124464 * std::log(2.0 / 22.0), 1e-12);
  EXPECT_DOUBLE_EQ(w.offence_weight, 0.760608858);
  EXPECT_NEAR(w.score, w.age_gender + w.sanction_status + w.copas + w.offence_weight, 1e-12);
  EXPECT_NEAR(w.one_year_probability, 1 / (1 + std::exp(-(1.402562384 + w.score))), 1e-12);
  EXPECT_NEAR(w.two_year_probability, 1 / (1 + std::exp(-(2.121705678 + w.score))), 1e-12);
  EXPECT_NEAR(w.one_year_probability, 0.0832, 0.0005);
  EXPECT_NEAR(w.two_year_probability, 0.1571, 0.0005);
}

TEST(Ogrs3, BandsTheTwoYearPercentage) {
  const struct {
    int percent;
    Ogrs3Band band;
  } cases[] = {
      {1, Ogrs3Band::kLow},       {49, Ogrs3Band::kLow},      {50, Ogrs3Band::kMedium},
      {74, Ogrs3Band::kMedium},   {75, Ogrs3Band::kHigh},     {89, Ogrs3Band::kHigh},
      {90, Ogrs3Band::kVeryHigh}, {99, Ogrs3Band::kVeryHigh},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.percent);
    EXPECT_EQ(BandOf(c.percent), c.band);
  }
  EXPECT_STREQ(ToString(Ogrs3Band::kVeryHigh), "very_high");
  EXPECT_STREQ(LabelOf(Ogrs3Band::kVeryHigh), "Very high");
  EXPECT_STREQ(ToString(Ogrs3Band::kLow), "low");
}

TEST(Ogrs3, RoundsHalfUpAndClampsToOneTo99) {
  const struct {
    double probability;
    int percent;
  } cases[] = {
      // Halves exact in binary (0.125, 0.375) show the rounding is half up.
      {0.0, 1},  {0.004, 1},   {0.0149, 1},  {0.0151, 2},  {0.125, 13}, {0.375, 38}, {0.1549, 15},
      {0.5, 50}, {0.9849, 98}, {0.9851, 99}, {0.9949, 99}, {0.996, 99}, {1.0, 99},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.probability);
    EXPECT_EQ(Ogrs3Percent(c.probability), c.percent);
  }
}

TEST(Ogrs3, ClampsExtremeScores) {
  // A woman of 90 on her first sanction for drug importation, first sanctioned at 10 (as the
  // data allows): under half a percent, reported as 1.
  const auto low =
      ScoreOgrs3({Gender::kFemale, Day("1930-01-01"), Day("2020-06-01"), Day("2020-06-01"), 1, 10,
                  OffenceGroup::kDrugImportExportProduction});
  ASSERT_TRUE(low);
  EXPECT_LT(low->working.one_year_probability, 0.005);
  EXPECT_LT(low->working.two_year_probability, 0.005);
  EXPECT_EQ(low->one_year_percent, 1);
  EXPECT_EQ(low->two_year_percent, 1);
  EXPECT_EQ(low->band, Ogrs3Band::kLow);
  // A boy of 13 with 200 sanctions since 10: over 99.5%, reported as 99.
  const auto high = ScoreOgrs3(Male("2007-01-01", "2020-06-01", "2020-06-01", 200, 10,
                                    OffenceGroup::kSolicitingProstitution));
  ASSERT_TRUE(high);
  EXPECT_GT(high->working.one_year_probability, 0.995);
  EXPECT_EQ(high->one_year_percent, 99);
  EXPECT_EQ(high->two_year_percent, 99);
  EXPECT_EQ(high->band, Ogrs3Band::kVeryHigh);
}

// The age band is of the age on the day follow-up starts; each edge is a birthday.
TEST(Ogrs3, AgeBandsChangeOnTheBirthday) {
  const struct {
    const char* follow_up;
    int age;
    const char* band;
    double male, female;
  } cases[] = {
      {"2010-06-15", 10, "10-11", 0, -0.785038489},
      {"2012-06-14", 11, "10-11", 0, -0.785038489},
      {"2012-06-15", 12, "12-13", 0.083922902, -0.613852078},
      {"2014-06-14", 13, "12-13", 0.083922902, -0.613852078},
      {"2014-06-15", 14, "14-15", 0.075775765, -0.669521331},
      {"2016-06-15", 16, "16-17", -0.061594199, -0.959179629},
      {"2018-06-14", 17, "16-17", -0.061594199, -0.959179629},
      {"2018-06-15", 18, "18-20", -0.625103618, -0.897480934},
      {"2021-06-14", 20, "18-20", -0.625103618, -0.897480934},
      {"2021-06-15", 21, "21-24", -1.051515067, -1.028488454},
      {"2025-06-15", 25, "25-29", -1.166679288, -1.052777806},
      {"2030-06-15", 30, "30-34", -1.325976554, -1.129127959},
      {"2035-06-15", 35, "35-39", -1.368045933, -1.42187494},
      {"2040-06-14", 39, "35-39", -1.368045933, -1.42187494},
      {"2040-06-15", 40, "40-49", -1.499690953, -1.524652221},
      {"2050-06-14", 49, "40-49", -1.499690953, -1.524652221},
      {"2050-06-15", 50, "50+", -2.025261458, -2.44983716},
      {"2090-06-15", 90, "50+", -2.025261458, -2.44983716},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.follow_up);
    for (const Gender g : {Gender::kMale, Gender::kFemale}) {
      const auto score = ScoreOgrs3({g, Day("2000-06-15"), Day("2010-06-15"), Day(c.follow_up), 1,
                                     10, OffenceGroup::kViolence});
      ASSERT_TRUE(score) << score.error().message;
      EXPECT_EQ(score->working.age_at_follow_up, c.age);
      EXPECT_EQ(score->working.age_band, c.band);
      EXPECT_DOUBLE_EQ(score->working.age_gender, g == Gender::kMale ? c.male : c.female);
    }
  }
}

TEST(Ogrs3, AFirstSanctionWeighsLessThanALaterOne) {
  auto in = Male("1990-01-01", "2020-01-01", "2020-02-01", 1, 30, OffenceGroup::kViolence);
  const auto first = ScoreOgrs3(in);
  in.total_sanctions = 2;
  const auto second = ScoreOgrs3(in);
  ASSERT_TRUE(first);
  ASSERT_TRUE(second);
  EXPECT_DOUBLE_EQ(first->working.sanction_status, 0.126142106);
  EXPECT_DOUBLE_EQ(second->working.sanction_status, 0.463062792);
  EXPECT_DOUBLE_EQ(first->working.copas_ratio, 0.1);   // 1 / (10 + 30 - 30)
  EXPECT_DOUBLE_EQ(second->working.copas_ratio, 0.2);  // 2 / 10
  EXPECT_LT(first->two_year_percent, second->two_year_percent);
}

TEST(Ogrs3, EachOffenceGroupHasItsWeight) {
  const auto groups = OffenceGroups();
  ASSERT_EQ(groups.size(), 20u);
  for (size_t i = 0; i < groups.size(); ++i) {
    SCOPED_TRACE(groups[i].code);
    EXPECT_EQ(static_cast<size_t>(groups[i].group), i);
    EXPECT_EQ(ParseOffenceGroup(groups[i].code), groups[i].group);
    EXPECT_FALSE(groups[i].label.empty());
    const auto score = ScoreOgrs3({Gender::kMale, Day("1990-01-01"), Day("2020-01-01"),
                                   Day("2020-01-01"), 3, 18, groups[i].group});
    ASSERT_TRUE(score);
    EXPECT_DOUBLE_EQ(score->working.offence_weight, groups[i].weight);
  }
  EXPECT_DOUBLE_EQ(InfoOf(OffenceGroup::kViolence).weight, 0);
  EXPECT_DOUBLE_EQ(InfoOf(OffenceGroup::kRobbery).weight, -0.634795912);
  EXPECT_DOUBLE_EQ(InfoOf(OffenceGroup::kTheftNonMotor).weight, 0.661244321);
  EXPECT_DOUBLE_EQ(InfoOf(OffenceGroup::kOtherOffence).weight, -0.060667525);
  for (const char* code : {"", "Violence", "theft", "other", "violence "})
    EXPECT_FALSE(ParseOffenceGroup(code)) << code;
}

// A person's recorded offence group (cases::OffenceGroups) always has an OGRS3 weight.
TEST(Ogrs3, OffenceGroupsAreTheCaseRecordsGroups) {
  const auto recorded = cases::OffenceGroups();
  ASSERT_EQ(recorded.size(), OffenceGroups().size());
  for (size_t i = 0; i < recorded.size(); ++i) {
    EXPECT_EQ(OffenceGroups()[i].code, recorded[i].code);
    EXPECT_EQ(OffenceGroups()[i].label, recorded[i].label);
  }
}

TEST(Ogrs3, RefusesInvalidInputNamingTheField) {
  // Born 2000-06-15, so 10 on 2010-06-15; a valid question, changed one way in each row.
  const Ogrs3Input valid{Gender::kMale,
                         Day("2000-06-15"),
                         Day("2020-06-15"),
                         Day("2021-01-01"),
                         3,
                         15,
                         OffenceGroup::kBurglaryOther};
  ASSERT_TRUE(ScoreOgrs3(valid));
  const struct {
    const char* why;
    void (*change)(Ogrs3Input&);
    const char* field;
  } cases[] = {
      {"under 10 at conviction",
       [](Ogrs3Input& in) {
         in.conviction_date = Day("2010-06-14");
         in.age_at_first_sanction = 10;
       },
       "conviction_date"},
      {"convicted before birth", [](Ogrs3Input& in) { in.conviction_date = Day("1999-01-01"); },
       "conviction_date"},
      {"follow-up before conviction",
       [](Ogrs3Input& in) { in.follow_up_start = Day("2020-06-14"); }, "follow_up_start"},
      {"no sanctions", [](Ogrs3Input& in) { in.total_sanctions = 0; }, "total_sanctions"},
      {"negative sanctions", [](Ogrs3Input& in) { in.total_sanctions = -1; }, "total_sanctions"},
      {"first sanction after conviction age", [](Ogrs3Input& in) { in.age_at_first_sanction = 21; },
       "age_at_first_sanction"},
      {"first sanction under 10", [](Ogrs3Input& in) { in.age_at_first_sanction = 9; },
       "age_at_first_sanction"},
      {"first sanction negative", [](Ogrs3Input& in) { in.age_at_first_sanction = -5; },
       "age_at_first_sanction"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.why);
    Ogrs3Input in = valid;
    c.change(in);
    const auto score = ScoreOgrs3(in);
    ASSERT_FALSE(score);
    EXPECT_EQ(score.error().kind, ErrorKind::kInvalid);
    EXPECT_EQ(score.error().field, c.field);
    EXPECT_FALSE(score.error().message.empty());
  }
}

TEST(Ogrs3, AcceptsTheEdgesOfValidInput) {
  // Ten on the day of conviction; follow-up the same day; first sanction at the age convicted.
  const auto score = ScoreOgrs3(
      Male("2000-06-15", "2010-06-15", "2010-06-15", 1, 10, OffenceGroup::kCriminalDamage));
  ASSERT_TRUE(score) << score.error().message;
  EXPECT_EQ(score->working.age_at_conviction, 10);
  EXPECT_DOUBLE_EQ(score->working.copas_ratio, 0.1);
}

TEST(RiskGender, ParsesItsCodesOnly) {
  EXPECT_EQ(ParseGender("male"), Gender::kMale);
  EXPECT_EQ(ParseGender("female"), Gender::kFemale);
  for (const char* code : {"", "Male", "other", "not_stated", "m", "f"})
    EXPECT_FALSE(ParseGender(code)) << code;
  EXPECT_STREQ(ToString(Gender::kFemale), "female");
  EXPECT_STREQ(ToString(Gender::kMale), "male");
}

}  // namespace
}  // namespace probity::risk
