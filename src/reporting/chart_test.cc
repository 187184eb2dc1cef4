#include "reporting/chart.h"

#include <gtest/gtest.h>

namespace probity::reporting {
namespace {

using nlohmann::json;

Kpi Figure(int64_t numerator, int64_t denominator, std::vector<KpiBreakdown> breakdown) {
  Kpi k;
  k.code = "first_appointment_in_time";
  k.title = "First appointment attended in time";
  k.numerator_label = "attended in time";
  k.denominator_label = "sentences and releases due a first appointment";
  k.numerator = numerator;
  k.denominator = denominator;
  k.breakdown = std::move(breakdown);
  for (const auto& b : k.breakdown)
    for (int64_t i = 0; i < b.count; ++i) k.items.push_back(KpiItem{});
  return k;
}

TEST(ShareTenths, RoundsHalfUpLikeTheRate) {
  const struct {
    int64_t part, whole;
    std::optional<int64_t> want;
  } cases[] = {
      {7, 8, 875}, {1, 3, 333}, {2, 3, 667}, {1, 1, 1000}, {0, 5, 0}, {1, 0, std::nullopt},
  };
  for (const auto& c : cases) EXPECT_EQ(ShareTenths(c.part, c.whole), c.want) << c.part;
}

TEST(KpiChart, TheRateRowIsDrawnAgainstATrackOfOneHundredPercent) {
  const struct {
    const char* why;
    int64_t numerator, denominator;
    int64_t want_width;
    const char* want_text;
  } cases[] = {
      {"all of it fills the track", 8, 8, 440, "100.0%"},
      {"seven of eight", 7, 8, 385, "87.5%"},
      {"none of it draws no bar", 0, 8, 0, "0.0%"},
      {"one of three rounds half up", 1, 3, 147, "33.3%"},
      {"nothing counted has no figure", 0, 0, 0, "No figure"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.why);
    const json chart = KpiChart(Figure(c.numerator, c.denominator, {}));
    const json& rate = chart["rows"][0];
    EXPECT_TRUE(rate["track"]);
    EXPECT_EQ(rate["track_width"], 440);
    EXPECT_EQ(rate["width"], c.want_width);
    EXPECT_EQ(rate["text"], c.want_text);
    EXPECT_EQ(rate["value_x"], 446) << "after the track";
    EXPECT_EQ(rate["label"], "Rate: attended in time");
  }
}

TEST(KpiChart, EachCategoryIsItsShareOfEverythingConsideredWithItsLabelAbove) {
  const json chart = KpiChart(Figure(7, 9, {{"in time", 7}, {"late", 2}, {"pending", 1}}));
  EXPECT_EQ(chart["id"], "chart-first_appointment_in_time");
  EXPECT_EQ(chart["title"], "First appointment attended in time");
  const json& rows = chart["rows"];
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[1]["label"], "In time");
  EXPECT_EQ(rows[1]["text"], "7 (70.0%)");
  EXPECT_EQ(rows[1]["width"], 308);
  EXPECT_FALSE(rows[1]["track"]);
  EXPECT_EQ(rows[1]["class"], "probity-chart__bar--count");
  EXPECT_EQ(rows[2]["text"], "2 (20.0%)");
  EXPECT_EQ(rows[3]["label"], "Pending");
  EXPECT_EQ(rows[3]["width"], 44);
  EXPECT_EQ(rows[3]["value_x"], 50) << "just after its bar";
  for (size_t i = 1; i < rows.size(); ++i) {
    EXPECT_EQ(rows[i]["y"].get<int>() - rows[i - 1]["y"].get<int>(), 48);
    EXPECT_LT(rows[i]["label_y"].get<int>(), rows[i]["y"].get<int>()) << "label above its bar";
  }
  EXPECT_EQ(chart["height"], 8 + 4 * 48);
  EXPECT_EQ(chart["width"], 600);
  EXPECT_FALSE(chart["empty"]);
  EXPECT_EQ(chart["desc"],
            "77.8% attended in time: 7 of 9 sentences and releases due a first appointment. By "
            "category: in time 7; late 2; pending 1.");
}

TEST(KpiChart, NothingConsideredIsEmptyAndSaysSo) {
  const json chart = KpiChart(Figure(0, 0, {}));
  EXPECT_TRUE(chart["empty"]);
  EXPECT_EQ(chart["rows"].size(), 1u);
  EXPECT_EQ(chart["desc"], "Nothing counted in the period.");
}

}  // namespace
}  // namespace probity::reporting
