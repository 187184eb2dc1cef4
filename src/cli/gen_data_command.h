// `probity gen-data`: deterministic synthetic data at national scale into an empty database, for
// load tests and benchmarks (src/gen/). Registered by Commands; never used by the server.
#pragma once

#include <functional>

namespace CLI {
class App;
}

namespace probity::cli {

// Adds the gen-data subcommand to `app`; when the command line chooses it, sets `chosen` to the
// function that runs it and returns the exit code.
void AddGenDataCommand(CLI::App& app, std::function<int()>& chosen);

}  // namespace probity::cli
