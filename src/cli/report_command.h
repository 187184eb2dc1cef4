// `probity report kpi|integrity --db URL --from DATE --to DATE [--team CODE | --pdu CODE |
// --region CODE | --staff-id N] [--format json|csv] [--items]`: the figures the pages show,
// computed from the event log alone (app/reports.h), printed as JSON (default) or CSV. `--items`
// adds (JSON) or lists (CSV) the items behind each KPI. Registered by Commands.
#pragma once

#include <functional>

namespace CLI {
class App;
}

namespace probity::cli {

void AddReportCommand(CLI::App& app, std::function<int()>& chosen);

}  // namespace probity::cli
