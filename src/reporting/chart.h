// Performance dashboard charts: the geometry of the SVG drawn by templates/partials/
// kpi_chart.mustache for one figure. Pure: no I/O. Every coordinate is a whole number of pixels
// in the chart's viewBox; labels are plain strings (the template escapes them). The page always
// gives the same figures in a table beside the chart; the chart never holds a figure the table
// lacks.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "reporting/kpi.h"

namespace probity::reporting {

// A horizontal bar chart of one KPI: a first row with the rate drawn against a track that is
// 100%, then a row per breakdown category (largest first, as the Kpi holds them) whose bar is
// its share of every item considered. Each row's label sits above its bar, so long categories
// ("Priya Okafor on the instruction of Sandra Price") never overflow.
//
// Returns title, id ("chart-" and the code), width, height, desc (one sentence for screen
// readers and the caption), empty (nothing was considered), and rows [{label, text ("87.5%",
// "7 (77.8%)"), class, track (the rate row), track_width, x, y, width, height, label_y,
// value_x, value_y}]. With nothing counted the rate row reads "No figure" and has no bar.
nlohmann::json KpiChart(const Kpi& kpi);

// `part` of `whole` in tenths of a percent, rounded half up; nullopt when `whole` is 0 or less.
std::optional<int64_t> ShareTenths(int64_t part, int64_t whole);

}  // namespace probity::reporting
