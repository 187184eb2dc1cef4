#include "risk/from_record.h"

#include <gtest/gtest.h>

#include <set>
#include <stdexcept>

#include "cases/vocabulary.h"

namespace probity::risk {
namespace {

Date Day(const char* text) { return *ParseDate(text); }

const Date kToday = Day("2026-03-10");

cases::Sentence Order(int64_t id, const char* kind, const char* sentenced,
                      const char* group = "burglary_other") {
  cases::Sentence s;
  s.id = id;
  s.kind = kind;
  s.court = "Sheffield Magistrates' Court";
  s.offence = "Burglary";
  s.offence_group = group;
  s.sentence_date = sentenced;
  s.length_months = 12;
  return s;
}

cases::Sentence Licence(int64_t id, const char* sentenced, const char* released,
                        const char* group = "burglary_other") {
  cases::Sentence s = Order(id, "licence", sentenced, group);
  s.release_date = released;
  return s;
}

cases::Requirement Requirement(int64_t id, int64_t sentence_id, const char* type,
                               const char* start = "2025-06-02") {
  cases::Requirement r;
  r.id = id;
  r.sentence_id = sentence_id;
  r.type = type;
  r.start_date = start;
  return r;
}

cases::Registration Registration(int64_t id, const char* type, const char* start,
                                 std::optional<std::string> level = std::nullopt,
                                 std::optional<std::string> end = std::nullopt) {
  cases::Registration r;
  r.id = id;
  r.type = type;
  r.level = std::move(level);
  if (r.type == "mappa") r.category = "2";
  r.start_date = start;
  r.end_date = std::move(end);
  return r;
}

cases::Need NeedRow(int64_t id, std::string_view need, const char* severity, const char* on) {
  cases::Need n;
  n.id = id;
  n.need = std::string(need);
  n.severity = severity;
  n.assessed_on = on;
  return n;
}

cases::Conviction ConvictionOn(const char* date, const char* group = "theft_non_motor") {
  return cases::Conviction{0, date, group, std::nullopt};
}

// A man born 1990-04-20 on a community order from 2025-06-02 with a rehabilitation activity
// requirement, one previous conviction (2012-11-05, aged 22) and the current one recorded.
RecordFacts Dale() {
  RecordFacts f;
  f.date_of_birth = "1990-04-20";
  f.gender = "male";
  f.sentences = {Order(7, "community_order", "2025-06-02")};
  f.requirements = {Requirement(70, 7, "rehabilitation_activity")};
  f.convictions = {ConvictionOn("2012-11-05"), ConvictionOn("2025-06-02", "burglary_other")};
  return f;
}

Tier Calculate(const TierInput& in) {
  auto tier = CalculateTier(in);
  EXPECT_TRUE(tier) << tier.error().message;
  return tier ? *tier : Tier{};
}

// --- OGRS3 from the record ---------------------------------------------------------------------

TEST(Ogrs3FromRecord, ACommunityOrderFollowsUpFromItsSentenceDate) {
  const auto in = Ogrs3FromRecord(Dale(), kToday);
  ASSERT_TRUE(in) << in.error().message;
  EXPECT_EQ(in->gender, Gender::kMale);
  EXPECT_EQ(in->date_of_birth, Day("1990-04-20"));
  EXPECT_EQ(in->conviction_date, Day("2025-06-02"));
  EXPECT_EQ(in->follow_up_start, Day("2025-06-02"));
  EXPECT_EQ(in->offence_group, OffenceGroup::kBurglaryOther);
  // The earlier conviction and the current one; the current one's row is not counted twice.
  EXPECT_EQ(in->total_sanctions, 2);
  EXPECT_EQ(in->age_at_first_sanction, 22);
}

TEST(Ogrs3FromRecord, ALicenceOrPssFollowsUpFromRelease) {
  for (const char* kind : {"licence", "pss"}) {
    SCOPED_TRACE(kind);
    RecordFacts f = Dale();
    f.sentences = {Licence(8, "2024-01-15", "2025-09-01")};
    f.sentences[0].kind = kind;
    const auto in = Ogrs3FromRecord(f, kToday);
    ASSERT_TRUE(in) << in.error().message;
    EXPECT_EQ(in->conviction_date, Day("2024-01-15"));
    EXPECT_EQ(in->follow_up_start, Day("2025-09-01"));
  }
}

TEST(Ogrs3FromRecord, ScoresTheReferenceVectorFromARecord) {
  // risk.md's second vector: born 1991-07-17, convicted 2021-08-05, follow-up 2021-12-12, two
  // sanctions, first at 21, other offence: 9% and 17%.
  RecordFacts f;
  f.date_of_birth = "1991-07-17";
  f.gender = "male";
  f.sentences = {Licence(3, "2021-08-05", "2021-12-12", "other_offence")};
  f.convictions = {ConvictionOn("2013-02-11")};  // aged 21
  const auto score = ScoreOgrs3FromRecord(f, Day("2022-01-04"));
  ASSERT_TRUE(score) << score.error().message;
  EXPECT_EQ(score->one_year_percent, 9);
  EXPECT_EQ(score->two_year_percent, 17);
}

TEST(Ogrs3FromRecord, CountsOneSanctionPerDayBeforeTheCurrentConviction) {
  const struct {
    const char* why;
    std::vector<cases::Conviction> convictions;
    int total;
    int age_at_first;
  } cases[] = {
      {"only the current one recorded", {ConvictionOn("2025-06-02")}, 1, 35},
      {"one earlier, current not recorded", {ConvictionOn("2012-11-05")}, 2, 22},
      {"two on one day are one sanction",
       {ConvictionOn("2012-11-05"), ConvictionOn("2012-11-05", "criminal_damage")},
       2,
       22},
      {"three earlier days",
       {ConvictionOn("2019-03-01"), ConvictionOn("2008-07-14"), ConvictionOn("2015-10-20")},
       4,
       18},
      {"a later conviction is not an earlier sanction",
       {ConvictionOn("2012-11-05"), ConvictionOn("2025-12-01")},
       2,
       22},
      {"the day before the current one counts",
       {ConvictionOn("2025-06-01"), ConvictionOn("2025-06-02")},
       2,
       35},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.why);
    RecordFacts f = Dale();
    f.convictions = c.convictions;
    const auto in = Ogrs3FromRecord(f, kToday);
    ASSERT_TRUE(in) << in.error().message;
    EXPECT_EQ(in->total_sanctions, c.total);
    EXPECT_EQ(in->age_at_first_sanction, c.age_at_first);
  }
}

TEST(Ogrs3FromRecord, ScoresTheLatestCurrentSentence) {
  RecordFacts f = Dale();
  f.sentences = {
      Order(4, "suspended_sentence_order", "2025-01-10", "drink_driving"),
      Order(5, "community_order", "2025-06-02", "robbery"),
      Order(6, "community_order", "2025-08-01", "fraud_forgery"),    // terminated below
      Order(9, "community_order", "2026-03-11", "public_order"),     // dated tomorrow
      Order(3, "community_order", "2025-06-02", "criminal_damage"),  // same day, recorded first
  };
  f.sentences[2].status = "terminated";
  f.sentences[2].terminated_on = "2025-09-01";
  const cases::Sentence* current = CurrentSentenceOf(f, kToday);
  ASSERT_NE(current, nullptr);
  EXPECT_EQ(current->id, 5);
  const auto in = Ogrs3FromRecord(f, kToday);
  ASSERT_TRUE(in);
  EXPECT_EQ(in->offence_group, OffenceGroup::kRobbery);
}

TEST(Ogrs3FromRecord, AChosenScaleScoresAPersonOfAnotherGender) {
  for (const char* gender : {"other", "not_stated"}) {
    SCOPED_TRACE(gender);
    RecordFacts f = Dale();
    f.gender = gender;
    f.chosen_scale = Gender::kFemale;
    const auto in = Ogrs3FromRecord(f, kToday);
    ASSERT_TRUE(in) << in.error().message;
    EXPECT_EQ(in->gender, Gender::kFemale);
  }
  RecordFacts man = Dale();
  man.chosen_scale = Gender::kFemale;  // the record wins
  EXPECT_EQ(Ogrs3FromRecord(man, kToday)->gender, Gender::kMale);
}

TEST(Ogrs3FromRecord, SaysWhyItCannotScore) {
  const struct {
    const char* why;
    void (*change)(RecordFacts&);
    CannotScore reason;
    const char* field;
  } cases[] = {
      {"no sentence", [](RecordFacts& f) { f.sentences.clear(); }, CannotScore::kNoCurrentSentence,
       "sentences"},
      {"only a terminated sentence", [](RecordFacts& f) { f.sentences[0].status = "terminated"; },
       CannotScore::kNoCurrentSentence, "sentences"},
      {"gender other, no scale chosen", [](RecordFacts& f) { f.gender = "other"; },
       CannotScore::kGenderNeedsChoice, "gender"},
      {"gender not stated, no scale chosen", [](RecordFacts& f) { f.gender = "not_stated"; },
       CannotScore::kGenderNeedsChoice, "gender"},
      {"no conviction recorded", [](RecordFacts& f) { f.convictions.clear(); },
       CannotScore::kNoConvictionHistory, "convictions"},
      {"licence without a release date",
       [](RecordFacts& f) { f.sentences = {Order(8, "licence", "2024-01-15")}; },
       CannotScore::kNoReleaseDate, "release_date"},
      {"PSS without a release date",
       [](RecordFacts& f) { f.sentences = {Order(8, "pss", "2024-01-15")}; },
       CannotScore::kNoReleaseDate, "release_date"},
      {"offence group not OGRS3's",
       [](RecordFacts& f) { f.sentences[0].offence_group = "burglary"; },
       CannotScore::kUnknownOffenceGroup, "offence_group"},
      {"date of birth unreadable", [](RecordFacts& f) { f.date_of_birth = "20/04/1990"; },
       CannotScore::kUnreadableDate, "date_of_birth"},
      {"release date unreadable",
       [](RecordFacts& f) { f.sentences = {Licence(8, "2024-01-15", "soon")}; },
       CannotScore::kUnreadableDate, "release_date"},
      {"conviction date unreadable",
       [](RecordFacts& f) { f.convictions[0].conviction_date = "2012-13-05"; },
       CannotScore::kUnreadableDate, "conviction_date"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.why);
    RecordFacts f = Dale();
    c.change(f);
    const auto in = Ogrs3FromRecord(f, kToday);
    ASSERT_FALSE(in);
    EXPECT_EQ(in.error().kind, ErrorKind::kInvalid);
    EXPECT_EQ(CannotScoreOf(in.error()), c.reason);
    EXPECT_EQ(in.error().code, ToString(c.reason));
    EXPECT_EQ(in.error().field, c.field);
    EXPECT_FALSE(in.error().message.empty());
    const auto score = ScoreOgrs3FromRecord(f, kToday);
    ASSERT_FALSE(score);
    EXPECT_EQ(CannotScoreOf(score.error()), c.reason);
  }
}

TEST(Ogrs3FromRecord, PassesOnTheModelsOwnRefusals) {
  RecordFacts f = Dale();
  f.convictions = {ConvictionOn("1999-01-01")};  // aged 8: below the age of responsibility
  ASSERT_TRUE(Ogrs3FromRecord(f, kToday));
  const auto score = ScoreOgrs3FromRecord(f, kToday);
  ASSERT_FALSE(score);
  EXPECT_EQ(score.error().field, "age_at_first_sanction");
  EXPECT_EQ(CannotScoreOf(score.error()), std::nullopt);
}

// --- The tier from the record ------------------------------------------------------------------

TEST(TierFromRecord, RoshAndMappaAreTheHighestCurrentRegistrations) {
  RecordFacts f = Dale();
  f.registrations = {
      Registration(1, "rosh", "2024-02-01", "very_high", "2025-01-01"),  // ended
      Registration(2, "rosh", "2025-06-02", "medium"),
      Registration(3, "rosh", "2025-07-01", "high"),
      Registration(4, "rosh", "2026-03-11", "very_high"),  // starts tomorrow
      Registration(5, "mappa", "2025-06-02", "1"),
      Registration(6, "mappa", "2025-01-02", "3", "2026-03-10"),  // ended today
      Registration(7, "mappa", "2025-06-02", "2"),
  };
  const TierInput in = TierFromRecord(f, kToday).input;
  EXPECT_EQ(in.rosh, Rosh::kHigh);
  EXPECT_EQ(in.mappa_level, 2);
}

TEST(TierFromRecord, NoCurrentRoshOrMappaIsNull) {
  RecordFacts f = Dale();
  f.registrations = {
      Registration(1, "rosh", "2024-02-01", "high", "2025-01-01"),
      Registration(2, "mappa", "2026-03-11", "2"),
  };
  const TierInput in = TierFromRecord(f, kToday).input;
  EXPECT_EQ(in.rosh, std::nullopt);
  EXPECT_EQ(in.mappa_level, std::nullopt);
}

TEST(TierFromRecord, ComplexityIsEachDistinctCurrentRegistrationMapped) {
  RecordFacts f = Dale();
  f.registrations = {
      Registration(1, "mental_health_issues", "2025-01-01"),
      Registration(2, "care_leaver", "2025-01-01"),
      Registration(3, "care_leaver", "2025-06-01"),                  // repeated: counts once
      Registration(4, "self_harm", "2024-01-01", {}, "2025-01-01"),  // ended
      Registration(5, "terrorism", "2026-03-11"),                    // starts tomorrow
      Registration(6, "domestic_abuse_perpetrator", "2025-01-01"),   // not the tier's
      Registration(7, "weapons", "2025-01-01"),
  };
  const TierInput in = TierFromRecord(f, kToday).input;
  EXPECT_EQ(in.complexity,
            (std::vector<Complexity>{Complexity::kMentalHealth, Complexity::kCaredForChild}));
  const Tier tier = Calculate(in);
  EXPECT_EQ(tier.protect_points, 4);
}

TEST(TierFromRecord, AWomansFactorsComeFromHerRegistrationsAndBreaches) {
  RecordFacts f = Dale();
  f.gender = "female";
  f.registrations = {
      Registration(1, "parental_responsibilities", "2025-06-02"),
      Registration(2, "impulsivity_temper", "2025-06-02"),
  };
  f.previous_breach_or_recall = true;
  const TierQuestion q = TierFromRecord(f, kToday);
  EXPECT_EQ(q.input.gender, Gender::kFemale);
  EXPECT_TRUE(q.input.parental_responsibilities);
  EXPECT_TRUE(q.input.impulsivity_or_temper);
  EXPECT_TRUE(q.input.previous_breach_or_recall);
  EXPECT_EQ(Calculate(q.input).protect_points, 6);

  RecordFacts ended = f;
  ended.registrations[0].end_date = "2026-01-05";
  ended.previous_breach_or_recall = false;
  const TierInput in = TierFromRecord(ended, kToday).input;
  EXPECT_FALSE(in.parental_responsibilities);
  EXPECT_EQ(Calculate(in).protect_points, 2);

  RecordFacts man = f;
  man.gender = "male";
  EXPECT_EQ(Calculate(TierFromRecord(man, kToday).input).protect_points, 0);
}

TEST(TierFromRecord, AnotherGenderWithoutAChosenScaleCountsNoWomensFactorsAndSaysSo) {
  RecordFacts f = Dale();
  f.gender = "not_stated";
  f.registrations = {Registration(1, "parental_responsibilities", "2025-06-02")};
  const TierQuestion q = TierFromRecord(f, kToday);
  EXPECT_EQ(Calculate(q.input).protect_points, 0);
  ASSERT_FALSE(q.notes.empty());
  EXPECT_NE(q.notes[0].find("women-only"), std::string::npos);

  f.chosen_scale = Gender::kFemale;
  EXPECT_EQ(Calculate(TierFromRecord(f, kToday).input).protect_points, 2);
}

TEST(TierFromRecord, MandateForChange) {
  const struct {
    const char* why;
    std::vector<cases::Sentence> sentences;
    std::vector<cases::Requirement> requirements;
    bool mandate;
  } cases[] = {
      {"a licence", {Licence(1, "2024-01-15", "2025-09-01")}, {}, true},
      {"PSS", {Order(1, "pss", "2024-01-15")}, {}, true},
      {"an order with unpaid work only",
       {Order(1, "community_order", "2025-06-02")},
       {Requirement(10, 1, "unpaid_work")},
       false},
      {"an order with unpaid work and a curfew",
       {Order(1, "community_order", "2025-06-02")},
       {Requirement(10, 1, "unpaid_work"), Requirement(11, 1, "curfew")},
       true},
      {"a suspended sentence with a rehabilitation activity requirement",
       {Order(1, "suspended_sentence_order", "2025-06-02")},
       {Requirement(10, 1, "rehabilitation_activity")},
       true},
      {"an order with no requirement", {Order(1, "community_order", "2025-06-02")}, {}, false},
      {"a completed requirement",
       {Order(1, "community_order", "2025-06-02")},
       [] {
         auto r = Requirement(10, 1, "accredited_programme");
         r.status = "completed";
         r.end_date = "2026-01-20";
         return std::vector{r};
       }(),
       false},
      {"a requirement starting tomorrow",
       {Order(1, "community_order", "2025-06-02")},
       {Requirement(10, 1, "curfew", "2026-03-11")},
       false},
      {"a requirement on a terminated order",
       [] {
         auto s = Order(1, "community_order", "2024-06-02");
         s.status = "terminated";
         return std::vector{s};
       }(),
       {Requirement(10, 1, "rehabilitation_activity")},
       false},
      {"a terminated licence",
       [] {
         auto s = Licence(1, "2023-01-15", "2024-03-01");
         s.status = "terminated";
         return std::vector{s};
       }(),
       {},
       false},
      {"no sentence", {}, {}, false},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.why);
    RecordFacts f = Dale();
    f.sentences = c.sentences;
    f.requirements = c.requirements;
    f.needs = {NeedRow(1, "accommodation", "severe", "2025-07-01")};
    const TierInput in = TierFromRecord(f, kToday).input;
    EXPECT_EQ(in.mandate_for_change, c.mandate);
    const Tier tier = Calculate(in);
    if (!c.mandate) {
      EXPECT_EQ(tier.change_level, 0);
    }
  }
}

