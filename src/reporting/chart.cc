#include "reporting/chart.h"

#include <algorithm>

#include "workload/chart.h"

namespace probity::reporting {

namespace {

using nlohmann::json;

constexpr int64_t kPlotWidth = 440;   // 100% or every item considered
constexpr int64_t kValueWidth = 160;  // the value after the longest bar
constexpr int64_t kPad = 4;
constexpr int64_t kRowHeight = 48;
constexpr int64_t kLabelBaseline = 16;  // from the row's top
constexpr int64_t kBarTop = 22;         // from the row's top
constexpr int64_t kBarHeight = 18;

// v of whole as a share of kPlotWidth pixels, rounded half up; 0 for nothing.
int64_t Along(int64_t v, int64_t whole) {
  if (whole <= 0 || v <= 0) return 0;
  return (2 * std::min(v, whole) * kPlotWidth + whole) / (2 * whole);
}

json Row(size_t index, std::string label, std::string text, bool track, int64_t width) {
  const int64_t top = kPad + static_cast<int64_t>(index) * kRowHeight;
  return {{"label", std::move(label)},
          {"text", std::move(text)},
          {"class", track ? "probity-chart__bar--rate" : "probity-chart__bar--count"},
          {"track", track},
          {"track_width", kPlotWidth},
          {"x", 0},
          {"y", top + kBarTop},
          {"width", width},
          {"height", kBarHeight},
          {"label_y", top + kLabelBaseline},
          {"value_x", (track ? kPlotWidth : width) + 6},  // the rate after its track
          {"value_y", top + kBarTop + kBarHeight / 2}};
}

std::string Capitalised(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 32);
  return text;
}

}  // namespace

std::optional<int64_t> ShareTenths(int64_t part, int64_t whole) {
  if (whole <= 0) return std::nullopt;
  return (part * 1000 + whole / 2) / whole;
}

json KpiChart(const Kpi& kpi) {
  int64_t total = 0;
  for (const auto& b : kpi.breakdown) total += b.count;
  const auto rate = kpi.RateTenths();

  json rows = json::array();
  rows.push_back(Row(0, "Rate: " + kpi.numerator_label,
                     rate ? workload::TenthsText(*rate) : std::string("No figure"), true,
                     rate ? Along(kpi.numerator, kpi.denominator) : 0));
  std::string parts;
  for (const auto& b : kpi.breakdown) {
    const std::string share = workload::TenthsText(ShareTenths(b.count, total).value_or(0));
    rows.push_back(Row(rows.size(), Capitalised(b.label),
                       std::to_string(b.count) + " (" + share + ")", false, Along(b.count, total)));
    parts += (parts.empty() ? "" : "; ") + b.label + " " + std::to_string(b.count);
  }

  std::string desc;
  if (rate)
    desc = workload::TenthsText(*rate) + " " + kpi.numerator_label + ": " +
           std::to_string(kpi.numerator) + " of " + std::to_string(kpi.denominator) + " " +
           kpi.denominator_label + ".";
  else
    desc = "Nothing counted in the period.";
  if (!parts.empty()) desc += " By category: " + parts + ".";

  const int64_t height = 2 * kPad + static_cast<int64_t>(rows.size()) * kRowHeight;
  return {{"title", kpi.title},
          {"id", "chart-" + kpi.code},
          {"width", kPlotWidth + kValueWidth},
          {"height", height},
          {"desc", desc},
          {"empty", kpi.denominator == 0 && kpi.items.empty()},
          {"rows", std::move(rows)}};
}

}  // namespace probity::reporting
