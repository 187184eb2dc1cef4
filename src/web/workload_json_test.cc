#include "web/workload_json.h"

#include <gtest/gtest.h>

namespace probity::web {
namespace {
using nlohmann::json;

json Question() {
  return json::parse(R"({"nominal_target":2176,"default_hours":37,"contracted_hours":37,
    "reduction_hours":1.8,"cases":[{"case_type":"community","tier":"A3","young_adult":false,"count":10}],
    "standard_reports":0,"fast_reports":0})");
}

TEST(WorkloadJson, AnswersTheVector) {
  json q = Question();
  q["candidate"] = {{"case_type", "licence"}, {"tier", "B2"}, {"young_adult", true}};
  auto a = AnswerWorkload(q);
  ASSERT_TRUE(a) << a.error().message;
  EXPECT_EQ((*a)["available_points"], 2070);
  EXPECT_EQ((*a)["points"], 2060);
  EXPECT_EQ((*a)["capacity_percent"].dump(), "99.5");  // 99.516...
  EXPECT_EQ((*a)["points_after"], 2108);
  EXPECT_EQ((*a)["capacity_percent_after"].dump(), "101.8");  // 101.835...
}

TEST(WorkloadJson, RefusesNamingTheField) {
  const struct {
    const char* why;
    json::json_pointer at;
    json value;
    const char* field;
  } cases[] = {
      {"unknown tier", json::json_pointer("/cases/0/tier"), "E1", "cases[0].tier"},
      {"unknown type", json::json_pointer("/cases/0/case_type"), "prison", "cases[0].case_type"},
      {"negative count", json::json_pointer("/cases/0/count"), -1, "cases[0].count"},
      {"unknown field", json::json_pointer("/cases/0/colour"), 1, "cases[0].colour"},
      {"hours too fine", json::json_pointer("/reduction_hours"), 1.805, "reduction_hours"},
      {"hours over 80", json::json_pointer("/contracted_hours"), 81, "contracted_hours"},
      {"hours enormous", json::json_pointer("/default_hours"), 1e300, "default_hours"},
      {"hours as text", json::json_pointer("/contracted_hours"), "37", "contracted_hours"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.why);
    json q = Question();
    q[c.at] = c.value;
    auto a = AnswerWorkload(q);
    ASSERT_FALSE(a);
    EXPECT_EQ(a.error().field, c.field);
  }
  json q = Question();
  q["extra"] = 1;
  EXPECT_FALSE(AnswerWorkload(q));
}

}  // namespace
}  // namespace probity::web