TEST(TierFromRecord, TheLatestSeverityOfEachNeedWins) {
  RecordFacts f = Dale();
  f.needs = {
      NeedRow(1, "accommodation", "severe", "2025-07-01"),
      NeedRow(2, "accommodation", "none", "2026-02-01"),  // later: wins
      NeedRow(3, "thinking_behaviour", "standard", "2025-07-01"),
      NeedRow(4, "thinking_behaviour", "severe", "2025-07-01"),  // same day, recorded later
      NeedRow(5, "attitudes", "standard", "2025-07-01"),
      NeedRow(6, "attitudes", "severe", "2026-03-11"),  // assessed tomorrow: not yet
      NeedRow(7, "finance", "severe", "2026-02-01"),    // not the tier's
      NeedRow(8, "mental_health", "severe", "2026-02-01"),
      NeedRow(9, "learning_difficulty", "standard", "2026-02-01"),
  };
  const TierInput in = TierFromRecord(f, kToday).input;
  ASSERT_TRUE(in.needs);
  NeedsAssessment want;
  want[Need::kAccommodation] = Severity::kNone;
  want[Need::kThinkingAndBehaviour] = Severity::kSevere;
  want[Need::kAttitudes] = Severity::kStandard;
  EXPECT_EQ(in.needs->severity, want.severity);
}

