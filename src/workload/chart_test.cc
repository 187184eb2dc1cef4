#include "workload/chart.h"

#include <gtest/gtest.h>

#include <sstream>

namespace probity::workload {
namespace {

using nlohmann::json;

std::vector<std::string> Texts(const json& items) {
  std::vector<std::string> out;
  for (const auto& item : items) out.push_back(item["text"].get<std::string>());
  return out;
}

TEST(TenthsText, OneDecimalFromIntegers) {
  const struct {
    int64_t tenths;
    const char* want;
  } cases[] = {
      {1043, "104.3%"}, {0, "0.0%"},   {5, "0.5%"},
      {1000, "100.0%"}, {-5, "-0.5%"}, {INT64_MIN, "-922337203685477580.8%"},
  };
  for (const auto& c : cases) EXPECT_EQ(TenthsText(c.tenths), c.want) << c.tenths;
}

TEST(CapacityBarChart, StatusFollowsTheThresholds) {
  const struct {
    const char* why;
    Bar bar;
    const char* want;
  } cases[] = {
      {"exactly 100.0% is ok", {"A", "", 1000, false}, "ok"},
      {"over 100% is amber", {"B", "", 1001, false}, "amber"},
      {"flagged is red", {"C", "", 1150, true}, "red"},
      {"over 110% without the flag stays amber", {"D", "", 1150, false}, "amber"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.why);
    const json bar = CapacityBarChart("Team", {c.bar})["bars"][0];
    EXPECT_EQ(bar["status"], c.want);
    EXPECT_EQ(bar["class"], std::string("probity-chart__bar--") + c.want);
  }
}

TEST(CapacityBarChart, BarsCarryTheirTextLinkAndRow) {
  const json chart =
      CapacityBarChart("Capacity: Team 3 (North)",
                       {{"Ann", "/staff/1/workload", 1043, false}, {"Bo", "", 920, false}});
  EXPECT_EQ(chart["id"], "chart-capacity-team-3-north");
  EXPECT_EQ(chart["role"], "group") << "links cannot sit inside role=img";
  const json& bars = chart["bars"];
  EXPECT_EQ(Texts(bars), (std::vector<std::string>{"104.3%", "92.0%"}));
  EXPECT_TRUE(bars[0]["link"]);
  EXPECT_FALSE(bars[1]["link"]);
  EXPECT_EQ(bars[0]["note"], "over capacity");
  EXPECT_TRUE(bars[1]["note"].is_null());
  EXPECT_EQ(bars[1]["y"].get<int>() - bars[0]["y"].get<int>(), 28);
  EXPECT_EQ(bars[0]["value_x"].get<int>(),
            bars[0]["x"].get<int>() + bars[0]["width"].get<int>() + 6);
  EXPECT_EQ(CapacityBarChart("T", {{"Bo", "", 920, false}})["role"], "img");
}

TEST(CapacityBarChart, TicksEvery20PercentUpTo120) {
  const json chart = CapacityBarChart("T", {{"A", "", 500, false}});
  EXPECT_EQ(Texts(chart["ticks"]),
            (std::vector<std::string>{"0%", "20%", "40%", "60%", "80%", "100%", "120%"}));
  EXPECT_EQ(chart["ticks"][0]["x"], 200);
  EXPECT_EQ(chart["ticks"][6]["x"], 680);
  EXPECT_EQ(chart["bars"][0]["width"], 200) << "50% of 120% of 480px";
  EXPECT_EQ(chart["lines"][0]["x"], 600);
  EXPECT_EQ(Texts(chart["lines"]), (std::vector<std::string>{"100%", "110%"}));
  EXPECT_EQ(chart["lines"][1]["class"], "probity-chart__line--excessive");
}

TEST(CapacityBarChart, ScaleGrowsPast120PercentAndBarsStayInThePlot) {
  const json chart =
      CapacityBarChart("T", {{"A", "", 1904, false}, {"B", "", 1000, false}, {"C", "", -3, false}});
  EXPECT_EQ(chart["ticks"].back()["text"], "200%") << "190.4% rounds up to 200%";
  const int right = chart["plot"]["right"];
  for (const auto& bar : chart["bars"]) {
    EXPECT_GE(bar["width"].get<int>(), 0);
    EXPECT_LE(bar["x"].get<int>() + bar["width"].get<int>(), right);
    EXPECT_LT(bar["value_x"].get<int>(), chart["width"].get<int>());
  }
  EXPECT_EQ(chart["bars"][0]["width"], 457);  // 1904 / 2000 of 480
}

TEST(CapacityBarChart, TicksEvery50PercentPast200) {
  const json chart = CapacityBarChart("T", {{"A", "", 2010, false}});
  EXPECT_EQ(Texts(chart["ticks"]), (std::vector<std::string>{"0%", "50%", "100%", "150%", "200%"}));
  const json huge = CapacityBarChart("T", {{"A", "", INT64_MAX, true}});
  EXPECT_LE(huge["ticks"].size(), 13u);
  EXPECT_EQ(huge["bars"][0]["width"], 480);
}

TEST(CapacityBarChart, DescCountsWhoIsOver) {
  EXPECT_EQ(
      CapacityBarChart(
          "T", {{"A", "", 900, false}, {"B", "", 1043, false}, {"C", "", 1200, true}})["desc"],
      "3 practitioners: 1 over 100%, 1 over 110% for four weeks.");
  EXPECT_EQ(CapacityBarChart("T", {{"A", "", 900, false}})["desc"],
            "1 practitioner: none over 100%.");
}

TEST(CapacityBarChart, NoBarsIsEmptyAndOneRowHigh) {
  const json chart = CapacityBarChart("T", {});
  EXPECT_TRUE(chart["empty"]);
  EXPECT_TRUE(chart["bars"].empty());
  EXPECT_EQ(chart["height"], CapacityBarChart("T", {{"A", "", 1, false}})["height"]);
  EXPECT_EQ(chart["desc"], "No practitioners to show.");
  EXPECT_FALSE(CapacityBarChart("T", {{"A", "", 1, false}})["empty"]);
  EXPECT_EQ(CapacityBarChart("!!", {})["id"], "chart");
}

std::vector<Point> Weeks(const std::vector<int64_t>& tenths) {
  std::vector<Point> out;
  for (size_t i = 0; i < tenths.size(); ++i)
    out.push_back({"week-" + std::to_string(i), tenths[i]});
  return out;
}

TEST(TrendChart, PolylineHasOnePairPerPointAndHigherIsUp) {
  const json chart = TrendChart("Unit", Weeks({920, 1000, 1043, 800}));
  std::istringstream pairs(chart["polyline"].get<std::string>());
  std::vector<std::string> got;
  for (std::string pair; pairs >> pair;) got.push_back(pair);
  ASSERT_EQ(got.size(), 4u);
  const json& p = chart["points"];
  for (size_t i = 0; i < got.size(); ++i)
    EXPECT_EQ(got[i],
              std::to_string(p[i]["x"].get<int>()) + "," + std::to_string(p[i]["y"].get<int>()));
  EXPECT_LT(p[2]["y"].get<int>(), p[1]["y"].get<int>());
  EXPECT_LT(p[1]["y"].get<int>(), p[0]["y"].get<int>());
  EXPECT_LT(p[0]["x"].get<int>(), p[1]["x"].get<int>());
  EXPECT_EQ(p[0]["x"], chart["plot"]["left"]);
  EXPECT_EQ(p[3]["x"], chart["plot"]["right"]);
  EXPECT_EQ(chart["ticks"][0]["y"], chart["plot"]["bottom"]) << "0% at the bottom";
  EXPECT_LT(chart["lines"][1]["y"].get<int>(), chart["lines"][0]["y"].get<int>());
}

TEST(TrendChart, RedOnlyAfterFourWeeksOver110) {
  const json chart = TrendChart("Unit", Weeks({1111, 1120, 1130, 1140, 1000, 1101}));
  std::vector<std::string> got;
  for (const auto& p : chart["points"]) got.push_back(p["status"]);
  EXPECT_EQ(got, (std::vector<std::string>{"amber", "amber", "amber", "red", "ok", "amber"}));
}

TEST(TrendChart, LabelsAllUpTo13WeeksThenThinnedKeepingFirstAndLast) {
  EXPECT_EQ(TrendChart("U", Weeks(std::vector<int64_t>(13, 900)))["labels"].size(), 13u);
  const json labels = TrendChart("U", Weeks(std::vector<int64_t>(52, 900)))["labels"];
  EXPECT_LE(labels.size(), 13u);
  EXPECT_EQ(labels.front()["text"], "week-0");
  EXPECT_EQ(labels.back()["text"], "week-51");
  for (size_t i = 1; i < labels.size(); ++i)
    EXPECT_GE(labels[i]["x"].get<int>() - labels[i - 1]["x"].get<int>(), 40) << i;
}

TEST(TrendChart, DescGivesFirstAndLastWeeks) {
  EXPECT_EQ(
      TrendChart("U", {{"2026-10-05", 920}, {"2026-11-16", 990}, {"2026-11-23", 1043}})["desc"],
      "From 92.0% in the week of 2026-10-05 to 104.3% in the week of 2026-11-23.");
  EXPECT_EQ(TrendChart("U", {{"2026-11-23", 1043}})["desc"], "104.3% in the week of 2026-11-23.");
}

TEST(TrendChart, OnePointStillDrawsAndNoneIsEmpty) {
  const json one = TrendChart("U", {{"2026-11-23", 1043}});
  EXPECT_FALSE(one["empty"]);
  EXPECT_EQ(one["polyline"], std::to_string(one["points"][0]["x"].get<int>()) + "," +
                                 std::to_string(one["points"][0]["y"].get<int>()));
  EXPECT_EQ(one["labels"].size(), 1u);
  const json none = TrendChart("U", {});
  EXPECT_TRUE(none["empty"]);
  EXPECT_TRUE(none["points"].empty());
  EXPECT_EQ(none["desc"], "No weeks to show.");
  EXPECT_LT(none["height"].get<int>(), one["height"].get<int>());
}

}  // namespace
}  // namespace probity::workload
