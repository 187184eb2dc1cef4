#include "web/risk_json.h"

#include <gtest/gtest.h>

namespace probity::web {
namespace {

using nlohmann::json;

json Ogrs3Question() {
  return json::parse(R"({"gender":"male","date_of_birth":"1965-12-07",
      "conviction_date":"2025-05-13","follow_up_start":"2026-12-12","total_sanctions":2,
      "age_at_first_sanction":47,"offence_group":"soliciting_prostitution"})");
}

// risk.md's tier vector with all needs `severity`.
json TierQuestion(const char* severity = "standard") {
  json needs = json::object();
  for (const char* need : {"accommodation", "education_training_employment", "relationships",
                           "lifestyle", "drugs", "alcohol", "thinking_and_behaviour", "attitudes"})
    needs[need] = severity;
  return {{"gender", "male"},
          {"rsr_percent", 23},
          {"rosh", nullptr},
          {"mappa_level", nullptr},
          {"complexity", json::array()},
          {"parental_responsibilities", false},
          {"impulsivity_or_temper", false},
          {"previous_breach_or_recall", false},
          {"mandate_for_change", true},
          {"needs", needs},
          {"ogrs3_two_year_percent", 21},
          {"integrated_offender_management", false}};
}

// One member of a valid question changed; a null value removes it.
struct Change {
  const char* why;
  const char* member;
  json value;
  const char* field;  // the field the refusal must name
};

// Each change to `valid` is refused as kInvalid naming its field, with a message.
void ExpectEachRefused(Result<json> (*answer)(const json&), const json& valid,
                       const std::vector<Change>& changes) {
  ASSERT_TRUE(answer(valid));
  for (const auto& c : changes) {
    SCOPED_TRACE(c.why);
    json body = valid;
    if (c.value.is_null())
      body.erase(c.member);
    else
      body[c.member] = c.value;
    const auto refused = answer(body);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, ErrorKind::kInvalid);
    EXPECT_EQ(refused.error().field, c.field);
    EXPECT_FALSE(refused.error().message.empty());
  }
}

TEST(RiskJson, AnswersOgrs3) {
  const auto answer = AnswerOgrs3(Ogrs3Question());
  ASSERT_TRUE(answer) << answer.error().message;
  EXPECT_EQ((*answer)["one_year_percent"], 8);
  EXPECT_EQ((*answer)["two_year_percent"], 16);
  EXPECT_EQ((*answer)["band"], "low");
  EXPECT_EQ((*answer)["band_label"], "Low");
  EXPECT_EQ((*answer)["working"]["age_band"], "50+");
  EXPECT_EQ((*answer)["working"]["age_at_follow_up"], 61);
  EXPECT_EQ((*answer)["working"]["age_at_conviction"], 59);
  EXPECT_DOUBLE_EQ((*answer)["working"]["offence_weight"].get<double>(), 0.760608858);
}

TEST(RiskJson, AnswersTheTierVectors) {
  const struct {
    const char* needs;
    const char* tier;
    int change_level, change_points;
  } cases[] = {{"none", "B1", 1, 2}, {"standard", "B2", 2, 12}, {"severe", "B3", 3, 22}};
  for (const auto& c : cases) {
    SCOPED_TRACE(c.tier);
    const auto answer = AnswerTier(TierQuestion(c.needs));
    ASSERT_TRUE(answer) << answer.error().message;
    EXPECT_EQ((*answer)["tier"], c.tier);
    EXPECT_EQ((*answer)["protect_level"], "B");
    EXPECT_EQ((*answer)["protect_points"], 20);
    EXPECT_EQ((*answer)["change_level"], c.change_level);
    EXPECT_EQ((*answer)["change_points"], c.change_points);
    EXPECT_EQ((*answer)["rsr_band"], "high");
    EXPECT_TRUE((*answer)["breakdown"].is_array());
    EXPECT_EQ((*answer)["breakdown"][0],
              (json{{"scale", "protect"}, {"code", "rsr"}, {"label", "RSR 23%"}, {"points", 20}}));
  }
}