TEST(TierFromRecord, NoNeedsAssessedIsChangeLevel2) {
  const struct {
    const char* why;
    std::vector<cases::Need> needs;
  } cases[] = {
      {"no needs at all", {}},
      {"only needs the tier does not weigh",
       {NeedRow(1, "finance", "severe", "2025-07-01"),
        NeedRow(2, "learning_difficulty", "standard", "2025-07-01")}},
      {"only an assessment dated tomorrow", {NeedRow(1, "drugs", "severe", "2026-03-11")}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.why);
    RecordFacts f = Dale();
    f.needs = c.needs;
    const TierInput in = TierFromRecord(f, kToday).input;
    EXPECT_EQ(in.needs, std::nullopt);
    const Tier tier = Calculate(in);
    EXPECT_EQ(tier.change_level, 2);
    EXPECT_EQ(tier.change_points, 0);
  }
}

TEST(TierFromRecord, RsrOgrs3AndIomReachTheChangeAndProtectPoints) {
  RecordFacts f = Dale();
  f.iom = true;
  f.rsr = RsrAssessment{*ParseDecimal("7.1"), RsrKind::kDynamic, Day("2026-03-02"), "Jo Bloggs"};
  const TierQuestion q = TierFromRecord(f, kToday);
  EXPECT_EQ(q.input.rsr_percent, ParseDecimal("7.1"));
  EXPECT_TRUE(q.input.integrated_offender_management);
  ASSERT_TRUE(q.ogrs3);
  const auto score = ScoreOgrs3FromRecord(f, kToday);
  ASSERT_TRUE(score);
  EXPECT_EQ(q.input.ogrs3_two_year_percent, score->two_year_percent);
  EXPECT_EQ(q.ogrs3_refused, std::nullopt);
}

