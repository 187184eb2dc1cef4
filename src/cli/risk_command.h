// `probity risk recalculate --db URL [--at INSTANT]`: recalculates every person's tier from their
// record (after a bulk load, a restore, or a change to the tiering rules), writing tier.changed
// only where a tier changes, and prints the counts and how long each phase took as one line of
// JSON. Registered by Commands.
#pragma once

#include <functional>

namespace CLI {
class App;
}

namespace probity::cli {

void AddRiskCommand(CLI::App& app, std::function<int()>& chosen);

}  // namespace probity::cli
