#include "workload/chart.h"

#include <algorithm>

#include "workload/capacity.h"

namespace probity::workload {

namespace {

using nlohmann::json;

constexpr int64_t kOver = kFullTenths;
constexpr int64_t kExcessive = kExcessiveTenths;
constexpr int64_t kMinScale = 1200;
constexpr int64_t kMaxScale = 1'000'000;  // keeps the integer arithmetic far from overflow
constexpr int kMaxTicks = 12;

constexpr int64_t kRowHeight = 28;
constexpr int64_t kBarHeight = 20;
constexpr int64_t kLabelWidth = 200;
constexpr int64_t kPlotWidth = 480;
constexpr int64_t kNoteWidth = 140;  // the value and "over capacity" after the longest bar
constexpr int64_t kBarTop = 24;      // room for the reference lines' labels

constexpr int64_t kTrendWidth = 680;
constexpr int64_t kTrendHeight = 240;
constexpr int64_t kTrendLeft = 56;
constexpr int64_t kTrendRight = 616;
constexpr int64_t kTrendTop = 20;
constexpr int64_t kTrendBottom = 170;  // the slanted week labels take the rest
constexpr size_t kAllLabelsUpTo = 13;

const char* const kKey =
    "Amber: over 100% (over capacity). Red: over 110% for four weeks running (excessive).";

int64_t Clamp(int64_t tenths) { return std::clamp<int64_t>(tenths, 0, kMaxScale); }

// 0 to 120%, or past it to the largest value rounded up to a whole 10%.
int64_t ScaleMax(int64_t largest) { return std::max(kMinScale, (Clamp(largest) + 99) / 100 * 100); }

// v of max as a share of span pixels, rounded half up.
int64_t Along(int64_t v, int64_t span, int64_t max) {
  return (2 * Clamp(v) * span + max) / (2 * max);
}

int64_t TickStep(int64_t max) {
  int64_t step = max <= 2000 ? 200 : 500;
  while (max / step > kMaxTicks) step *= 2;  // a wide scale would crowd its labels
  return step;
}

std::vector<int64_t> TickValues(int64_t max) {
  std::vector<int64_t> out;
  for (int64_t t = 0, step = TickStep(max); t <= max; t += step) out.push_back(t);
  return out;
}

std::string Percent(int64_t tenths) { return std::to_string(tenths / 10) + "%"; }

// Letters and digits of the title, lower case, any other run as one hyphen: safe in an id.
std::string Slug(const std::string& title) {
  std::string slug;
  for (char c : title) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      slug += c;
    } else if (!slug.empty() && slug.back() != '-') {
      slug += '-';
    }
  }
  if (!slug.empty() && slug.back() == '-') slug.pop_back();
  return slug.empty() ? "chart" : "chart-" + slug;
}

json Base(const std::string& title, int64_t width, int64_t height, int64_t left, int64_t right,
          int64_t top, int64_t bottom) {
  return {{"title", title},
          {"id", Slug(title)},
          {"width", width},
          {"height", height},
          {"key", kKey},
          {"empty", false},
          {"plot", {{"left", left}, {"right", right}, {"top", top}, {"bottom", bottom}}},
          {"ticks", json::array()},
          {"lines", json::array()}};
}

const char* Status(int64_t tenths, bool red) {
  if (red) return "red";
  return OverCapacity(tenths) ? "amber" : "ok";
}