TEST(TierFromRecord, AnOgrs3ThatCannotBeScoredCountsNothingAndSaysWhy) {
  RecordFacts f = Dale();
  f.convictions.clear();
  const TierQuestion q = TierFromRecord(f, kToday);
  EXPECT_EQ(q.input.ogrs3_two_year_percent, std::nullopt);
  EXPECT_EQ(q.ogrs3, std::nullopt);
  ASSERT_TRUE(q.ogrs3_refused);
  EXPECT_EQ(CannotScoreOf(*q.ogrs3_refused), CannotScore::kNoConvictionHistory);
  ASSERT_EQ(q.notes.size(), 1u);
  EXPECT_TRUE(q.notes[0].starts_with("OGRS3 not scored"));
}

TEST(TierFromRecord, ACodeOutsideTheVocabulariesIsABrokenInvariant) {
  const struct {
    const char* why;
    void (*change)(RecordFacts&);
  } cases[] = {
      {"registration type",
       [](RecordFacts& f) { f.registrations = {Registration(1, "werewolf", "2025-01-01")}; }},
      {"ROSH level",
       [](RecordFacts& f) { f.registrations = {Registration(1, "rosh", "2025-01-01", "huge")}; }},
      {"MAPPA level",
       [](RecordFacts& f) { f.registrations = {Registration(1, "mappa", "2025-01-01", "4")}; }},
      {"need", [](RecordFacts& f) { f.needs = {NeedRow(1, "hobbies", "none", "2025-07-01")}; }},
      {"severity",
       [](RecordFacts& f) { f.needs = {NeedRow(1, "drugs", "extreme", "2025-07-01")}; }},
      {"sentence kind", [](RecordFacts& f) { f.sentences[0].kind = "caution"; }},
      {"requirement type", [](RecordFacts& f) { f.requirements[0].type = "juggling"; }},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.why);
    RecordFacts f = Dale();
    c.change(f);
    EXPECT_THROW(TierFromRecord(f, kToday), std::logic_error);
  }
}

