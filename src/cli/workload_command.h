// `probity workload record-week --db URL [--at INSTANT]`: writes every practitioner's figure for
// the week the instant falls in (the nightly job; again after a weightings change), so the
// dashboards' trend and "over 110% for four weeks" have their history. Prints the count and the
// time taken as one line of JSON. Registered by Commands.
#pragma once

#include <functional>

namespace CLI {
class App;
}

namespace probity::cli {

void AddWorkloadCommand(CLI::App& app, std::function<int()>& chosen);

}  // namespace probity::cli
