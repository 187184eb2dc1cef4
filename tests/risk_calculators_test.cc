// The risk calculators as a user reaches them: POST /api/v1/calculators/ogrs3 and /tier over
// HTTP with the application's own router on both backends (signed in by token or by session
// with its CSRF token, 401 without credentials, 400 naming the field), and `probity calc ogrs3`
// and `probity calc tier` as a real process. The rules themselves are tested beside them in
// src/risk/; the JSON contract in src/web/risk_json_test.cc.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "app_server.h"
#include "program_runner.h"
#include "store/event_log.h"

namespace probity {
namespace {

using nlohmann::json;
using testing::ClientResponse;

const char* const kOgrs3 = "/api/v1/calculators/ogrs3";
const char* const kTier = "/api/v1/calculators/tier";

// risk.md's first OGRS3 vector: 8% and 16% (low).
json Ogrs3Question() {
  return {{"gender", "male"},
          {"date_of_birth", "1965-12-07"},
          {"conviction_date", "2025-05-13"},
          {"follow_up_start", "2026-12-12"},
          {"total_sanctions", 2},
          {"age_at_first_sanction", 47},
          {"offence_group", "soliciting_prostitution"}};
}

// risk.md's tier vector: a man with OGRS3 21%, RSR 23, a current licence, no registrations, each
// need `severity`.
json TierQuestion(const char* severity) {
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

class RiskCalculatorsTest : public testing::AppServerTest {
 protected:
  int64_t Head() {
    auto tx = db_->BeginRead();
    return store::ReadChainHead(tx).seq;
  }
};

TEST_P(RiskCalculatorsTest, Ogrs3AnswersAnySignedInUser) {
  for (const char* username : {"demo.po1", "demo.spo1", "demo.admin", "demo.enforcement"}) {
    SCOPED_TRACE(username);
    const auto r = As(username, "POST", kOgrs3, Ogrs3Question());
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.Json()["one_year_percent"], 8);
    EXPECT_EQ(r.Json()["two_year_percent"], 16);
    EXPECT_EQ(r.Json()["band"], "low");
    EXPECT_EQ(r.Json()["working"]["age_band"], "50+");
  }
  json third = Ogrs3Question();
  third["date_of_birth"] = "1975-04-29";
  third["conviction_date"] = "2009-02-19";
  third["follow_up_start"] = "2020-01-14";
  third["total_sanctions"] = 22;
  third["age_at_first_sanction"] = 17;
  third["offence_group"] = "drug_import_export_production";
  const auto r = As("demo.po1", "POST", kOgrs3, third);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json()["one_year_percent"], 35);
  EXPECT_EQ(r.Json()["two_year_percent"], 52);
  EXPECT_EQ(r.Json()["band"], "medium");
}

TEST_P(RiskCalculatorsTest, TierAnswersTheReferenceVectors) {
  const struct {
    const char* needs;
    const char* tier;
    int change_points;
  } cases[] = {{"none", "B1", 2}, {"standard", "B2", 12}, {"severe", "B3", 22}};
  for (const auto& c : cases) {
    SCOPED_TRACE(c.tier);
    const auto r = As("demo.po1", "POST", kTier, TierQuestion(c.needs));
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.Json()["tier"], c.tier);
    EXPECT_EQ(r.Json()["protect_level"], "B");
    EXPECT_EQ(r.Json()["protect_points"], 20);
    EXPECT_EQ(r.Json()["change_points"], c.change_points);
    EXPECT_TRUE(r.Json()["breakdown"].is_array());
  }
}

// The RSR as the client wrote it in the body's text.
TEST_P(RiskCalculatorsTest, TierComparesTheRsrAsWritten) {
  ASSERT_EQ(As("demo.po1", "POST", kTier, TierQuestion("none")).status, 200);  // makes the token
  const Headers auth = {{"Authorization", "Bearer " + tokens_["demo.po1"]}};
  for (const auto& [rsr, points] : std::vector<std::pair<std::string, int>>{{"7.1", 20},
                                                                            {"7.0", 20},
                                                                            {"6.995", 10},
                                                                            {"6.95", 10},
                                                                            {"6.9", 10},
                                                                            {"3.0", 10},
                                                                            {"2.9", 0}}) {
    SCOPED_TRACE(rsr);
    const auto r =
        Send("POST", kTier,
             R"({"gender":"male","mandate_for_change":false,"rsr_percent":)" + rsr + "}", auth);
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.Json()["protect_points"], points);
  }
}