// A man on licence with RSR 23 and every need standard: risk.md's B2 vector, from his record.
TEST(TierFromRecord, ExplainsWhyTheCaseIsB2) {
  RecordFacts f = Dale();
  f.sentences = {Licence(8, "2024-01-15", "2025-09-01")};
  f.requirements.clear();
  f.convictions = {ConvictionOn("2012-11-05")};
  f.rsr = RsrAssessment{*ParseDecimal("23"), RsrKind::kStatic, Day("2025-09-15"), "Sam Patel"};
  int64_t id = 0;
  for (const auto& area : cases::NeedAreas())
    if (NeedOfArea(area.code))
      f.needs.push_back(NeedRow(++id, area.code, "standard", "2025-10-01"));
  const TierQuestion q = TierFromRecord(f, kToday);
  const Tier tier = Calculate(q.input);
  EXPECT_EQ(tier.Code(), "B2");

  const TierExplanation why = ExplainTier(tier, q);
  EXPECT_EQ(why.title, "Why is this case B2?");
  EXPECT_EQ(why.protect_summary, "Protect level B: 20 points");
  ASSERT_EQ(why.protect.size(), 1u);
  EXPECT_EQ(why.protect[0].code, "rsr");
  EXPECT_EQ(why.protect[0].label, "RSR 23% (static, 15 September 2025, by Sam Patel)");
  EXPECT_EQ(why.protect[0].points, 20);
  EXPECT_EQ(why.change_summary,
            "Change level 2: " + std::to_string(tier.change_points) + " points");
  int change = 0;
  for (const auto& line : why.change) change += line.points;
  EXPECT_EQ(change, tier.change_points);
  EXPECT_EQ(why.change.size(), 9u);  // eight needs and OGRS3
  EXPECT_EQ(why.change.back().code, "ogrs3");
  EXPECT_NE(why.change.back().label.find("(Low)"), std::string::npos);
  EXPECT_TRUE(why.notes.empty());
}

