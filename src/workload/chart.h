// Workload dashboard charts: the geometry of an SVG drawn by templates/partials/
// capacity_bar_chart.mustache and trend_chart.mustache. Pure: no I/O. Every coordinate is a whole
// number of pixels in the chart's viewBox; labels are plain strings (the template escapes them).
// Thresholds (workload.md): over 100.0% is over capacity (amber); over 110.0% for four weeks
// running is excessive (red). Values are tenths of a percent (1043 is 104.3%).
//
// Both charts return: title, id ("chart-" and a slug of the title: two charts on one page need
// different titles), width, height, desc (one sentence for screen readers and the caption), key
// (what the colours mean), empty, plot {left, right, top, bottom}, ticks (guides every 20%, or
// every 50% past 200%, wider still past 600%) and lines (100% and 110%, each with its class and
// where its label goes). The x or y scale runs from 0 to 120%, or further to the largest value
// rounded up to the next 10%. Values below 0 draw as 0.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace probity::workload {

// One practitioner.
struct Bar {
  std::string label;  // their name
  std::string href;   // their workload page; may be empty
  int64_t tenths = 0;
  bool red = false;  // over 110% for four weeks running: the caller knows their history
};

// Horizontal bars, one row each, in the order given. Adds role ("img", or "group" when any bar
// links: links inside role="img" are hidden from screen readers yet still take focus), label_x
// (where names end), and bars [{label, href, link (href not empty), text ("104.3%"), status
// ("ok", "amber", "red"), class, note (null, "over capacity", "excessive"), x, y, width, height,
// label_y, value_x}]; ticks [{x, text}] and lines [{x, text, class, text_x, anchor}] with
// axis_label_y and line_label_y. No bars: empty is true and the chart is one row high.
nlohmann::json CapacityBarChart(const std::string& title, const std::vector<Bar>& bars);

// One week of a unit's capacity.
struct Point {
  std::string label;  // the week, "2026-11-16"
  int64_t tenths = 0;
};

// A line over the weeks given, oldest first, one week apart. A point is red when it and the three
// before it are over 110%, amber over 100%, else ok. Adds points [{label, text, x, y, status,
// class}], polyline ("x1,y1 x2,y2 ..."), labels [{x, y, text}] for the x axis (all of them up to
// 13 weeks, else evenly thinned, always the first and last; drawn slanted so dates fit), ticks
// [{y, text}] with tick_label_x, and lines [{y, text, class, text_y}] with line_label_x. One
// point sits mid-plot; no points: empty is true and the chart only high enough for a message.
nlohmann::json TrendChart(const std::string& title, const std::vector<Point>& points);

// "104.3%": one decimal by integer arithmetic; "-0.5%" below zero.
std::string TenthsText(int64_t tenths);

}  // namespace probity::workload