TEST_P(RiskCalculatorsTest, NothingIsStored) {
  ASSERT_EQ(As("demo.po1", "POST", kOgrs3, Ogrs3Question()).status, 200);
  const int64_t before = Head();
  EXPECT_EQ(As("demo.po1", "POST", kOgrs3, Ogrs3Question()).status, 200);
  EXPECT_EQ(As("demo.po1", "POST", kTier, TierQuestion("severe")).status, 200);
  EXPECT_EQ(Head(), before);
}

TEST_P(RiskCalculatorsTest, TheCalculatorsNeedCredentials) {
  EXPECT_EQ(Send("POST", kOgrs3, Ogrs3Question().dump()).status, 401);
  EXPECT_EQ(Send("POST", kTier, TierQuestion("none").dump()).status, 401);
  EXPECT_EQ(
      Send("POST", kTier, TierQuestion("none").dump(), {{"Authorization", "Bearer not-a-token"}})
          .status,
      401);
}

TEST_P(RiskCalculatorsTest, BySessionTheCsrfTokenIsNeeded) {
  const auto [cookie, csrf] = SignIn("demo.po1");
  for (const char* target : {kOgrs3, kTier}) {
    SCOPED_TRACE(target);
    const std::string body =
        std::string(target) == kOgrs3 ? Ogrs3Question().dump() : TierQuestion("none").dump();
    EXPECT_EQ(Send("POST", target, body, {{"Cookie", cookie}}).status, 403);
    EXPECT_EQ(Send("POST", target, body, {{"Cookie", cookie}, {"X-CSRF-Token", csrf}}).status, 200);
  }
}

TEST_P(RiskCalculatorsTest, BadInputIs400NamingTheField) {
  const struct {
    const char* why;
    const char* target;
    const char* member;
    json value;  // null: remove the member
    const char* field;
  } cases[] = {
      {"ogrs3 no gender", kOgrs3, "gender", nullptr, "gender"},
      {"ogrs3 unknown offence group", kOgrs3, "offence_group", "shoplifting", "offence_group"},
      {"ogrs3 follow-up before conviction", kOgrs3, "follow_up_start", "2025-05-12",
       "follow_up_start"},
      {"ogrs3 sanctions as text", kOgrs3, "total_sanctions", "2", "total_sanctions"},
      {"ogrs3 first sanction after conviction", kOgrs3, "age_at_first_sanction", 60,
       "age_at_first_sanction"},
      {"ogrs3 misspelt field", kOgrs3, "offence", "violence", "offence"},
      {"tier rsr over 100", kTier, "rsr_percent", 100.5, "rsr_percent"},
      {"tier rosh none as text", kTier, "rosh", "none", "rosh"},
      {"tier mappa 4", kTier, "mappa_level", 4, "mappa_level"},
      {"tier unknown complexity", kTier, "complexity", json::array({"weapons"}), "complexity"},
      {"tier no mandate", kTier, "mandate_for_change", nullptr, "mandate_for_change"},
      {"tier needs not an object", kTier, "needs", "none", "needs"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.why);
    json body = std::string(c.target) == kOgrs3 ? Ogrs3Question() : TierQuestion("none");
    if (c.value.is_null())
      body.erase(c.member);
    else
      body[c.member] = c.value;
    const auto r = As("demo.po1", "POST", c.target, body);
    EXPECT_EQ(r.status, 400) << r.body;
    EXPECT_EQ(r.Json()["error"]["field"], c.field) << r.body;
    EXPECT_FALSE(r.Json()["error"]["message"].get<std::string>().empty());
  }
  json need = TierQuestion("none");
  need["needs"]["drugs"] = "high";
  const auto r = As("demo.po1", "POST", kTier, need);
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(r.Json()["error"]["field"], "needs.drugs") << r.body;
  // Bodies that are not a JSON object, sent as they are.
  ASSERT_EQ(As("demo.po1", "POST", kTier, TierQuestion("none")).status, 200);  // makes the token
  const Headers bearer = {{"Authorization", "Bearer " + tokens_["demo.po1"]}};
  for (const char* target : {kOgrs3, kTier})
    for (const char* body : {"[]", "\"male\"", "{\"gender\":", "null", "{}"}) {
      SCOPED_TRACE(std::string(target) + " " + body);
      EXPECT_EQ(Send("POST", target, body, bearer).status, 400);
    }
}