TEST(TierFromRecord, ExplainsTheRuleThatSetTheChangeLevel) {
  RecordFacts f = Dale();
  f.requirements = {Requirement(70, 7, "unpaid_work")};
  const TierQuestion q = TierFromRecord(f, kToday);
  const Tier tier = Calculate(q.input);
  const TierExplanation why = ExplainTier(tier, q);
  EXPECT_EQ(tier.Code(), "D0");
  EXPECT_TRUE(why.change_summary.starts_with("Change level 0: No mandate for change"));
  EXPECT_EQ(why.protect_summary, "Protect level D: 0 points");
}

TEST(TierChanged, ComparesWithTheStoredTier) {
  Tier b2;
  b2.protect_level = 'B';
  b2.change_level = 2;
  EXPECT_TRUE(TierChanged(std::nullopt, b2));
  EXPECT_FALSE(TierChanged(std::string("B2"), b2));
  EXPECT_TRUE(TierChanged(std::string("B1"), b2));
  EXPECT_TRUE(TierChanged(std::string("C2"), b2));
}

TEST(FactsOf, TakesWhatTheCaseRecordHolds) {
  cases::CaseRecord record;
  record.person.date_of_birth = "1990-04-20";
  record.person.gender = "female";
  record.person.iom = true;
  record.sentences = {Order(7, "community_order", "2025-06-02")};
  record.requirements = {Requirement(70, 7, "curfew")};
  record.registrations = {Registration(1, "vulnerable", "2025-01-01")};
  record.needs = {NeedRow(1, "drugs", "severe", "2025-07-01")};
  record.convictions = {ConvictionOn("2012-11-05")};
  const RecordFacts f = FactsOf(record);
  EXPECT_EQ(f.date_of_birth, "1990-04-20");
  EXPECT_EQ(f.gender, "female");
  EXPECT_TRUE(f.iom);
  EXPECT_EQ(f.sentences.size(), 1u);
  EXPECT_EQ(f.requirements.size(), 1u);
  EXPECT_EQ(f.registrations.size(), 1u);
  EXPECT_EQ(f.needs.size(), 1u);
  EXPECT_EQ(f.convictions.size(), 1u);
  EXPECT_EQ(f.rsr, std::nullopt);
  EXPECT_FALSE(f.previous_breach_or_recall);
}

