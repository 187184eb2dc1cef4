#include "risk/tier.h"

#include <gtest/gtest.h>

namespace probity::risk {
namespace {

Decimal Pct(const char* text) { return *ParseDecimal(text); }

NeedsAssessment AllNeeds(Severity s) {
  NeedsAssessment needs;
  needs.severity.fill(s);
  return needs;
}

// risk.md's tier vectors: a man with OGRS3 2-year 21%, RSR 23, one current licence (a mandate
// for change), no registrations.
TierInput ReferenceMan(Severity needs) {
  TierInput in;
  in.gender = Gender::kMale;
  in.rsr_percent = Pct("23");
  in.mandate_for_change = true;
  in.needs = AllNeeds(needs);
  in.ogrs3_two_year_percent = 21;
  return in;
}

// Nothing but a mandate and a needs assessment with no needs: D1, 0 points either way.
TierInput Plain() {
  TierInput in;
  in.mandate_for_change = true;
  in.needs = AllNeeds(Severity::kNone);
  return in;
}

Tier Calculate(const TierInput& in) {
  auto tier = CalculateTier(in);
  EXPECT_TRUE(tier) << tier.error().message;
  return tier ? *tier : Tier{};
}

int SumOf(const Tier& t, TierItem::Scale scale) {
  int total = 0;
  for (const auto& item : t.breakdown)
    if (item.scale == scale) total += item.points;
  return total;
}

TEST(Tier, GivesTheReferenceVectors) {
  const struct {
    Severity needs;
    const char* tier;
    int change_points;
  } cases[] = {
      {Severity::kNone, "B1", 2},
      {Severity::kStandard, "B2", 12},
      {Severity::kSevere, "B3", 22},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.tier);
    const Tier t = Calculate(ReferenceMan(c.needs));
    EXPECT_EQ(t.Code(), c.tier);
    EXPECT_EQ(t.protect_level, 'B');
    EXPECT_EQ(t.protect_points, 20);
    EXPECT_EQ(t.change_points, c.change_points);
  }
}

TEST(Tier, RsrPointsCompareTheExactDecimal) {
  const struct {
    const char* rsr;
    int points;
  } cases[] = {
      {"100", 20},     {"7.1", 20},  {"7.0", 20}, {"7", 20},   {"6.999999", 10},
      {"6.995", 10},   {"6.95", 10}, {"6.9", 10}, {"3.1", 10}, {"3.0", 10},
      {"2.999999", 0}, {"2.9", 0},   {"0", 0},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.rsr);
    TierInput in = Plain();
    in.rsr_percent = Pct(c.rsr);
    EXPECT_EQ(Calculate(in).protect_points, c.points);
    // The same through a double, as a JSON number arrives.
    in.rsr_percent = DecimalFromDouble(std::stod(c.rsr));
    EXPECT_EQ(Calculate(in).protect_points, c.points);
  }
}

TEST(Tier, RsrOutside0To100IsInvalid) {
  for (const char* rsr : {"-0.000001", "-1", "100.000001", "101"}) {
    SCOPED_TRACE(rsr);
    TierInput in = Plain();
    in.rsr_percent = Pct(rsr);
    const auto t = CalculateTier(in);
    ASSERT_FALSE(t);
    EXPECT_EQ(t.error().kind, ErrorKind::kInvalid);
    EXPECT_EQ(t.error().field, "rsr_percent");
  }
}

TEST(Tier, RoshPoints) {
  const struct {
    std::optional<Rosh> rosh;
    int points;
    char letter;
  } cases[] = {
      {Rosh::kVeryHigh, 150, 'A'}, {Rosh::kHigh, 20, 'B'}, {Rosh::kMedium, 10, 'C'},
      {Rosh::kLow, 0, 'D'},        {std::nullopt, 0, 'D'},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.points);
    TierInput in = Plain();
    in.rosh = c.rosh;
    const Tier t = Calculate(in);
    EXPECT_EQ(t.protect_points, c.points);
    EXPECT_EQ(t.protect_level, c.letter);
  }
}