// The RSR as written in the request's text, through nlohmann's double.
TEST(RiskJson, ReadsTheRsrAsTheDecimalWritten) {
  const struct {
    const char* rsr;
    int points;
    const char* band;
  } cases[] = {
      {"7.1", 20, "high"},   {"7.0", 20, "high"},     {"7", 20, "high"},      {"6.995", 10, "high"},
      {"6.95", 10, "high"},  {"6.9", 10, "high"},     {"6.89", 10, "medium"}, {"3.1", 10, "medium"},
      {"3.0", 10, "medium"}, {"2.9", 0, "low"},       {"0", 0, "low"},        {"100", 20, "high"},
      {"1e2", 20, "high"},   {"6.995e0", 10, "high"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.rsr);
    json body = json::parse(std::string(R"({"gender":"female","mandate_for_change":false,)") +
                            R"("rsr_percent":)" + c.rsr + "}");
    const auto answer = AnswerTier(body);
    ASSERT_TRUE(answer) << answer.error().message;
    EXPECT_EQ((*answer)["protect_points"], c.points);
    EXPECT_EQ((*answer)["rsr_band"], c.band);
    EXPECT_EQ((*answer)["tier"], c.points == 20 ? "B0" : c.points == 10 ? "C0" : "D0");
  }
}

TEST(RiskJson, TierDefaultsAbsentNullableAndOptionalMembers) {
  const auto in = ParseTierQuestion({{"gender", "female"}, {"mandate_for_change", true}});
  ASSERT_TRUE(in) << in.error().message;
  EXPECT_FALSE(in->rsr_percent);
  EXPECT_FALSE(in->rosh);
  EXPECT_FALSE(in->mappa_level);
  EXPECT_TRUE(in->complexity.empty());
  EXPECT_FALSE(in->parental_responsibilities);
  EXPECT_FALSE(in->previous_breach_or_recall);
  EXPECT_FALSE(in->needs);
  EXPECT_FALSE(in->ogrs3_two_year_percent);
  EXPECT_FALSE(in->integrated_offender_management);
  const auto answer = AnswerTier({{"gender", "female"}, {"mandate_for_change", true}});
  ASSERT_TRUE(answer);
  EXPECT_EQ((*answer)["tier"], "D2");  // no needs assessment
  EXPECT_EQ((*answer)["rsr_band"], nullptr);
}

TEST(RiskJson, TierReadsEveryMember) {
  json body = TierQuestion("none");
  body["gender"] = "female";
  body["rosh"] = "very_high";
  body["mappa_level"] = 1;
  body["complexity"] = {"self_harm", "terrorism", "self_harm"};
  body["parental_responsibilities"] = true;
  body["impulsivity_or_temper"] = true;
  body["previous_breach_or_recall"] = true;
  body["integrated_offender_management"] = true;
  body["needs"]["attitudes"] = "severe";
  const auto in = ParseTierQuestion(body);
  ASSERT_TRUE(in) << in.error().message;
  EXPECT_EQ(in->rosh, risk::Rosh::kVeryHigh);
  EXPECT_EQ(in->mappa_level, 1);
  EXPECT_EQ(in->complexity.size(), 3u);
  EXPECT_EQ((*in->needs)[risk::Need::kAttitudes], risk::Severity::kSevere);
  const auto answer = AnswerTier(body);
  ASSERT_TRUE(answer);
  // 20 + 150 - 20 + 5 + 2 x 2 + 3 x 2 = 165; 4 + 2 + 2 = 8.
  EXPECT_EQ((*answer)["tier"], "A1");
  EXPECT_EQ((*answer)["protect_points"], 165);
  EXPECT_EQ((*answer)["change_points"], 8);
}