// --- Every case-record code has a mapping ------------------------------------------------------

TEST(FromRecordCodes, EveryRegistrationTypeIsReadOrIgnoredOnPurpose) {
  std::set<Complexity> mapped;
  for (const auto& term : cases::RegistrationTypes()) {
    SCOPED_TRACE(term.code);
    const auto complexity = ComplexityOfRegistration(term.code);
    const int ways = (complexity ? 1 : 0) + (IsTierRegistration(term.code) ? 1 : 0) +
                     (IsIgnoredRegistration(term.code) ? 1 : 0);
    EXPECT_EQ(ways, 1) << "map it in risk/from_record.cc, or list it as ignored";
    EXPECT_EQ(complexity.has_value(), cases::IsComplexityRegistration(term.code));
    if (complexity) mapped.insert(*complexity);
  }
  EXPECT_EQ(mapped.size(), Complexities().size()) << "a complexity id with no registration";
  for (const char* type : {"rosh", "mappa", "parental_responsibilities", "impulsivity_temper"})
    EXPECT_TRUE(cases::Has(cases::RegistrationTypes(), type)) << type;
}

TEST(FromRecordCodes, TheRecordsOwnCodesMapToTheCalculatorsIds) {
  EXPECT_EQ(ComplexityOfRegistration("mental_health_issues"), Complexity::kMentalHealth);
  EXPECT_EQ(ComplexityOfRegistration("care_leaver"), Complexity::kCaredForChild);
  EXPECT_EQ(NeedOfArea("thinking_behaviour"), Need::kThinkingAndBehaviour);
  // The calculators' own spellings are not the record's.
  EXPECT_EQ(ComplexityOfRegistration("mental_health"), std::nullopt);
  EXPECT_EQ(NeedOfArea("thinking_and_behaviour"), std::nullopt);
}