TEST(Tier, OnlyTheHigherOfRsrAndRoshCounts) {
  const struct {
    const char* rsr;
    Rosh rosh;
    int points;
  } cases[] = {
      {"7.1", Rosh::kMedium, 20},                               // 20 + 10 - 10
      {"3.0", Rosh::kVeryHigh, 150}, {"7.0", Rosh::kHigh, 20},  // a tie counts once
      {"2.9", Rosh::kMedium, 10},                               // 0 + 10 - 0
      {"6.9", Rosh::kLow, 10},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.rsr);
    TierInput in = Plain();
    in.rsr_percent = Pct(c.rsr);
    in.rosh = c.rosh;
    const Tier t = Calculate(in);
    EXPECT_EQ(t.protect_points, c.points);
    EXPECT_EQ(SumOf(t, TierItem::Scale::kProtect), c.points);
  }
}

TEST(Tier, MappaPoints) {
  const struct {
    std::optional<int> level;
    int points;
  } cases[] = {{std::nullopt, 0}, {1, 5}, {2, 150}, {3, 150}};
  for (const auto& c : cases) {
    TierInput in = Plain();
    in.mappa_level = c.level;
    EXPECT_EQ(Calculate(in).protect_points, c.points);
  }
  for (int level : {0, 4, -1}) {
    SCOPED_TRACE(level);
    TierInput in = Plain();
    in.mappa_level = level;
    const auto t = CalculateTier(in);
    ASSERT_FALSE(t);
    EXPECT_EQ(t.error().field, "mappa_level");
  }
}

TEST(Tier, EachDistinctComplexityRegistrationCountsTwo) {
  TierInput in = Plain();
  in.complexity = {Complexity::kSelfHarm, Complexity::kVulnerable, Complexity::kSelfHarm,
                   Complexity::kSelfHarm};
  const Tier t = Calculate(in);
  EXPECT_EQ(t.protect_points, 4);
  int listed = 0;
  for (const auto& item : t.breakdown) listed += item.code == "complexity.self_harm";
  EXPECT_EQ(listed, 1);

  in.complexity.clear();
  for (const auto& term : Complexities()) in.complexity.push_back(*ParseComplexity(term.code));
  EXPECT_EQ(Calculate(in).protect_points, 20);  // all ten
}

TEST(Tier, WomenOnlyFactorsCountForWomenAndAreIgnoredForMen) {
  TierInput in = Plain();
  in.parental_responsibilities = true;
  in.impulsivity_or_temper = true;
  in.previous_breach_or_recall = true;
  in.gender = Gender::kMale;
  EXPECT_EQ(Calculate(in).protect_points, 0);
  in.gender = Gender::kFemale;
  EXPECT_EQ(Calculate(in).protect_points, 6);
  in.parental_responsibilities = false;
  EXPECT_EQ(Calculate(in).protect_points, 4);
  in.impulsivity_or_temper = false;
  EXPECT_EQ(Calculate(in).protect_points, 2);
  in.previous_breach_or_recall = false;
  EXPECT_EQ(Calculate(in).protect_points, 0);
}

TEST(Tier, ProtectLetterEdges) {
  const struct {
    int points;
    char letter;
  } cases[] = {{0, 'D'},  {9, 'D'},   {10, 'C'},  {19, 'C'},
               {20, 'B'}, {149, 'B'}, {150, 'A'}, {320, 'A'}};
  for (const auto& c : cases) EXPECT_EQ(ProtectLevelOf(c.points), c.letter) << c.points;

  // The same edges reached from inputs: 2 points per complexity, 5 for MAPPA level 1.
  const auto with = [](int complexities, std::optional<int> mappa) {
    TierInput in = Plain();
    for (int i = 0; i < complexities; ++i) in.complexity.push_back(static_cast<Complexity>(i));
    in.mappa_level = mappa;
    return Calculate(in);
  };
  EXPECT_EQ(with(2, 1).protect_points, 9);
  EXPECT_EQ(with(2, 1).protect_level, 'D');
  EXPECT_EQ(with(5, std::nullopt).protect_level, 'C');  // 10
  EXPECT_EQ(with(7, 1).protect_points, 19);
  EXPECT_EQ(with(7, 1).protect_level, 'C');
  EXPECT_EQ(with(10, std::nullopt).protect_level, 'B');  // 20
  EXPECT_EQ(with(0, 2).protect_level, 'A');              // 150
}