std::string Count(size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

std::string TenthsText(int64_t tenths) {
  // Unsigned, so the most negative value has a magnitude too.
  const uint64_t size = tenths < 0 ? 0 - static_cast<uint64_t>(tenths) : tenths;
  return (tenths < 0 ? "-" : "") + std::to_string(size / 10) + "." + std::to_string(size % 10) +
         "%";
}

json CapacityBarChart(const std::string& title, const std::vector<Bar>& bars) {
  const int64_t rows = std::max<int64_t>(1, bars.size());
  const int64_t bottom = kBarTop + rows * kRowHeight;
  const int64_t right = kLabelWidth + kPlotWidth;
  json out = Base(title, right + kNoteWidth, bottom + 24, kLabelWidth, right, kBarTop, bottom);
  out["role"] = "img";
  out["label_x"] = kLabelWidth - 8;
  out["axis_label_y"] = bottom + 16;
  out["line_label_y"] = kBarTop - 8;
  out["bars"] = json::array();
  if (bars.empty()) {
    out["empty"] = true;
    out["desc"] = "No practitioners to show.";
    return out;
  }

  int64_t largest = 0;
  for (const auto& b : bars) largest = std::max(largest, b.tenths);
  const int64_t max = ScaleMax(largest);
  auto x = [&](int64_t tenths) { return kLabelWidth + Along(tenths, kPlotWidth, max); };

  size_t amber = 0, red = 0;
  for (size_t i = 0; i < bars.size(); ++i) {
    const Bar& b = bars[i];
    const std::string status = Status(b.tenths, b.red);
    amber += status == "amber";
    red += status == "red";
    if (!b.href.empty()) out["role"] = "group";
    const int64_t row_top = kBarTop + static_cast<int64_t>(i) * kRowHeight;
    const int64_t width = x(std::min(b.tenths, max)) - kLabelWidth;
    json note = nullptr;
    if (status != "ok") note = status == "red" ? "excessive" : "over capacity";
    out["bars"].push_back({{"label", b.label},
                           {"href", b.href},
                           {"link", !b.href.empty()},
                           {"text", TenthsText(b.tenths)},
                           {"status", status},
                           {"class", "probity-chart__bar--" + status},
                           {"note", note},
                           {"x", kLabelWidth},
                           {"y", row_top + (kRowHeight - kBarHeight) / 2},
                           {"width", width},
                           {"height", kBarHeight},
                           {"label_y", row_top + kRowHeight / 2},
                           {"value_x", kLabelWidth + width + 6}});
  }
  for (int64_t t : TickValues(max)) out["ticks"].push_back({{"x", x(t)}, {"text", Percent(t)}});
  // The two labels lean apart so they never overlap, however wide the scale.
  out["lines"].push_back({{"x", x(kOver)},
                          {"text", "100%"},
                          {"class", "probity-chart__line--over"},
                          {"text_x", x(kOver) - 3},
                          {"anchor", "end"}});
  out["lines"].push_back({{"x", x(kExcessive)},
                          {"text", "110%"},
                          {"class", "probity-chart__line--excessive"},
                          {"text_x", x(kExcessive) + 3},
                          {"anchor", "start"}});

  std::string desc = Count(bars.size(), "practitioner", "practitioners") + ": ";
  if (amber == 0 && red == 0) desc += "none over 100%";
  if (amber > 0) desc += std::to_string(amber) + " over 100%";
  if (amber > 0 && red > 0) desc += ", ";
  if (red > 0) desc += std::to_string(red) + " over 110% for four weeks";
  out["desc"] = desc + ".";
  return out;
}

json TrendChart(const std::string& title, const std::vector<Point>& points) {
  json out =
      Base(title, kTrendWidth, kTrendHeight, kTrendLeft, kTrendRight, kTrendTop, kTrendBottom);
  out["tick_label_x"] = kTrendLeft - 6;
  out["line_label_x"] = kTrendRight + 4;
  out["points"] = json::array();
  out["labels"] = json::array();
  out["polyline"] = "";
  if (points.empty()) {
    out["empty"] = true;
    out["height"] = kTrendTop + 40;  // room for the message alone
    out["desc"] = "No weeks to show.";
    return out;
  }

  int64_t largest = 0;
  for (const auto& p : points) largest = std::max(largest, p.tenths);
  const int64_t max = ScaleMax(largest);
  const int64_t span = kTrendBottom - kTrendTop;
  auto y = [&](int64_t tenths) { return kTrendBottom - Along(tenths, span, max); };
  const size_t n = points.size();
  auto x = [&](size_t i) -> int64_t {
    if (n == 1) return (kTrendLeft + kTrendRight) / 2;
    return kTrendLeft + Along(static_cast<int64_t>(i), kTrendRight - kTrendLeft, n - 1);
  };
  // Thinned to at most kAllLabelsUpTo; the last is always shown, so the one a stride before it
  // gives way rather than crowd it.
  const size_t stride =
      n <= kAllLabelsUpTo ? 1 : (n - 1 + kAllLabelsUpTo - 2) / (kAllLabelsUpTo - 1);

  std::string polyline;
  size_t over_run = 0;
  for (size_t i = 0; i < n; ++i) {
    const Point& p = points[i];
    over_run = p.tenths > kExcessive ? over_run + 1 : 0;
    const std::string status = Status(p.tenths, over_run >= 4);
    const int64_t px = x(i), py = y(std::min(p.tenths, max));
    if (!polyline.empty()) polyline += ' ';
    polyline += std::to_string(px) + "," + std::to_string(py);
    out["points"].push_back({{"label", p.label},
                             {"text", TenthsText(p.tenths)},
                             {"x", px},
                             {"y", py},
                             {"status", status},
                             {"class", "probity-chart__point--" + status}});
    if (i == n - 1 || (i % stride == 0 && (i == 0 || n - 1 - i >= stride)))
      out["labels"].push_back({{"x", px}, {"y", kTrendBottom + 14}, {"text", p.label}});
  }
  out["polyline"] = polyline;
  for (int64_t t : TickValues(max)) out["ticks"].push_back({{"y", y(t)}, {"text", Percent(t)}});
  // 110% labelled above its line and 100% below its own, so the two never meet.
  out["lines"].push_back({{"y", y(kOver)},
                          {"text", "100%"},
                          {"class", "probity-chart__line--over"},
                          {"text_y", y(kOver) + 12}});
  out["lines"].push_back({{"y", y(kExcessive)},
                          {"text", "110%"},
                          {"class", "probity-chart__line--excessive"},
                          {"text_y", y(kExcessive) - 4}});

  const Point& first = points.front();
  const Point& last = points.back();
  const std::string last_text = TenthsText(last.tenths) + " in the week of " + last.label + ".";
  out["desc"] = n == 1 ? last_text
                       : "From " + TenthsText(first.tenths) + " in the week of " + first.label +
                             " to " + last_text;
  return out;
}

}  // namespace probity::workload