TEST(FromRecordCodes, EveryNeedAreaIsATierNeedOrIgnoredOnPurpose) {
  std::set<Need> mapped;
  for (const auto& term : cases::NeedAreas()) {
    SCOPED_TRACE(term.code);
    const auto need = NeedOfArea(term.code);
    EXPECT_NE(need.has_value(), IsIgnoredNeedArea(term.code));
    if (need) {
      EXPECT_TRUE(mapped.insert(*need).second) << "two areas for one need";
    }
  }
  EXPECT_EQ(mapped.size(), kNeedCount) << "a tier need the record cannot hold";
}

TEST(FromRecordCodes, SeveritiesLevelsKindsAndRequirementsAllMap) {
  for (const auto& term : cases::NeedSeverities())
    EXPECT_TRUE(ParseSeverity(term.code)) << term.code;
  for (const auto& term : cases::RoshLevels()) EXPECT_TRUE(ParseRosh(term.code)) << term.code;
  for (const auto& term : cases::MappaLevels()) {
    SCOPED_TRACE(term.code);
    RecordFacts f = Dale();
    f.registrations = {Registration(1, "mappa", "2025-01-01", std::string(term.code))};
    EXPECT_EQ(std::to_string(*TierFromRecord(f, kToday).input.mappa_level), term.code);
  }
  for (const auto& term : cases::SentenceKinds())
    EXPECT_TRUE(FollowsCustody(term.code)) << term.code;
  for (const auto& term : cases::RequirementTypes())
    EXPECT_TRUE(RequirementGivesMandate(term.code)) << term.code;
  for (const auto& term : cases::OffenceGroups())
    EXPECT_TRUE(ParseOffenceGroup(term.code)) << term.code;
  for (const auto& term : cases::Genders()) {
    SCOPED_TRACE(term.code);
    RecordFacts f = Dale();
    f.gender = std::string(term.code);
    const bool scored = Ogrs3FromRecord(f, kToday).has_value();
    EXPECT_EQ(scored, term.code == "male" || term.code == "female");
  }
}

}  // namespace
}  // namespace probity::risk