TEST(Tier, ChangeLevelEdges) {
  const struct {
    int points;
    int level;
  } cases[] = {{0, 1}, {9, 1}, {10, 2}, {19, 2}, {20, 3}, {40, 3}};
  for (const auto& c : cases) EXPECT_EQ(ChangeLevelOf(c.points), c.level) << c.points;

  // From inputs: floor(OGRS3 / 10), needs by weight and severity, 2 for IOM.
  const struct {
    int ogrs3;
    bool iom;
    Severity attitudes;
    int points;
    int level;
  } inputs[] = {
      {99, false, Severity::kNone, 9, 1},   {100, false, Severity::kNone, 10, 2},
      {29, false, Severity::kNone, 2, 1},   {30, false, Severity::kNone, 3, 1},
      {90, true, Severity::kSevere, 15, 2}, {99, true, Severity::kSevere, 15, 2},
      {0, true, Severity::kNone, 2, 1},     {5, false, Severity::kNone, 0, 1},
  };
  for (const auto& c : inputs) {
    SCOPED_TRACE(c.ogrs3);
    TierInput in = Plain();
    in.ogrs3_two_year_percent = c.ogrs3;
    in.integrated_offender_management = c.iom;
    (*in.needs)[Need::kAttitudes] = c.attitudes;
    const Tier t = Calculate(in);
    EXPECT_EQ(t.change_points, c.points);
    EXPECT_EQ(t.change_level, c.level);
  }
  // 19 and 20 from needs: all severe is 20; one standard instead of severe is 19.
  TierInput in = Plain();
  in.needs = AllNeeds(Severity::kSevere);
  EXPECT_EQ(Calculate(in).change_points, 20);
  EXPECT_EQ(Calculate(in).change_level, 3);
  (*in.needs)[Need::kDrugs] = Severity::kStandard;
  EXPECT_EQ(Calculate(in).change_points, 19);
  EXPECT_EQ(Calculate(in).change_level, 2);
}

TEST(Tier, NeedsWeighTwoForThinkingAndAttitudesAndOneForTheRest) {
  for (const auto& need : Needs()) {
    SCOPED_TRACE(need.code);
    TierInput in = Plain();
    (*in.needs)[need.need] = Severity::kSevere;
    const int weight =
        need.need == Need::kThinkingAndBehaviour || need.need == Need::kAttitudes ? 2 : 1;
    EXPECT_EQ(need.weight, weight);
    EXPECT_EQ(Calculate(in).change_points, 2 * weight);
    (*in.needs)[need.need] = Severity::kStandard;
    EXPECT_EQ(Calculate(in).change_points, weight);
  }
}

TEST(Tier, NoMandateForChangeIsLevel0) {
  TierInput in = ReferenceMan(Severity::kSevere);
  in.mandate_for_change = false;
  in.integrated_offender_management = true;
  const Tier t = Calculate(in);
  EXPECT_EQ(t.Code(), "B0");
  EXPECT_EQ(t.change_level, 0);
  EXPECT_EQ(t.change_points, 0);
  in.needs.reset();  // no mandate wins over no needs assessment
  EXPECT_EQ(Calculate(in).change_level, 0);
}

TEST(Tier, NoNeedsAssessmentIsLevel2) {
  TierInput in = ReferenceMan(Severity::kSevere);
  in.needs.reset();
  const Tier t = Calculate(in);
  EXPECT_EQ(t.Code(), "B2");
  EXPECT_EQ(t.change_points, 0);
  bool said = false;
  for (const auto& item : t.breakdown) said |= item.code == "no_needs_assessment";
  EXPECT_TRUE(said);
}

TEST(Tier, Ogrs3OutsideItsRangeIsInvalid) {
  for (int percent : {-1, 101}) {
    TierInput in = Plain();
    in.ogrs3_two_year_percent = percent;
    const auto t = CalculateTier(in);
    ASSERT_FALSE(t);
    EXPECT_EQ(t.error().field, "ogrs3_two_year_percent");
  }
  TierInput in = Plain();
  in.ogrs3_two_year_percent = 0;
  EXPECT_TRUE(CalculateTier(in));
  in.ogrs3_two_year_percent = 100;
  EXPECT_TRUE(CalculateTier(in));
}

