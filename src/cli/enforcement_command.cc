#include "cli/enforcement_command.h"

#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "app/enforcement.h"
#include "cli/batch_run.h"

namespace probity::cli {

namespace {
struct Options {
  std::string db;
  std::string at;  // an instant to evaluate as of (tests, replays); default now
};

int Evaluate(const Options& o) {
  auto started = StartBatchRun(o.db, o.at);
  if (!started.db) return started.exit_code;
  const store::Actor system{"system:enforcement", std::nullopt};
  const auto run = app::EvaluateAll(*started.db, system, started.now);
  std::cout << nlohmann::json{{"sentences", run.sentences},
                              {"alerts", run.alerts},
                              {"open_alerts", run.open_alerts},
                              {"sentences_written", run.sentences_written},
                              {"read_seconds", run.read_seconds},
                              {"evaluate_seconds", run.evaluate_seconds},
                              {"write_seconds", run.write_seconds}}
                   .dump()
            << "\n";
  return 0;
}
}  // namespace

void AddEnforcementCommand(CLI::App& app, std::function<int()>& chosen) {
  auto* enforcement = app.add_subcommand("enforcement", "Enforcement across the whole record");
  enforcement->require_subcommand(1);
  auto options = std::make_shared<Options>();  // owned by the callback, which CLI11 keeps
  auto* evaluate = enforcement->add_subcommand(
      "evaluate",
      "Evaluate every current sentence and bring the stored alerts up to date; prints counts and "
      "timings as JSON");
  evaluate->add_option("--db", options->db, "Database URL: sqlite:PATH or postgresql://...")
      ->envname("PROBITY_DB")
      ->required();
  evaluate->add_option("--at", options->at, "Evaluate as of this instant (default: now)");
  evaluate->callback([options, &chosen] { chosen = [options] { return Evaluate(*options); }; });
}

}  // namespace probity::cli
