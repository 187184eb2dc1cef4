// `probity enforcement evaluate --db URL`: evaluates every current sentence and brings the stored
// alerts up to date (after a bulk load, a restore, or a change of policy or calendar), printing
// what it found and how long each phase took as one line of JSON. Registered by Commands.
#pragma once

#include <functional>

namespace CLI {
class App;
}

namespace probity::cli {

void AddEnforcementCommand(CLI::App& app, std::function<int()>& chosen);

}  // namespace probity::cli