// "Why is this case B2?": each item with its points, adding up to each scale's points.
TEST(Tier, TheBreakdownExplainsThePoints) {
  TierInput in = ReferenceMan(Severity::kStandard);
  in.gender = Gender::kFemale;
  in.rosh = Rosh::kMedium;
  in.mappa_level = 1;
  in.complexity = {Complexity::kTerrorism};
  in.parental_responsibilities = true;
  in.integrated_offender_management = true;
  const Tier t = Calculate(in);
  // RSR 20 + ROSH 10 - 10 + MAPPA 5 + complexity 2 + parental 2 = 29; needs 10 + OGRS3 2 + IOM 2.
  EXPECT_EQ(t.Code(), "B2");
  EXPECT_EQ(t.protect_points, 29);
  EXPECT_EQ(t.change_points, 14);
  EXPECT_EQ(SumOf(t, TierItem::Scale::kProtect), t.protect_points);
  EXPECT_EQ(SumOf(t, TierItem::Scale::kChange), t.change_points);
  std::vector<std::string> codes;
  for (const auto& item : t.breakdown) {
    codes.push_back(item.code);
    EXPECT_FALSE(item.label.empty()) << item.code;
  }
  EXPECT_EQ(codes,
            (std::vector<std::string>{
                "rsr", "rosh", "rsr_rosh_overlap", "mappa", "complexity.terrorism",
                "parental_responsibilities", "needs.accommodation",
                "needs.education_training_employment", "needs.relationships", "needs.lifestyle",
                "needs.drugs", "needs.alcohol", "needs.thinking_and_behaviour", "needs.attitudes",
                "ogrs3", "integrated_offender_management"}));
  EXPECT_EQ(t.breakdown[0].label, "RSR 23%");
  EXPECT_EQ(t.rsr_band, RsrBand::kHigh);
  in.rsr_percent.reset();
  EXPECT_FALSE(Calculate(in).rsr_band);
  EXPECT_EQ(t.breakdown[2].points, -10);
}

TEST(Tier, VocabulariesParseTheirCodesOnly) {
  EXPECT_EQ(Complexities().size(), 10u);
  for (const char* code :
       {"mental_health", "self_harm", "vulnerable", "cared_for_child", "child_protection",
        "child_concerns", "public_interest", "adult_at_risk", "street_gangs", "terrorism"}) {
    SCOPED_TRACE(code);
    const auto c = ParseComplexity(code);
    ASSERT_TRUE(c);
    EXPECT_EQ(TermOf(*c).code, code);
    EXPECT_FALSE(TermOf(*c).label.empty());
  }
  for (const char* code : {"", "mental_health_issues", "care_leaver", "weapons", "Terrorism"})
    EXPECT_FALSE(ParseComplexity(code)) << code;

  EXPECT_EQ(Needs().size(), 8u);
  for (const auto& need : Needs()) EXPECT_EQ(ParseNeed(need.code), need.need);
  EXPECT_FALSE(ParseNeed("thinking_behaviour"));
  EXPECT_FALSE(ParseNeed("finance"));

  EXPECT_EQ(ParseRosh("very_high"), Rosh::kVeryHigh);
  EXPECT_EQ(ParseRosh("low"), Rosh::kLow);
  EXPECT_FALSE(ParseRosh("none"));
  EXPECT_FALSE(ParseRosh("VERY_HIGH"));
  EXPECT_STREQ(ToString(Rosh::kVeryHigh), "very_high");

  EXPECT_EQ(ParseSeverity("severe"), Severity::kSevere);
  EXPECT_FALSE(ParseSeverity("high"));
  EXPECT_STREQ(ToString(Severity::kStandard), "standard");
}

TEST(Tier, RsrBandsAreExact) {
  const struct {
    const char* rsr;
    RsrBand band;
  } cases[] = {
      {"0", RsrBand::kLow},    {"2.9", RsrBand::kLow},     {"2.999999", RsrBand::kLow},
      {"3", RsrBand::kMedium}, {"6.89", RsrBand::kMedium}, {"6.899999", RsrBand::kMedium},
      {"6.9", RsrBand::kHigh}, {"6.995", RsrBand::kHigh},  {"100", RsrBand::kHigh},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.rsr);
    EXPECT_EQ(RsrBandOf(Pct(c.rsr)), c.band);
    EXPECT_EQ(RsrBandOf(*DecimalFromDouble(std::stod(c.rsr))), c.band);
  }
  EXPECT_STREQ(ToString(RsrBand::kMedium), "medium");
}

}  // namespace
}  // namespace probity::risk
