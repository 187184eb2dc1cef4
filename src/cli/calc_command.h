// `probity calc ...`: the calculators at the command line, each reading one JSON object on
// standard input and printing its answer as one line of JSON, as the API's
// /api/v1/calculators/... answer it. `calc working-days` first; `calc ogrs3`, `calc tier` and
// `calc workload` belong beside it, registered in AddCalcCommand. Registered by Commands.
#pragma once

#include <functional>

namespace CLI {
class App;
}

namespace probity::cli {

// Adds the calc subcommand and its calculators to `app`; when the command line chooses one, sets
// `chosen` to the function that runs it and returns the exit code: 0 with the answer on standard
// output, 2 with one line on standard error for bad input, 1 when the database fails.
void AddCalcCommand(CLI::App& app, std::function<int()>& chosen);

}  // namespace probity::cli