TEST(RiskJson, Ogrs3RefusesBadInputNamingTheField) {
  ExpectEachRefused(
      AnswerOgrs3, Ogrs3Question(),
      {
          {"no gender", "gender", nullptr, "gender"},
          {"gender unknown", "gender", "other", "gender"},
          {"gender not text", "gender", 1, "gender"},
          {"no date of birth", "date_of_birth", nullptr, "date_of_birth"},
          {"date of birth not real", "date_of_birth", "1965-02-30", "date_of_birth"},
          {"conviction date another format", "conviction_date", "13/05/2025", "conviction_date"},
          {"conviction date not text", "conviction_date", 20250513, "conviction_date"},
          {"no follow-up start", "follow_up_start", nullptr, "follow_up_start"},
          {"follow-up before conviction", "follow_up_start", "2025-05-12", "follow_up_start"},
          {"sanctions as text", "total_sanctions", "2", "total_sanctions"},
          {"sanctions not whole", "total_sanctions", 2.5, "total_sanctions"},
          {"no sanctions", "total_sanctions", 0, "total_sanctions"},
          {"sanctions beyond an int", "total_sanctions", 4294967297LL, "total_sanctions"},
          {"no first sanction age", "age_at_first_sanction", nullptr, "age_at_first_sanction"},
          {"first sanction after conviction", "age_at_first_sanction", 60, "age_at_first_sanction"},
          {"unknown offence group", "offence_group", "shoplifting", "offence_group"},
          {"offence group as a label", "offence_group", "Soliciting or prostitution",
           "offence_group"},
          {"a misspelt field", "offence", "violence", "offence"},
      });
  json young = Ogrs3Question();
  young["date_of_birth"] = "2020-01-01";
  EXPECT_EQ(AnswerOgrs3(young).error().field, "conviction_date");
  for (const json& body : {json::array(), json("x"), json(nullptr), json(1)})
    EXPECT_EQ(AnswerOgrs3(body).error().code, "malformed_json") << body.dump();
}

TEST(RiskJson, TierRefusesBadInputNamingTheField) {
  ExpectEachRefused(
      AnswerTier, TierQuestion(),
      {
          {"no gender", "gender", nullptr, "gender"},
          {"gender unknown", "gender", "not_stated", "gender"},
          {"rsr as text", "rsr_percent", "6.9", "rsr_percent"},
          {"rsr over 100", "rsr_percent", 100.5, "rsr_percent"},
          {"rsr negative", "rsr_percent", -1, "rsr_percent"},
          {"rsr far too large", "rsr_percent", 1e300, "rsr_percent"},
          {"rosh none as text", "rosh", "none", "rosh"},
          {"rosh unknown", "rosh", "VERY_HIGH", "rosh"},
          {"rosh not text", "rosh", 3, "rosh"},
          {"mappa 0", "mappa_level", 0, "mappa_level"},
          {"mappa 4", "mappa_level", 4, "mappa_level"},
          {"mappa as text", "mappa_level", "2", "mappa_level"},
          {"complexity not a list", "complexity", "self_harm", "complexity"},
          {"complexity unknown id", "complexity", json::array({"self_harm", "weapons"}),
           "complexity"},
          {"complexity not text", "complexity", json::array({1}), "complexity"},
          {"parental not a bool", "parental_responsibilities", "yes", "parental_responsibilities"},
          {"impulsivity not a bool", "impulsivity_or_temper", 1, "impulsivity_or_temper"},
          {"breach not a bool", "previous_breach_or_recall", "false", "previous_breach_or_recall"},
          {"no mandate", "mandate_for_change", nullptr, "mandate_for_change"},
          {"mandate not a bool", "mandate_for_change", 1, "mandate_for_change"},
          {"needs a list", "needs", json::array({"none"}), "needs"},
          {"needs text", "needs", "none", "needs"},
          {"ogrs3 over 100", "ogrs3_two_year_percent", 101, "ogrs3_two_year_percent"},
          {"ogrs3 not whole", "ogrs3_two_year_percent", 21.5, "ogrs3_two_year_percent"},
          {"iom not a bool", "integrated_offender_management", "no",
           "integrated_offender_management"},
          {"a misspelt field", "mappa", 1, "mappa"},
      });
}

TEST(RiskJson, TierNeedsEachOfTheEightNeedsExactly) {
  json missing = TierQuestion();
  missing["needs"].erase("drugs");
  EXPECT_EQ(AnswerTier(missing).error().field, "needs.drugs");
  json unknown = TierQuestion();
  unknown["needs"]["finance"] = "none";
  EXPECT_EQ(AnswerTier(unknown).error().field, "needs.finance");
  json bad = TierQuestion();
  bad["needs"]["attitudes"] = "high";
  EXPECT_EQ(AnswerTier(bad).error().field, "needs.attitudes");
  json not_text = TierQuestion();
  not_text["needs"]["alcohol"] = 2;
  EXPECT_EQ(AnswerTier(not_text).error().field, "needs.alcohol");
  json null_need = TierQuestion();
  null_need["needs"]["lifestyle"] = nullptr;
  EXPECT_EQ(AnswerTier(null_need).error().field, "needs.lifestyle");
}

}  // namespace
}  // namespace probity::web