PROBITY_ON_BOTH_BACKENDS(RiskCalculatorsTest);

// --- probity calc ogrs3 and probity calc tier ---

using testing::ProgramPath;
using testing::Shell;

std::string Quote(const std::string& s) { return "'" + s + "'"; }

// `probity calc CALCULATOR` with `input` on standard input.
testing::Run Calc(const std::string& calculator, const std::string& input) {
  return Shell("printf '%s' " + Quote(input) + " | env -u PROBITY_DB " + ProgramPath() + " calc " +
               calculator);
}

TEST(RiskCalcCli, Ogrs3PrintsTheScoreAsOneLineOfJson) {
  const auto run = Calc("ogrs3", Ogrs3Question().dump());
  ASSERT_EQ(run.exit_code, 0) << run.output;
  EXPECT_EQ(run.Lines(), 1) << run.output;
  const auto answer = json::parse(run.output);
  EXPECT_EQ(answer["one_year_percent"], 8);
  EXPECT_EQ(answer["two_year_percent"], 16);
  EXPECT_EQ(answer["band"], "low");
}

TEST(RiskCalcCli, TierPrintsTheTierAsOneLineOfJson) {
  const auto run = Calc("tier", TierQuestion("standard").dump());
  ASSERT_EQ(run.exit_code, 0) << run.output;
  EXPECT_EQ(run.Lines(), 1) << run.output;
  const auto answer = json::parse(run.output);
  EXPECT_EQ(answer["tier"], "B2");
  EXPECT_EQ(answer["protect_points"], 20);
  EXPECT_EQ(answer["change_level"], 2);
  EXPECT_EQ(answer["change_points"], 12);
  // 6.995 as written stays under 7.0.
  const auto exact =
      Calc("tier", R"({"gender":"male","mandate_for_change":false,"rsr_percent":6.995})");
  ASSERT_EQ(exact.exit_code, 0) << exact.output;
  EXPECT_EQ(json::parse(exact.output)["tier"], "C0");
}

TEST(RiskCalcCli, BadInputIsOneLineAndExit2) {
  for (const auto& [calculator, input] : std::vector<std::pair<std::string, std::string>>{
           {"ogrs3", ""},
           {"ogrs3", "not json"},
           {"ogrs3", "[1]"},
           {"ogrs3", R"({"gender":"male"})"},
           {"ogrs3",
            [] {
              auto b = Ogrs3Question();
              b["offence_group"] = "shoplifting";
              return b.dump();
            }()},
           {"tier", ""},
           {"tier", R"({"gender":"male"})"},
           {"tier", R"({"gender":"male","mandate_for_change":true,"rsr_percent":101})"},
           {"tier", R"({"gender":"male","mandate_for_change":true,"complexity":["weapons"]})"},
           {"tier", R"({"gender":"male","mandate_for_change":true,"extra":1})"},
       }) {
    SCOPED_TRACE(calculator + " " + input);
    const auto run = Calc(calculator, input);
    EXPECT_EQ(run.exit_code, 2) << run.output;
    EXPECT_EQ(run.Lines(), 1) << run.output;
    EXPECT_EQ(run.output.rfind("probity: ", 0), 0u) << run.output;
  }
}

TEST(RiskCalcCli, EachCalculatorHasHelp) {
  for (const char* sub : {"calc ogrs3", "calc tier"}) {
    SCOPED_TRACE(sub);
    const auto help = Shell(ProgramPath() + " " + sub + " --help");
    EXPECT_EQ(help.exit_code, 0);
    EXPECT_NE(help.output.find("Usage:"), std::string::npos);
  }
}

}  // namespace
}  // namespace probity
