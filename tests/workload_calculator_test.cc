// The workload calculator as a user reaches it: POST /api/v1/calculators/workload over HTTP with
// the application's own router on both backends (signed in, 401 without credentials, 400 naming
// the field), and `probity calc workload` as a real process. The rules are tested in
// src/workload/; the JSON contract in src/web/workload_json_test.cc.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "app_server.h"
#include "program_runner.h"

namespace probity {
namespace {

using nlohmann::json;

const char* const kWorkload = "/api/v1/calculators/workload";

// workload.md: 37 contracted hours less 1.8 is 2070 available points; 10 community A3 cases are
// 2060 points (99.5%); a young-adult licence B2 candidate adds 48 (101.8%).
json Question() {
  return {
      {"nominal_target", 2176},
      {"default_hours", 37},
      {"contracted_hours", 37},
      {"reduction_hours", 1.8},
      {"cases",
       json::array(
           {{{"case_type", "community"}, {"tier", "A3"}, {"young_adult", false}, {"count", 10}}})},
      {"standard_reports", 0},
      {"fast_reports", 0},
      {"candidate", {{"case_type", "licence"}, {"tier", "B2"}, {"young_adult", true}}}};
}

void ExpectTheVector(const json& answer) {
  EXPECT_EQ(answer["points"], 2060);
  EXPECT_EQ(answer["available_points"], 2070);
  EXPECT_EQ(answer["capacity_percent"].dump(), "99.5");
  EXPECT_EQ(answer["points_after"], 2108);
  EXPECT_EQ(answer["capacity_percent_after"].dump(), "101.8");
}

class WorkloadCalculatorTest : public testing::AppServerTest {};

TEST_P(WorkloadCalculatorTest, AnswersAnySignedInUser) {
  const auto r = As("demo.po1", "POST", kWorkload, Question());
  ASSERT_EQ(r.status, 200) << r.body;
  ExpectTheVector(r.Json());
}

TEST_P(WorkloadCalculatorTest, NeedsCredentials) {
  EXPECT_EQ(Send("POST", kWorkload, Question().dump()).status, 401);
}

TEST_P(WorkloadCalculatorTest, BadInputIs400NamingTheField) {
  json body = Question();
  body["cases"][0]["tier"] = "E1";
  const auto r = As("demo.po1", "POST", kWorkload, body);
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(r.Json()["error"]["field"], "cases[0].tier") << r.body;
  body = Question();
  body["contracted_hours"] = 81;
  EXPECT_EQ(As("demo.po1", "POST", kWorkload, body).Json()["error"]["field"], "contracted_hours");
}

PROBITY_ON_BOTH_BACKENDS(WorkloadCalculatorTest);

using testing::ProgramPath;
using testing::Shell;

testing::Run CalcWorkload(const std::string& input) {
  return Shell("printf '%s' '" + input + "' | env -u PROBITY_DB " + ProgramPath() +
               " calc workload");
}

TEST(WorkloadCalcCli, PrintsTheAnswerAsOneLineOfJson) {
  const auto run = CalcWorkload(Question().dump());
  ASSERT_EQ(run.exit_code, 0) << run.output;
  EXPECT_EQ(run.Lines(), 1) << run.output;
  ExpectTheVector(json::parse(run.output));
}

TEST(WorkloadCalcCli, BadInputIsOneLineAndExit2) {
  json bad = Question();
  bad["cases"][0]["count"] = -1;
  for (const std::string& input : {std::string(), std::string("[1]"), bad.dump()}) {
    SCOPED_TRACE(input);
    const auto run = CalcWorkload(input);
    EXPECT_EQ(run.exit_code, 2) << run.output;
    EXPECT_EQ(run.Lines(), 1) << run.output;
    EXPECT_EQ(run.output.rfind("probity: ", 0), 0u) << run.output;
  }
}

}  // namespace
}  // namespace probity
