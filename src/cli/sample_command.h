// `probity sample draw` and `probity sample verify` (docs/inspection-samples.md): draw an
// inspection sample from the event log as of a seq with a seed (printed, so the draw can be
// repeated), optionally recording it as a named user; verify a recorded sample by drawing it
// again. Registered by Commands.
#pragma once

#include <functional>

namespace CLI {
class App;
}

namespace probity::cli {

void AddSampleCommand(CLI::App& app, std::function<int()>& chosen);

}  // namespace probity::cli
